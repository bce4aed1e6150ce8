package topic

import (
	"reflect"
	"strings"
	"testing"
)

func itemTexts(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Text.Plain())
	}
	return out
}

// qaTexts gives each question and its answer as plain text, in turn.
func qaTexts(qs []QA) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.Question.Plain(), q.Answer.Plain())
	}
	return out
}

// TestReadPageTextSeed checks every section of the real seed page.
func TestReadPageTextSeed(t *testing.T) {
	e, data := readTestFile(t, "testdata/seed-page.txt", ReadPageText)
	if e.Title != "Neuroadaptation and Tolerance" {
		t.Errorf("title = %q", e.Title)
	}
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q;\nwant %q", what, got, want)
		}
	}
	checkList := func(what string, got, want []string) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %q;\nwant %q", what, got, want)
		}
	}
	check("summary", e.Summary.Plain(), "Neuroadaptation refers to the lasting molecular, cellular, and synaptic changes that the brain undergoes in response to repeated drug exposure. These adaptations underlie tolerance—the need for larger doses to achieve the same effect—and dependence, and they help explain how the brain is reshaped over the course of an addiction.")
	check("definition", e.Definition.Plain(), "Neuroadaptation is the set of compensatory and maladaptive changes in neural structure, signalling, and synaptic plasticity produced by repeated drug exposure; tolerance is the resulting reduction in drug effect at a given dose, requiring escalation to reproduce the original effect.")
	check("scope", e.Scope.Plain(), "This topic covers the forms of plasticity recruited by chronic drug use: receptor and signalling changes, synaptic remodelling in reward circuits, the concepts of tolerance, dependence, and sensitization, and the allostatic shift in reward set-point. It is a mechanistic reference and not clinical guidance on dosing or withdrawal management.")
	checkList("core questions", itemTexts(e.CoreQuestions), []string{
		"What cellular and synaptic changes follow repeated drug exposure?",
		"How do tolerance, dependence, and sensitization differ mechanistically?",
		"How does the brain's reward set-point shift with chronic use?",
		"Why do adaptations differ between drug classes?",
	})
	var terms []string
	for _, c := range e.KeyConcepts {
		terms = append(terms, c.Term.Plain())
		if len(c.Definition) > 0 {
			t.Errorf("concept %q got a definition %q", c.Term.Plain(), c.Definition.Plain())
		}
	}
	checkList("key concepts", terms, []string{
		"Tolerance", "Physical and psychological dependence", "Behavioral sensitization",
		"Synaptic plasticity in reward circuits", "Receptor downregulation and signalling adaptation",
		"Allostatic reward set-point", "Reward-related learning and memory",
	})
	var theories []string
	for _, th := range e.KeyTheories {
		theories = append(theories, th.Name.Plain(), th.Description.Plain())
	}
	checkList("key theories (name, description)", theories, []string{
		"Allostasis and reward set-point shift",
		"Koob and Volkow propose that chronic drug use drives the brain to a new allostatic state in which reward function is downregulated and antireward systems are upregulated, so that more drug is needed to feel normal and tolerance and negative affect emerge.",
		"Staged neuroplasticity of addiction",
		"Kalivas and O'Brien frame addiction as progressing through stages of plasticity—from acute drug-induced changes to relatively stable reorganization of glutamatergic signalling in cortico-striatal circuits—that entrench compulsive drug seeking.",
	})
	check("mechanisms", e.Mechanisms.Plain(), "Repeated drug exposure triggers compensatory changes at multiple levels: alterations in receptor number and sensitivity, changes in intracellular signalling and gene expression, and remodelling of synapses in reward-related circuits such as the nucleus accumbens and prefrontal cortex. Hyman and colleagues emphasize that drugs engage the same reward-related learning and memory mechanisms used for natural rewards, producing durable associations. These adaptations can express as tolerance (diminished response to a given dose), dependence (a state in which removal of the drug produces disturbance), or sensitization (an enhanced response to some drug effects). Koob and Volkow describe an allostatic shift in which the reward system is downregulated while stress and antireward systems are recruited, and Kalivas and O'Brien highlight glutamatergic plasticity in cortico-striatal pathways. The specific adaptations differ across drug classes—opiates and psychostimulants, for example, engage partly distinct mechanisms.")
	if e.Relevance == nil {
		t.Fatal("no relevance")
	}
	check("relevance heading", e.Relevance.Heading, "Clinical relevance")
	check("relevance", e.Relevance.Body.Plain(), "Neuroadaptation explains why drug effects change over time and why dependence develops, concepts central to understanding tolerance and withdrawal in the health sciences. This entry describes mechanisms for education and is not a basis for dosing or for managing any individual's drug use.")
	check("history", e.History.Plain(), "Tolerance and dependence were recognized clinically long before their neural basis was understood. Through the late twentieth century, molecular neuroscience revealed drug-induced changes in receptors, signalling cascades, and gene expression, and by the 2000s synaptic plasticity in reward circuits—and its overlap with learning and memory—became a central theme. Integrative models such as allostasis and staged neuroplasticity then situated these adaptations within the broader cycle of addiction.")
	checkList("debates (question, answer)", qaTexts(e.Debates), []string{
		"Are addiction-related adaptations shared across all drug classes?",
		"While dopaminergic reward signalling is a common theme, the specific neuroadaptations and even behavioral profiles differ between drug classes such as opiates and psychostimulants, complicating any single unified mechanism.",
	})
	checkList("key figures", itemTexts(e.KeyFigures), []string{"George Koob", "Nora Volkow", "Eric Nestler", "Steven Hyman", "Peter Kalivas"})
	checkList("related topics", itemTexts(e.RelatedTopics), nil)
	checkList("seminal works", itemTexts(e.SeminalWorks), []string{"koob-2009-neurocircuitry", "hyman-2006", "kalivas-2007"})
	checkList("faq (question, answer)", qaTexts(e.FAQ), []string{
		"What is the difference between tolerance and dependence?",
		"Tolerance is a reduced effect of a drug at a given dose, so more is needed to reproduce the original effect; dependence is a brain state, produced by neuroadaptation, in which stopping the drug leads to disturbance and withdrawal.",
		"Is sensitization the opposite of tolerance?",
		"Not exactly. Tolerance is a decreased response to some drug effects, whereas sensitization is an increased response to others; both can develop with repeated use because different effects adapt in different directions.",
	})
	checkList("methods", itemTexts(e.Methods), nil)
	checkList("related concepts", itemTexts(e.RelatedConcepts), nil)
	if len(e.Sections) != 0 {
		t.Errorf("generic sections %#v; navigation lines leaked into content?", e.Sections)
	}

	var order []string
	for _, r := range e.Order {
		order = append(order, string(r.Field)+"="+r.Heading)
	}
	checkList("order", order, []string{
		"definition=Definition", "scope=Scope", "core_questions=Core questions", "key_concepts=Key concepts",
		"key_theories=Key theories", "mechanisms=Mechanisms", "relevance=Clinical relevance", "history=History",
		"debates=Debates", "key_figures=Key figures", "related_topics=Related topics", "seminal_works=Seminal works",
		"faq=Frequently asked questions", "methods=Methods for this concept", "related_concepts=Related concepts",
	})
	if r, _ := e.Ref(FieldRelatedConcepts); r.Pos != (Pos{Line: 88, Col: 1}) {
		t.Errorf("related concepts heading at %v, want 88:1", r.Pos)
	}
	if e.CoreQuestions[0].Pos != (Pos{Line: 24, Col: 3}) {
		t.Errorf("first core question at %v, want 24:3", e.CoreQuestions[0].Pos)
	}

	// Every line of the page that is not navigation is in the entry.
	text := mdEntryText(e)
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "•"))
		if line != "" && !isChrome(line) && !strings.Contains(text, line) {
			t.Errorf("line %q is not in the entry", line)
		}
	}
	mdRoundTrip(t, e)
}

