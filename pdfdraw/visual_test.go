package pdfdraw

import (
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
)

func reverse(s string) string {
	r := []rune(s)
	for a, b := 0, len(r)-1; a < b; a, b = a+1, b-1 {
		r[a], r[b] = r[b], r[a]
	}
	return string(r)
}

func TestPieces(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain text", "plain text"},
		{"שלום עולם", "םלוע םולש"},
		{"Hebrew שלום end", "Hebrew םולש end"},
		{"שנת 2024 היא", "איה 2024 תנש"},
		{"מילה (סוגריים) אחרת", "תרחא (םיירגוס) הלימ"},
		// Shaped into presentation forms, then reversed.
		{"Arabic مرحبا 12 بالعالم.", "Arabic \uFEE2\uFEDF\uFE8E\uFECC\uFEDF\uFE8E\uFE91 12 \uFE8E\uFE92\uFEA3\uFEAE\uFEE3."},
		{"سلام", "\uFEE1\uFEFC\uFEB3"},
		{"שָׁלוֹם", reverse("שָׁלוֹם")}, // marks precede their letter in visual order
	}
	e := textlayout.New(nil)
	for _, tc := range tests {
		lines := e.Lines(textlayout.Paragraph{Spans: []textlayout.Span{span(tc.in, 12)}}, 1000)
		var got strings.Builder
		x := lines[0].Segments[0].X
		for _, p := range pieces(&lines[0], fonts.Default()) {
			if p.x != x {
				t.Errorf("%q: piece %q at %f, want %f", tc.in, p.text, p.x, x)
			}
			x += p.w
			got.WriteString(p.text)
		}
		if got.String() != tc.want {
			t.Errorf("pieces(%q) = %q, want %q", tc.in, got.String(), tc.want)
		}
		if d := x - lines[0].Segments[0].X - lines[0].Width; d > 1e-9 || d < -1e-9 {
			t.Errorf("%q: pieces are %f wider than the line", tc.in, d)
		}
	}
}

// TestRightToLeftExtracts: Hebrew and Arabic drawn in visual order (Arabic
// shaped) read back in logical order, as typed.
func TestRightToLeftExtracts(t *testing.T) {
	e := textlayout.New(nil)
	doc := &plan.Document{Width: 400, Height: 120, Meta: plan.Meta{Title: "RTL"}}
	p := &plan.Page{}
	y := 10.0
	for _, text := range []string{"שָׁלוֹם עולם ומלואו", "السلام عليكم ورحمة الله"} {
		for _, l := range e.Lines(textlayout.Paragraph{Spans: []textlayout.Span{span(text, 16)}}, 380) {
			p.Items = append(p.Items, &plan.Text{X: 10, Y: y, Line: l})
			y += l.Height
		}
	}
	doc.Pages = []*plan.Page{p}
	path := renderFile(t, doc, nil, "rtl.pdf")
	// pdfcheck folds the drawn Arabic presentation forms back (NFKC).
	checktool.PDF(t, path, []string{"שָׁלוֹם עולם ומלואו", "السلام عليكم ورحمة الله"}, 0)
}
