package topic

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// GFM pipe tables, as a goldmark paragraph transformer of our own: the
// entry readers need only the table of GitHub's extensions, and linking
// goldmark's extension package for it cost every command its package
// initializer (the linkify and typographer regular expressions, about
// 0.9 ms a process). A paragraph becomes a table where one of its lines
// after the first is a delimiter row ("| --- | :-: |") and the line above
// it has as many cells; the lines before that stay a paragraph. The
// cases it decides as goldmark's extension did, so that entries read as
// before: a row's missing cells are empty, a body row's extra cells are
// dropped (a header row with more cells than the delimiter row makes no
// table); a pipe escaped with a backslash belongs to the cell, also
// inside a code span, where the backslash is then dropped. Unlike it, and
// as GitHub does, a pipe after an escaped backslash ("\\|") ends the
// cell, and an escaped pipe at the end of a row stays the cell's text.

// Kinds of the table nodes.
var (
	kindPipeTable = ast.NewNodeKind("PipeTable")
	kindPipeRow   = ast.NewNodeKind("PipeTableRow")
	kindPipeCell  = ast.NewNodeKind("PipeTableCell")
)

// pipeTable is a table block; its children are pipeRows, the header
// first. align holds each column's alignment: "left", "center", "right"
// or "" (none given).
type pipeTable struct {
	ast.BaseBlock
	align []string
}

// Kind implements ast.Node.
func (n *pipeTable) Kind() ast.NodeKind { return kindPipeTable }

// Dump implements ast.Node.
func (n *pipeTable) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// pipeRow is a row of a table; its children are pipeCells.
type pipeRow struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *pipeRow) Kind() ast.NodeKind { return kindPipeRow }

// Dump implements ast.Node.
func (n *pipeRow) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// pipeCell is a cell: one line of inline Markdown, which goldmark parses
// after the transformer made the cell.
type pipeCell struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *pipeCell) Kind() ast.NodeKind { return kindPipeCell }

// Dump implements ast.Node.
func (n *pipeCell) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// tablesKey holds, while a document is parsed, the tables made from it,
// for pipeTableCode to visit once inline parsing is done.
var tablesKey = parser.NewContextKey()

// pipeTables is the paragraph transformer that makes tables.
type pipeTables struct{}

// Transform implements parser.ParagraphTransformer.
func (pipeTables) Transform(para *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	lines := para.Lines()
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		align, ok := delimiterRow(seg.Value(src))
		if !ok {
			continue
		}
		head := rowCells(src, lines.At(i-1))
		if len(head) > len(align) {
			return
		}
		t := &pipeTable{align: align}
		t.SetPos(para.Pos())
		t.AppendChild(t, tableRow(head, len(align)))
		for j := i + 1; j < lines.Len(); j++ {
			t.AppendChild(t, tableRow(rowCells(src, lines.At(j)), len(align)))
		}
		parent := para.Parent()
		parent.InsertAfter(parent, para, t)
		lines.SetSliced(0, i-1)
		if lines.Len() == 0 {
			parent.RemoveChild(parent, para)
		} else if last := lines.At(i - 2); last.Stop > last.Start && src[last.Stop-1] == '\n' {
			// The paragraph now ends before the table: without its
			// newline, as any paragraph's last line.
			last.Stop--
			lines.Set(i-2, last)
		}
		tables, _ := pc.Get(tablesKey).([]*pipeTable)
		pc.Set(tablesKey, append(tables, t))
		return
	}
}

// tableRow makes a row of n cells from the cells' segments: missing
// cells are empty, cells past n are dropped.
func tableRow(cells []text.Segment, n int) *pipeRow {
	row := &pipeRow{}
	for j := range n {
		c := &pipeCell{}
		if j < len(cells) {
			c.Lines().Append(cells[j])
		}
		row.AppendChild(row, c)
	}
	return row
}

// rowCells splits a table line into its cells' segments, each without
// the spaces around it. One pipe at either end of the line is a border,
// not a cell; a pipe after a backslash is the cell's text.
func rowCells(src []byte, line text.Segment) []text.Segment {
	line = line.TrimLeftSpace(src)
	line = line.TrimRightSpace(src)
	start, stop := line.Start, line.Stop
	if start < stop && src[start] == '|' {
		start++
	}
	if start < stop && src[stop-1] == '|' && !escaped(src, start, stop-1) {
		stop--
	}
	var cells []text.Segment
	for start < stop {
		end := start
		for end < stop && (src[end] != '|' || escaped(src, start, end)) {
			end++
		}
		cell := text.NewSegment(start, end)
		cell = cell.TrimLeftSpace(src)
		cells = append(cells, cell.TrimRightSpace(src))
		start = end + 1
	}
	return cells
}

