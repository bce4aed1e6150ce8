package glossary

import (
	"reflect"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/synth"
	"github.com/scholargate/topicdeck/topic"
)

func termNames(g *Glossary) []string {
	var out []string
	for _, t := range g.Terms {
		out = append(out, t.Name)
	}
	return out
}

func findTerm(t *testing.T, g *Glossary, name string) *Term {
	t.Helper()
	for _, tm := range g.Terms {
		if tm.Name == name {
			return tm
		}
	}
	t.Fatalf("no term %q in %q", name, termNames(g))
	return nil
}

func TestBuildCourseMerges(t *testing.T) {
	g := FromEntries(courseEntries(), Options{})
	if want := []string{"Dopamine", "Half-life", "Tolerance", "Withdrawal syndrome"}; !reflect.DeepEqual(termNames(g), want) {
		t.Fatalf("terms %q, want %q", termNames(g), want)
	}
	if g.Title != "Neuroscience" || g.Lang != "en" {
		t.Errorf("title %q lang %q", g.Title, g.Lang)
	}
	tol := findTerm(t, g, "Tolerance")
	if want := []string{"Reward circuits", "Pharmacology basics", "Withdrawal"}; !reflect.DeepEqual(tol.Topics, want) {
		t.Errorf("tolerance topics %q", tol.Topics)
	}
	if !reflect.DeepEqual(tol.Slugs, []string{"reward-circuits", "pharmacology-basics", "withdrawal"}) {
		t.Errorf("tolerance slugs %q", tol.Slugs)
	}
	if tol.Definition.Text.Plain() != "A reduced response to a drug after repeated use." || tol.Definition.Topic != "Reward circuits" {
		t.Errorf("first definition kept: %+v", tol.Definition)
	}
	if len(tol.Others) != 2 || tol.Others[0].Topic != "Pharmacology basics" || tol.Others[1].Topic != "Withdrawal" {
		t.Errorf("others %+v", tol.Others)
	}
	if !reflect.DeepEqual(tol.Aliases, []string{"tolerances"}) || !tol.NeedsReview() {
		t.Errorf("aliases %q review %v", tol.Aliases, tol.NeedsReview())
	}
	dop := findTerm(t, g, "Dopamine")
	if len(dop.Others) != 0 || dop.NeedsReview() || len(dop.Topics) != 2 {
		t.Errorf("identical definitions must merge silently: %+v", dop)
	}
	if w := findTerm(t, g, "Withdrawal syndrome"); w.Definition.Origin != Missing {
		t.Errorf("withdrawal syndrome: %+v", w.Definition)
	}
	if len(g.People) != 2 || g.People[0].Name != "Kent Berridge" || len(g.People[0].Topics) != 2 {
		t.Errorf("people %+v", g.People)
	}
	if len(g.References) != 2 {
		t.Fatalf("references %+v", g.References)
	}
	var schultz, berridge Reference
	for _, r := range g.References {
		if r.Key == "berridge-1998" {
			berridge = r
		} else {
			schultz = r
		}
	}
	if len(berridge.Topics) != 2 || schultz.DOI != "10.1152/jn.1998.80.1.1" {
		t.Errorf("references %+v", g.References)
	}
	if len(g.Topics) != 3 || g.Topics[0].Concepts != 2 || g.Topics[0].Questions != 1 || g.Topics[2].Slug != "withdrawal" {
		t.Errorf("topics %+v", g.Topics)
	}
	if len(g.Questions) != 3 || g.Questions[2].Kind != DebateQuestion || g.Questions[2].Answer != "" {
		t.Errorf("questions %+v", g.Questions)
	}
}

func TestBuildExplicitBeatsExtracted(t *testing.T) {
	a := &topic.Entry{Title: "A", Mechanisms: topic.Paragraphs("Craving is an urge that comes and goes."),
		KeyConcepts: []topic.Concept{{Term: topic.Plain("Craving")}}}
	b := &topic.Entry{Title: "B", KeyConcepts: []topic.Concept{{Term: topic.Plain("craving"), Definition: topic.Plain("A strong desire to use.")}}}
	g := FromEntries([]*topic.Entry{a, b}, Options{})
	c := g.Terms[0]
	if c.Definition.Origin != FromEntry || c.Definition.Topic != "B" || len(c.Others) != 1 || c.Others[0].Origin != Extracted {
		t.Fatalf("got %+v", c)
	}
}

func TestSwedishCollation(t *testing.T) {
	g := FromEntries([]*topic.Entry{swedishEntry()}, Options{})
	want := []string{"Abstinens", "Tolerans", "Zink", "Återfall", "Ärftlighet", "Översensitivitet"}
	if !reflect.DeepEqual(termNames(g), want) {
		t.Errorf("sv order %q, want %q", termNames(g), want)
	}
	if g.Lang != "sv" || g.Title != "Beroende och tolerans" {
		t.Errorf("lang %q title %q", g.Lang, g.Title)
	}
	if d := findTerm(t, g, "Abstinens").Definition; d.Text.Plain() != "Ett tillstånd av obehag när drogen sätts ut." || d.Section != "Definition" {
		t.Errorf("abstinens %+v", d)
	}
	if d := findTerm(t, g, "Tolerans").Definition; d.Text.Plain() != "En minskad effekt av samma dos." {
		t.Errorf("tolerans %+v", d)
	}
	if g.People[0].Name != "Anna Berg" || g.People[1].Name != "Östen Ödman" {
		t.Errorf("people %+v", g.People)
	}
	// --lang en sorts å with a and ö with o.
	g = FromEntries([]*topic.Entry{swedishEntry()}, Options{Lang: "en"})
	want = []string{"Abstinens", "Ärftlighet", "Återfall", "Översensitivitet", "Tolerans", "Zink"}
	if !reflect.DeepEqual(termNames(g), want) {
		t.Errorf("en order %q, want %q", termNames(g), want)
	}
}

