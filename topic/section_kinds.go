package topic

import (
	"sort"
	"strings"
)

// Shape is how a section's content is held, which decides how readers
// decode it, writers encode it and layouts lay it out.
type Shape int

// The shapes a known section takes.
const (
	// ShapeProse is a Body of paragraphs (Definition, Scope).
	ShapeProse Shape = iota
	// ShapeList is a list of Items (Core questions, Methods).
	ShapeList
	// ShapeConcepts is a list of terms with definitions (Key concepts).
	ShapeConcepts
	// ShapeTheories is a list of titled items with a body (Key theories).
	ShapeTheories
	// ShapeQuestions is a list of questions and answers (Debates, FAQ).
	ShapeQuestions
	// ShapeRelevance is prose that keeps its own heading (Relevance).
	ShapeRelevance
	// ShapeReferences is a list of Items that are works cited (Seminal
	// works); layouts show it as the references.
	ShapeReferences
)

// SectionKind describes one known section once: its field (which is also its
// JSON and YAML key), the headings Markdown and page text recognise it by
// in each language (the first is the one writers use), its shape, its
// label key in package locale and where an Entry holds it. Readers,
// writers, validation and layouts look sections up here instead of
// switching on fields, so a new section of a known shape is one row in
// sectionTable (with its Entry field and its locale labels).
type SectionKind struct {
	// Field names the section; its string is the JSON and YAML key.
	Field Field
	// Aliases are further keys a JSON or YAML entry may use for it.
	Aliases []string
	// Shape tells how the section's content is held.
	Shape Shape
	// Headings lists, by language ("en", "sv"), the headings the section is
	// recognised by; the first of each is the heading writers use.
	Headings map[string][]string
	// Label is the section's key in package locale.
	Label string
	// Lecture is the section's place in lecture order, the order a slide
	// deck shows sections in (the site's order puts related topics before
	// seminal works; a lecture ends with its pointers onwards).
	Lecture int
	// Links is true for a list whose items name other topics and may
	// carry a link target.
	Links bool

	list  func(*Entry) *[]Item
	prose func(*Entry) *Body
	qas   func(*Entry) *[]QA
}

// LayoutKey is the section's key in a layout file's sections list: the
// field with dashes ("core-questions"). Two spellings exist on purpose:
// entry keys follow the site's JSON export (underscores), layout-file
// keys follow the rest of the layout-file vocabulary ("top-left",
// "other-sections").
func (s *SectionKind) LayoutKey() string { return strings.ReplaceAll(string(s.Field), "_", "-") }

// Questions returns where e holds the questions of a ShapeQuestions
// section, or nil.
func (s *SectionKind) Questions(e *Entry) *[]QA {
	if s.qas == nil {
		return nil
	}
	return s.qas(e)
}

// List returns where e holds the items of a ShapeList or ShapeReferences
// section, or nil.
func (s *SectionKind) List(e *Entry) *[]Item {
	if s.list == nil {
		return nil
	}
	return s.list(e)
}

// Prose returns where e holds the body of a ShapeProse section, or nil.
func (s *SectionKind) Prose(e *Entry) *Body {
	if s.prose == nil {
		return nil
	}
	return s.prose(e)
}

