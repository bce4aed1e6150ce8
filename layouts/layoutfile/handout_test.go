package layoutfile_test

import (
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/internal/phrases"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/topic"
)

// writeHandoutLayouts puts two handout layout files in ./layouts of a
// fresh working directory: a Cornell sheet on Letter with wide margins and
// wide lines, and an eight-up slide handout made from slides-4.
func writeHandoutLayouts(t *testing.T) {
	t.Helper()
	sample, err := filepath.Abs("../../samples")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if err := os.Symlink(sample, "samples"); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("layouts", 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"wide-cornell.yaml": "description: \"Wide Cornell: Letter, 1 in margins, lines 10 mm apart\"\nextends: cornell\npaper: letter\nmargins: 72\nnote-line-spacing: 28.35\ncolours:\n  text: \"#1d2b4f\"\n  rule: \"#7a9cc6\"\n",
		"eight-up.yaml":     "extends: slides-4\npaper: {width: 595.28, height: 841.89}\nslides-per-page: {columns: 2, rows: 4}\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join("layouts", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestHandoutLayoutFiles: handout layout files are listed beside the
// built-in handouts, found by name, and change what they say: the paper,
// the margin, the spacing of the writing lines, the slides on a page. The
// PDFs they make pass pdfcheck and pdfuacheck like the built-ins'.
func TestHandoutLayoutFiles(t *testing.T) {
	writeHandoutLayouts(t)
	list, warnings, errs := layouts.Catalog()
	if len(errs) != 0 || len(warnings) != 0 {
		t.Fatalf("catalog: %v %v", warnings, errs)
	}
	kinds := map[string]layouts.Info{}
	for _, in := range list {
		kinds[in.Name] = in
	}
	if in := kinds["wide-cornell"]; in.Kind != layouts.KindHandout || in.Description != "Wide Cornell: Letter, 1 in margins, lines 10 mm apart" || in.Origin != filepath.Join("layouts", "wide-cornell.yaml") {
		t.Errorf("wide-cornell listed as %+v", in)
	}
	if in := kinds["eight-up"]; in.Kind != layouts.KindHandout || in.Description != "slides-4, changed by eight-up.yaml" {
		t.Errorf("eight-up listed as %+v", in)
	}

	e, err := topic.ReadFile("samples/ekologisk-succession.md", topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("cornell", func(t *testing.T) {
		// The layout's paper wins over the option, as a slide layout's page
		// wins over --aspect.
		doc, _, err := exporter.PlanHandout(e, exporter.HandoutOptions{Layout: "wide-cornell", Paper: "a4"})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Width != 612 || doc.Height != 792 {
			t.Errorf("page %g × %g, want Letter", doc.Width, doc.Height)
		}
		if gap := lineGap(doc.Pages[0]); math.Abs(gap-28.35) > 0.01 {
			t.Errorf("writing lines %g pt apart, want 28.35", gap)
		}
		navy, blue := plan.Color{R: 0x1d, G: 0x2b, B: 0x4f}, plan.Color{R: 0x7a, G: 0x9c, B: 0xc6}
		used := map[plan.Color]int{}
		for _, pg := range doc.Pages {
			for _, it := range pg.Items {
				switch v := it.(type) {
				case *plan.Text:
					for _, sg := range v.Line.Segments {
						used[sg.Color]++
					}
				case *plan.Rule:
					used[v.Color]++
				}
			}
		}
		if used[navy] == 0 || used[blue] == 0 || used[plan.Color{R: 0x14, G: 0x14, B: 0x14}] != 0 || used[plan.Color{R: 0x9a, G: 0x9a, B: 0x9a}] != 0 {
			t.Errorf("colours used: %v, want the navy text and blue rules instead of the greys", used)
		}
		// The colours change nothing else: the same lines on the same
		// places as the layout without them.
		plain := filepath.Join("layouts", "plain-cornell.yaml")
		if err := os.WriteFile(plain, []byte("extends: cornell\npaper: letter\nmargins: 72\nnote-line-spacing: 28.35\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		ref, _, err := exporter.PlanHandout(e, exporter.HandoutOptions{Layout: "plain-cornell"})
		if err != nil {
			t.Fatal(err)
		}
		if len(ref.Pages) != len(doc.Pages) {
			t.Fatalf("%d pages with colours, %d without", len(doc.Pages), len(ref.Pages))
		}
		for i := range ref.Pages {
			if a, b := len(ref.Pages[i].Items), len(doc.Pages[i].Items); a != b {
				t.Errorf("page %d: %d items with colours, %d without", i+1, b, a)
			}
		}
		for i, pg := range doc.Pages {
			for _, it := range pg.Items {
				x0, y0, x1, y1 := bounds(it)
				if x0 < 72-0.01 || y0 < 72-0.01 || x1 > 612-72+0.01 || y1 > 792-72+0.01 {
					t.Fatalf("page %d: %T at (%.1f,%.1f)-(%.1f,%.1f) is in the 72 pt margin", i+1, it, x0, y0, x1, y1)
				}
			}
		}
		path := writeHandout(t, e, "wide-cornell")
		checktool.PDF(t, path, []string{e.Title}, 9.5)
		checktool.PDFUA(t, path, nil)
	})
	t.Run("eight-up", func(t *testing.T) {
		deck, _, err := exporter.PlanSlides(e, exporter.SlideOptions{})
		if err != nil {
			t.Fatal(err)
		}
		doc, _, err := exporter.PlanHandout(e, exporter.HandoutOptions{Layout: "eight-up"})
		if err != nil {
			t.Fatal(err)
		}
		if want := (len(deck.Pages) + 7) / 8; len(doc.Pages) != want {
			t.Errorf("%d pages for %d slides, want %d", len(doc.Pages), len(deck.Pages), want)
		}
		if n := embeds(doc.Pages[0]); n != 8 {
			t.Errorf("%d slides on the first page, want 8", n)
		}
		path := writeHandout(t, e, "eight-up")
		checktool.PDF(t, path, nil, 0)
		checktool.PDFUA(t, path, phrases.Of(e))
	})
	t.Run("by path", func(t *testing.T) {
		doc, _, err := exporter.PlanHandout(e, exporter.HandoutOptions{Layout: "layouts/eight-up.yaml"})
		if err != nil || embeds(doc.Pages[0]) != 8 {
			t.Errorf("by path: %v", err)
		}
	})
	t.Run("not a slide layout", func(t *testing.T) {
		if _, _, err := exporter.PlanSlides(e, exporter.SlideOptions{Layout: "eight-up"}); err == nil {
			t.Error("a handout layout file made slides")
		}
	})
}

// lineGap is the distance between the first two writing lines (level
// rules of one length, one under the other) on a page.
func lineGap(pg *plan.Page) float64 {
	var prev *plan.Rule
	for _, it := range pg.Items {
		r, ok := it.(*plan.Rule)
		if !ok || r.Y1 != r.Y2 {
			continue
		}
		if prev != nil && prev.X1 == r.X1 && prev.X2 == r.X2 && r.Y1 > prev.Y1 {
			return r.Y1 - prev.Y1
		}
		prev = r
	}
	return 0
}

// embeds counts the slides drawn on a page.
func embeds(pg *plan.Page) int {
	n := 0
	for _, it := range pg.Items {
		if _, ok := it.(*plan.Embed); ok {
			n++
		}
	}
	return n
}

// writeHandout writes an entry's handout with a layout to a temporary file.
func writeHandout(t *testing.T, e *topic.Entry, layout string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), layout+".pdf")
	err := exporter.WriteFile(path, nil, func(w io.Writer) error {
		_, err := exporter.Handout(e, exporter.HandoutOptions{Layout: layout}, w)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// bounds is the box an item covers; items without one (bookmarks,
// structure) cover nothing.
func bounds(it plan.Item) (x0, y0, x1, y1 float64) {
	switch v := it.(type) {
	case *plan.Text:
		return v.X, v.Y, v.X + v.Line.Width, v.Y + v.Line.Height
	case *plan.Rect:
		return v.X, v.Y, v.X + v.W, v.Y + v.H
	case *plan.Rule:
		return min(v.X1, v.X2), min(v.Y1, v.Y2), max(v.X1, v.X2), max(v.Y1, v.Y2)
	case *plan.Embed:
		return v.X, v.Y, v.X + v.W, v.Y + v.H
	}
	return 100, 100, 100, 100
}
