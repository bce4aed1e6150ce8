package deck

import (
	"strings"

	"github.com/scholargate/topicdeck/layouts/slideflow"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// trow is a measured table row: the lines of each cell and the row height.
type trow struct {
	cells [][]slideflow.Line
	h     float64
	// tags are the draft nodes of the row's cells, shared by the pieces
	// of a row cut across slides.
	tags []*plan.Node
}

// tableSet is what every piece of a table cut across slides shares.
type tableSet struct {
	widths []float64
	pad    float64
	header *trow
	indent float64
	theme  *Theme
	above  float64
}

// table sets a table with ruled cells and a tinted header row. Columns get
// at least their longest word and share the rest by their natural width;
// the font shrinks (never below the minimum body size) until the longest
// words fit. Cut across slides, it repeats its header.
func (p *planner) table(bl topic.Block, c flow) *slideflow.Box {
	ncol := 0
	for _, r := range bl.Rows {
		if len(r) > ncol {
			ncol = len(r)
		}
	}
	if ncol == 0 {
		return nil
	}
	var mins, nats []float64
	size := c.size - 2
	var pad float64
	for ; ; size -= 2 {
		if size < p.theme.MinBodySize {
			size = p.theme.MinBodySize
		}
		pad = 0.4 * size
		mins, nats = p.columnWidths(bl.Rows, ncol, size)
		total := 0.0
		for _, m := range mins {
			total += m + 2*pad
		}
		if total <= c.width || size <= p.theme.MinBodySize {
			break
		}
	}
	widths := distribute(mins, nats, pad, c.width)
	ts := &tableSet{widths: widths, pad: pad, indent: c.indent, theme: &p.theme, above: 0.6 * c.size}
	// The first row is drawn as the header (bold, tinted), so it is tagged
	// as column headers; repeated on a continuation slide it is that
	// slide's table's header again.
	table := c.parent.Add(plan.RoleTable)
	var rows []trow
	for i, r := range bl.Rows {
		rows = append(rows, p.measureRow(r, i == 0, bl.Align, ts, size))
		tr := table.Add(plan.RoleRow)
		for range ts.widths {
			if i == 0 {
				th := tr.Add(plan.RoleHeaderCell)
				th.Scope = plan.ScopeColumn
				rows[i].tags = append(rows[i].tags, th)
			} else {
				rows[i].tags = append(rows[i].tags, tr.Add(plan.RoleCell))
			}
		}
	}
	ts.header = &rows[0]
	return ts.box(rows[1:], true)
}

// cellStyle is the style of a cell; the header row is bold.
func (p *planner) cellStyle(size float64, header bool) slideflow.Style {
	st := p.bodyStyle(size)
	st.Font.Bold = header
	return st
}

// columnWidths returns each column's longest word and its natural width
// (the widest cell set on one line).
func (p *planner) columnWidths(rows [][]topic.Text, ncol int, size float64) (mins, nats []float64) {
	mins = make([]float64, ncol)
	nats = make([]float64, ncol)
	for i, r := range rows {
		st := p.cellStyle(size, i == 0)
		for j, cell := range r {
			w := 0.0
			for _, sp := range slideflow.Spans(cell, st) {
				w += p.eng.Width(sp)
				for _, word := range strings.Fields(sp.Text) {
					ws := sp
					ws.Text = word
					if ww := p.eng.Width(ws); ww > mins[j] {
						mins[j] = ww
					}
				}
			}
			if w > nats[j] {
				nats[j] = w
			}
		}
	}
	return mins, nats
}

// distribute turns minimum and natural widths into column widths filling
// total: every column gets its minimum, the rest goes by natural width.
func distribute(mins, nats []float64, pad, total float64) []float64 {
	n := len(mins)
	out := make([]float64, n)
	sumMin, sumExtra := 0.0, 0.0
	for j := range mins {
		sumMin += mins[j] + 2*pad
		sumExtra += nats[j] - mins[j]
	}
	if sumMin >= total {
		for j := range mins {
			out[j] = total * (mins[j] + 2*pad) / sumMin
		}
		return out
	}
	rest := total - sumMin
	sumNat := 0.0
	for j := range nats {
		sumNat += nats[j] + 2*pad
	}
	for j := range mins {
		if sumNat <= total {
			// Everything fits on one line: widen in proportion to content.
			out[j] = total * (nats[j] + 2*pad) / sumNat
		} else if sumExtra > 0 {
			out[j] = mins[j] + 2*pad + rest*(nats[j]-mins[j])/sumExtra
		} else {
			out[j] = mins[j] + 2*pad + rest/float64(n)
		}
	}
	return out
}

// measureRow breaks every cell of a row into lines.
func (p *planner) measureRow(cells []topic.Text, header bool, align []string, ts *tableSet, size float64) trow {
	st := p.cellStyle(size, header)
	r := trow{cells: make([][]slideflow.Line, len(ts.widths))}
	hmax := 0.0
	for j := range ts.widths {
		if j >= len(cells) {
			continue
		}
		a := textlayout.Left
		if j < len(align) {
			switch align[j] {
			case "center":
				a = textlayout.Center
			case "right":
				a = textlayout.Right
			}
		}
		ls := p.lines(slideflow.Spans(cells[j], st), ts.widths[j]-2*ts.pad, 0, 1.2, a)
		r.cells[j] = ls
		h := 0.0
		for _, l := range ls {
			h += l.Line.Height
		}
		if h > hmax {
			hmax = h
		}
	}
	if hmax == 0 {
		hmax = size * 1.2
	}
	r.h = hmax + 2*ts.pad
	return r
}

// box makes the box of the header plus rows; cut, each piece repeats the
// header. first says whether this is the table's first piece.
func (ts *tableSet) box(rows []trow, first bool) *slideflow.Box {
	h := ts.header.h
	for _, r := range rows {
		h += r.h
	}
	b := &slideflow.Box{H: h, Above: ts.above}
	b.MinHead = ts.header.h
	if len(rows) > 0 {
		b.MinHead += rows[0].h
	}
	b.Draw = func(x, y float64) []plan.Item {
		x += ts.indent
		items := ts.drawRow(ts.header, x, y, true)
		y += ts.header.h
		for i := range rows {
			items = append(items, ts.drawRow(&rows[i], x, y, false)...)
			y += rows[i].h
		}
		return items
	}
	if len(rows) == 0 {
		return b
	}
	b.Split = func(avail float64, fresh bool) (*slideflow.Box, *slideflow.Box) {
		used := ts.header.h
		n := 0
		for n < len(rows) && used+rows[n].h <= avail+eps {
			used += rows[n].h
			n++
		}
		if n > 0 && n < len(rows) {
			return ts.box(rows[:n], first), ts.box(rows[n:], false)
		}
		if n == 0 && fresh {
			// One row taller than a slide: cut its cells between lines.
			head, tail, ok := ts.cutRow(rows[0], avail-used)
			if !ok {
				return nil, nil
			}
			rest := append([]trow{tail}, rows[1:]...)
			return ts.box([]trow{head}, first), ts.box(rest, false)
		}
		return nil, nil
	}
	return b
}

// cutRow splits a row so that its head is at most avail tall.
func (ts *tableSet) cutRow(r trow, avail float64) (head, tail trow, ok bool) {
	head.cells = make([][]slideflow.Line, len(r.cells))
	tail.cells = make([][]slideflow.Line, len(r.cells))
	hh, th := 0.0, 0.0
	for j, ls := range r.cells {
		used, n := 0.0, 0
		for n < len(ls) && used+ls[n].Line.Height <= avail-2*ts.pad+eps {
			used += ls[n].Line.Height
			n++
		}
		if n == 0 && len(ls) > 0 {
			n = 1
			used = ls[0].Line.Height
		}
		head.cells[j], tail.cells[j] = ls[:n], ls[n:]
		rest := 0.0
		for _, l := range ls[n:] {
			rest += l.Line.Height
		}
		hh, th = max(hh, used), max(th, rest)
	}
	if th == 0 {
		return r, trow{}, false
	}
	head.tags, tail.tags = r.tags, r.tags
	head.h, tail.h = hh+2*ts.pad, th+2*ts.pad
	return head, tail, true
}

// drawRow draws one row's cell rules, fill and text.
func (ts *tableSet) drawRow(r *trow, x, y float64, header bool) []plan.Item {
	var items []plan.Item
	cx := x
	for j, w := range ts.widths {
		rect := &plan.Rect{X: cx, Y: y, W: w, H: r.h, Stroke: &ts.theme.Rule, LineWidth: 0.75}
		if header && ts.theme.Boxes {
			rect.Fill = &ts.theme.Tint
		}
		items = append(items, rect)
		ty := y + ts.pad
		for _, l := range r.cells[j] {
			items = append(items, &plan.Text{X: cx + ts.pad + l.DX, Y: ty, Line: l.Line, Tag: r.tags[j]})
			ty += l.Line.Height
		}
		cx += w
	}
	return items
}
