package glossary

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/topic"
)

// seedEntry builds the seed page's entry straight from
// topic/testdata/seed-page.txt with a small splitter of its own, so these
// tests check extraction on the real text independently of the readers.
func seedEntry(t testing.TB) *topic.Entry {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "topic", "testdata", "seed-page.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(raw), "\n") {
		if l = strings.TrimRight(l, " \r"); l != "" {
			lines = append(lines, l)
		}
	}
	headings := map[string]topic.Field{
		"Definition": topic.FieldDefinition, "Scope": topic.FieldScope, "Core questions": topic.FieldCoreQuestions,
		"Key concepts": topic.FieldKeyConcepts, "Key theories": topic.FieldKeyTheories, "Mechanisms": topic.FieldMechanisms,
		"Clinical relevance": topic.FieldRelevance, "History": topic.FieldHistory, "Debates": topic.FieldDebates,
		"Key figures": topic.FieldKeyFigures, "Related topics": topic.FieldRelatedTopics, "Seminal works": topic.FieldSeminalWorks,
		"Frequently asked questions": topic.FieldFAQ, "Methods for this concept": topic.FieldMethods, "Related concepts": topic.FieldRelatedConcepts,
	}
	e := &topic.Entry{Title: lines[2], Source: "seed-page.txt"}
	e.Summary = topic.Paragraphs(lines[3])
	sect := map[topic.Field][]string{}
	var cur topic.Field
	for _, l := range lines[4:] {
		if f, ok := headings[l]; ok {
			cur = f
			e.Order = append(e.Order, topic.SectionRef{Field: f, Heading: l})
			continue
		}
		if cur != "" {
			sect[cur] = append(sect[cur], strings.TrimPrefix(strings.TrimSpace(l), "• "))
		}
	}
	items := func(ls []string) []topic.Item {
		var out []topic.Item
		for _, l := range ls {
			out = append(out, topic.Item{Text: topic.Plain(l)})
		}
		return out
	}
	pairs := func(ls []string) []topic.QA {
		var out []topic.QA
		for i := 0; i+1 < len(ls); i += 2 {
			out = append(out, topic.QA{Question: topic.Plain(ls[i]), Answer: topic.Paragraphs(ls[i+1])})
		}
		return out
	}
	e.Definition = topic.Paragraphs(sect[topic.FieldDefinition]...)
	e.Scope = topic.Paragraphs(sect[topic.FieldScope]...)
	e.CoreQuestions = items(sect[topic.FieldCoreQuestions])
	for _, l := range sect[topic.FieldKeyConcepts] {
		e.KeyConcepts = append(e.KeyConcepts, topic.Concept{Term: topic.Plain(l)})
	}
	th := sect[topic.FieldKeyTheories]
	for i := 0; i+1 < len(th); i += 2 {
		e.KeyTheories = append(e.KeyTheories, topic.Theory{Name: topic.Plain(th[i]), Description: topic.Paragraphs(th[i+1])})
	}
	e.Mechanisms = topic.Paragraphs(sect[topic.FieldMechanisms]...)
	e.Relevance = &topic.Relevance{Heading: "Clinical relevance", Body: topic.Paragraphs(sect[topic.FieldRelevance]...)}
	e.History = topic.Paragraphs(sect[topic.FieldHistory]...)
	e.Debates = pairs(sect[topic.FieldDebates])
	e.KeyFigures = items(sect[topic.FieldKeyFigures])
	e.SeminalWorks = items(sect[topic.FieldSeminalWorks])
	e.FAQ = pairs(sect[topic.FieldFAQ])
	return e
}

// swedishEntry is a Swedish topic whose terms sort with å, ä and ö.
func swedishEntry() *topic.Entry {
	return &topic.Entry{
		Title: "Beroende och tolerans", Lang: "sv", Subject: "Beroendelära", Source: "beroende.md",
		Summary: topic.Paragraphs("Översikt över hur hjärnan anpassar sig."),
		Definition: topic.Paragraphs("Abstinens är ett tillstånd av obehag när drogen sätts ut; " +
			"tolerans är en minskad effekt av samma dos."),
		KeyConcepts: []topic.Concept{
			{Term: topic.Plain("Återfall"), Definition: topic.Plain("Att börja använda drogen igen efter ett uppehåll.")},
			{Term: topic.Plain("Ärftlighet"), Definition: topic.Plain("Den del av variationen som förklaras av gener.")},
			{Term: topic.Plain("Översensitivitet"), Definition: topic.Plain("En ökad känslighet för drogens effekter.")},
			{Term: topic.Plain("Abstinens")},
			{Term: topic.Plain("Tolerans")},
			{Term: topic.Plain("Zink")},
		},
		KeyFigures:   []topic.Item{{Text: topic.Plain("Östen Ödman")}, {Text: topic.Plain("Anna Berg")}},
		SeminalWorks: []topic.Item{{Text: topic.Plain("berg-2020")}},
	}
}