// sectionTable lists the known sections in the order the site shows them.
var sectionTable = []SectionKind{
	{Field: FieldDefinition, Lecture: 0, Shape: ShapeProse, Label: "definition",
		Headings: map[string][]string{"en": {"Definition"}, "sv": {"Definition"}},
		prose:    func(e *Entry) *Body { return &e.Definition }},
	{Field: FieldScope, Lecture: 1, Shape: ShapeProse, Label: "scope",
		Headings: map[string][]string{"en": {"Scope"}, "sv": {"Omfattning"}},
		prose:    func(e *Entry) *Body { return &e.Scope }},
	{Field: FieldCoreQuestions, Lecture: 2, Shape: ShapeList, Label: "core_questions",
		Headings: map[string][]string{"en": {"Core questions"}, "sv": {"Kärnfrågor"}},
		list:     func(e *Entry) *[]Item { return &e.CoreQuestions }},
	{Field: FieldKeyConcepts, Lecture: 3, Shape: ShapeConcepts, Label: "key_concepts",
		Headings: map[string][]string{"en": {"Key concepts"}, "sv": {"Nyckelbegrepp"}}},
	{Field: FieldKeyTheories, Lecture: 4, Shape: ShapeTheories, Label: "key_theories",
		Headings: map[string][]string{"en": {"Key theories"}, "sv": {"Nyckelteorier"}}},
	{Field: FieldMechanisms, Lecture: 5, Shape: ShapeProse, Label: "mechanisms",
		Headings: map[string][]string{"en": {"Mechanisms"}, "sv": {"Mekanismer"}},
		prose:    func(e *Entry) *Body { return &e.Mechanisms }},
	// Relevance is recognised by any heading ending in "relevance" or
	// "relevans" (LookupHeading); these are only the defaults.
	{Field: FieldRelevance, Lecture: 6, Aliases: []string{"clinical_relevance"}, Shape: ShapeRelevance, Label: "relevance",
		Headings: map[string][]string{"en": {"Clinical relevance"}, "sv": {"Klinisk relevans"}}},
	{Field: FieldHistory, Lecture: 7, Shape: ShapeProse, Label: "history",
		Headings: map[string][]string{"en": {"History"}, "sv": {"Historia"}},
		prose:    func(e *Entry) *Body { return &e.History }},
	{Field: FieldDebates, Lecture: 8, Shape: ShapeQuestions, Label: "debates",
		Headings: map[string][]string{"en": {"Debates"}, "sv": {"Debatter"}},
		qas:      func(e *Entry) *[]QA { return &e.Debates }},
	{Field: FieldKeyFigures, Lecture: 9, Shape: ShapeList, Label: "key_figures",
		Headings: map[string][]string{"en": {"Key figures"}, "sv": {"Nyckelpersoner"}},
		list:     func(e *Entry) *[]Item { return &e.KeyFigures }},
	{Field: FieldRelatedTopics, Lecture: 14, Shape: ShapeList, Label: "related_topics", Links: true,
		Headings: map[string][]string{"en": {"Related topics"}, "sv": {"Relaterade ämnen"}},
		list:     func(e *Entry) *[]Item { return &e.RelatedTopics }},
	{Field: FieldSeminalWorks, Lecture: 11, Shape: ShapeReferences, Label: "seminal_works",
		Headings: map[string][]string{"en": {"Seminal works"}, "sv": {"Centrala verk"}},
		list:     func(e *Entry) *[]Item { return &e.SeminalWorks }},
	{Field: FieldFAQ, Lecture: 10, Shape: ShapeQuestions, Label: "faq",
		Headings: map[string][]string{"en": {"Frequently asked questions", "FAQ", "FAQs"}, "sv": {"Vanliga frågor"}},
		qas:      func(e *Entry) *[]QA { return &e.FAQ }},
	{Field: FieldMethods, Lecture: 12, Shape: ShapeList, Label: "methods",
		Headings: map[string][]string{"en": {"Methods for this concept", "Methods"}, "sv": {"Metoder", "Metoder för detta begrepp"}},
		list:     func(e *Entry) *[]Item { return &e.Methods }},
	{Field: FieldRelatedConcepts, Lecture: 13, Shape: ShapeList, Label: "related_concepts", Links: true,
		Headings: map[string][]string{"en": {"Related concepts"}, "sv": {"Relaterade begrepp"}},
		list:     func(e *Entry) *[]Item { return &e.RelatedConcepts }},
}

// sectionByField indexes sectionTable by field.
var sectionByField = func() map[Field]*SectionKind {
	m := make(map[Field]*SectionKind, len(sectionTable))
	for i := range sectionTable {
		m[sectionTable[i].Field] = &sectionTable[i]
	}
	return m
}()

// SectionKinds returns the known sections in the order the site shows them.
// The slice is shared; callers must not modify it.
func SectionKinds() []SectionKind { return sectionTable }

// LookupKind returns the description of a known section, or false for
// the summary, a generic section or an unknown field.
func LookupKind(f Field) (*SectionKind, bool) {
	s, ok := sectionByField[f]
	return s, ok
}

// KindsShaped returns the known sections of one shape, in site order.
func KindsShaped(sh Shape) []*SectionKind {
	var out []*SectionKind
	for i := range sectionTable {
		if sectionTable[i].Shape == sh {
			out = append(out, &sectionTable[i])
		}
	}
	return out
}

// LectureKinds returns the known sections in lecture order.
func LectureKinds() []*SectionKind { return lectureKinds }

// lectureKinds is sectionTable sorted by Lecture.
var lectureKinds = func() []*SectionKind {
	out := make([]*SectionKind, len(sectionTable))
	for i := range sectionTable {
		out[i] = &sectionTable[i]
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Lecture < out[j].Lecture })
	return out
}()
