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

// sectionEmpty reports whether a section has nothing to print.
func sectionEmpty(e *topic.Entry, r topic.SectionRef) bool {
	switch r.Field {
	case topic.FieldSummary:
		return len(e.Summary) == 0
	case topic.FieldDefinition:
		return len(e.Definition) == 0
	case topic.FieldScope:
		return len(e.Scope) == 0
	case topic.FieldCoreQuestions:
		return len(e.CoreQuestions) == 0
	case topic.FieldKeyConcepts:
		return len(e.KeyConcepts) == 0
	case topic.FieldKeyTheories:
		return len(e.KeyTheories) == 0
	case topic.FieldMechanisms:
		return len(e.Mechanisms) == 0
	case topic.FieldRelevance:
		return e.Relevance == nil || len(e.Relevance.Body) == 0
	case topic.FieldHistory:
		return len(e.History) == 0
	case topic.FieldDebates:
		return len(e.Debates) == 0
	case topic.FieldKeyFigures:
		return len(e.KeyFigures) == 0
	case topic.FieldRelatedTopics:
		return len(e.RelatedTopics) == 0
	case topic.FieldSeminalWorks:
		return len(e.SeminalWorks) == 0
	case topic.FieldFAQ:
		return len(e.FAQ) == 0
	case topic.FieldMethods:
		return len(e.Methods) == 0
	case topic.FieldRelatedConcepts:
		return len(e.RelatedConcepts) == 0
	case topic.FieldSection:
		// A section of the author's own keeps its heading even when empty:
		// the heading is the author's text too.
		return r.Index < 0 || r.Index >= len(e.Sections) || (len(e.Sections[r.Index].Body) == 0 && e.Sections[r.Index].Heading == "")
	}
	return true
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
	switch f {
	case topic.FieldCoreQuestions:
		return e.CoreQuestions
	case topic.FieldKeyFigures:
		return e.KeyFigures
	case topic.FieldRelatedTopics:
		return e.RelatedTopics
	case topic.FieldSeminalWorks:
		return e.SeminalWorks
	case topic.FieldMethods:
		return e.Methods
	case topic.FieldRelatedConcepts:
		return e.RelatedConcepts
	}
	return nil
}

// prose returns a prose-shaped section's body.
func prose(e *topic.Entry, r topic.SectionRef) topic.Body {
	switch r.Field {
	case topic.FieldSummary:
		return e.Summary
	case topic.FieldDefinition:
		return e.Definition
	case topic.FieldScope:
		return e.Scope
	case topic.FieldMechanisms:
		return e.Mechanisms
	case topic.FieldHistory:
		return e.History
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
