package topic

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
)

// SectionKind describes one known section once: its field (which is also its
// JSON and YAML key), the headings Markdown and page text recognise it by
// in each language (the first is the one writers use), its shape, its
// label key in package locale and where an Entry holds it. Readers,
// writers, validation and layouts look sections up here instead of
// switching on fields, so a new section is one row in sectionTable.
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
	// Links is true for a list whose items name other topics and may
	// carry a link target.
	Links bool

	list  func(*Entry) *[]Item
	prose func(*Entry) *Body
}

// List returns where e holds the items of a ShapeList section, or nil.
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
	{Field: FieldDefinition, Shape: ShapeProse, Label: "definition",
		Headings: map[string][]string{"en": {"Definition"}, "sv": {"Definition"}},
		prose:    func(e *Entry) *Body { return &e.Definition }},
	{Field: FieldScope, Shape: ShapeProse, Label: "scope",
		Headings: map[string][]string{"en": {"Scope"}, "sv": {"Omfattning"}},
		prose:    func(e *Entry) *Body { return &e.Scope }},
	{Field: FieldCoreQuestions, Shape: ShapeList, Label: "core_questions",
		Headings: map[string][]string{"en": {"Core questions"}, "sv": {"Kärnfrågor"}},
		list:     func(e *Entry) *[]Item { return &e.CoreQuestions }},
	{Field: FieldKeyConcepts, Shape: ShapeConcepts, Label: "key_concepts",
		Headings: map[string][]string{"en": {"Key concepts"}, "sv": {"Nyckelbegrepp"}}},
	{Field: FieldKeyTheories, Shape: ShapeTheories, Label: "key_theories",
		Headings: map[string][]string{"en": {"Key theories"}, "sv": {"Nyckelteorier"}}},
	{Field: FieldMechanisms, Shape: ShapeProse, Label: "mechanisms",
		Headings: map[string][]string{"en": {"Mechanisms"}, "sv": {"Mekanismer"}},
		prose:    func(e *Entry) *Body { return &e.Mechanisms }},
	// Relevance is recognised by any heading ending in "relevance" or
	// "relevans" (LookupHeading); these are only the defaults.
	{Field: FieldRelevance, Aliases: []string{"clinical_relevance"}, Shape: ShapeRelevance, Label: "relevance",
		Headings: map[string][]string{"en": {"Clinical relevance"}, "sv": {"Klinisk relevans"}}},
	{Field: FieldHistory, Shape: ShapeProse, Label: "history",
		Headings: map[string][]string{"en": {"History"}, "sv": {"Historia"}},
		prose:    func(e *Entry) *Body { return &e.History }},
	{Field: FieldDebates, Shape: ShapeQuestions, Label: "debates",
		Headings: map[string][]string{"en": {"Debates"}, "sv": {"Debatter"}}},
	{Field: FieldKeyFigures, Shape: ShapeList, Label: "key_figures",
		Headings: map[string][]string{"en": {"Key figures"}, "sv": {"Nyckelpersoner"}},
		list:     func(e *Entry) *[]Item { return &e.KeyFigures }},
	{Field: FieldRelatedTopics, Shape: ShapeList, Label: "related_topics", Links: true,
		Headings: map[string][]string{"en": {"Related topics"}, "sv": {"Relaterade ämnen"}},
		list:     func(e *Entry) *[]Item { return &e.RelatedTopics }},
	{Field: FieldSeminalWorks, Shape: ShapeList, Label: "seminal_works",
		Headings: map[string][]string{"en": {"Seminal works"}, "sv": {"Centrala verk"}},
		list:     func(e *Entry) *[]Item { return &e.SeminalWorks }},
	{Field: FieldFAQ, Shape: ShapeQuestions, Label: "faq",
		Headings: map[string][]string{"en": {"Frequently asked questions", "FAQ", "FAQs"}, "sv": {"Vanliga frågor"}}},
	{Field: FieldMethods, Shape: ShapeList, Label: "methods",
		Headings: map[string][]string{"en": {"Methods for this concept", "Methods"}, "sv": {"Metoder", "Metoder för detta begrepp"}},
		list:     func(e *Entry) *[]Item { return &e.Methods }},
	{Field: FieldRelatedConcepts, Shape: ShapeList, Label: "related_concepts", Links: true,
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
