package pptxdraw

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scholargate/topicdeck/plan"
)

// para is one paragraph of a slide: the measured lines of one block, and
// for a list item the label (bullet or number) drawn beside its first line.
type para struct {
	label *plan.Text
	lines []*plan.Text
	key   *plan.Node // the block node the lines belong to; nil untagged
	list  *plan.Node // the list node of a list item; nil otherwise
	box   *plan.Rect // the smallest filled shape the paragraph sits in
}

// box is one text box: paragraphs set one under the other at one left
// edge, or a title, or a footer.
type box struct {
	kind           boxKind
	paras          []*para
	x0, y0, x1, y1 float64 // the measured ink's bounds (lines and labels)
	left, right    float64 // the box's edges after widening
	align          string  // "l", "ctr" or "r"
	rtl            bool
	first          int        // index in Page.Items of the box's first item
	in             *plan.Rect // the filled shape the text is drawn in, if any
	frame          *plan.Rect // the smallest shape of any kind around the text (a table cell)
}

type boxKind int

const (
	bodyBox boxKind = iota
	titleBox
	footerBox
)

// lineText is a measured line's text.
func lineText(t *plan.Text) string {
	if len(t.Line.Segments) == 1 {
		return t.Line.Segments[0].Text
	}
	var b strings.Builder
	for _, s := range t.Line.Segments {
		b.WriteString(s.Text)
	}
	return b.String()
}

// size is a line's font size: its first segment's.
func size(t *plan.Text) float64 {
	if len(t.Line.Segments) == 0 {
		return 0
	}
	return t.Line.Segments[0].Size
}

func right(t *plan.Text) float64 { return left(t) + t.Line.Width }

// left is where a line's ink starts: its box's left edge plus the offset
// its alignment gave the first segment.
func left(t *plan.Text) float64 {
	if len(t.Line.Segments) == 0 {
		return t.X
	}
	return t.X + t.Line.Segments[0].X
}

func near(a, b float64) bool { return math.Abs(a-b) < 1 }

// blockKey is the block node a line belongs to: its tag, or the tag's
// parent for inline nodes (a link, a span in another language).
func blockKey(t *plan.Text) *plan.Node {
	n := t.Tag
	for n != nil && (n.Role == plan.RoleLink || n.Role == plan.RoleSpan) {
		n = n.Parent
	}
	return n
}

// listOf is the list node a tagged line lies in, nil when it lies in none.
func listOf(n *plan.Node) *plan.Node {
	for ; n != nil; n = n.Parent {
		if n.Role == plan.RoleList {
			return n
		}
	}
	return nil
}

