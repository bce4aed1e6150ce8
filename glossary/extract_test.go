package glossary

import (
	"reflect"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/topic"
)

func TestExtractSeed(t *testing.T) {
	terms := Extract(seedEntry(t))
	byName := map[string]*Term{}
	for _, tm := range terms {
		byName[tm.Name] = tm
	}
	tests := []struct {
		term, want, section, matched string
	}{
		{"Tolerance", "The resulting reduction in drug effect at a given dose, requiring escalation to reproduce the original effect.", "Definition", ""},
		{"Physical and psychological dependence", "A brain state, produced by neuroadaptation, in which stopping the drug leads to disturbance and withdrawal.", "Frequently asked questions", "dependence"},
		{"Behavioral sensitization", "An enhanced response to some drug effects.", "Mechanisms", "sensitization"},
	}
	for _, tc := range tests {
		tm := byName[tc.term]
		if tm == nil {
			t.Fatalf("term %q missing; got %v", tc.term, terms)
		}
		d := tm.Definition
		if d.Origin != Extracted || d.Text.Plain() != tc.want || d.Section != tc.section || d.Matched != tc.matched {
			t.Errorf("%s: got %q from %q (origin %d, matched %q); want %q from %q matched %q",
				tc.term, d.Text.Plain(), d.Section, d.Origin, d.Matched, tc.want, tc.section, tc.matched)
		}
		if !tm.NeedsReview() {
			t.Errorf("%s: an extracted definition must need review", tc.term)
		}
	}
	// The rest of the seed's concepts are not defined anywhere in its text;
	// the asides around them ("plasticity—from acute …—", "circuits—and its
	// overlap …—") must not be taken for definitions.
	for _, name := range []string{"Synaptic plasticity in reward circuits", "Receptor downregulation and signalling adaptation",
		"Allostatic reward set-point", "Reward-related learning and memory"} {
		if d := byName[name].Definition; d.Origin != Missing {
			t.Errorf("%s: want missing, got %q (%s)", name, d.Text.Plain(), d.Section)
		}
	}
	if len(terms) != 7 {
		t.Errorf("got %d terms, want the seed's 7 key concepts", len(terms))
	}
}

func TestExtractPatterns(t *testing.T) {
	tests := []struct {
		name, term string
		body       string
		want       string
	}{
		{"defined as", "Craving", "Craving is defined as an intense desire for the drug.", "An intense desire for the drug."},
		{"refers to", "Relapse", "In clinics, relapse is common. Relapse refers to a return to use after abstinence.", "A return to use after abstinence."},
		{"copula after semicolon", "Salience", "Stimuli differ; salience is the quality that makes a stimulus stand out.", "The quality that makes a stimulus stand out."},
		{"plural term, singular text", "Opioid receptors", "An opioid receptor is a protein that binds opioids.", "A protein that binds opioids."},
		{"parenthesis", "Withdrawal", "Stopping leads to withdrawal (a set of symptoms after cessation) in many users.", "A set of symptoms after cessation."},
		{"apposition", "Craving", "Users report craving—an urge to use the drug—during abstinence.", "An urge to use the drug."},
		{"year in parenthesis is not a definition", "Allostasis", "Allostasis (Koob 2001) was proposed.", ""},
		{"mid-sentence copula is not a definition", "Reward", "The key point of reward is a matter of debate.", ""},
		{"not inside a longer word", "Tolerance", "Intolerance is a different thing.", ""},
		{"question is skipped", "Tolerance", "Is tolerance a reduced response?", ""},
		{"defined as beats copula", "Habit", "Habit is a routine. Habit is defined as an automatic response to a cue.", "An automatic response to a cue."},
		{"seed apposition", "Tolerance", "These adaptations underlie tolerance—the need for larger doses to achieve the same effect—and dependence, and they help explain how the brain is reshaped.",
			"The need for larger doses to achieve the same effect."},
		{"seed parenthesis", "Tolerance", "These adaptations can express as tolerance (diminished response to a given dose), dependence (a state in which removal of the drug produces disturbance).",
			"Diminished response to a given dose."},
		{"contrast clause is cut", "Tolerance", "Tolerance is a decreased response to some drug effects, whereas sensitization is an increased response to others.",
			"A decreased response to some drug effects."},
		{"swedish copula", "Tolerans", "Tolerans är en minskad effekt av samma dos.", "En minskad effekt av samma dos."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := &topic.Entry{Title: "T", Mechanisms: topic.Paragraphs(tc.body), KeyConcepts: []topic.Concept{{Term: topic.Plain(tc.term)}}}
			if strings.HasPrefix(tc.name, "swedish") {
				e.Lang = "sv"
			}
			got := Extract(e)[0].Definition
			if got.Text.Plain() != tc.want {
				t.Errorf("got %q, want %q", got.Text.Plain(), tc.want)
			}
			if (tc.want == "") != (got.Origin == Missing) {
				t.Errorf("origin %d for %q", got.Origin, tc.want)
			}
		})
	}
}

