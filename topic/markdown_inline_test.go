package topic

import (
	"reflect"
	"testing"
)

func TestParseInline(t *testing.T) {
	tests := []struct {
		src  string
		want Text
	}{
		{"plain words", Text{{Text: "plain words"}}},
		{"**bold** and *italic* and _also_", Text{{Text: "bold", Style: Bold}, {Text: " and "}, {Text: "italic", Style: Italic}, {Text: " and "}, {Text: "also", Style: Italic}}},
		{"***both***", Text{{Text: "both", Style: Bold | Italic}}},
		{"`code *not* emphasis`", Text{{Text: "code *not* emphasis", Style: Code}}},
		{"[a **b**](https://x.org/p)", Text{{Text: "a ", URL: "https://x.org/p"}, {Text: "b", Style: Bold, URL: "https://x.org/p"}}},
		{"<https://x.org>", Text{{Text: "https://x.org", URL: "https://x.org"}}},
		{"<me@x.org>", Text{{Text: "me@x.org", URL: "mailto:me@x.org"}}},
		{"soft\nbreak", Text{{Text: "soft break"}}},
		{"hard\\\nbreak", Text{{Text: "hard\nbreak"}}},
		{"1. not a list", Text{{Text: "1. not a list"}}},
		{"# not a heading", Text{{Text: "# not a heading"}}},
		{"- not an item", Text{{Text: "- not an item"}}},
		{"<b>raw</b> html", Text{{Text: "<b>raw</b> html"}}},
		{"\\*escaped\\* &amp; &#233;", Text{{Text: "*escaped* & é"}}},
		{"snake_case_name", Text{{Text: "snake_case_name"}}},
		{"![alt text](pic.png)", Text{{Text: "alt text", URL: "pic.png"}}},
		{"[](https://x.org)", Text{{Text: "https://x.org", URL: "https://x.org"}}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := ParseInline(tt.src); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseInline(%q) = %#v; want %#v", tt.src, got, tt.want)
		}
	}
}

func TestFormatInline(t *testing.T) {
	tests := []struct {
		in   Text
		want string
	}{
		{Text{{Text: "a*b_c [d] <e> `f` \\ | 1 < 2"}}, "a\\*b_c \\[d\\] \\<e> \\`f\\` \\\\ \\| 1 \\< 2"},
		{Text{{Text: "# one"}}, "\\# one"},
		{Text{{Text: "1984. A year"}}, "1984\\. A year"},
		{Text{{Text: "- dash"}}, "\\- dash"},
		{Text{{Text: "> quote"}}, "\\> quote"},
		{Text{{Text: "AT&T &amp;"}}, "AT&T \\&amp;"},
		{Text{{Text: "x", Style: Bold}, {Text: " y "}, {Text: "z", Style: Italic}}, "**x** y *z*"},
		{Text{{Text: "a ", Style: Italic}, {Text: "b", Style: Italic | Bold}, {Text: " c", Style: Italic}}, "*a **b** c*"},
		{Text{{Text: "x ", Style: Bold}, {Text: "y", Style: Bold, URL: "u"}, {Text: " z", Style: Bold}}, "**x [y](u) z**"},
		{Text{{Text: "see "}, {Text: "https://x.org", URL: "https://x.org"}}, "see <https://x.org>"},
		{Text{{Text: "a b", URL: "https://x.org/a b(c)"}}, "[a b](<https://x.org/a b(c)>)"},
		{Text{{Text: "co`de", Style: Code}}, "``co`de``"},
		{Text{{Text: "`x", Style: Code}}, "`` `x ``"},
		{Text{{Text: "line\nnext"}}, "line\\\nnext"},
		{Text{{Text: "spaced ", Style: Bold}, {Text: "."}}, "**spaced&#32;**."},
	}
	for _, tt := range tests {
		got := FormatInline(tt.in)
		if got != tt.want {
			t.Errorf("FormatInline(%#v) = %q; want %q", tt.in, got, tt.want)
		}
		if back := ParseInline(got); !reflect.DeepEqual(back, tt.in) {
			t.Errorf("ParseInline(%q) = %#v; want %#v", got, back, tt.in)
		}
	}
}

func TestFormatHeadingHashes(t *testing.T) {
	for _, text := range []string{"#", "a #", "C#", "a\\#", "###", "a # b"} {
		b := Body{{Kind: HeadingBlock, Level: 3, Text: Plain(text)}}
		out := FormatBody(b)
		back := ParseBody(out)
		if len(back) != 1 || back[0].Text.Plain() != text {
			t.Errorf("heading %q written as %q reads back as %#v", text, out, back)
		}
	}
}

