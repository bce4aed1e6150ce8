package exporter

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/topic"
)

// TestDeepListKeepsEveryWord renders a list nested 45 levels deep, more
// than a slide or a page can indent, with every layout that prints
// section text: the levels past the deepest indent are set at it, and
// pdftotext finds every item, its words whole.
func TestDeepListKeepsEveryWord(t *testing.T) {
	e, err := topic.ReadFile("testdata/deep-list.md", topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		kind, layout string
	}{
		{"slides", "lecture"}, {"slides", "contrast"}, {"slides", "minimal"},
		{"handout", "reader"}, {"handout", "notes"}, {"handout", "guided"}, {"handout", "slides-9"},
	}
	for _, tt := range tests {
		t.Run(tt.layout, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.layout+".pdf")
			err := WriteFile(path, nil, func(w io.Writer) error {
				var err error
				if tt.kind == "slides" {
					_, err = Slides(e, SlideOptions{Layout: tt.layout}, w)
				} else {
					_, err = Handout(e, HandoutOptions{Layout: tt.layout}, w)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(checktool.Text(t, path)), " ")
			for i := range 45 {
				if item := fmt.Sprintf("level%d word%d", i, i); !strings.Contains(text, item) {
					t.Errorf("%q is missing or broken up", item)
				}
			}
		})
	}
}
