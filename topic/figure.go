package topic

import (
	"github.com/scholargate/topicdeck/diag"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Picture is a figure's image as loaded from the entry's folder (package
// figure does that, checking where the file lies and what it holds). Type
// is "PNG" or "JPG". A picture that could not be loaded keeps the reason
// in Problem and no Data: layouts then draw the figure's alt text in a
// frame, so the figure is never silently lost.
type Picture struct {
	Type          string
	Data          []byte
	Width, Height int // in pixels
	Problem       string
}

// figure reads a paragraph that holds nothing but one image as a figure:
// `![alt](src "caption")`. An image inside running text stays inline (a
// link whose text is its alt text), since a slide cannot place a picture
// in the middle of a line.
func (c *mdConv) figure(n ast.Node, p Pos) (Block, bool) {
	if n.Kind() != ast.KindParagraph || n.ChildCount() != 1 {
		return Block{}, false
	}
	img, ok := n.FirstChild().(*ast.Image)
	if !ok {
		return Block{}, false
	}
	src := strings.TrimSpace(unescapeMarkdown(string(img.Destination)))
	if src == "" {
		// Nothing to load: read as before, an empty paragraph or its alt text.
		return Block{}, false
	}
	alt := oneLine(c.inline(img).Plain())
	caption := oneLine(unescapeMarkdown(string(img.Title)))
	return Block{Kind: FigureBlock, Src: src, Alt: alt, Caption: caption, Pos: p}, true
}

// oneLine folds a figure's alt text or caption onto one line, as a screen
// reader speaks it and a writer can put it back in `![…]( "…")`.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// formatFigure writes a figure as the Markdown image that reads back as it.
func formatFigure(bl Block) string {
	var b strings.Builder
	b.WriteString("![")
	b.WriteString(formatInline(Plain(bl.Alt), inlineOpts{}))
	b.WriteString("](")
	b.WriteString(linkDestination(bl.Src))
	if bl.Caption != "" {
		b.WriteString(` "`)
		for i, r := range bl.Caption {
			if r == '"' || r == '\\' {
				b.WriteByte('\\')
			} else if r == '&' {
				if _, _, ok := charRef(bl.Caption[i:]); ok {
					b.WriteByte('\\') // "&amp;" written would read back as "&"
				}
			}
			b.WriteRune(r)
		}
		b.WriteByte('"')
	}
	b.WriteByte(')')
	return b.String()
}

// figurePlain is a figure's text: its alt text and caption, so that a
// plain-text form of the entry keeps what the picture was said to show.
func figurePlain(bl Block) string {
	var parts []string
	for _, s := range []string{bl.Alt, bl.Caption} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n")
}

// FigureProblems warns about each figure without alt text: a screen
// reader says nothing of such a picture, and the PDF/UA and PowerPoint
// accessibility checks fail it.
func FigureProblems(e *Entry) []diag.Problem {
	file := e.problemFile()
	var out []diag.Problem
	EachFigure(e, func(bl *Block) {
		if strings.TrimSpace(bl.Alt) == "" {
			out = append(out, diag.Problem{File: file, Pos: bl.Pos, Severity: diag.SeverityWarning,
				Message: "image " + quoteSrc(bl.Src) + " has no alt text: a screen reader will say nothing of it; write ![what it shows](" + bl.Src + ")"})
		}
	})
	return out
}

func quoteSrc(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

// EachFigure calls f for every figure of the entry, in the order of its
// fields, with a pointer into the entry: f may fill the block's Picture.
// Callers that must not change a shared entry use WithFigures.
func EachFigure(e *Entry, f func(*Block)) {
	var body func(b Body)
	var items func(its []Item)
	body = func(b Body) {
		for i := range b {
			switch b[i].Kind {
			case FigureBlock:
				f(&b[i])
			case QuoteBlock:
				body(b[i].Blocks)
			case ListBlock:
				items(b[i].Items)
			}
		}
	}
	items = func(its []Item) {
		for i := range its {
			body(its[i].Blocks)
			items(its[i].Children)
		}
	}
	body(e.Summary)
	for _, k := range KindsShaped(ShapeProse) {
		body(*k.Prose(e))
	}
	if e.Relevance != nil {
		body(e.Relevance.Body)
	}
	for _, s := range e.Sections {
		body(s.Body)
	}
	for _, k := range sectionTable {
		if l := k.List(e); l != nil {
			items(*l)
		}
	}
	for _, t := range e.KeyTheories {
		body(t.Description)
	}
	for _, k := range KindsShaped(ShapeQuestions) {
		for _, q := range *k.Questions(e) {
			body(q.Answer)
		}
	}
}

// HasFigures reports whether the entry holds any figure.
func HasFigures(e *Entry) bool {
	found := false
	EachFigure(e, func(*Block) { found = true })
	return found
}

// WithFigures returns a copy of e whose bodies are copied too, so that
// filling the copy's figures (EachFigure) leaves e as it was: an entry may
// be shared by several exports running at once.
func WithFigures(e *Entry) *Entry {
	c := *e
	c.Summary = cloneBody(c.Summary)
	for _, k := range KindsShaped(ShapeProse) {
		b := k.Prose(&c)
		*b = cloneBody(*b)
	}
	if e.Relevance != nil {
		r := *e.Relevance
		r.Body = cloneBody(r.Body)
		c.Relevance = &r
	}
	c.Sections = append([]Section(nil), e.Sections...)
	for i := range c.Sections {
		c.Sections[i].Body = cloneBody(c.Sections[i].Body)
	}
	for _, k := range sectionTable {
		if l := k.List(&c); l != nil {
			*l = cloneItems(*l)
		}
	}
	c.KeyTheories = append([]Theory(nil), e.KeyTheories...)
	for i := range c.KeyTheories {
		c.KeyTheories[i].Description = cloneBody(c.KeyTheories[i].Description)
	}
	for _, k := range KindsShaped(ShapeQuestions) {
		qs := k.Questions(&c)
		*qs = append([]QA(nil), (*qs)...)
		for i := range *qs {
			(*qs)[i].Answer = cloneBody((*qs)[i].Answer)
		}
	}
	return &c
}

func cloneBody(b Body) Body {
	if b == nil {
		return nil
	}
	out := append(Body(nil), b...)
	for i := range out {
		out[i].Blocks = cloneBody(out[i].Blocks)
		out[i].Items = cloneItems(out[i].Items)
	}
	return out
}

func cloneItems(its []Item) []Item {
	if its == nil {
		return nil
	}
	out := append([]Item(nil), its...)
	for i := range out {
		out[i].Blocks = cloneBody(out[i].Blocks)
		out[i].Children = cloneItems(out[i].Children)
	}
	return out
}