func TestCourseLanguage(t *testing.T) {
	sv := swedishEntry()
	en := &topic.Entry{Title: "E"}
	if l := FromEntries([]*topic.Entry{sv, sv}, Options{}).Lang; l != "sv" {
		t.Errorf("shared sv: %q", l)
	}
	if l := FromEntries([]*topic.Entry{sv, en}, Options{}).Lang; l != "en" {
		t.Errorf("mixed: %q", l)
	}
	if l := FromEntries([]*topic.Entry{en}, Options{Lang: "sv-SE"}).Lang; l != "sv-SE" {
		t.Errorf("override: %q", l)
	}
}

func TestRelatedConcepts(t *testing.T) {
	e := &topic.Entry{Title: "T", KeyConcepts: []topic.Concept{
		{Term: topic.Plain("Tolerance"), Definition: topic.Plain("Needing more drug; unlike sensitizations, it lowers the effect.")},
		{Term: topic.Plain("Sensitization"), Definition: topic.Plain("An increased effect.")},
	}}
	g := FromEntries([]*topic.Entry{e}, Options{})
	if r := findTerm(t, g, "Tolerance").Related; !reflect.DeepEqual(r, []string{"Sensitization"}) {
		t.Errorf("related %q", r)
	}
	if r := findTerm(t, g, "Sensitization").Related; len(r) != 0 {
		t.Errorf("related %q", r)
	}
}

func TestBigEntry(t *testing.T) {
	g := FromEntries([]*topic.Entry{bigEntry(500, "big")}, Options{})
	if len(g.Terms) != 500 {
		t.Fatalf("%d terms", len(g.Terms))
	}
	counts := map[Origin]int{}
	for _, tm := range g.Terms {
		counts[tm.Definition.Origin]++
		if tm.Definition.Origin == Extracted && !strings.HasPrefix(tm.Definition.Text.Plain(), "A property of system") {
			t.Errorf("%s: %q", tm.Name, tm.Definition.Text.Plain())
		}
	}
	if counts[FromEntry] != 50 || counts[Missing] != 100 || counts[Extracted] != 350 {
		t.Errorf("origins %v", counts)
	}
}

// scanRelated is linkRelated as first written: each word of a definition
// compared with every term that starts with it. It is slow but plainly
// right, so the indexed linkRelated must give the same lists.
func scanRelated(terms []*Term) map[*Term][]string {
	out := map[*Term][]string{}
	byFirst := map[string][]*Term{}
	for _, t := range terms {
		if ws := strings.Fields(Key(t.Name)); len(ws) > 0 {
			byFirst[ws[0]] = append(byFirst[ws[0]], t)
		}
	}
	for _, t := range terms {
		words := strings.FieldsFunc(strings.ToLower(t.Definition.Text.Plain()), func(r rune) bool { return !isWordRune(r) })
		for i := range words {
			words[i] = singular(strings.Trim(words[i], "-'"))
		}
		seen := map[*Term]bool{t: true}
		for i, w := range words {
			for _, o := range byFirst[w] {
				ows := strings.Fields(Key(o.Name))
				if !seen[o] && i+len(ows) <= len(words) && strings.Join(words[i:i+len(ows)], " ") == strings.Join(ows, " ") {
					seen[o] = true
					out[t] = append(out[t], o.Name)
				}
			}
		}
	}
	return out
}

func TestLinkRelatedMatchesScan(t *testing.T) {
	def := func(name, text string) *Term {
		return &Term{Name: name, Definition: Definition{Text: topic.Plain(text), Origin: FromEntry}}
	}
	small := []*Term{
		def("Dopamine reward", "Reward signalled by dopamine."),
		def("Reward", "The pleasure of a reward circuit, not of rewards."),
		def("Reward circuits", "Reward circuits link reward--and REWARD CIRCUIT--to 'dopamine'."),
		def("Dopamine", "A transmitter of reward circuit-wide signals; see dopamine's role and set-points."),
		def("Set-point", "The allostatic set-point of dopamine reward, its own set-point."),
		def("Tolerance", "Tolerance is not intolerance; -- tolerances' ends."),
		def("Glia", ""),
	}
	var course []*topic.Entry
	for i := range 120 {
		name, data := synth.Entry(i, synth.Options{Seed: 3, Small: true})
		e, err := topic.Read(name, data, topic.Options{})
		if err != nil {
			t.Fatal(err)
		}
		course = append(course, e)
	}
	for _, tc := range []struct {
		name  string
		terms []*Term
	}{
		{"hand-made", small},
		{"synthetic course", FromEntries(course, Options{}).Terms},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, tm := range tc.terms {
				tm.Related = nil
			}
			want := scanRelated(tc.terms)
			linkRelated(tc.terms)
			linked := 0
			for _, tm := range tc.terms {
				if !reflect.DeepEqual(tm.Related, want[tm]) {
					t.Errorf("%s: related %q, want %q", tm.Name, tm.Related, want[tm])
				}
				linked += len(tm.Related)
			}
			if linked == 0 {
				t.Error("no term links another: the comparison proves nothing")
			}
		})
	}
}
