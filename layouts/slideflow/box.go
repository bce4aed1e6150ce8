package slideflow

import (
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
)

// Eps absorbs floating-point noise when comparing heights, so that a box
// measured to fit exactly is not sent to the next slide by a rounding.
const Eps = 0.01

// Box is a measured piece of a slide body (a paragraph, a bullet, a card,
// a table, a code listing) that Paginate places in a column. It is a set
// of functions rather than a list of items because a box is measured
// before its slide and position are known, and may be cut in two.
type Box struct {
	H     float64 // height
	Above float64 // space above it when it follows another box in a column
	Keep  bool    // keep with the next box (sub-headings, lead-ins ending in ":")
	// Draw returns the box's items with its top left corner at (x, y).
	Draw func(x, y float64) []plan.Item
	// Split cuts the box so that the head fits in avail, preferring cuts
	// between sentences, bullets or table rows. fresh says the column is
	// empty: only then may it cut between the lines of one sentence, since
	// a box that would fit a column of its own is better moved whole. A nil
	// head means no acceptable cut; a nil tail means the box shrank to fit
	// whole (a figure). A nil Split means the box is never cut.
	Split func(avail float64, fresh bool) (head, tail *Box)
	// MinHead is the height of the smallest head Split can make, used to
	// keep a heading with at least the start of what follows it.
	MinHead float64
}

// Placed is a box at a vertical offset from the top of its column.
type Placed struct {
	Box *Box
	Y   float64
}

// Column is the boxes of one column of one slide, top to bottom.
type Column []Placed

// Paginate flows boxes into columns of height colH, cols columns a slide,
// and returns the slides, each a list of its columns. Nothing is dropped:
// a box that fits nowhere whole is cut, and a box taller than an empty
// column is cut between lines.
func Paginate(boxes []*Box, colH float64, cols int) [][]Column {
	pages, _ := PaginateAtMost(boxes, colH, cols, 0)
	return pages
}

