package handout

import (
	"github.com/scholargate/topicdeck/locale"
	"strconv"
	"strings"

	"github.com/scholargate/topicdeck/layouts/tagtree"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/sentence"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// typesetter turns entry content into measured blocks for one column.
type typesetter struct {
	eng   *textlayout.Engine
	width float64
	size  float64 // body size
	// spans converts inline text to spans; guided notes swap it for one
	// that blanks out key concepts.
	spans func(t topic.Text, f textlayout.Font) []textlayout.Span
	// at is the draft node (package tagtree) what is set now goes under,
	// and paraRole the role its paragraphs get (a boxed definition's are
	// statements).
	at       *plan.Node
	paraRole plan.Role
	// labels are the entry's language's, for the few words the handout
	// writes itself inside the text (a missing picture's stand-in).
	labels locale.Labels
}

func newTypesetter(eng *textlayout.Engine, labels locale.Labels, width float64) *typesetter {
	return &typesetter{eng: eng, width: width, size: bodySize, spans: plainSpans, at: tagtree.Draft(), paraRole: plan.RoleParagraph, labels: labels}
}

// under sets what f sets under the draft node n.
func (ts *typesetter) under(n *plan.Node, f func() []block) []block {
	old := ts.at
	ts.at = n
	defer func() { ts.at = old }()
	return f()
}

// subLevel is the heading level of what heads a part of a section (a
// theory's name, a question, a sub-heading): under the section headings
// at level 2, below the title at level 1.
const subLevel = 3

// tag gives the text of a block, and of the pieces it is split into at a
// page break, the node n where it has none yet.
func tag(b block, n *plan.Node) block {
	return decorate(b, func(r row) row { return tagRow(r, n) })
}

// tagRow gives the text a row draws the node n where it has none yet.
func tagRow(r row, n *plan.Node) row {
	d := r.draw
	return row{h: r.h, draw: func(x, y float64) []plan.Item {
		items := d(x, y)
		for _, it := range items {
			if t, ok := it.(*plan.Text); ok && t.Tag == nil {
				t.Tag = n
			}
		}
		return items
	}}
}

// place moves the structure a handout's pages were drafted with into the
// document's tree, in one scope for the whole document: the handout is
// one flow of text, so a list cut by a page turn stays one list.
func place(doc *plan.Document) {
	doc.Root = plan.NewRoot()
	s := tagtree.New(doc.Root)
	for _, pg := range doc.Pages {
		s.Place(pg.Items)
	}
}

// plainSpans keeps the author's bold, italic, code and links.
func plainSpans(t topic.Text, f textlayout.Font) []textlayout.Span {
	out := make([]textlayout.Span, 0, len(t))
	for _, r := range t {
		out = append(out, runSpan(r, f))
	}
	return out
}

func runSpan(r topic.Run, f textlayout.Font) textlayout.Span {
	if r.Style&topic.Bold != 0 {
		f.Bold = true
	}
	if r.Style&topic.Italic != 0 {
		f.Italic = true
	}
	if r.Style&topic.Code != 0 {
		f.Family = "mono"
		f.Size *= 0.92
	}
	c := ink
	if r.URL != "" {
		c = linkInk
	}
	return textlayout.Span{Text: r.Text, Font: f, Color: c, URL: r.URL}
}

// lines breaks spans into text rows, indented by indent from the column's
// left edge and hang more on every line after the first.
func (ts *typesetter) lines(spans []textlayout.Span, indent, hang float64, lh float64) []row {
	w := ts.width - indent - hang
	if w < 40 {
		w = 40
	}
	ls := ts.eng.Lines(textlayout.Paragraph{Spans: spans, LineHeight: lh}, w)
	rows := make([]row, 0, len(ls))
	for i, l := range ls {
		dx := indent
		if i > 0 {
			dx += hang
		}
		rows = append(rows, textRow(l, dx))
	}
	return rows
}

func textRow(l textlayout.Line, dx float64) row {
	return row{h: l.Height, draw: func(x, y float64) []plan.Item {
		return []plan.Item{&plan.Text{X: x + dx, Y: y, Line: l}}
	}}
}

// para sets one paragraph of inline text.
func (ts *typesetter) para(t topic.Text, indent float64, f textlayout.Font) block {
	b := ts.text(ts.spans(t, f), indent, 0, leading, nil)
	b.before = ts.size * 0.6
	return tag(b, ts.at.Add(ts.paraRole))
}

// text sets spans as a block that can break across pages between
// sentences. first, when set, decorates the first row (a list marker).
func (ts *typesetter) text(spans []textlayout.Span, indent, hang, lh float64, first func(row) row) block {
	rows := ts.lines(spans, indent, hang, lh)
	if first != nil && len(rows) > 0 {
		rows[0] = first(rows[0])
	}
	b := block{rows: rows}
	// The sentences are found only for a block that meets a page turn:
	// most blocks never do, and cutting every paragraph into sentences
	// was a tenth of planning a reader handout.
	b.split = func(avail float64) (*block, *block) {
		sents := sentences(spans)
		if len(sents) < 2 {
			return nil, nil
		}
		// The height of the first k sentences grows with k: search it.
		lo, hi := 0, len(sents)-1 // lo sentences fit; more than hi never tried
		var best []row
		for lo < hi {
			k := (lo + hi + 1) / 2
			rs := ts.lines(concat(sents[:k]), indent, hang, lh)
			if heightOf(rs) <= avail+0.01 {
				lo, best = k, rs
			} else {
				hi = k - 1
			}
		}
		if lo == 0 {
			return nil, nil
		}
		if first != nil {
			best[0] = first(best[0])
		}
		rest := ts.text(concat(sents[lo:]), indent, hang, lh, nil)
		return &block{rows: best}, &rest
	}
	return b
}

func heightOf(rs []row) float64 {
	h := 0.0
	for _, r := range rs {
		h += r.h
	}
	return h
}

func concat(ss [][]textlayout.Span) []textlayout.Span {
	var out []textlayout.Span
	for _, s := range ss {
		out = append(out, s...)
	}
	return out
}

// sentences cuts spans between sentences, where package sentence finds
// them; the space after a sentence stays with it.
func sentences(spans []textlayout.Span) [][]textlayout.Span {
	var flat strings.Builder
	for _, sp := range spans {
		flat.WriteString(sp.Text)
	}
	var out [][]textlayout.Span
	var cur []textlayout.Span
	cuts := sentence.Spans(flat.String())
	next := 1 // the sentence whose start is the next cut
	pos := 0  // byte offset of spans[i] in flat
	for _, sp := range spans {
		text := sp.Text
		for next < len(cuts) && cuts[next][0] < pos+len(sp.Text) {
			at := cuts[next][0] - pos - (len(sp.Text) - len(text))
			if at > 0 {
				head := sp
				head.Text = text[:at]
				cur = append(cur, head)
			}
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			text = text[at:]
			next++
		}
		if text != "" {
			tail := sp
			tail.Text = text
			cur = append(cur, tail)
		}
		pos += len(sp.Text)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// heading sets a heading of the given level that stays with what follows it.
func (ts *typesetter) heading(s string, size float64, before float64, level int) block {
	return ts.headingTo(s, size, before, ts.at.AddHeading(level))
}

// headingTo sets a heading whose draft node n is made already.
func (ts *typesetter) headingTo(s string, size float64, before float64, n *plan.Node) block {
	sp := []textlayout.Span{{Text: s, Font: font(size, true, false), Color: ink}}
	return tag(block{rows: ts.lines(sp, 0, 0, 1.25), before: before, keepWithNext: true}, n)
}

// links lists the addresses of a text's links whose address the text does
// not show, because a printed link cannot be clicked.
func (ts *typesetter) links(t topic.Text, indent float64) []block {
	var out []block
	seen := map[string]bool{}
	for _, r := range t {
		if r.URL == "" || seen[r.URL] || strings.TrimSpace(r.Text) == r.URL || !strings.Contains(r.URL, ":") {
			continue
		}
		seen[r.URL] = true
		sp := []textlayout.Span{
			{Text: "→ " + strings.TrimSpace(r.Text) + ": ", Font: font(smallSize, false, false), Color: inkSoft},
			{Text: r.URL, Font: font(smallSize, false, false), Color: inkSoft, URL: r.URL},
		}
		// The printed address is a note on the text before it.
		out = append(out, tag(block{rows: ts.lines(sp, indent+10, 0, 1.3), before: 2}, ts.at.Add(plan.RoleParagraph)))
	}
	return out
}

// body sets prose: paragraphs, lists, code, tables, quotes, sub-headings.
func (ts *typesetter) body(b topic.Body, indent float64) []block {
	var out []block
	for _, bl := range b {
		out = append(out, ts.blockOf(bl, indent)...)
	}
	return out
}

func (ts *typesetter) blockOf(bl topic.Block, indent float64) []block {
	f := font(ts.size, false, false)
	switch bl.Kind {
	case topic.ListBlock:
		return ts.list(bl.Items, bl.Ordered, bl.Start, indent)
	case topic.CodeBlock:
		return []block{tag(ts.code(bl.Code, indent), ts.at.Add(plan.RoleCode))}
	case topic.TableBlock:
		return ts.table(bl.Rows, indent)
	case topic.QuoteBlock:
		inner := ts.under(ts.at.Add(plan.RoleQuote), func() []block { return ts.body(bl.Blocks, indent+14) })
		for i := range inner {
			inner[i] = decorate(inner[i], func(r row) row { return withBar(r, indent+3) })
		}
		return inner
	case topic.HeadingBlock:
		h := ts.heading(bl.Text.Plain(), ts.size+0.5, ts.size, subLevel)
		h.rows = ts.lines(plainSpans(bl.Text, font(ts.size+0.5, true, false)), indent, 0, 1.25)
		return []block{tag(h, ts.at.AddHeading(subLevel))}
	case topic.FigureBlock:
		return ts.figure(bl, indent)
	case topic.RuleBlock:
		w := ts.width - indent
		return []block{{before: 4, rows: []row{{h: 10, draw: func(x, y float64) []plan.Item {
			return []plan.Item{&plan.Rule{X1: x + indent + w*0.3, Y1: y + 5, X2: x + indent + w*0.7, Y2: y + 5, Color: ruleGrey, Width: 0.5}}
		}}}}}
	default:
		if len(bl.Text) == 0 {
			return nil
		}
		return append([]block{ts.para(bl.Text, indent, f)}, ts.links(bl.Text, indent)...)
	}
}

// decorate applies f to every row of a block, including the rows of the
// pieces it is split into at a page break.
func decorate(b block, f func(row) row) block {
	for i := range b.rows {
		b.rows[i] = f(b.rows[i])
	}
	if split := b.split; split != nil {
		b.split = func(avail float64) (*block, *block) {
			head, rest := split(avail)
			if head == nil {
				return nil, nil
			}
			h, r := decorate(*head, f), decorate(*rest, f)
			return &h, &r
		}
	}
	return b
}

// withBar draws a quote's vertical bar beside a row.
func withBar(r row, dx float64) row {
	d := r.draw
	return row{h: r.h, draw: func(x, y float64) []plan.Item {
		return append([]plan.Item{&plan.Rule{X1: x + dx, Y1: y, X2: x + dx, Y2: y + r.h, Color: ruleGrey, Width: 1.5}}, d(x, y)...)
	}}
}

// list sets list items with bullets or numbers; sub-lists indent further.
func (ts *typesetter) list(items []topic.Item, ordered bool, start int, indent float64) []block {
	var out []block
	if start == 0 {
		start = 1
	}
	if len(items) == 0 {
		return nil
	}
	l := ts.at.Add(plan.RoleList)
	for i, it := range items {
		marker := "•"
		if ordered {
			marker = strconv.Itoa(start+i) + "."
		}
		out = append(out, ts.item(it, marker, indent, l)...)
	}
	return out
}

// item sets one list item of the draft list l: the marker hangs in the
// indent, the text wraps beside it.
func (ts *typesetter) item(it topic.Item, marker string, indent float64, l *plan.Node) []block {
	const gutter = 14.0
	f := font(ts.size, false, false)
	li := l.Add(plan.RoleItem)
	label, body := li.Add(plan.RoleLabel), li.Add(plan.RoleBody)
	var mark func(row) row
	ml := ts.eng.Lines(textlayout.Paragraph{Spans: []textlayout.Span{{Text: marker, Font: f, Color: inkSoft}}}, gutter+20)
	if len(ml) > 0 {
		m := ml[0]
		mark = func(first row) row {
			return row{h: first.h, draw: func(x, y float64) []plan.Item {
				return append(first.draw(x, y), &plan.Text{X: x + indent, Y: y, Line: m, Tag: label})
			}}
		}
	}
	b := ts.text(ts.spans(it.Text, f), indent+gutter, 0, leading, mark)
	if len(b.rows) == 0 {
		b.rows = []row{space(ts.size * leading)}
		if mark != nil {
			b.rows[0] = mark(b.rows[0])
		}
	}
	b.before = ts.size * 0.3
	out := []block{tag(b, body)}
	return append(out, ts.under(body, func() []block {
		out := ts.links(it.Text, indent+gutter)
		for _, sub := range it.Blocks {
			out = append(out, ts.blockOf(sub, indent+gutter)...)
		}
		children := it.Children
		if indent+2*gutter > maxListIndent {
			// A deeper level would leave too narrow a column for a word: the
			// rest of the nesting is set at this level, in reading order.
			children = topic.FlattenItems(children)
		}
		return append(out, ts.list(children, false, 0, indent+gutter)...)
	})...)
}

// maxListIndent is the deepest indent of a list item's text, in points:
// about seven levels, past which items are set at the last level.
const maxListIndent = 110.0

// code sets a code block line by line in the monospaced face; long lines
// wrap rather than run off the page.
func (ts *typesetter) code(src string, indent float64) block {
	f := textlayout.Font{Family: "mono", Size: ts.size * 0.92}
	var rows []row
	for _, line := range strings.Split(strings.TrimRight(src, "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			rows = append(rows, space(f.Size*1.3))
			continue
		}
		rows = append(rows, ts.lines([]textlayout.Span{{Text: keepSpaces(line), Font: f, Color: ink}}, indent+8, 0, 1.3)...)
	}
	return block{rows: rows, before: ts.size * 0.6}
}

// keepSpaces folds each run of spaces inside a code line (not its
// indentation) to one space. On paper a wide gap mid-line reads as a
// column break to text extraction (pdftotext starts a new column at a gap
// of about 0.7 em), which would tear "x = 1  # note" apart when the PDF is
// searched or copied from; aligned comments are the lesser loss.
func keepSpaces(line string) string {
	body := strings.TrimLeft(line, " \t")
	return line[:len(line)-len(body)] + strings.Join(strings.Fields(body), " ")
}

// table sets a table as a grid of equal columns, the header row in bold
// with a rule under it. A row taller than a page would not fit on any, so
// such a row is set as one line per cell instead.
func (ts *typesetter) table(rows [][]topic.Text, indent float64) []block {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return nil
	}
	const gap = 8.0
	cw := (ts.width - indent - gap*float64(cols-1)) / float64(cols)
	// The first row is set as the header (bold, ruled off), so its cells
	// are column headers.
	table := ts.at.Add(plan.RoleTable)
	var out []block
	for ri, r := range rows {
		f := font(ts.size, ri == 0, false)
		tr := table.Add(plan.RoleRow)
		tags := make([]*plan.Node, cols)
		for ci := range tags {
			if ri == 0 {
				tags[ci] = tr.Add(plan.RoleHeaderCell)
				tags[ci].Scope = plan.ScopeColumn
			} else {
				tags[ci] = tr.Add(plan.RoleCell)
			}
		}
		cells := make([][]textlayout.Line, cols)
		h := 0.0
		for ci, c := range r {
			cells[ci] = ts.eng.Lines(textlayout.Paragraph{Spans: ts.spans(c, f), LineHeight: 1.3}, cw)
			h = max(h, textlayout.Height(cells[ci]))
		}
		if h > 400 {
			for ci, c := range r {
				out = append(out, ts.under(tags[ci], func() []block { return []block{ts.para(c, indent, f)} })...)
			}
			continue
		}
		header := ri == 0
		rr := row{h: h + 4, draw: func(x, y float64) []plan.Item {
			var items []plan.Item
			for ci, ls := range cells {
				yy := y
				for _, l := range ls {
					items = append(items, &plan.Text{X: x + indent + float64(ci)*(cw+gap), Y: yy, Line: l, Tag: tags[ci]})
					yy += l.Height
				}
			}
			if header {
				items = append(items, &plan.Rule{X1: x + indent, Y1: y + h + 2, X2: x + ts.width, Y2: y + h + 2, Color: frameInk, Width: 0.6})
			}
			return items
		}}
		b := block{rows: []row{rr}, before: 2}
		if ri == 0 {
			b.before = ts.size * 0.6
			b.keepWithNext = true
		}
		out = append(out, b)
	}
	return out
}
