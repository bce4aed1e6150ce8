package deck

import (
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
)

// eps absorbs floating-point noise when comparing heights.
const eps = 0.01

// box is a measured piece of a slide body (a paragraph, a bullet, a card, a
// table, a code listing) that the paginator places in a column.
type box struct {
	h     float64 // height
	above float64 // space above it when it follows another box in a column
	keep  bool    // keep with the next box (sub-headings)
	draw  func(x, y float64) []plan.Item
	// split cuts the box so that the head fits in avail, preferring cuts
	// between sentences, bullets or table rows. fresh says the column is
	// empty: only then may it cut between the lines of one sentence, since
	// a box that would fit a column of its own is better moved whole. A nil
	// head means no acceptable cut.
	split func(avail float64, fresh bool) (head, tail *box)
	// minHead is the height of the smallest head split can make, used to
	// keep a heading with at least the start of what follows it.
	minHead float64
}

// placed is a box at a vertical offset in its column.
type placed struct {
	b *box
	y float64
}

// column is the boxes of one column of one slide.
type column []placed

// paginate flows boxes into columns of height colH, cols columns a slide,
// and returns the slides. Nothing is dropped: a box that fits nowhere whole
// is cut, and a box taller than an empty column is cut between lines.
func paginate(boxes []*box, colH float64, cols int) [][]column {
	var pages [][]column
	var cur []column
	var col column
	used := 0.0
	next := func() {
		cur = append(cur, col)
		col, used = nil, 0
		if len(cur) == cols {
			pages = append(pages, cur)
			cur = nil
		}
	}
	queue := append([]*box(nil), boxes...)
	for len(queue) > 0 {
		b := queue[0]
		gap := 0.0
		if len(col) > 0 {
			gap = b.above
		}
		need := gap + b.h
		if b.keep && len(queue) > 1 {
			// A box kept with the next (a sub-heading, a paragraph ending
			// in ":") needs the start of that box beside it: its smallest
			// head, or all of it when it cannot be cut in the room left
			// (code and tables are cut only on a fresh slide).
			n := queue[1]
			head := n.minHead
			if room := colH - used - need - n.above; n.h > room+eps {
				if n.split == nil {
					head = n.h
				} else if h, _ := n.split(room, false); h == nil {
					head = n.h
				}
			}
			need += n.above + head
		}
		if used+need <= colH+eps || (len(col) == 0 && gap+b.h <= colH+eps) {
			col = append(col, placed{b, used + gap})
			used += gap + b.h
			queue = queue[1:]
			continue
		}
		if b.split != nil && (!b.keep || len(col) == 0) {
			// Below nothing but kept boxes (a heading, a lead-in ending in
			// ":") the column counts as fresh: moving on would only strand
			// them.
			fresh := true
			for _, pl := range col {
				fresh = fresh && pl.b.keep
			}
			if head, tail := b.split(colH-used-gap, fresh); head != nil {
				col = append(col, placed{head, used + gap})
				if tail != nil {
					queue[0] = tail
				} else {
					queue = queue[1:] // the box shrank to fit (a figure)
				}
				next()
				continue
			}
		}
		if len(col) == 0 {
			// Only a box without any possible cut gets here (a single line
			// taller than a slide); placing it is better than looping.
			col = append(col, placed{b, 0})
			queue = queue[1:]
		}
		next()
	}
	if len(col) > 0 {
		next()
	}
	if len(cur) > 0 {
		pages = append(pages, cur)
	}
	return pages
}

// lineAt is a measured line with its horizontal offset in a box.
type lineAt struct {
	line textlayout.Line
	dx   float64
	// wrapped marks the second and later lines of one code line, which a
	// cut avoids so that each source line stays whole.
	wrapped bool
	// tag, when set, is the line's node instead of its frame's (a concept
	// card's term is its label, the definition its body).
	tag *plan.Node
}

// frame is how a run of lines is dressed: a marker (bullet, numeral) beside
// the first line, a tinted box and an accent bar around it.
type frame struct {
	above  float64
	pad    float64 // padding inside the fill
	fill   *Color
	bar    *Color // a bar along the left edge
	radius float64
	width  float64 // width of the fill, the column width less indents
	indent float64 // left offset of fill and text within the column
	minH   float64 // the least height, so cards side by side line up
	// marker draws the bullet or numeral for a first line at (x, y).
	marker func(x, y float64, first textlayout.Line) []plan.Item
	// tag is the draft node (package tagtree) the lines belong to, label
	// the marker's; fills and bars are artifacts.
	tag, label *plan.Node
}

