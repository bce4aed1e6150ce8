// Package topic holds the topic entry model and its readers and writers.
//
// An Entry is one teaching page about one topic. Every reader (Markdown,
// JSON, YAML, page text) produces the same model, and nothing in a source is
// dropped: a section the model does not know is kept as a generic Section.
// The package knows nothing of pages, slides or fonts.
package topic

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// Style is a set of inline formatting flags carried by a Run.
type Style uint8

// Inline styles. They combine: Bold|Italic is bold italic.
const (
	Bold Style = 1 << iota
	Italic
	Code
)

// Run is a stretch of inline text with one style. A non-empty URL makes the
// run a link, so renderers can draw it clickable.
type Run struct {
	Text  string `json:"text"`
	Style Style  `json:"style,omitempty"`
	URL   string `json:"url,omitempty"`
}

// Text is inline content: a sequence of styled runs.
type Text []Run

// Plain returns the text without formatting. A text of one run (most
// are) is that run's string, and longer ones are built at their size:
// readers, layouts and the quiz ask for it thousands of times a course.
func (t Text) Plain() string {
	switch len(t) {
	case 0:
		return ""
	case 1:
		return t[0].Text
	}
	n := 0
	for _, r := range t {
		n += len(r.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for _, r := range t {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Plain is shorthand for a Text of one unstyled run; the empty string gives nil.
func Plain(s string) Text {
	if s == "" {
		return nil
	}
	return Text{{Text: s}}
}

// BlockKind tells which of the Block fields are in use.
type BlockKind uint8

// The kinds of block content kept in prose fields and generic sections.
const (
	ParagraphBlock BlockKind = iota // Text
	ListBlock                       // Items, Ordered, Start
	CodeBlock                       // Code, Lang
	TableBlock                      // Rows (the first row is the header), Align
	QuoteBlock                      // Blocks
	HeadingBlock                    // Text, Level (a sub-heading inside a section)
	RuleBlock                       // a thematic break
	FigureBlock                     // Src, Alt, Caption; Picture once loaded (a paragraph that is only an image)
)

// Block is one piece of block content, in source order.
type Block struct {
	Kind    BlockKind `json:"kind"`
	Text    Text      `json:"text,omitempty"`
	Level   int       `json:"level,omitempty"`
	Items   []Item    `json:"items,omitempty"`
	Ordered bool      `json:"ordered,omitempty"`
	Start   int       `json:"start,omitempty"`
	Code    string    `json:"code,omitempty"`
	Lang    string    `json:"lang,omitempty"`
	Rows    [][]Text  `json:"rows,omitempty"`
	Align   []string  `json:"align,omitempty"` // per column: "", "left", "center", "right"
	Blocks  []Block   `json:"blocks,omitempty"`
	Src     string    `json:"src,omitempty"`
	Alt     string    `json:"alt,omitempty"`
	Caption string    `json:"caption,omitempty"`
	Picture *Picture  `json:"-"` // a figure's image data, filled by package figure
	Pos     Pos       `json:"-"`
}

// Item is one list item. Children keep the nesting of sub-lists; Blocks keep
// any further paragraphs or code inside the item, so nothing is dropped.
type Item struct {
	Text     Text    `json:"text"`
	Children []Item  `json:"children,omitempty"`
	Blocks   []Block `json:"blocks,omitempty"`
	Pos      Pos     `json:"-"`
}

// FlattenItems returns items and all their descendants as one flat list,
// in reading order, each without children (its blocks stay with it).
// Layouts use it below the deepest nesting they can indent, so a list
// nested deeper than the page is wide keeps every word.
func FlattenItems(items []Item) []Item {
	var out []Item
	for _, it := range items {
		children := it.Children
		it.Children = nil
		out = append(out, it)
		out = append(out, FlattenItems(children)...)
	}
	return out
}

// Body is prose: paragraphs, and whatever lists, code, tables or quotes the
// author put between them.
type Body []Block

// Paragraphs builds a Body of plain paragraphs, one per string.
func Paragraphs(ps ...string) Body {
	var b Body
	for _, p := range ps {
		b = append(b, Block{Kind: ParagraphBlock, Text: Plain(p)})
	}
	return b
}

// Plain returns the body's text with blocks separated by blank lines and
// list items by newlines; formatting is dropped.
func (b Body) Plain() string {
	var parts []string
	for _, bl := range b {
		parts = append(parts, bl.plain())
	}
	return strings.Join(parts, "\n\n")
}

func (bl Block) plain() string {
	switch bl.Kind {
	case ListBlock:
		var lines []string
		var walk func(items []Item)
		walk = func(items []Item) {
			for _, it := range items {
				lines = append(lines, it.Text.Plain())
				for _, sub := range it.Blocks {
					lines = append(lines, sub.plain())
				}
				walk(it.Children)
			}
		}
		walk(bl.Items)
		return strings.Join(lines, "\n")
	case CodeBlock:
		return bl.Code
	case TableBlock:
		var lines []string
		for _, row := range bl.Rows {
			var cells []string
			for _, c := range row {
				cells = append(cells, c.Plain())
			}
			lines = append(lines, strings.Join(cells, "\t"))
		}
		return strings.Join(lines, "\n")
	case QuoteBlock:
		return Body(bl.Blocks).Plain()
	case RuleBlock:
		return ""
	case FigureBlock:
		return figurePlain(bl)
	default:
		return bl.Text.Plain()
	}
}

// Concept is a key concept: a term and, where the author gave one, its definition.
type Concept struct {
	Term       Text `json:"term"`
	Definition Text `json:"definition,omitempty"`
	Pos        Pos  `json:"-"`
}

// Theory is a key theory: a name and its description.
type Theory struct {
	Name        Text `json:"name"`
	Description Body `json:"description,omitempty"`
	Pos         Pos  `json:"-"`
}

// QA is a question with its answer: a debate or a FAQ item.
type QA struct {
	Question Text `json:"question"`
	Answer   Body `json:"answer,omitempty"`
	Pos      Pos  `json:"-"`
}

// Relevance is the "... relevance" section; its heading is kept as written
// ("Clinical relevance", "Educational relevance", "Klinisk relevans").
type Relevance struct {
	Heading string `json:"heading"`
	Body    Body   `json:"body,omitempty"`
}

// Section is a generic section: any heading the model does not know.
type Section struct {
	Heading string `json:"heading"`
	Body    Body   `json:"body,omitempty"`
}

// Field names a section of an entry, by its name in the format table.
type Field string

// The sections of an entry. FieldSection stands for a generic section.
const (
	FieldSummary         Field = "summary"
	FieldDefinition      Field = "definition"
	FieldScope           Field = "scope"
	FieldCoreQuestions   Field = "core_questions"
	FieldKeyConcepts     Field = "key_concepts"
	FieldKeyTheories     Field = "key_theories"
	FieldMechanisms      Field = "mechanisms"
	FieldRelevance       Field = "relevance"
	FieldHistory         Field = "history"
	FieldDebates         Field = "debates"
	FieldKeyFigures      Field = "key_figures"
	FieldRelatedTopics   Field = "related_topics"
	FieldSeminalWorks    Field = "seminal_works"
	FieldFAQ             Field = "faq"
	FieldMethods         Field = "methods"
	FieldRelatedConcepts Field = "related_concepts"
	FieldSection         Field = "sections"
)

// Fields lists the known sections in the order the site shows them.
var Fields = func() []Field {
	fs := make([]Field, len(sectionTable))
	for i, s := range sectionTable {
		fs[i] = s.Field
	}
	return fs
}()

// SectionRef records one section as it appeared in the source: which field,
// for generic sections which one (Index into Entry.Sections), the heading as
// the author wrote it, and where. Entry.Order keeps them in source order, so
// a section that is present but empty is still known, and writers can
// reproduce the author's order.
type SectionRef struct {
	Field   Field  `json:"field"`
	Index   int    `json:"index,omitempty"`
	Heading string `json:"heading,omitempty"`
	Pos     Pos    `json:"-"`
}

// Entry is one topic entry. Every field is optional except Title.
type Entry struct {
	Title        string   `json:"title"`
	Slug         string   `json:"slug,omitempty"`
	Subject      string   `json:"subject,omitempty"`
	Lang         string   `json:"lang,omitempty"`
	Authors      []string `json:"authors,omitempty"`
	Updated      string   `json:"updated,omitempty"` // ISO 8601 date
	Bibliography string   `json:"bibliography,omitempty"`

	Summary         Body       `json:"summary,omitempty"`
	Definition      Body       `json:"definition,omitempty"`
	Scope           Body       `json:"scope,omitempty"`
	CoreQuestions   []Item     `json:"core_questions,omitempty"`
	KeyConcepts     []Concept  `json:"key_concepts,omitempty"`
	KeyTheories     []Theory   `json:"key_theories,omitempty"`
	Mechanisms      Body       `json:"mechanisms,omitempty"`
	Relevance       *Relevance `json:"relevance,omitempty"`
	History         Body       `json:"history,omitempty"`
	Debates         []QA       `json:"debates,omitempty"`
	KeyFigures      []Item     `json:"key_figures,omitempty"`
	RelatedTopics   []Item     `json:"related_topics,omitempty"`
	SeminalWorks    []Item     `json:"seminal_works,omitempty"`
	FAQ             []QA       `json:"faq,omitempty"`
	Methods         []Item     `json:"methods,omitempty"`
	RelatedConcepts []Item     `json:"related_concepts,omitempty"`
	Sections        []Section  `json:"sections,omitempty"`

	// Order lists the sections present in the source, in source order,
	// including empty ones. Summary is not listed: it has no heading.
	Order []SectionRef `json:"-"`

	// Source is where the entry was read from ("-" for standard input),
	// and Format the form it was read in.
	Source string `json:"-"`
	Format Format `json:"-"`

	// TitlePos and SlugPos are where the source gave the title (its key,
	// or the "# " heading) and the slug; unknown when not given or not
	// known (page text). An error about the slug points at them.
	TitlePos Pos `json:"-"`
	SlugPos  Pos `json:"-"`
}

// SlugOrigin is where the entry's slug comes from: its slug when given,
// else its title.
func (e *Entry) SlugOrigin() Pos {
	if e.SlugPos.IsValid() {
		return e.SlugPos
	}
	return e.TitlePos
}

// Format is one of the four input forms.
type Format string

// The input forms.
const (
	FormatMarkdown Format = "md"
	FormatJSON     Format = "json"
	FormatYAML     Format = "yaml"
	FormatPageText Format = "txt"
)

// Has reports whether the section was present in the source, even if empty.
func (e *Entry) Has(f Field) bool {
	for _, r := range e.Order {
		if r.Field == f {
			return true
		}
	}
	return false
}

// Ref returns the SectionRef of a known section, if present.
func (e *Entry) Ref(f Field) (SectionRef, bool) {
	for _, r := range e.Order {
		if r.Field == f {
			return r, true
		}
	}
	return SectionRef{}, false
}

// LangOrDefault returns the entry's language, "en" when none is set.
func (e *Entry) LangOrDefault() string {
	if e.Lang == "" {
		return "en"
	}
	return e.Lang
}

// SlugOrDefault returns the slug, derived from the title when none is set:
// lower-cased, with every run of non-alphanumerics turned into one "-".
func (e *Entry) SlugOrDefault() string {
	if e.Slug != "" {
		return e.Slug
	}
	return Slugify(e.Title)
}

// MaxSlugBytes caps a slug's length: file names are made of a slug and a
// suffix ("-handout-slides-3.pdf"), and most file systems refuse names over
// 255 bytes, while a Content-Disposition header should stay short.
const MaxSlugBytes = 100

// Slugify lower-cases s and turns every run of characters that are not
// letters or digits into a single "-", trimming dashes at both ends.
// Letters outside ASCII are kept (å stays å) so Swedish titles stay readable.
// A slug longer than MaxSlugBytes is cut at a word boundary and ends in a
// short hash of the whole, so two long titles that start alike still get
// different slugs.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if isAlnum(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return capSlug(b.String())
}

// capSlug shortens a slug over MaxSlugBytes to its longest run of whole
// words that leaves room for "-" and 8 hex digits of its SHA-256.
func capSlug(slug string) string {
	if len(slug) <= MaxSlugBytes {
		return slug
	}
	sum := sha256.Sum256([]byte(slug))
	tag := hex.EncodeToString(sum[:4])
	room := MaxSlugBytes - len(tag) - 1
	cut := strings.LastIndexByte(slug[:room+1], '-')
	if cut <= 0 {
		// One word longer than the room: cut it at a character boundary.
		cut = room
		for cut > 0 && !utf8.RuneStart(slug[cut]) {
			cut--
		}
	}
	return slug[:cut] + "-" + tag
}

// ListField returns the field that holds a list-shaped section's items
// (core questions, key figures, related topics, seminal works, methods,
// related concepts), or nil for any other section. Readers fill it and
// renderers read it, so none of them keeps its own table of fields.
func (e *Entry) ListField(f Field) *[]Item {
	if s, ok := LookupKind(f); ok {
		return s.List(e)
	}
	return nil
}

// ProseField returns the body of a prose section (summary, definition,
// scope, mechanisms, history), or nil for any other section. Relevance is
// prose too but carries its heading; see Entry.Relevance.
func (e *Entry) ProseField(f Field) *Body {
	if f == FieldSummary {
		return &e.Summary
	}
	if s, ok := LookupKind(f); ok {
		return s.Prose(e)
	}
	return nil
}

// QuestionsField returns the questions of a question-shaped section
// (debates, FAQ), or nil for any other section.
func (e *Entry) QuestionsField(f Field) *[]QA {
	if s, ok := LookupKind(f); ok {
		return s.Questions(e)
	}
	return nil
}

// Empty reports whether the section a ref points to has no content.
func (e *Entry) Empty(r SectionRef) bool {
	if b := e.ProseField(r.Field); b != nil {
		return len(*b) == 0
	}
	if l := e.ListField(r.Field); l != nil {
		return len(*l) == 0
	}
	if qs := e.QuestionsField(r.Field); qs != nil {
		return len(*qs) == 0
	}
	switch r.Field {
	case FieldKeyConcepts:
		return len(e.KeyConcepts) == 0
	case FieldKeyTheories:
		return len(e.KeyTheories) == 0
	case FieldRelevance:
		return e.Relevance == nil || len(e.Relevance.Body) == 0
	case FieldSection:
		return r.Index < 0 || r.Index >= len(e.Sections) || len(e.Sections[r.Index].Body) == 0
	}
	return true
}
