package topic

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// blockParsers are goldmark's defaults without the HTML block: an HTML
// block would be kept as raw markup nobody renders, while as a paragraph
// its text at least reaches the reader.
func blockParsers() []util.PrioritizedValue {
	return []util.PrioritizedValue{
		util.Prioritized(parser.NewSetextHeadingParser(), 100),
		util.Prioritized(parser.NewThematicBreakParser(), 200),
		util.Prioritized(parser.NewListParser(), 300),
		util.Prioritized(parser.NewListItemParser(), 400),
		util.Prioritized(parser.NewCodeBlockParser(), 500),
		util.Prioritized(parser.NewATXHeadingParser(), 600),
		util.Prioritized(parser.NewFencedCodeBlockParser(), 700),
		util.Prioritized(parser.NewBlockquoteParser(), 800),
		util.Prioritized(parser.NewParagraphParser(), 1000),
	}
}

// blockOptions configure a full Markdown parser with GFM tables.
func blockOptions() []parser.Option {
	return []parser.Option{
		parser.WithBlockParsers(blockParsers()...),
		parser.WithInlineParsers(inlineParsers()...),
		parser.WithParagraphTransformers(
			util.Prioritized(parser.LinkReferenceParagraphTransformer, 100),
			util.Prioritized(pipeTables{}, 200),
		),
		parser.WithASTTransformers(util.Prioritized(pipeTableCode{}, 0)),
	}
}

// bodyParser is made on first use: not every command reads Markdown.
var bodyParser = sync.OnceValue(func() parser.Parser { return parser.NewParser(blockOptions()...) })

// mdConv converts a goldmark tree into the model, mapping byte offsets in
// src to file positions.
type mdConv struct {
	src   []byte
	lines []int // byte offset at which each line starts
}

func newConv(src []byte) *mdConv {
	c := &mdConv{src: src, lines: []int{0}}
	for i, b := range src {
		if b == '\n' {
			c.lines = append(c.lines, i+1)
		}
	}
	return c
}

// pos turns a byte offset into a line and a column counted in runes.
func (c *mdConv) pos(off int) Pos {
	if off < 0 || off > len(c.src) {
		return Pos{}
	}
	l := sort.Search(len(c.lines), func(i int) bool { return c.lines[i] > off }) - 1
	return Pos{Line: l + 1, Col: utf8.RuneCount(c.src[c.lines[l]:off]) + 1}
}

// nodePos is where a block starts: its own position where goldmark set
// one, otherwise its first line of text.
func (c *mdConv) nodePos(n ast.Node) Pos {
	if n.Type() == ast.TypeBlock {
		if p := n.Pos(); p >= 0 {
			return c.pos(p)
		}
	}
	for d := n; d != nil; d = d.FirstChild() {
		if d.Type() == ast.TypeBlock && d.Lines().Len() > 0 {
			return c.linePos(d.Lines().At(0).Start)
		}
	}
	return Pos{}
}

// linePos is the position of the first non-blank character on the line
// holding off at or before it, so a list item or heading is reported at
// its marker rather than at its text.
func (c *mdConv) linePos(off int) Pos {
	p := c.pos(off)
	if !p.IsValid() {
		return p
	}
	start := c.lines[p.Line-1]
	i := start
	for i < off && (c.src[i] == ' ' || c.src[i] == '\t') {
		i++
	}
	return c.pos(i)
}

// ParseBody parses Markdown block content: paragraphs, lists (nested items
// in Item.Children, other content of an item in Item.Blocks), fenced and
// indented code, GFM tables, block quotes, sub-headings and thematic
// breaks. Raw HTML is kept as text; link reference definitions are applied
// to the links that use them.
func ParseBody(src string) Body {
	source := []byte(safeSource(src))
	doc := bodyParser().Parse(text.NewReader(source))
	c := newConv(source)
	return c.blocks(doc.FirstChild(), nil)
}

// blocks converts the siblings from n up to (not including) stop.
func (c *mdConv) blocks(n, stop ast.Node) Body {
	var b Body
	for ; n != nil && n != stop; n = n.NextSibling() {
		bl := c.block(n)
		if bl.Kind == ParagraphBlock && len(bl.Text) == 0 {
			// Only markup with nothing to show, such as "[](<>)".
			continue
		}
		b = append(b, bl)
	}
	return b
}

func (c *mdConv) block(n ast.Node) Block {
	p := c.nodePos(n)
	switch v := n.(type) {
	case *ast.Heading:
		return Block{Kind: HeadingBlock, Level: v.Level, Text: c.line(v), Pos: p}
	case *ast.List:
		bl := Block{Kind: ListBlock, Ordered: v.IsOrdered(), Items: c.items(v), Pos: p}
		if v.IsOrdered() {
			bl.Start = v.Start
		}
		return bl
	case *ast.FencedCodeBlock:
		bl := Block{Kind: CodeBlock, Code: c.code(v), Pos: p}
		if v.Info != nil {
			bl.Lang = unescapeMarkdown(strings.TrimSpace(string(v.Info.Segment.Value(c.src))))
		}
		return bl
	case *ast.CodeBlock:
		return Block{Kind: CodeBlock, Code: strings.TrimRight(c.code(v), "\n"), Pos: p}
	case *ast.Blockquote:
		return Block{Kind: QuoteBlock, Blocks: c.blocks(v.FirstChild(), nil), Pos: p}
	case *ast.ThematicBreak:
		return Block{Kind: RuleBlock, Pos: p}
	case *pipeTable:
		bl := Block{Kind: TableBlock, Align: v.align, Pos: p}
		for r := v.FirstChild(); r != nil; r = r.NextSibling() {
			var row []Text
			for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
				row = append(row, c.line(cell))
			}
			bl.Rows = append(bl.Rows, row)
		}
		return bl
	default:
		if fig, ok := c.figure(n, p); ok {
			return fig
		}
		// Paragraphs, and text blocks of tight list items.
		return Block{Kind: ParagraphBlock, Text: c.inline(n), Pos: p}
	}
}

// code joins a code block's lines, without the final newline. A line of
// only spaces becomes empty: inside a list item Markdown cannot keep such
// a line's spaces, and the same code must read the same everywhere.
func (c *mdConv) code(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := strings.Repeat(" ", seg.Padding) + string(seg.Value(c.src))
		if strings.TrimSpace(line) == "" {
			line = strings.TrimLeft(line, " \t")
		}
		b.WriteString(line)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// items converts list items. An item's first paragraph is its Text; bullet
// lists right after it are its Children; anything else (a second
// paragraph, a numbered sub-list, code) stays in Blocks, in order.
func (c *mdConv) items(l *ast.List) []Item {
	var items []Item
	for li := l.FirstChild(); li != nil; li = li.NextSibling() {
		it := Item{Pos: c.nodePos(li)}
		ch := li.FirstChild()
		if ch != nil && (ch.Kind() == ast.KindParagraph || ch.Kind() == ast.KindTextBlock) {
			it.Text = c.inline(ch)
			ch = ch.NextSibling()
		}
		for ; ch != nil; ch = ch.NextSibling() {
			sub, ok := ch.(*ast.List)
			if !ok || sub.IsOrdered() {
				break
			}
			it.Children = append(it.Children, c.items(sub)...)
		}
		it.Blocks = c.blocks(ch, nil)
		items = append(items, it)
	}
	return items
}
