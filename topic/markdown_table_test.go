package topic

import (
	"strings"
	"testing"
)

// tableShape writes a body's blocks as one line each: a table as its
// alignments and its rows of cells (code runs in backquotes), anything
// else as its kind and plain text.
func tableShape(b Body) string {
	var out []string
	for _, bl := range b {
		if bl.Kind != TableBlock {
			out = append(out, map[BlockKind]string{ParagraphBlock: "paragraph", HeadingBlock: "heading"}[bl.Kind]+": "+bl.Text.Plain())
			continue
		}
		var rows []string
		for _, r := range bl.Rows {
			var cells []string
			for _, c := range r {
				var s strings.Builder
				for _, run := range c {
					if run.Style&Code != 0 {
						s.WriteString("`" + run.Text + "`")
					} else {
						s.WriteString(run.Text)
					}
				}
				cells = append(cells, s.String())
			}
			rows = append(rows, strings.Join(cells, "¦"))
		}
		out = append(out, "table ["+strings.Join(bl.Align, ",")+"] "+strings.Join(rows, " / "))
	}
	return strings.Join(out, "\n")
}

// TestPipeTables reads the edge cases of GFM pipe tables: the delimiter
// row's forms and alignments, escaped pipes (in text and in code spans),
// missing and extra cells, and what is not a table.
func TestPipeTables(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"alignments", "| a | b | c | d |\n| :--- | :---: | ---: | --- |\n| 1 | 2 | 3 | 4 |",
			"table [left,center,right,] a¦b¦c¦d / 1¦2¦3¦4"},
		{"no outer pipes, tight delimiters", "a | b\n:-|-:\n1 | 2", "table [left,right] a¦b / 1¦2"},
		{"spaces and tabs in the delimiter row", "| a | b |\n|  :-:\t|\t---  |", "table [center,] a¦b"},
		{"one column needs a pipe only in the delimiter row", "Head\n| --- |\nbody", "table [] Head / body"},
		{"escaped pipe in text", "| a \\| b | c |\n|---|---|\n| x\\|y | z |", "table [,] a | b¦c / x|y¦z"},
		{"escaped pipe in a code span", "| code | d |\n|---|---|\n| `x \\| y` | z |", "table [,] code¦d / `x | y`¦z"},
		{"unescaped pipe splits a code span", "| `a | b` |\n|---|---|", "table [,] `a¦b`"},
		{"escaped backslash before a pipe", "| a \\\\| b |\n|---|---|", "table [,] a \\¦b"},
		{"escaped pipe at the end of a row", "| a | b \\|\n|---|---|", "table [,] a¦b |"},
		{"missing cells are empty", "| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 |", "table [,,] a¦b¦c / 1¦¦ / 1¦2¦"},
		{"a short header is filled", "| a |\n|---|---|\n| 1 | 2 |", "table [,] a¦ / 1¦2"},
		{"extra body cells are dropped", "| a | b |\n|---|---|\n| 1 | 2 | 3 |", "table [,] a¦b / 1¦2"},
		{"empty cells between pipes", "| a || c |\n|---|---|---|\n|| 2 ||", "table [,,] a¦¦c / ¦2¦"},
		{"inline markup in cells", "| *a* | [b](https://example.org) |\n|---|---|", "table [,] a¦b"},
		{"text before the table stays a paragraph", "Lead text\n| a | b |\n|---|---|\n| 1 | 2 |",
			"paragraph: Lead text\ntable [,] a¦b / 1¦2"},
		{"more header cells than columns", "| a | b | c |\n|---|---|\n| 1 | 2 |", "paragraph: | a | b | c | |---|---| | 1 | 2 |"},
		{"not dashes", "| a | b |\n|-x-|---|", "paragraph: | a | b | |-x-|---|"},
		{"an empty delimiter cell", "| a | b |\n|---||", "paragraph: | a | b | |---||"},
		{"a colon without dashes", "| a | b |\n| : | --- |", "paragraph: | a | b | | : | --- |"},
		{"dashes alone underline a heading", "a | b\n---", "heading: a | b"},
		{"a delimiter row indented as code", "| a | b |\n    |---|---|", "paragraph: | a | b | |---|---|"},
		{"pipes alone", "|\n|", "paragraph: | |"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tableShape(ParseBody(tc.src)); got != tc.want {
				t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
			}
		})
	}
}

// TestPipeTableInList reads a table inside a list item and a block quote,
// where the lines' segments start after the marker, and reports the
// table where its paragraph starts.
func TestPipeTableInList(t *testing.T) {
	b := ParseBody("- item\n\n  | a | b |\n  |---|:-:|\n  | 1 | 2 |\n\n> | q |\n> |---|\n> | r |\n")
	if len(b) != 2 || len(b[0].Items) != 1 || len(b[0].Items[0].Blocks) != 1 || len(b[1].Blocks) != 1 {
		t.Fatalf("blocks %+v", b)
	}
	tbl := b[0].Items[0].Blocks[0]
	if got := tableShape(Body{tbl}); got != "table [,center] a¦b / 1¦2" {
		t.Errorf("table in the item: %s", got)
	}
	if tbl.Pos.Line != 3 || tbl.Pos.Col != 3 {
		t.Errorf("table in the item at %d:%d, want 3:3", tbl.Pos.Line, tbl.Pos.Col)
	}
	if got := tableShape(b[1].Blocks); got != "table [] q / r" {
		t.Errorf("table in the quote: %s", got)
	}
}
