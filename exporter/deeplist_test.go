package exporter

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/checktool"
)

// TestDeepListKeepsEveryWord renders a list nested 45 levels deep, more
// than a slide or a page can indent, with every layout that prints
// section text: the levels past the deepest indent are set at it, and
// pdftotext finds every item, its words whole.
func TestDeepListKeepsEveryWord(t *testing.T) {
	e := readEntry(t, "testdata/deep-list.md")
	tests := []struct {
		kind, layout string
	}{
		{"slides", "lecture"}, {"slides", "contrast"}, {"slides", "minimal"},
		{"handout", "reader"}, {"handout", "notes"}, {"handout", "guided"}, {"handout", "slides-9"},
	}
	for _, tt := range tests {
		t.Run(tt.layout, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.layout+".pdf")
			writePDF(t, path, func(w io.Writer) (Result, error) {
				if tt.kind == "slides" {
					return Slides(e, SlideOptions{Layout: tt.layout}, w)
				}
				return Handout(e, HandoutOptions{Layout: tt.layout}, w)
			})
			text := strings.Join(strings.Fields(checktool.Text(t, path)), " ")
			for i := range 45 {
				if item := fmt.Sprintf("level%d word%d", i, i); !strings.Contains(text, item) {
					t.Errorf("%q is missing or broken up", item)
				}
			}
		})
	}
}
