package deck

import (
	"strconv"
	"strings"

	"github.com/scholargate/topicdeck/layouts/slideflow"
	"github.com/scholargate/topicdeck/layouts/tagtree"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// flow is where blocks are being set: the body size, the width from the
// indent to the column's right edge, the indent, and the base style.
type flow struct {
	size   float64
	width  float64
	height float64 // the column's height, for blocks that must fit one slide
	indent float64
	st     slideflow.Style
	// parent is the draft node (package tagtree) what is set here goes
	// under: the slide's body, a list item's body, a quote.
	parent *plan.Node
	// refs says the items set here are references, each tagged as one.
	refs bool
	// fit, when set, says the body is set only to learn whether it fits
	// one slide of one column, so its builders may stop early (see
	// fitCheck). Only the body's own level has it: in returns a flow
	// without it, since the boxes inside a box do not count alone.
	fit *fitCheck
}

// in returns the flow indented by d.
func (c flow) in(d float64) flow {
	c.indent += d
	c.width -= d
	c.fit = nil
	return c
}

// fitCheck is arrange asking whether a body fits one slide of one column,
// for a size that counts only if it does.
//
// Paginate puts a body on one slide of one column only if it places every
// box but the last whole, one under the other: cutting a box, or placing
// one alone because it cannot be cut, ends the slide, and so does a box
// that does not fit. So the boxes before the last, with the space above
// each one but the first, are then at most the column's height. Any run of
// consecutive boxes of the body is no taller than that (adding the same
// non-negative heights in the same order, rounding included, gives no
// more). A builder about to add a box to the body can therefore stop when
// the boxes it has added so far (or boxes no taller than those it will
// return, as cards before they are made equal) are taller than the
// column: the body needs a second slide, and the rest need not be
// measured.
type fitCheck struct {
	colH float64
	over bool // a builder stopped: the body does not fit
}

// full reports whether boxes, consecutive boxes of the body's own level
// with another one about to follow, rule out one slide of one column (see
// fitCheck); it then marks the check over and the builder returns.
func (c flow) full(boxes []*slideflow.Box) bool {
	if c.fit == nil {
		return false
	}
	if c.fit.over {
		return true
	}
	// The same sums as Paginate's, so that the comparison is exact.
	used := 0.0
	for i, b := range boxes {
		gap := 0.0
		if i > 0 {
			gap = b.Above
		}
		used += gap + b.H
	}
	c.fit.over = used > c.fit.colH+slideflow.Eps
	return c.fit.over
}

// bodyStyle is the plain body text style at size.
func (p *planner) bodyStyle(size float64) slideflow.Style {
	return slideflow.Style{
		Font:  textlayout.Font{Family: p.theme.BodyFamily, Size: size},
		Color: p.theme.Text,
		Link:  p.theme.Accent,
		Mono:  p.theme.MonoFamily,
		// Every paragraph is set at the theme's line height.
		LineHeight: p.theme.LineHeight,
	}
}

// flowAt starts a flow at size in a column of width w and height h.
func (p *planner) flowAt(size, w, h float64) flow {
	return flow{size: size, width: w, height: h, st: p.bodyStyle(size), parent: tagtree.Draft()}
}

// lines breaks spans into lines of at most width, each offset by dx.
func (p *planner) lines(sp []textlayout.Span, width, dx, lh float64, align textlayout.Align) []slideflow.Line {
	return slideflow.Lines(p.eng, sp, width, dx, lh, align)
}

// line measures one unbroken line.
func (p *planner) line(sp textlayout.Span) textlayout.Line {
	ls := p.eng.Lines(textlayout.Paragraph{Spans: []textlayout.Span{sp}}, 1e6)
	if len(ls) == 0 {
		return textlayout.Line{}
	}
	return ls[0]
}

// paraBox sets sentences as one paragraph in frame f with text of width w
// (starting gutter from the frame's left), cut between sentences first.
func (p *planner) paraBox(f slideflow.Frame, sents []topic.Text, st slideflow.Style, w, gutter float64, withMarker bool) *slideflow.Box {
	return slideflow.Paragraph(p.eng, f, sents, st, w, gutter, withMarker)
}

// markerLine measures a marker (a bullet glyph, a numeral) in the accent
// colour. Every item of every list at every size arrange tries has one,
// and they are a handful of strings, so each is measured once a deck; the
// line is shared by the items drawn with it, which only read it.
func (p *planner) markerLine(text string, font textlayout.Font) textlayout.Line {
	return remember(&p.markers, markerKey{text, font}, func() textlayout.Line {
		return p.line(textlayout.Span{Text: text, Font: font, Color: p.theme.Accent})
	})
}

// markerKey is a marker as markerLine measures it.
type markerKey struct {
	text string
	font textlayout.Font
}

// bullet returns a marker that draws glyph in the accent colour beside the
// first line, sharing its baseline.
func (p *planner) bullet(glyph string, size float64) func(x, y float64, first textlayout.Line) []plan.Item {
	m := p.markerLine(glyph, textlayout.Font{Family: p.theme.BodyFamily, Size: size})
	return func(x, y float64, first textlayout.Line) []plan.Item {
		return []plan.Item{&plan.Text{X: x, Y: y + first.Ascent - m.Ascent, Line: m}}
	}
}

// numeral returns a marker that draws n in bold accent, right-aligned in a
// gutter, so numbered questions line up whatever their count.
func (p *planner) numeral(label string, size, gutter float64) func(x, y float64, first textlayout.Line) []plan.Item {
	m := p.markerLine(label, textlayout.Font{Family: p.theme.BodyFamily, Size: size, Bold: true})
	return func(x, y float64, first textlayout.Line) []plan.Item {
		return []plan.Item{&plan.Text{X: x + gutter - 0.45*size - m.Width, Y: y + first.Ascent - m.Ascent, Line: m}}
	}
}

// numberGutter is the width numerals up to n need, plus the gap to the text.
func (p *planner) numberGutter(n int, size float64) float64 {
	w := p.eng.Width(textlayout.Span{Text: strconv.Itoa(n), Font: textlayout.Font{Family: p.theme.BodyFamily, Size: size, Bold: true}})
	return w + 0.45*size + 0.2*size
}

// bulletGlyphs are the list markers by nesting depth; all are in the
// embedded faces.
var bulletGlyphs = []string{"•", "–", "▪"}

// bulletItem sets one bulleted paragraph as an item of the draft list l.
func (p *planner) bulletItem(t topic.Text, c flow, level int, l *plan.Node) *slideflow.Box {
	g := 1.1 * c.size
	f := slideflow.Frame{Above: 0.4 * c.size, Indent: c.indent, Width: c.width,
		Marker: p.bullet(bulletGlyphs[level%len(bulletGlyphs)], c.size)}
	f.Label, f.Tag = slideflow.Item(l)
	return p.paraBox(f, p.sentences(t), c.st, c.width-g, g, true)
}

// numbered sets numbered paragraphs (core questions, the outline) with
// accent numerals from start.
func (p *planner) numbered(texts []topic.Text, start int, c flow) []*slideflow.Box {
	g := p.numberGutter(start+len(texts)-1, c.size)
	l := c.parent.Add(plan.RoleList)
	var out []*slideflow.Box
	for i, t := range texts {
		if c.full(out) {
			return out
		}
		n := start + i
		f := slideflow.Frame{Above: 0.45 * c.size, Indent: c.indent, Width: c.width, Marker: p.numeral(strconv.Itoa(n), c.size, g)}
		f.Label, f.Tag = slideflow.Item(l)
		out = append(out, p.paraBox(f, p.sentences(t), c.st, c.width-g, g, true))
	}
	return out
}

// prose sets a body. Long prose (three sentences or more) becomes one
// bullet per sentence, which is how slides are read; short prose stays
// paragraphs. Lists, code, tables, quotes and sub-headings keep their form.
func (p *planner) prose(b topic.Body, c flow) []*slideflow.Box {
	asBullets := p.sentenceCount(b) >= 3
	var out []*slideflow.Box
	// Paragraphs set as bullets one after the other are one list.
	var bullets *plan.Node
	for _, bl := range b {
		if bl.Kind != topic.ParagraphBlock {
			bullets = nil
		}
		switch bl.Kind {
		case topic.ParagraphBlock:
			if empty(bl.Text) {
				continue
			}
			if asBullets {
				if bullets == nil {
					bullets = c.parent.Add(plan.RoleList)
				}
				for _, s := range p.sentences(bl.Text) {
					if c.full(out) {
						return out
					}
					out = append(out, p.bulletItem(s, c, 0, bullets))
				}
			} else {
				if c.full(out) {
					return out
				}
				f := slideflow.Frame{Above: 0.6 * c.size, Indent: c.indent, Width: c.width, Tag: c.parent.Add(plan.RoleParagraph)}
				out = append(out, p.paraBox(f, p.sentences(bl.Text), c.st, c.width, 0, false))
			}
			// "… as follows:" introduces what comes next; keep them together.
			if strings.HasSuffix(strings.TrimSpace(bl.Text.Plain()), ":") {
				out[len(out)-1].Keep = true
			}
		case topic.ListBlock:
			out = append(out, p.list(bl.Items, bl.Ordered, bl.Start, 0, c)...)
		case topic.CodeBlock:
			if strings.TrimSpace(bl.Code) != "" {
				out = append(out, p.code(bl.Code, c))
			}
		case topic.TableBlock:
			if tb := p.table(bl, c); tb != nil {
				out = append(out, tb)
			}
		case topic.QuoteBlock:
			out = append(out, p.quote(bl.Blocks, c)...)
		case topic.HeadingBlock:
			if empty(bl.Text) {
				continue
			}
			st := c.st
			st.Font.Bold = true
			st.Font.Size = c.size + 2
			st.Color = p.theme.Accent
			// The slide's title is level 2, so its sub-headings are 3.
			f := slideflow.Frame{Above: 0.9 * c.size, Indent: c.indent, Width: c.width, Tag: c.parent.AddHeading(3)}
			h := p.paraBox(f, []topic.Text{slideflow.Trim(bl.Text)}, st, c.width, 0, false)
			h.Keep = true
			out = append(out, h)
		case topic.RuleBlock:
			out = append(out, ruleBox(0.5*c.size, 0.6*c.size, p.theme.Rule))
		case topic.FigureBlock:
			out = append(out, p.figure(bl, c))
		}
	}
	return out
}

// maxListLevels is how many levels of a nested list a slide indents; the
// items below them are set at the last level.
const maxListLevels = 6

// list sets list items with their sub-lists and inner blocks, indented by
// depth; each item is one box that is cut between its parts.
func (p *planner) list(items []topic.Item, ordered bool, start, level int, c flow) []*slideflow.Box {
	if ordered && start == 0 {
		start = 1
	}
	g := 1.1 * c.size
	if ordered {
		g = p.numberGutter(start+len(items)-1, c.size)
	}
	l := c.parent.Add(plan.RoleList)
	var out []*slideflow.Box
	for i, it := range items {
		// An item with text is sure to be a box, so the boxes so far are
		// not the last.
		if !empty(it.Text) && c.full(out) {
			return out
		}
		var parts []*slideflow.Box
		label, body := slideflow.Item(l)
		if !empty(it.Text) {
			f := slideflow.Frame{Above: 0.4 * c.size, Indent: c.indent, Width: c.width, Label: label, Tag: body}
			if c.refs {
				f.Tag = body.Add(plan.RoleReference)
			}
			if ordered {
				f.Marker = p.numeral(strconv.Itoa(start+i), c.size, g)
			} else {
				f.Marker = p.bullet(bulletGlyphs[level%len(bulletGlyphs)], c.size)
			}
			parts = append(parts, p.paraBox(f, p.sentences(it.Text), c.st, c.width-g, g, true))
		}
		inner := c.in(g)
		inner.parent, inner.refs = body, false
		parts = append(parts, p.prose(it.Blocks, inner)...)
		if level+2 < maxListLevels {
			parts = append(parts, p.list(it.Children, false, 0, level+1, inner)...)
		} else {
			// Deeper levels would leave too narrow a column for a word: they
			// are set as one more level, in reading order.
			parts = append(parts, p.list(topic.FlattenItems(it.Children), false, 0, level+1, inner)...)
		}
		if len(parts) > 0 {
			out = append(out, slideflow.Stack(parts))
		}
	}
	return out
}

// code sets a code block in the mono face, one source line per line,
// keeping indentation; long lines wrap inside the box.
func (p *planner) code(src string, c flow) *slideflow.Box {
	size := c.size - 4
	if size < p.theme.MinBodySize {
		size = p.theme.MinBodySize
	}
	font := textlayout.Font{Family: p.theme.MonoFamily, Size: size}
	space := p.eng.Width(textlayout.Span{Text: " ", Font: font})
	pad := 0.0
	var fill *Color
	if p.theme.Boxes {
		pad = 0.5 * size
		fill = &p.theme.Tint
	}
	inner := c.width - 2*pad
	var lines []slideflow.Line
	for _, raw := range strings.Split(strings.TrimRight(src, "\n"), "\n") {
		raw = strings.TrimRight(strings.ReplaceAll(raw, "\t", "    "), " \r")
		text := strings.TrimLeft(raw, " ")
		dx := float64(len(raw)-len(text)) * space
		if dx > inner/2 {
			dx = inner / 2
		}
		if text == "" {
			lines = append(lines, slideflow.Line{Line: textlayout.Line{Height: size * 1.25, Ascent: size}})
			continue
		}
		ls := p.lines([]textlayout.Span{{Text: text, Font: font, Color: p.theme.Text}}, inner-dx, dx, 1.25, textlayout.Left)
		for i := 1; i < len(ls); i++ {
			ls[i].Wrapped = true
		}
		lines = append(lines, ls...)
	}
	f := slideflow.Frame{Above: 0.6 * c.size, Pad: pad, Fill: fill, Radius: 4, Width: c.width, Indent: c.indent, Tag: c.parent.Add(plan.RoleCode)}
	return slideflow.LinesBox(f, lines, false)
}

// quote sets quoted blocks indented, in italics, with an accent bar.
func (p *planner) quote(blocks []topic.Block, c flow) []*slideflow.Box {
	inner := c.in(0.9 * c.size)
	inner.st.Font.Italic = true
	inner.parent = c.parent.Add(plan.RoleQuote)
	var out []*slideflow.Box
	for _, b := range p.prose(blocks, inner) {
		out = append(out, barred(b, c.indent, p.theme.Accent))
	}
	return out
}

// barred draws a thin bar beside a box at x offset dx, also on its pieces.
func barred(b *slideflow.Box, dx float64, color Color) *slideflow.Box {
	nb := *b
	nb.Draw = func(x, y float64) []plan.Item {
		items := []plan.Item{&plan.Rect{X: x + dx, Y: y, W: 3, H: b.H, Fill: &color}}
		return append(items, b.Draw(x, y)...)
	}
	if b.Split != nil {
		nb.Split = func(avail float64, fresh bool) (*slideflow.Box, *slideflow.Box) {
			h, t := b.Split(avail, fresh)
			if h == nil {
				return nil, nil
			}
			return barred(h, dx, color), barred(t, dx, color)
		}
	}
	return &nb
}

// ruleBox is a thematic break: a short hairline with space around it.
func ruleBox(above, h float64, color Color) *slideflow.Box {
	return &slideflow.Box{H: h, Above: above, MinHead: h, Draw: func(x, y float64) []plan.Item {
		return []plan.Item{&plan.Rule{X1: x, Y1: y + h/2, X2: x + 120, Y2: y + h/2, Color: color, Width: 1}}
	}}
}