// isLabel reports whether text k of texts is a list item's bullet or
// number: a short label set on the same baseline just left of the next
// line, which a tagged plan also tags Lbl in an LI.
func isLabel(texts []*plan.Text, k int, tagged bool) bool {
	t := texts[k]
	if tagged && !(t.Tag != nil && t.Tag.Role == plan.RoleLabel && t.Tag.Parent != nil && t.Tag.Parent.Role == plan.RoleItem) {
		return false
	}
	// Either way the label must read as a bullet: a term set above its
	// definition is a label of its item too, but stays text.
	if k+1 >= len(texts) {
		return false
	}
	u := texts[k+1]
	s := strings.TrimSpace(lineText(t))
	if s == "" || utf8.RuneCountInString(s) > 4 || !near(u.Y, t.Y) || left(u) < right(t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if utf8.RuneCountInString(s) == 1 {
		return !unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	// "12", "3.", "b)", "iv."
	core := strings.TrimRight(s, ".)")
	for _, c := range core {
		if !unicode.IsDigit(c) && !unicode.IsLetter(c) {
			return false
		}
	}
	return core != "" && (unicode.IsDigit(r) || len(core) < len(s))
}

// continues reports whether line t carries on paragraph p: the next line
// of the same block, directly under the last one, in the same size, on the
// same left edge, right edge or centre.
func continues(p *para, t *plan.Text, tagged bool) bool {
	if len(p.lines) == 0 {
		return true
	}
	last := p.lines[len(p.lines)-1]
	if tagged && blockKey(t) != p.key {
		return false
	}
	if !near(t.Y, last.Y+last.Line.Height) || !near(size(t), size(last)) {
		return false
	}
	if code(t) && code(last) {
		// Code keeps its lines and shows its indentation by where each
		// line starts.
		return true
	}
	return near(left(t), left(last)) || near(right(t), right(last)) || near(left(t)+t.Line.Width/2, left(last)+last.Line.Width/2)
}

// top and bottom of a paragraph's ink, label included.
func (p *para) top() float64 {
	y := p.lines[0].Y
	if p.label != nil {
		y = min(y, p.label.Y)
	}
	return y
}

func (p *para) bottom() float64 {
	l := p.lines[len(p.lines)-1]
	y := l.Y + l.Line.Height
	if p.label != nil {
		y = max(y, p.label.Y+p.label.Line.Height)
	}
	return y
}

// container is the smallest filled rectangle that holds the box (x0, y0,
// x1, y1), not counting one that covers the whole slide.
func container(rects []*plan.Rect, x0, y0, x1, y1, w, h float64, filled bool) *plan.Rect {
	var best *plan.Rect
	for _, r := range rects {
		if (filled && r.Fill == nil) || (r.W >= w-1 && r.H >= h-1) {
			continue
		}
		if r.X <= x0+0.5 && r.Y <= y0+0.5 && r.X+r.W >= x1-0.5 && r.Y+r.H >= y1-0.5 {
			if best == nil || r.W*r.H < best.W*best.H {
				best = r
			}
		}
	}
	return best
}

// mergeable reports whether paragraph p goes into box b under its last
// paragraph: both list items of one list, or both plain paragraphs, on the
// same left edge, in the same size and shape, close below.
func mergeable(b *box, p *para, tagged bool) bool {
	q := b.paras[len(b.paras)-1]
	if (q.label == nil) != (p.label == nil) || q.box != p.box {
		return false
	}
	if tagged && (q.list != p.list || (q.label == nil && q.key != nil && p.key != nil && q.key.Parent != p.key.Parent)) {
		return false
	}
	if !near(left(q.lines[0]), left(p.lines[0])) || !near(size(q.lines[0]), size(p.lines[0])) {
		return false
	}
	gap := p.top() - q.bottom()
	return gap > -0.5 && gap < 1.6*q.lines[0].Line.Height
}

// bounds sets a box's ink bounds from its paragraphs.
func (b *box) bounds() {
	b.x0, b.y0 = math.Inf(1), math.Inf(1)
	b.x1, b.y1 = math.Inf(-1), math.Inf(-1)
	add := func(t *plan.Text) {
		b.x0 = min(b.x0, left(t))
		b.x1 = max(b.x1, right(t))
		b.y0 = min(b.y0, t.Y)
		b.y1 = max(b.y1, t.Y+t.Line.Height)
	}
	for _, p := range b.paras {
		if p.label != nil {
			add(p.label)
		}
		for _, l := range p.lines {
			add(l)
		}
	}
}

// alignment reads a box's alignment from its first paragraph of several
// lines (lines sharing a left edge, a right edge or a centre) and its
// direction from its first strong character.
func (b *box) alignment() {
	b.rtl = rtlText(b)
	b.align = "l"
	if b.rtl {
		b.align = "r"
	}
	for _, p := range b.paras {
		if len(p.lines) < 2 {
			continue
		}
		l0, l1 := p.lines[0], p.lines[1]
		switch {
		case near(left(l0), left(l1)) && !(b.rtl && near(right(l0), right(l1))):
			b.align = "l"
		case near(right(l0), right(l1)):
			b.align = "r"
		case near(left(l0)+l0.Line.Width/2, left(l1)+l1.Line.Width/2):
			b.align = "ctr"
		}
		return
	}
	// A single line in a frame (a table cell) is aligned the way it sits.
	if f := b.frame; f != nil && len(b.paras) == 1 && len(b.paras[0].lines) == 1 {
		l, r := b.x0-f.X, f.X+f.W-b.x1
		switch {
		case near(l, r) && l > 2:
			b.align = "ctr"
		case r < l-1:
			b.align = "r"
		case l < r-1:
			b.align = "l"
		}
	}
}

// rtlText reports whether a box's first strong character is right to left.
func rtlText(b *box) bool {
	for _, p := range b.paras {
		for _, l := range p.lines {
			for _, s := range l.Line.Segments {
				for _, r := range s.Text {
					switch {
					case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko):
						return true
					case unicode.IsLetter(r):
						return false
					}
				}
			}
		}
	}
	return false
}

// widen gives each box a little room: PowerPoint breaks the joined lines
// again, and a differently kerned or hinted font must not push a word onto
// a line the plan did not have. A box grows (on the side its alignment
// leaves free) by a few per cent, never past the edge of the shape it sits
// in, the next box or shape beside it, or the slide's content edge. More
// room would re-wrap paragraphs into fewer lines than the PDF shows.
func widen(boxes []*box, rects []*plan.Rect, pics []*plan.Image, lo, hi float64) {
	overlapsV := func(a *box, y0, y1 float64) bool { return y0 < a.y1-0.5 && y1 > a.y0+0.5 }
	for _, b := range boxes {
		l, r := lo, hi
		if f := b.frame; f != nil {
			pad := min(b.x0-f.X, f.X+f.W-b.x1)
			r = min(r, f.X+f.W-pad)
			l = max(l, f.X+pad)
		}
		fence := func(x0, x1 float64) {
			if x0 >= b.x1-0.5 {
				r = min(r, x0-2)
			}
			if x1 <= b.x0+0.5 {
				l = max(l, x1+2)
			}
		}
		for _, o := range boxes {
			if o != b && overlapsV(b, o.y0, o.y1) {
				fence(o.x0, o.x1)
			}
		}
		for _, o := range rects {
			if o != b.frame && overlapsV(b, o.Y, o.Y+o.H) && !(o.X <= b.x0 && o.X+o.W >= b.x1) {
				fence(o.X, o.X+o.W)
			}
		}
		for _, o := range pics {
			if overlapsV(b, o.Y, o.Y+o.H) {
				fence(o.X, o.X+o.W)
			}
		}
		// Only a little room: the plan's breaks are kept when the font
		// renders as measured, and a few per cent wider still fits.
		slack := max(0.03*(b.x1-b.x0), 3)
		l, r = min(max(l, b.x0-slack), b.x0), max(min(r, b.x1+slack), b.x1)
		switch b.align {
		case "l":
			b.left, b.right = b.x0, r
		case "r":
			b.left, b.right = l, b.x1
		default:
			d := min(b.x0-l, r-b.x1)
			b.left, b.right = b.x0-d, b.x1+d
		}
	}
}

// code reports whether a line is set in the monospace face: a line of a
// code listing, whose breaks and indentation are the author's.
func code(t *plan.Text) bool {
	if len(t.Line.Segments) == 0 {
		return false
	}
	for _, s := range t.Line.Segments {
		if !strings.Contains(s.Face, "Mono") {
			return false
		}
	}
	return true
}