// linesBox makes a box of lines, cut between lines when it must be.
func linesBox(f frame, lines []lineAt, withMarker bool) *box {
	h := f.pad * 2
	for _, l := range lines {
		h += l.line.Height
	}
	h = max(h, f.minH)
	b := &box{h: h, above: f.above}
	if len(lines) > 0 {
		b.minHead = f.pad*2 + lines[0].line.Height
	}
	b.draw = func(x, y float64) []plan.Item {
		var items []plan.Item
		x += f.indent
		if f.fill != nil {
			items = append(items, &plan.Rect{X: x, Y: y, W: f.width, H: h, Fill: f.fill, Radius: f.radius})
		}
		if f.bar != nil {
			items = append(items, &plan.Rect{X: x, Y: y, W: 5, H: h, Fill: f.bar})
		}
		ty := y + f.pad
		for i, l := range lines {
			if i == 0 && withMarker && f.marker != nil {
				items = append(items, tagged(f.marker(x+f.pad, ty, l.line), f.label)...)
			}
			tag := f.tag
			if l.tag != nil {
				tag = l.tag
			}
			items = append(items, &plan.Text{X: x + f.pad + l.dx, Y: ty, Line: l.line, Tag: tag})
			ty += l.line.Height
		}
		return items
	}
	if len(lines) > 1 {
		b.split = func(avail float64, fresh bool) (*box, *box) {
			if !fresh {
				return nil, nil
			}
			used, n := f.pad*2, 0
			for n < len(lines) && used+lines[n].line.Height <= avail+eps {
				used += lines[n].line.Height
				n++
			}
			if n == 0 {
				n = 1
			}
			if n >= len(lines) {
				return nil, nil
			}
			for k := n; k > 0; k-- {
				if !lines[k].wrapped {
					n = k
					break
				}
			}
			return linesBox(f, lines[:n], withMarker), linesBox(f, lines[n:], false)
		}
	}
	return b
}

// tagged gives the text items without a tag the node n.
func tagged(items []plan.Item, n *plan.Node) []plan.Item {
	for _, it := range items {
		if t, ok := it.(*plan.Text); ok && t.Tag == nil {
			t.Tag = n
		}
	}
	return items
}

// stack puts boxes under one another as one box, e.g. a list item with its
// sub-items; it is cut between its parts.
func stack(parts []*box) *box {
	if len(parts) == 1 {
		return parts[0]
	}
	h := 0.0
	for i, p := range parts {
		if i > 0 {
			h += p.above
		}
		h += p.h
	}
	b := &box{h: h, above: parts[0].above, minHead: parts[0].minHead}
	b.draw = func(x, y float64) []plan.Item {
		var items []plan.Item
		for i, p := range parts {
			if i > 0 {
				y += p.above
			}
			items = append(items, p.draw(x, y)...)
			y += p.h
		}
		return items
	}
	b.split = func(avail float64, fresh bool) (*box, *box) {
		used := 0.0
		for i, p := range parts {
			gap := 0.0
			if i > 0 {
				gap = p.above
			}
			if used+gap+p.h <= avail+eps {
				used += gap + p.h
				continue
			}
			if p.split != nil {
				if head, tail := p.split(avail-used-gap, fresh && i == 0); head != nil {
					hs := append(append([]*box(nil), parts[:i]...), head)
					ts := append([]*box{tail}, parts[i+1:]...)
					return stack(hs), stack(ts)
				}
			}
			if i == 0 {
				return nil, nil
			}
			return stack(parts[:i]), stack(parts[i:])
		}
		return nil, nil
	}
	return b
}

// ruleBox is a thematic break: a short hairline with space around it.
func ruleBox(above, h float64, color Color) *box {
	return &box{h: h, above: above, minHead: h, draw: func(x, y float64) []plan.Item {
		return []plan.Item{&plan.Rule{X1: x, Y1: y + h/2, X2: x + 120, Y2: y + h/2, Color: color, Width: 1}}
	}}
}