// PaginateAtMost is Paginate for a caller that wants the slides only if
// they are at most most (0: any number): it stops as soon as that many
// slides are full with boxes left over, and then reports false, without
// cutting the rest (cutting a paragraph lays out its text again).
func PaginateAtMost(boxes []*Box, colH float64, cols, most int) ([][]Column, bool) {
	var pages [][]Column
	var cur []Column
	var col Column
	used := 0.0
	next := func() {
		cur = append(cur, col)
		col, used = nil, 0
		if len(cur) == cols {
			pages = append(pages, cur)
			cur = nil
		}
	}
	queue := append([]*Box(nil), boxes...)
	for len(queue) > 0 {
		if most > 0 && len(pages) >= most {
			return nil, false
		}
		b := queue[0]
		gap := 0.0
		if len(col) > 0 {
			gap = b.Above
		}
		need := gap + b.H
		if b.Keep && len(queue) > 1 {
			// A box kept with the next (a sub-heading, a paragraph ending
			// in ":") needs the start of that box beside it: its smallest
			// head, or all of it when it cannot be cut in the room left
			// (code and tables are cut only on a fresh slide).
			n := queue[1]
			head := n.MinHead
			if room := colH - used - need - n.Above; n.H > room+Eps {
				if n.Split == nil {
					head = n.H
				} else if h, _ := n.Split(room, false); h == nil {
					head = n.H
				}
			}
			need += n.Above + head
		}
		if used+need <= colH+Eps || (len(col) == 0 && gap+b.H <= colH+Eps) {
			col = append(col, Placed{b, used + gap})
			used += gap + b.H
			queue = queue[1:]
			continue
		}
		if b.Split != nil && (!b.Keep || len(col) == 0) {
			// Below nothing but kept boxes (a heading, a lead-in ending in
			// ":") the column counts as fresh: moving on would only strand
			// them.
			fresh := true
			for _, pl := range col {
				fresh = fresh && pl.Box.Keep
			}
			if head, tail := b.Split(colH-used-gap, fresh); head != nil {
				col = append(col, Placed{head, used + gap})
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
			col = append(col, Placed{b, 0})
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
	if most > 0 && len(pages) > most {
		return nil, false
	}
	return pages, true
}

// Line is a measured line with its horizontal offset in a box.
type Line struct {
	textlayout.Line
	DX float64
	// Wrapped marks the second and later lines of one code line, which a
	// cut avoids so that each source line stays whole.
	Wrapped bool
	// Tag, when set, is the line's node instead of its frame's (a concept
	// card's term is its label, the definition its body).
	Tag *plan.Node
}

// Frame is how a run of lines is dressed: a marker (bullet, numeral) beside
// the first line, a tinted box and an accent bar around it.
type Frame struct {
	Above  float64
	Pad    float64 // padding inside the fill
	Fill   *textlayout.Color
	Bar    *textlayout.Color // a bar along the left edge
	Radius float64
	Width  float64 // width of the fill, the column width less indents
	Indent float64 // left offset of fill and text within the column
	MinH   float64 // the least height, so cards side by side line up
	// Marker draws the bullet or numeral for a first line at (x, y).
	Marker func(x, y float64, first textlayout.Line) []plan.Item
	// Tag is the draft node (package tagtree) the lines belong to, Label
	// the marker's; fills and bars are artifacts.
	Tag, Label *plan.Node
}

// LinesBox makes a box of lines, cut between lines when it must be;
// withMarker draws the frame's marker beside the first line (a piece cut
// off the end of a bullet has none).
func LinesBox(f Frame, lines []Line, withMarker bool) *Box {
	h := framedHeight(f, lines)
	b := &Box{H: h, Above: f.Above}
	if len(lines) > 0 {
		b.MinHead = f.Pad*2 + lines[0].Height
	}
	b.Draw = func(x, y float64) []plan.Item {
		var items []plan.Item
		x += f.Indent
		if f.Fill != nil {
			items = append(items, &plan.Rect{X: x, Y: y, W: f.Width, H: h, Fill: f.Fill, Radius: f.Radius})
		}
		if f.Bar != nil {
			items = append(items, &plan.Rect{X: x, Y: y, W: 5, H: h, Fill: f.Bar})
		}
		ty := y + f.Pad
		for i, l := range lines {
			if i == 0 && withMarker && f.Marker != nil {
				items = append(items, tagged(f.Marker(x+f.Pad, ty, l.Line), f.Label)...)
			}
			tag := f.Tag
			if l.Tag != nil {
				tag = l.Tag
			}
			items = append(items, &plan.Text{X: x + f.Pad + l.DX, Y: ty, Line: l.Line, Tag: tag})
			ty += l.Height
		}
		return items
	}
	if len(lines) > 1 {
		b.Split = func(avail float64, fresh bool) (*Box, *Box) {
			if !fresh {
				return nil, nil
			}
			used, n := f.Pad*2, 0
			for n < len(lines) && used+lines[n].Height <= avail+Eps {
				used += lines[n].Height
				n++
			}
			if n == 0 {
				n = 1
			}
			if n >= len(lines) {
				return nil, nil
			}
			for k := n; k > 0; k-- {
				if !lines[k].Wrapped {
					n = k
					break
				}
			}
			return LinesBox(f, lines[:n], withMarker), LinesBox(f, lines[n:], false)
		}
	}
	return b
}

// framedHeight is the height of a LinesBox of lines in frame f.
func framedHeight(f Frame, lines []Line) float64 {
	h := f.Pad * 2
	for _, l := range lines {
		h += l.Height
	}
	return max(h, f.MinH)
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

// Stack puts boxes under one another as one box, e.g. a list item with its
// sub-items, so that they move together; it is cut between its parts.
func Stack(parts []*Box) *Box {
	if len(parts) == 1 {
		return parts[0]
	}
	h := 0.0
	for i, p := range parts {
		if i > 0 {
			h += p.Above
		}
		h += p.H
	}
	b := &Box{H: h, Above: parts[0].Above, MinHead: parts[0].MinHead}
	b.Draw = func(x, y float64) []plan.Item {
		var items []plan.Item
		for i, p := range parts {
			if i > 0 {
				y += p.Above
			}
			items = append(items, p.Draw(x, y)...)
			y += p.H
		}
		return items
	}
	b.Split = func(avail float64, fresh bool) (*Box, *Box) {
		used := 0.0
		for i, p := range parts {
			gap := 0.0
			if i > 0 {
				gap = p.Above
			}
			if used+gap+p.H <= avail+Eps {
				used += gap + p.H
				continue
			}
			if p.Split != nil {
				if head, tail := p.Split(avail-used-gap, fresh && i == 0); head != nil {
					hs := append(append([]*Box(nil), parts[:i]...), head)
					ts := append([]*Box{tail}, parts[i+1:]...)
					return Stack(hs), Stack(ts)
				}
			}
			if i == 0 {
				return nil, nil
			}
			return Stack(parts[:i]), Stack(parts[i:])
		}
		return nil, nil
	}
	return b
}