// escaped reports whether the byte at i follows an odd number of
// backslashes counted back to from: "\\|" is an escaped backslash and
// a pipe that ends the cell.
func escaped(src []byte, from, i int) bool {
	n := 0
	for j := i - 1; j >= from && src[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// delimiterRow reads a table's delimiter row: cells of dashes, with a
// colon at the left, the right or both ends for the column's alignment,
// indented less than a code block. A line of dashes alone is not one (a
// heading underline or a thematic break).
func delimiterRow(line []byte) ([]string, bool) {
	indent := 0
	for _, b := range line {
		if b == ' ' {
			indent++
		} else if b == '\t' {
			indent += 4 - indent%4
		} else {
			break
		}
	}
	if indent > 3 {
		return nil, false
	}
	dashesOnly := true
	for _, b := range line {
		if b != '-' {
			dashesOnly = false
		}
		if b != '-' && b != '|' && b != ':' && !isMarkdownSpace(b) {
			return nil, false
		}
	}
	if dashesOnly {
		return nil, false
	}
	var cols [][]byte
	for start := 0; ; {
		end := start
		for end < len(line) && line[end] != '|' {
			end++
		}
		cols = append(cols, line[start:end])
		if end == len(line) {
			break
		}
		start = end + 1
	}
	if blankBytes(cols[0]) {
		cols = cols[1:]
	}
	if n := len(cols); n > 0 && blankBytes(cols[n-1]) {
		cols = cols[:n-1]
	}
	var align []string
	for _, col := range cols {
		a, ok := columnAlign(col)
		if !ok {
			return nil, false
		}
		align = append(align, a)
	}
	return align, len(align) > 0
}

// columnAlign reads one cell of a delimiter row: optional spaces, an
// optional colon, one or more dashes, an optional colon, optional spaces.
func columnAlign(col []byte) (string, bool) {
	i, j := 0, len(col)
	for i < j && isMarkdownSpace(col[i]) {
		i++
	}
	for j > i && isMarkdownSpace(col[j-1]) {
		j--
	}
	left := i < j && col[i] == ':'
	if left {
		i++
	}
	right := j > i && col[j-1] == ':'
	if right {
		j--
	}
	if i == j {
		return "", false
	}
	for _, b := range col[i:j] {
		if b != '-' {
			return "", false
		}
	}
	switch {
	case left && right:
		return "center", true
	case left:
		return "left", true
	case right:
		return "right", true
	}
	return "", true
}

// isMarkdownSpace is white space as a line of Markdown has it.
func isMarkdownSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f'
}

// blankBytes reports whether b holds only white space.
func blankBytes(b []byte) bool {
	for _, c := range b {
		if !isMarkdownSpace(c) {
			return false
		}
	}
	return true
}

// pipeTableCode is the AST transformer that drops the backslash of an
// escaped pipe inside a table cell's code span: the pipe was escaped for
// the table, while a code span keeps backslashes as written.
type pipeTableCode struct{}

// Transform implements parser.ASTTransformer.
func (pipeTableCode) Transform(_ *ast.Document, reader text.Reader, pc parser.Context) {
	tables, _ := pc.Get(tablesKey).([]*pipeTable)
	if tables == nil {
		return
	}
	pc.Set(tablesKey, nil)
	src := reader.Source()
	for _, t := range tables {
		_ = ast.Walk(t, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && n.Kind() == ast.KindCodeSpan {
				for c := n.FirstChild(); c != nil; c = c.NextSibling() {
					if tx, ok := c.(*ast.Text); ok {
						dropPipeEscapes(n, tx, src)
					}
				}
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		})
	}
}

// dropPipeEscapes cuts the backslash of every "\|" out of a code span's
// text node, which becomes the pieces between them.
func dropPipeEscapes(span ast.Node, t *ast.Text, src []byte) {
	seg := t.Segment
	var pieces []text.Segment
	from := seg.Start
	for i := seg.Start; i+1 < seg.Stop; i++ {
		if src[i] == '\\' && src[i+1] == '|' {
			pieces = append(pieces, text.NewSegment(from, i))
			from = i + 1
		}
	}
	if pieces == nil {
		return
	}
	t.Segment = pieces[0]
	prev := ast.Node(t)
	for _, p := range append(pieces[1:], text.NewSegment(from, seg.Stop)) {
		n := ast.NewRawTextSegment(p)
		span.InsertAfter(span, prev, n)
		prev = n
	}
}