// courseEntries are three topics sharing terms with differing definitions;
// the third has empty sections and an undefined term.
func courseEntries() []*topic.Entry {
	a := &topic.Entry{
		Title: "Reward circuits", Slug: "reward-circuits", Subject: "Neuroscience", Source: "a.md",
		KeyConcepts: []topic.Concept{
			{Term: topic.Plain("Dopamine"), Definition: topic.Text{{Text: "A "}, {Text: "neurotransmitter", Style: topic.Bold}, {Text: " central to reward."}}},
			{Term: topic.Plain("Tolerance"), Definition: topic.Plain("A reduced response to a drug after repeated use.")},
		},
		KeyTheories:   []topic.Theory{{Name: topic.Plain("Incentive salience"), Description: topic.Paragraphs("Wanting is separate from liking.")}},
		CoreQuestions: []topic.Item{{Text: topic.Plain("What does dopamine signal?")}},
		KeyFigures:    []topic.Item{{Text: topic.Plain("Kent Berridge")}},
		SeminalWorks: []topic.Item{
			{Text: topic.Plain("berridge-1998")},
			{Text: topic.Text{{Text: "Schultz, W. (1998). Predictive reward signal. ", Style: 0}, {Text: "doi:10.1152/jn.1998.80.1.1"}}},
		},
	}
	b := &topic.Entry{
		Title: "Pharmacology basics", Slug: "pharmacology-basics", Subject: "Neuroscience", Source: "b.md",
		Mechanisms: topic.Paragraphs("Repeated doses lead to tolerances of several kinds."),
		KeyConcepts: []topic.Concept{
			{Term: topic.Plain("tolerances"), Definition: topic.Plain("The need for a larger dose to get the same effect.")},
			{Term: topic.Plain("Half-life"), Definition: topic.Text{{Text: "Time for the plasma level to halve ("}, {Text: "see source", URL: "https://example.org/half-life"}, {Text: ")."}}},
			{Term: topic.Plain("Dopamine"), Definition: topic.Text{{Text: "A "}, {Text: "neurotransmitter", Style: topic.Bold}, {Text: " central to reward."}}},
		},
		FAQ:          []topic.QA{{Question: topic.Plain("Is tolerance permanent?"), Answer: topic.Paragraphs("Often not.")}},
		KeyFigures:   []topic.Item{{Text: topic.Plain("kent berridge")}, {Text: topic.Plain("Nora Volkow")}},
		SeminalWorks: []topic.Item{{Text: topic.Plain("berridge-1998")}},
	}
	c := &topic.Entry{
		Title: "Withdrawal", Subject: "Neuroscience", Source: "c.md",
		Scope: topic.Body{},
		KeyConcepts: []topic.Concept{
			{Term: topic.Plain("Withdrawal syndrome")},
			{Term: topic.Plain("Tolerance"), Definition: topic.Plain("Diminished response at a given dose.")},
		},
		Debates: []topic.QA{{Question: topic.Plain("Is withdrawal mainly physical?"), Answer: nil}},
		Order:   []topic.SectionRef{{Field: topic.FieldScope}, {Field: topic.FieldKeyConcepts}, {Field: topic.FieldDebates}},
	}
	return []*topic.Entry{a, b, c}
}

// bigEntry has n key concepts, each defined in the prose by a different
// pattern, and every tenth without any definition.
func bigEntry(n int, title string) *topic.Entry {
	e := &topic.Entry{Title: title, Source: title + ".md"}
	var mech []string
	for i := 0; i < n; i++ {
		term := fmt.Sprintf("Concept %s %d", title, i)
		e.KeyConcepts = append(e.KeyConcepts, topic.Concept{Term: topic.Plain(term)})
		switch i % 10 {
		case 0:
		case 1:
			e.KeyConcepts[i].Definition = topic.Plain(fmt.Sprintf("Written definition number %d.", i))
		case 2:
			mech = append(mech, fmt.Sprintf("Results vary (%s %d) across studies.", "see", i))
		default:
			mech = append(mech, fmt.Sprintf("%s is a property of system %d observed in trials.", term, i))
		}
	}
	e.Mechanisms = topic.Paragraphs(strings.Join(mech, " "))
	return e
}
