package pptxdraw

import (
	"fmt"

	"github.com/scholargate/topicdeck/plan"
)

// table is a grid of outlined cells the plan drew: rows of rectangles
// sharing their top and height, one under the other, with the same column
// edges. It becomes a PowerPoint table, which a lecturer edits as one.
type table struct {
	rows  [][]*cell
	first *plan.Rect // the first cell drawn, where the table goes in shape order
}

// cell is one cell's rectangle and the lines drawn in it.
type cell struct {
	r     *plan.Rect
	lines []*plan.Text
}

// findTables finds the tables among a page's rectangles: at least two rows
// of at least two outlined cells each.
func findTables(rects []*plan.Rect) []*table {
	var out []*table
	var cur *table
	var row []*cell
	flushRow := func() {
		if len(row) < 2 {
			if cur != nil && len(cur.rows) >= 2 {
				out = append(out, cur)
			}
			cur, row = nil, nil
			return
		}
		if cur != nil && sameColumns(cur.rows[len(cur.rows)-1], row) {
			cur.rows = append(cur.rows, row)
		} else {
			if cur != nil && len(cur.rows) >= 2 {
				out = append(out, cur)
			}
			cur = &table{rows: [][]*cell{row}, first: row[0].r}
		}
		row = nil
	}
	for _, r := range rects {
		if r.Stroke == nil || r.LineWidth <= 0 || r.Radius > 0 {
			flushRow()
			continue
		}
		if n := len(row); n > 0 {
			last := row[n-1].r
			if !(near(r.Y, last.Y) && near(r.H, last.H) && near(r.X, last.X+last.W)) {
				flushRow()
			}
		}
		row = append(row, &cell{r: r})
	}
	flushRow()
	if cur != nil && len(cur.rows) >= 2 {
		out = append(out, cur)
	}
	return out
}

// sameColumns reports whether row b lies directly under row a with the
// same column edges.
func sameColumns(a, b []*cell) bool {
	if len(a) != len(b) || !near(b[0].r.Y, a[0].r.Y+a[0].r.H) {
		return false
	}
	for i := range a {
		if !near(a[i].r.X, b[i].r.X) || !near(a[i].r.W, b[i].r.W) {
			return false
		}
	}
	return true
}

// claim gives each cell the lines drawn inside it and marks them used.
func (t *table) claim(texts []*plan.Text, used []bool) {
	for k, tx := range texts {
		if used[k] {
			continue
		}
		for _, row := range t.rows {
			for _, c := range row {
				r := c.r
				if left(tx) >= r.X-0.5 && right(tx) <= r.X+r.W+0.5 && tx.Y >= r.Y-0.5 && tx.Y+tx.Line.Height <= r.Y+r.H+0.5 {
					c.lines = append(c.lines, tx)
					used[k] = true
				}
			}
		}
	}
}

// cellBorder writes one edge of a cell.
func cellBorder(w *shapeWriter, tag string, r *plan.Rect) {
	fmt.Fprintf(&w.b, `<a:%s w="%d">`, tag, emu(r.LineWidth))
	solid(&w.b, *r.Stroke)
	fmt.Fprintf(&w.b, `</a:%s>`, tag)
}

// table writes a table as a graphic frame holding an a:tbl.
func (w *shapeWriter) table(t *table, tagged bool) {
	b := &w.b
	top := t.rows[0]
	x, y := top[0].r.X, top[0].r.Y
	var wd, ht float64
	for _, c := range top {
		wd += c.r.W
	}
	for _, row := range t.rows {
		ht += row[0].r.H
	}
	b.WriteString(`<p:graphicFrame><p:nvGraphicFramePr>`)
	w.cNvPr("Table", "", false)
	b.WriteString(`<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>`)
	fmt.Fprintf(b, `<p:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></p:xfrm>`, emu(x), emu(y), emu(wd), emu(ht))
	b.WriteString(`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>`)
	header := top[0].r.Fill != nil
	for _, c := range t.rows[1] {
		header = header && (c.r.Fill == nil || *c.r.Fill != *top[0].r.Fill)
	}
	if header {
		b.WriteString(`<a:tblPr firstRow="1"/>`)
	} else {
		b.WriteString(`<a:tblPr/>`)
	}
	b.WriteString(`<a:tblGrid>`)
	for _, c := range top {
		fmt.Fprintf(b, `<a:gridCol w="%d"/>`, emu(c.r.W))
	}
	b.WriteString(`</a:tblGrid>`)
	for _, row := range t.rows {
		fmt.Fprintf(b, `<a:tr h="%d">`, emu(row[0].r.H))
		for _, c := range row {
			w.tableCell(c, tagged)
		}
		b.WriteString(`</a:tr>`)
	}
	b.WriteString(`</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`)
}

// tableCell writes one cell: its lines as paragraphs, its padding from
// where the plan put them, its outline and fill.
func (w *shapeWriter) tableCell(c *cell, tagged bool) {
	b := &w.b
	r := c.r
	b.WriteString(`<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>`)
	var bx *box
	if len(c.lines) > 0 {
		bx = &box{kind: bodyBox, frame: r}
		var cur *para
		for _, l := range c.lines {
			if cur != nil && continues(cur, l, tagged) {
				cur.lines = append(cur.lines, l)
				continue
			}
			cur = &para{lines: []*plan.Text{l}, key: blockKey(l)}
			bx.paras = append(bx.paras, cur)
		}
		bx.bounds()
		bx.alignment()
		bx.left, bx.right = bx.x0, bx.x1
		w.paragraphs(bx)
	} else {
		b.WriteString(`<a:p><a:endParaRPr lang="` + w.langOr() + `" dirty="0"/></a:p>`)
	}
	b.WriteString(`</a:txBody>`)
	ml, mt := 7.2, 3.6
	if bx != nil {
		ml, mt = max(bx.x0-r.X, 0), max(bx.y0-r.Y, 0)
		if bx.align == "r" {
			ml = max(r.X+r.W-bx.x1, 0)
		}
	}
	fmt.Fprintf(b, `<a:tcPr marL="%d" marR="%d" marT="%d" marB="0" anchor="t">`, emu(ml), emu(ml), emu(mt))
	for _, tag := range []string{"lnL", "lnR", "lnT", "lnB"} {
		cellBorder(w, tag, r)
	}
	if r.Fill != nil {
		solid(b, *r.Fill)
	} else {
		b.WriteString(`<a:noFill/>`)
	}
	b.WriteString(`</a:tcPr></a:tc>`)
}
