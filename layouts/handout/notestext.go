package handout

import (
	"strings"

	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/topic"
)

// SlideNotes returns, for each slide of deck, the entry's full text for
// that slide as plain paragraphs: what the notes layout prints under the
// slide, shared out between the slides the same way (assign), so a deck's
// speaker notes and the printed notes agree.
func SlideNotes(e *topic.Entry, deck *plan.Document, l locale.Labels) [][]string {
	out := make([][]string, len(deck.Pages))
	for i, parts := range assign(e, deck, l) {
		for _, pt := range parts {
			if pt.first && pt.ref.Field != topic.FieldSummary {
				out[i] = append(out[i], sectionHeading(e, pt.ref, l))
			}
			for u := pt.from; u < pt.to; u++ {
				out[i] = append(out[i], unitParagraphs(e, pt.ref, u)...)
			}
		}
	}
	return out
}

// unitParagraphs is a unit's whole text (a paragraph, an item with what
// it holds, a concept with its definition, a question with its answer).
func unitParagraphs(e *topic.Entry, r topic.SectionRef, i int) []string {
	switch r.Field {
	case topic.FieldKeyConcepts:
		c := e.KeyConcepts[i]
		if len(c.Definition) == 0 {
			return []string{c.Term.Plain()}
		}
		return []string{c.Term.Plain() + " — " + c.Definition.Plain()}
	case topic.FieldKeyTheories:
		th := e.KeyTheories[i]
		return append([]string{th.Name.Plain()}, bodyParagraphs(th.Description)...)
	}
	if qs, ok := questions(e, r.Field); ok {
		return qaParagraphs(qs[i])
	}
	if it := items(e, r.Field); it != nil {
		return itemParagraphs(it[i], "")
	}
	return bodyParagraphs(topic.Body{prose(e, r)[i]})
}

func qaParagraphs(q topic.QA) []string {
	return append([]string{q.Question.Plain()}, bodyParagraphs(q.Answer)...)
}

func itemParagraphs(it topic.Item, indent string) []string {
	out := []string{indent + "• " + it.Text.Plain()}
	out = append(out, bodyParagraphs(it.Blocks)...)
	for _, c := range it.Children {
		out = append(out, itemParagraphs(c, indent+"  ")...)
	}
	return out
}

// bodyParagraphs splits prose into paragraphs at the blank lines its plain
// form puts between blocks.
func bodyParagraphs(b topic.Body) []string {
	var out []string
	for _, bl := range b {
		for _, p := range strings.Split(topic.Body{bl}.Plain(), "\n") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}
