package topic

import (
	"os"
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

// TestPipeTables reads the edge cases of GFM pipe tables in
// testdata/pipe-tables.txt: the delimiter row's forms and alignments,
// escaped pipes (in text and in code spans), missing and extra cells, and
// what is not a table. Each case is "=== name", the Markdown, "--- want"
// and the body as tableShape writes it.
func TestPipeTables(t *testing.T) {
	data, err := os.ReadFile("testdata/pipe-tables.txt")
	if err != nil {
		t.Fatal(err)
	}
	cases := strings.Split(strings.TrimPrefix(string(data), "=== "), "\n=== ")
	if len(cases) < 20 {
		t.Fatalf("%d cases", len(cases))
	}
	for _, c := range cases {
		name, rest, _ := strings.Cut(c, "\n")
		src, want, ok := strings.Cut(rest, "\n--- want\n")
		if !ok {
			t.Fatalf("case %q has no want", name)
		}
		t.Run(name, func(t *testing.T) {
			if got := tableShape(ParseBody(src)); got != strings.TrimSpace(want) {
				t.Errorf("%q:\n got %s\nwant %s", src, got, strings.TrimSpace(want))
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