func TestExtractPrefersExplicitDefinition(t *testing.T) {
	e := &topic.Entry{Title: "T", Definition: topic.Paragraphs("Tolerance is a thing written in prose."),
		KeyConcepts: []topic.Concept{{Term: topic.Plain("Tolerance"), Definition: topic.Text{{Text: "Written", Style: topic.Italic}, {Text: " by the author."}}}}}
	d := Extract(e)[0].Definition
	if d.Origin != FromEntry || d.Text.Plain() != "Written by the author." || d.Text[0].Style != topic.Italic {
		t.Fatalf("got %+v", d)
	}
}

func TestVariants(t *testing.T) {
	got := func(term string) []string {
		var out []string
		for _, v := range variants(term, nil) {
			out = append(out, strings.Join(v.words, " "))
		}
		return out
	}
	tests := map[string][]string{
		"Tolerance":                              {"tolerance"},
		"Physical and psychological dependence":  {"physical and psychological dependence", "physical dependence", "psychological dependence", "dependence"},
		"Synaptic plasticity in reward circuits": {"synaptic plasticity in reward circuits", "synaptic plasticity", "plasticity"},
		"Behavioral sensitization":               {"behavioral sensitization", "sensitization"},
		"Allostatic reward set-point":            {"allostatic reward set-point"},
		"Receptor downregulation and signalling adaptation": {"receptor downregulation and signalling adaptation",
			"receptor downregulation", "signalling adaptation"},
	}
	for term, want := range tests {
		if g := got(term); !reflect.DeepEqual(g, want) {
			t.Errorf("%s: got %q, want %q", term, g, want)
		}
	}
}

func TestKey(t *testing.T) {
	same := [][2]string{
		{"Tolerance", "tolerances"}, {"Reward  circuits", "reward circuit"}, {"Opioid Receptors", "opioid receptor"},
		{"Process", "processes"}, {"Dependency", "dependencies"},
	}
	for _, p := range same {
		if Key(p[0]) != Key(p[1]) {
			t.Errorf("Key(%q)=%q != Key(%q)=%q", p[0], Key(p[0]), p[1], Key(p[1]))
		}
	}
	if Key("Stimulus") == Key("Stimuli") && Key("Analysis") == Key("Analys") {
		t.Error("irregular words should not be folded")
	}
}

// TestExtractSeedThroughReader checks the same definitions on the seed as
// the page-text reader loads it.
func TestExtractSeedThroughReader(t *testing.T) {
	e, err := topic.ReadFile("../topic/testdata/seed-page.txt", topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, tm := range Extract(seedEntry(t)) {
		want[tm.Name] = tm.Definition.Text.Plain() + " | " + tm.Definition.Section
	}
	got := map[string]string{}
	for _, tm := range Extract(e) {
		got[tm.Name] = tm.Definition.Text.Plain() + " | " + tm.Definition.Section
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("through the reader:\n%q\nby hand:\n%q", got, want)
	}
}