func TestPageChrome(t *testing.T) {
	for _, l := range []string{"ScholarGate", "Assistent", "Hitta ämne med PaperMindSnartFind papers & topics", "Tools & resources", "Ladda ner bildspel", "Learn & explore", "VideoSnart", "PodcastSnart"} {
		if !isChrome(l) {
			t.Errorf("%q is not taken for navigation", l)
		}
	}
	for _, l := range []string{"Snart kommer våren.", "Tolerance", "Koob and Volkow propose that chronic drug use drives the brain"} {
		if isChrome(l) {
			t.Errorf("%q is taken for navigation", l)
		}
	}
}

// TestPageTextGolden reads each testdata/page/*/input.txt and compares the
// model with want.json and its Markdown with want.md.
func TestPageTextGolden(t *testing.T) {
	readGolden(t, "testdata/page", "input.txt", ReadPageText, nil)
}

func TestReadPageTextErrors(t *testing.T) {
	for src, want := range map[string]string{
		"":                           "p.txt:1:1: error: no title",
		"ScholarGate\nAssistent\n\n": "p.txt:1:1: error: no title",
		"Title\n\xff\n":              "p.txt:2:1: error: not a text file",
	} {
		_, err := ReadPageText("p.txt", []byte(src))
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ReadPageText(%q) error = %v; want %q", src, err, want)
		}
	}
}
