package layoutfile_test

import (
	"bytes"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/internal/phrases"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/layoutfile"
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

// serifFonts is the fonts key of a handout layout file in DejaVu Serif
// (fonts-dejavu-core, which scripts/test-deps installs): a face unlike
// the built-in Noto Sans in look and in width, so lines break elsewhere.
const serifFonts = `fonts:
  regular: /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf
  bold: /usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf
  italic: /usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf
  bold-italic: /usr/share/fonts/truetype/dejavu/DejaVuSerif-BoldItalic.ttf
`

// TestHandoutLayoutFonts gives every built-in handout layout the faces of
// DejaVu Serif through a layout file and checks that the handout sets all
// its own text in them (code aside), measured in them (lines break
// elsewhere than in the built-in, and none runs into the margin), while
// the slides it prints keep the deck's Noto Sans; that the PDF embeds the
// family and holds every sentence, and that pdfcheck and pdfuacheck pass.
func TestHandoutLayoutFonts(t *testing.T) {
	dejaVuSans, err := filepath.Abs("../../fonts/DejaVuSans.ttf")
	if err != nil {
		t.Fatal(err)
	}
	writeHandoutLayouts(t)
	e, err := topic.ReadFile("samples/plate-tectonics.json", topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range layouts.List() {
		if in.Kind != layouts.KindHandout {
			continue
		}
		name := "serif-" + in.Name
		family := "Famlayout" + strings.ReplaceAll(name, "-", "")
		text := "extends: " + in.Name + "\n" + serifFonts
		if err := os.WriteFile(filepath.Join("layouts", name+".yaml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run(in.Name, func(t *testing.T) {
			doc, _, err := exporter.PlanHandout(e, exporter.HandoutOptions{Layout: name})
			if err != nil {
				t.Fatal(err)
			}
			builtin, _, err := exporter.PlanHandout(e, exporter.HandoutOptions{Layout: in.Name})
			if err != nil {
				t.Fatal(err)
			}
			slides := 0
			for _, pg := range doc.Pages {
				for _, it := range pg.Items {
					switch v := it.(type) {
					case *plan.Text:
						for _, s := range v.Line.Segments {
							if s.Face != family && s.Face != "NotoSansMono" && strings.TrimSpace(s.Text) != "" {
								t.Fatalf("%q is set in %s, not the layout's %s", s.Text, s.Face, family)
							}
						}
						if right := v.X + v.Line.Width; right > doc.Width-51.02+0.01 {
							t.Fatalf("a line at (%.1f, %.1f) ends at %.1f pt, in the right margin", v.X, v.Y, right)
						}
					case *plan.Embed:
						slides++
						for _, sit := range v.Page.Items {
							if tx, ok := sit.(*plan.Text); ok {
								for _, s := range tx.Line.Segments {
									if s.Face != "NotoSans" && s.Face != "NotoSansMono" && strings.TrimSpace(s.Text) != "" {
										t.Fatalf("slide text %q is set in %s, not the deck's Noto Sans", s.Text, s.Face)
									}
								}
							}
						}
					}
				}
			}
			if strings.HasPrefix(in.Name, "slides-") && slides == 0 {
				t.Error("no slides printed")
			}
			if !strings.HasPrefix(in.Name, "slides-") && slices.Equal(lineTexts(doc), lineTexts(builtin)) {
				t.Error("every line breaks where the built-in's does: the text was not measured in the layout's faces")
			}

			path := writeHandout(t, e, name)
			out, err := exec.Command("pdffonts", path).Output()
			if err != nil {
				t.Fatal(err)
			}
			// Slide handouts set only the running head and page numbers
			// themselves, in the regular face, and print the deck's fonts.
			want := []string{family + " ", family + "-Bold "}
			if strings.HasPrefix(in.Name, "slides-") {
				want = []string{family + " ", "NotoSans "}
			}
			for _, w := range want {
				if !strings.Contains(string(out), "+"+w) {
					t.Errorf("pdffonts lacks %s:\n%s", w, out)
				}
			}
			var expect []string
			if in.Name == "reader" || in.Name == "notes" {
				expect = phrases.Printed(e)
			}
			checktool.PDF(t, path, expect, 0)
			var read []string
			if in.Name != "guided" && in.Name != "cornell" {
				read = phrases.Printed(e)
			}
			checktool.PDFUA(t, path, read)
		})
	}
	t.Run("deck with fonts of its own", func(t *testing.T) {
		// The slides keep the deck's faces, the handout's text takes its
		// own: the one font set the handout is drawn with holds both.
		if err := os.WriteFile(filepath.Join("layouts", "sans-deck.yaml"), []byte("extends: lecture\nfonts:\n  regular: "+dejaVuSans+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		opt := exporter.HandoutOptions{Layout: "serif-slides-3", SlidesLayout: "sans-deck"}
		path := filepath.Join(t.TempDir(), "deck-fonts.pdf")
		err := exporter.WriteFile(path, nil, func(w io.Writer) error {
			_, err := exporter.Handout(e, opt, w)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdffonts", path).Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"+Famlayoutsansdeck ", "+Famlayoutserifslides3 "} {
			if !strings.Contains(string(out), w) {
				t.Errorf("pdffonts lacks %s:\n%s", w, out)
			}
		}
		checktool.PDF(t, path, nil, 0)
		checktool.PDFUA(t, path, nil)
	})
}

// lineTexts lists the text of every line a document's pages set
// themselves, in order.
func lineTexts(doc *plan.Document) []string {
	var out []string
	for _, pg := range doc.Pages {
		for _, it := range pg.Items {
			if tx, ok := it.(*plan.Text); ok {
				var line strings.Builder
				for _, s := range tx.Line.Segments {
					line.WriteString(s.Text)
				}
				out = append(out, line.String())
			}
		}
	}
	return out
}

// TestHandoutRoundTrip prints every built-in handout layout and handout
// layout files that set every key, saves each printed text as a layout
// file of the same name elsewhere, and makes the handout with both: the
// PDFs must be the same, byte for byte, and printing the copy must give
// the same text (but for the header's origin).
func TestHandoutRoundTrip(t *testing.T) {
	writeHandoutLayouts(t)
	files := map[string]string{
		"every-handout-key.yaml": "description: \"every handout key\"\nextends: slides-4\npaper: {width: 612, height: 1008}\nmargins: 60\n" +
			"colours: {text: \"#202a44\", muted: \"#4a4a4a\", rule: \"#3c6e71\", frame: \"#555555\", box: \"#efe6cf\", link: \"#8b1e3f\"}\n" +
			serifFonts + "kerning: false\nnote-line-spacing: 30\nslides-per-page: {columns: 1, rows: 3}\n",
		"letter-guided.yaml": "extends: guided\npaper: letter\n" + serifFonts,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join("layouts", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sources := []string{"layouts/every-handout-key.yaml", "letter-guided", "wide-cornell", "eight-up"}
	for _, in := range layouts.List() {
		if in.Kind == layouts.KindHandout && in.Origin == "built-in" {
			sources = append(sources, in.Name)
		}
	}
	e, err := topic.ReadFile("samples/ekologisk-succession.md", topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	copies := t.TempDir()
	for _, src := range sources {
		t.Run(layoutfile.Name(src), func(t *testing.T) {
			printed, err := layoutfile.Show(src)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(copies, layoutfile.Name(src)+".yaml")
			if err := os.WriteFile(path, printed, 0o644); err != nil {
				t.Fatal(err)
			}
			again, err := layoutfile.Show(path)
			if err != nil {
				t.Fatalf("the printed file does not load: %v\n%s", err, printed)
			}
			if a, b := afterHeader(printed), afterHeader(again); a != b {
				t.Errorf("printed again:\n%s\nwant\n%s", b, a)
			}
			want, got := handoutPDF(t, e, src), handoutPDF(t, e, path)
			if !bytes.Equal(want, got) {
				t.Errorf("the printed copy makes another handout (%d bytes, want %d)\n%s", len(got), len(want), printed)
			}
		})
	}
}

// afterHeader drops the first line of a printed layout, which names where
// it came from.
func afterHeader(printed []byte) string {
	_, rest, _ := strings.Cut(string(printed), "\n")
	return rest
}

// handoutPDF makes an entry's handout with a layout.
func handoutPDF(t *testing.T, e *topic.Entry, layout string) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := exporter.Handout(e, exporter.HandoutOptions{Layout: layout}, &b); err != nil {
		t.Fatalf("%s: %v", layout, err)
	}
	return b.Bytes()
}
