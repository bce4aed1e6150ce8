package handout

import (
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/topic"
)

// readingOrder lists the entry's sections in the order the author wrote
// them. Sections a program filled in without recording them in Order follow
// in the site's order, so nothing with content is ever left out.
func readingOrder(e *topic.Entry) []topic.SectionRef {
	var out []topic.SectionRef
	type key struct {
		f topic.Field
		i int
	}
	seen := map[key]bool{}
	for _, r := range e.Order {
		k := key{r.Field, r.Index}
		if r.Field != topic.FieldSection {
			k.i = 0
		}
		if r.Field == topic.FieldSummary || seen[k] {
			continue
		}
		if r.Field == topic.FieldSection && (r.Index < 0 || r.Index >= len(e.Sections)) {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	for _, f := range topic.Fields {
		if !seen[key{f, 0}] && !sectionEmpty(e, topic.SectionRef{Field: f}) {
			seen[key{f, 0}] = true
			out = append(out, topic.SectionRef{Field: f})
		}
	}
	for i := range e.Sections {
		if !seen[key{topic.FieldSection, i}] {
			out = append(out, topic.SectionRef{Field: topic.FieldSection, Index: i, Heading: e.Sections[i].Heading})
		}
	}
	return out
}

// sectionEmpty reports whether a section has nothing to print. A section
// of the author's own keeps its heading even when empty: the heading is the
// author's text too.
func sectionEmpty(e *topic.Entry, r topic.SectionRef) bool {
	if r.Field == topic.FieldSection && r.Index >= 0 && r.Index < len(e.Sections) {
		return len(e.Sections[r.Index].Body) == 0 && e.Sections[r.Index].Heading == ""
	}
	return e.Empty(r)
}

// sectionHeading is the heading as the author wrote it, else the label in
// the entry's language.
func sectionHeading(e *topic.Entry, r topic.SectionRef, l locale.Labels) string {
	switch r.Field {
	case topic.FieldSection:
		if r.Index >= 0 && r.Index < len(e.Sections) && e.Sections[r.Index].Heading != "" {
			return e.Sections[r.Index].Heading
		}
	case topic.FieldRelevance:
		if e.Relevance != nil && e.Relevance.Heading != "" {
			return e.Relevance.Heading
		}
	}
	if r.Heading != "" {
		return r.Heading
	}
	return l.Get(locale.Key(r.Field))
}

// items returns a list-shaped section's items.
func items(e *topic.Entry, f topic.Field) []topic.Item {
	if l := e.ListField(f); l != nil {
		return *l
	}
	return nil
}

// questions returns a question-shaped section's questions (debates, FAQ)
// and true, or false for a section of another shape.
func questions(e *topic.Entry, f topic.Field) ([]topic.QA, bool) {
	if k, ok := topic.LookupKind(f); ok && k.Shape == topic.ShapeQuestions {
		return *k.Questions(e), true
	}
	return nil, false
}

// isReferences reports whether a field holds works cited (seminal works).
func isReferences(f topic.Field) bool {
	k, ok := topic.LookupKind(f)
	return ok && k.Shape == topic.ShapeReferences
}

// prose returns a prose-shaped section's body.
func prose(e *topic.Entry, r topic.SectionRef) topic.Body {
	if b := e.ProseField(r.Field); b != nil {
		return *b
	}
	switch r.Field {
	case topic.FieldRelevance:
		if e.Relevance != nil {
			return e.Relevance.Body
		}
	case topic.FieldSection:
		if r.Index >= 0 && r.Index < len(e.Sections) {
			return e.Sections[r.Index].Body
		}
	}
	return nil
}