func TestParseBody(t *testing.T) {
	src := "Para one\nstill one.\n\n" +
		"- a\n  - a1\n  - a2\n- b\n\n  more about b\n\n" +
		"3. three\n4. four\n\n" +
		"```go\nfmt.Println()\n```\n\n" +
		"| h1 | h2 |\n|:--|--:|\n| x | y |\n\n" +
		"> quoted\n\n" +
		"### Sub\n\n" +
		"***\n"
	b := ParseBody(src)
	kinds := []BlockKind{ParagraphBlock, ListBlock, ListBlock, CodeBlock, TableBlock, QuoteBlock, HeadingBlock, RuleBlock}
	if len(b) != len(kinds) {
		t.Fatalf("got %d blocks, want %d: %#v", len(b), len(kinds), b)
	}
	for i, k := range kinds {
		if b[i].Kind != k {
			t.Errorf("block %d is kind %d, want %d", i, b[i].Kind, k)
		}
	}
	if got := b[0].Text.Plain(); got != "Para one still one." {
		t.Errorf("paragraph = %q", got)
	}
	list := b[1]
	if len(list.Items) != 2 || len(list.Items[0].Children) != 2 || list.Items[0].Children[1].Text.Plain() != "a2" {
		t.Errorf("nested list not kept: %#v", list.Items)
	}
	if len(list.Items[1].Blocks) != 1 || list.Items[1].Blocks[0].Text.Plain() != "more about b" {
		t.Errorf("item paragraph not kept: %#v", list.Items[1])
	}
	if !b[2].Ordered || b[2].Start != 3 || len(b[2].Items) != 2 {
		t.Errorf("ordered list = %#v", b[2])
	}
	if b[3].Lang != "go" || b[3].Code != "fmt.Println()" {
		t.Errorf("code = %q %q", b[3].Lang, b[3].Code)
	}
	if !reflect.DeepEqual(b[4].Align, []string{"left", "right"}) || len(b[4].Rows) != 2 || b[4].Rows[1][1].Plain() != "y" {
		t.Errorf("table = %#v", b[4])
	}
	if len(b[5].Blocks) != 1 || b[5].Blocks[0].Text.Plain() != "quoted" {
		t.Errorf("quote = %#v", b[5])
	}
	if b[6].Level != 3 || b[6].Text.Plain() != "Sub" {
		t.Errorf("heading = %#v", b[6])
	}
	if b[1].Items[0].Children[0].Pos != (Pos{Line: 5, Col: 3}) {
		t.Errorf("nested item at %v, want 5:3", b[1].Items[0].Children[0].Pos)
	}
	if again := ParseBody(FormatBody(b)); !reflect.DeepEqual(stripBodyPos(again), stripBodyPos(b)) {
		t.Errorf("round trip changed the body:\n%s", FormatBody(b))
	}
}

func stripBodyPos(b Body) Body {
	out := append(Body{}, b...)
	for i := range out {
		out[i].Pos = Pos{}
		out[i].Blocks = stripBodyPos(out[i].Blocks)
		out[i].Items = stripItemsPos(out[i].Items)
	}
	return out
}

func stripItemsPos(items []Item) []Item {
	out := append([]Item{}, items...)
	for i := range out {
		out[i].Pos = Pos{}
		out[i].Children = stripItemsPos(out[i].Children)
		out[i].Blocks = stripBodyPos(out[i].Blocks)
	}
	return out
}

func TestSplitConcept(t *testing.T) {
	tests := []struct {
		src        string
		term, def  string
		termStyled bool
	}{
		{"Tolerance", "Tolerance", "", false},
		{"Tolerance: reduced effect", "Tolerance", "reduced effect", false},
		{"**Tolerance** — reduced effect", "Tolerance", "reduced effect", false},
		{"**Tolerance**: reduced effect", "Tolerance", "reduced effect", false},
		{"**Tolerance:** reduced effect", "Tolerance", "reduced effect", false},
		{"Tolerance — reduced effect", "Tolerance", "reduced effect", false},
		{"Tolerance—reduced effect", "Tolerance", "reduced effect", false},
		{"Tolerance – reduced effect", "Tolerance", "reduced effect", false},
		{"**Tolerance**", "Tolerance", "", false},
		{"Ratio 3:1", "Ratio 3:1", "", false},
		{"See [a: b](https://x.org)", "See a: b", "", false},
		{"`a:b` notation", "a:b notation", "", false},
		{"A long sentence. It has a colon: here", "A long sentence. It has a colon: here", "", false},
		{"one two three four five six seven eight nine: too long", "one two three four five six seven eight nine: too long", "", false},
		{"*In vivo* tolerance: measured in animals", "In vivo tolerance", "measured in animals", true},
	}
	for _, tt := range tests {
		term, def := splitConcept(ParseInline(tt.src))
		if term.Plain() != tt.term || def.Plain() != tt.def {
			t.Errorf("splitConcept(%q) = %q / %q; want %q / %q", tt.src, term.Plain(), def.Plain(), tt.term, tt.def)
		}
		for _, r := range term {
			if r.Style&Bold != 0 {
				t.Errorf("splitConcept(%q): term keeps its bold: %#v", tt.src, term)
			}
		}
		if tt.termStyled && term[0].Style != Italic {
			t.Errorf("splitConcept(%q): term lost its italic: %#v", tt.src, term)
		}
	}
}
