package topic

import (
	"strings"
	"testing"
)

// TestFiguresSameInEveryForm reads the figure entry in Markdown, JSON and
// YAML and checks that each gives the same model, with the figures where
// the author put them and the inline image kept as a link.
func TestFiguresSameInEveryForm(t *testing.T) {
	var ref *Entry
	for _, f := range []string{"testdata/md/figures/input.md", "testdata/json/figures.json", "testdata/yaml/figures.yaml"} {
		e, err := ReadFile(f, Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if ref == nil {
			ref = e
			continue
		}
		sameEntry(t, f, e, ref)
	}
	var got []Block
	EachFigure(ref, func(bl *Block) { got = append(got, *bl) })
	want := []struct{ src, alt, caption string }{
		{"cell.png", "A cell with its nucleus", "Figure 1. A cell"},
		{"no-alt.jpg", "", ""},
		{"my picture (2).png", "Brackets [and] stars", `say "hi" & go`},
		{"missing.png", "A missing picture", ""},
		{"quote.png", "A quoted picture", ""},
		{"item.png", "A picture in a list item", ""},
	}
	// EachFigure visits a body's own figures before those in its quotes
	// and lists only when they come first; compare as a set of triples.
	seen := map[[3]string]bool{}
	for _, bl := range got {
		if bl.Kind != FigureBlock {
			t.Errorf("EachFigure gave a %v block", bl.Kind)
		}
		seen[[3]string{bl.Src, bl.Alt, bl.Caption}] = true
	}
	if len(got) != len(want) {
		t.Errorf("%d figures, want %d: %+v", len(got), len(want), got)
	}
	for _, w := range want {
		if !seen[[3]string{w.src, w.alt, w.caption}] {
			t.Errorf("no figure %+v in %+v", w, got)
		}
	}
	sum := ref.Summary[0]
	if sum.Kind != ParagraphBlock || !strings.Contains(sum.Text.Plain(), "inline icon image") {
		t.Errorf("an inline image must stay running text: %+v", sum)
	}
	if !strings.Contains(ref.Mechanisms.Plain(), "Figure 1. A cell") {
		t.Errorf("a figure's caption is missing from the plain text: %q", ref.Mechanisms.Plain())
	}
}

// TestFigureParsing covers what is and is not a figure.
func TestFigureParsing(t *testing.T) {
	tests := []struct {
		src    string
		figure bool
	}{
		{"![a](b.png)", true},
		{"![a](b.png \"t\")", true},
		{"  ![a](b.png)  ", true},
		{"text ![a](b.png)", false},
		{"![a](b.png) text", false},
		{"![a](b.png)\n![c](d.png)", false}, // two images: running text
		{"[![a](b.png)](http://x)", false},  // a linked image stays a link
		{"![a]()", false},
		{"![](<>)", false},
	}
	for _, tt := range tests {
		b := ParseBody(tt.src)
		is := len(b) == 1 && b[0].Kind == FigureBlock
		if is != tt.figure {
			t.Errorf("%q: figure = %v, want %v (%+v)", tt.src, is, tt.figure, b)
		}
		if again := ParseBody(FormatBody(b)); FormatBody(again) != FormatBody(b) {
			t.Errorf("%q does not round-trip: %q", tt.src, FormatBody(b))
		}
	}
}

// TestFigureWithoutAltWarns checks the warning and where it points.
func TestFigureWithoutAltWarns(t *testing.T) {
	e, err := ReadFile("testdata/md/figures/input.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, p := range Validate(e) {
		if strings.Contains(p.Message, "alt text") {
			msgs = append(msgs, p.String())
		}
	}
	want := `testdata/md/figures/input.md:14:1: warning: image "no-alt.jpg" has no alt text: a screen reader will say nothing of it`
	if len(msgs) != 1 || !strings.HasPrefix(msgs[0], want) {
		t.Errorf("alt-text warnings = %q, want one starting %q", msgs, want)
	}
}

// TestWithFiguresCopies checks that filling a copy's pictures leaves the
// entry it was made from as it was.
func TestWithFiguresCopies(t *testing.T) {
	e, err := ReadFile("testdata/md/figures/input.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := WithFigures(e)
	EachFigure(c, func(bl *Block) { bl.Picture = &Picture{Problem: "x"} })
	EachFigure(e, func(bl *Block) {
		if bl.Picture != nil {
			t.Errorf("the original's figure %q was changed", bl.Src)
		}
	})
	if !HasFigures(c) || HasFigures(&Entry{Title: "x", Summary: Paragraphs("y")}) {
		t.Error("HasFigures is wrong")
	}
}
