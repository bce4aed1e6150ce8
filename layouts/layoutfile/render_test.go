package layoutfile_test

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/internal/phrases"
	"github.com/scholargate/topicdeck/layouts/deck"
	"github.com/scholargate/topicdeck/layouts/layoutfile"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/topic"
)

// sampleEntries reads every sample entry (samples/*.md|json|yaml).
func sampleEntries(t *testing.T) []*topic.Entry {
	t.Helper()
	var out []*topic.Entry
	for _, pat := range []string{"*.md", "*.json", "*.yaml"} {
		paths, _ := filepath.Glob(filepath.Join("..", "..", "samples", pat))
		for _, p := range paths {
			e, err := topic.ReadFile(p, topic.Options{})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, e)
		}
	}
	if len(out) < 4 {
		t.Fatalf("only %d sample entries", len(out))
	}
	return out
}

// render writes an entry's slides with a layout to a temporary file.
func render(t *testing.T, e *topic.Entry, opt exporter.SlideOptions) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), e.SlugOrDefault()+".pdf")
	err := exporter.WriteFile(path, nil, func(w io.Writer) error {
		res, err := exporter.Slides(e, opt, w)
		// A layout's fonts must not lose characters; other warnings
		// (a missing bibliography) are about the entry, not the layout.
		for _, w := range res.Warnings {
			if strings.HasPrefix(w, "no font has") {
				t.Errorf("warning: %s", w)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// TestEveryLayoutEverySample renders every sample (and the seed page) with
// both sample layout files and has pdfcheck read each deck: every sentence
// and item there, nothing overflowing, no text below 12 pt. The built-in
// layouts get the same check in exporter's TestSlidesSamples.
func TestEveryLayoutEverySample(t *testing.T) {
	names, _ := filepath.Glob("../../samples/layouts/*.yaml")
	if len(names) < 2 {
		t.Fatalf("sample layouts: %v", names)
	}
	seed, err := topic.ReadFile("../../topic/testdata/seed-page.txt", topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range append(sampleEntries(t), seed) {
		want := phrases.Printed(e)
		for _, name := range names {
			t.Run(filepath.Base(name)+"/"+e.SlugOrDefault(), func(t *testing.T) {
				t.Parallel()
				path := render(t, e, exporter.SlideOptions{Layout: name, ArtifactOptions: exporter.ArtifactOptions{Course: "Course 101", Author: "A. Lecturer", Date: "2026-02-03"}})
				checktool.PDF(t, path, want, 12)
			})
		}
	}
}

// pdfinfoSize reads the first page's size from pdfinfo.
func pdfinfoSize(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Page size:\s+([\d.]+ x [\d.]+) pts`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo has no page size:\n%s", out)
	}
	return string(m[1])
}

// pixel renders one page at 72 dpi (one pixel a point) and returns the
// colour at (x, y) points.
func pixel(t *testing.T, path string, page, x, y int) deck.Color {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "p")
	pg := strconv.Itoa(page)
	if out, err := exec.Command("pdftoppm", "-r", "72", "-png", "-singlefile", "-f", pg, "-l", pg, path, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	im, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	r, g, b, _ := im.At(x, y).RGBA()
	return deck.Color{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8)}
}

// contentStreams returns the PDF with its streams uncompressed (qpdf
// --qdf), to read the operators the PDF backend wrote.
func contentStreams(t *testing.T, path string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "qdf.pdf")
	if b, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", path, out).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// fillOperator is how the PDF backend (package pdf) sets a fill colour: "r g b rg"
// with three decimals, or "v g" for a grey.
func fillOperator(c deck.Color) string {
	f := func(v uint8) float64 { return float64(v) / 255 }
	if c.R == c.G && c.G == c.B {
		return fmt.Sprintf("%.3f g", f(c.R))
	}
	return fmt.Sprintf("%.3f %.3f %.3f rg", f(c.R), f(c.G), f(c.B))
}

// imagesList runs pdfimages -list and returns its rows as page and size.
func imagesList(t *testing.T, path string) []string {
	t.Helper()
	out, err := exec.Command("pdfimages", "-list", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, line := range strings.Split(string(out), "\n")[2:] {
		f := strings.Fields(line)
		if len(f) > 4 {
			rows = append(rows, f[0]+" "+f[3]+"x"+f[4]) // page width x height
		}
	}
	return rows
}

// TestEveryKeyHasItsEffect renders a deck with testdata/every-key.yaml,
// where each key differs from the layout it extends, and finds each key's
// effect in the PDF (page size, colours, fonts, images, footer, section
// order and forms) or in the plan the PDF was drawn from (sizes, margins).
func TestEveryKeyHasItsEffect(t *testing.T) {
	e, err := topic.ReadFile("../../samples/plate-tectonics.json", topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	opt := exporter.SlideOptions{Layout: "testdata/every-key.yaml", ArtifactOptions: exporter.ArtifactOptions{Aspect: "16:9", Course: "GEO1", Author: "A. Lecturer", Date: "3 Feb 2026"}}
	path := render(t, e, opt)
	checktool.PDF(t, path, nil, 12)
	f, err := layoutfile.Load("testdata/every-key.yaml")
	if err != nil {
		t.Fatal(err)
	}
	th := f.Layout.Theme

	// page: width and height win over the caller's aspect.
	if got := pdfinfoSize(t, path); got != "800 x 600" {
		t.Errorf("page size %s, want 800 x 600", got)
	}

	// colours: the background sampled from a rendered slide, the others
	// set in the content stream.
	if got := pixel(t, path, 2, 400, 300); got != th.Background {
		t.Errorf("background pixel %v, want %v", got, th.Background)
	}
	streams := contentStreams(t, path)
	for name, c := range map[string]deck.Color{"text": th.Text, "accent": th.Accent, "muted": th.Muted, "tint": th.Tint, "background": th.Background} {
		if op := fillOperator(c); !strings.Contains(streams, op) {
			t.Errorf("colour %s: the content streams never set %q", name, op)
		}
	}
	if op := fillOperator(deck.Contrast.Accent); strings.Contains(streams, op) {
		t.Errorf("the accent of contrast, which the file replaces, is still set (%q)", op)
	}
	doc, _, err := exporter.PlanSlides(e, opt)
	if err != nil {
		t.Fatal(err)
	}

	// fonts: the layout's family is embedded and sets the text.
	out, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.ToLower(string(out)), "famlayouteverykey") {
		t.Errorf("pdffonts lacks the layout's family:\n%s", out)
	}

	// sizes and margins, from the plan: the title of the first content
	// slide is at the title size, at the side margin, below the top margin.
	pg := doc.Pages[1]
	var title *plan.Text
	for _, it := range pg.Items {
		if tx, ok := it.(*plan.Text); ok && title == nil {
			title = tx
		}
	}
	if title == nil || title.Line.Segments[0].Size > th.TitleSize || title.Line.Segments[0].Size < th.MinTitleSize || title.X != th.MarginX || title.Y < th.MarginTop {
		t.Errorf("first title %+v, want size %g–%g at x %g, y ≥ %g", title, th.MinTitleSize, th.TitleSize, th.MarginX, th.MarginTop)
	}
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*plan.Text); ok {
				for _, s := range tx.Line.Segments {
					if s.Face != "Famlayouteverykey" && strings.TrimSpace(s.Text) != "" && s.Face != "NotoSansMono" {
						t.Fatalf("%q is set in %s, not the layout's font", s.Text, s.Face)
					}
					// kerning: false measures every character at its advance.
					if s.Kern {
						t.Fatalf("%q is measured with kerning, which the layout turns off", s.Text)
					}
				}
			}
			if r, ok := it.(*plan.Rect); ok && r.X == 0 && r.H == doc.Height {
				t.Fatalf("accent bar drawn on %q with accent-bar: false", p.Label)
			}
		}
	}

	// logo on every slide, the title background on the first.
	rows := imagesList(t, path)
	logos := 0
	for _, r := range rows {
		if strings.HasSuffix(r, " 256x256") {
			logos++
		}
	}
	if logos == 0 || rows[0] != "1 256x256" {
		t.Errorf("images %v: want the logo (256x256) on every page and as the title background", rows)
	}

	// footer, outline, review and section order from the text.
	text := checktool.Text(t, path)
	for _, want := range []string{"GEO1 | A. Lecturer", "3 Feb 2026", "Slide 2 of "} {
		if !strings.Contains(text, want) {
			t.Errorf("footer text %q missing", want)
		}
	}
	for _, gone := range []string{"Outline", "Review", "Scope", "Mechanisms", "Frequently asked questions"} {
		if strings.Contains(text, gone) {
			t.Errorf("%q shown, but the layout leaves it out", gone)
		}
	}
	order := []string{"Key theories", "Definition", "Core questions", "History", "Key concepts"}
	last := -1
	for _, h := range order {
		i := strings.Index(text, h)
		if i <= last {
			t.Errorf("section %q at %d, want it after %d (order %v)", h, i, last, order)
		}
		last = i
	}

	// forms, from the plan's page labels and positions.
	labels := map[string]int{}
	for _, p := range doc.Pages {
		labels[p.Label]++
	}
	if labels["Key theories"] != 1 {
		t.Errorf("key theories as bullets: want one slide titled Key theories, labels %v", labels)
	}
	if n := labels["Core questions"]; n != len(e.CoreQuestions) {
		t.Errorf("core questions as items: %d slides, want one per question (%d)", n, len(e.CoreQuestions))
	}
	statement := false
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*plan.Text); ok && p.Label == "Definition" && len(tx.Line.Segments) > 0 && tx.Line.Segments[0].Size > th.BodySize {
				statement = true
			}
		}
	}
	if !statement {
		t.Error("definition as a statement: no text larger than the body size")
	}
	twoCols := false
	for _, p := range doc.Pages {
		if p.Label != "History" {
			continue
		}
		for _, it := range p.Items {
			if tx, ok := it.(*plan.Text); ok && tx.X > doc.Width/2 && tx.Y < doc.Height-th.MarginBottom {
				twoCols = true
			}
		}
	}
	if !twoCols {
		t.Error("history as columns: no text in a second column")
	}
}

// TestLayoutWinsOverAspect renders the large-print sample with the CLI's
// default aspect: the layout's 4:3 wins.
func TestLayoutWinsOverAspect(t *testing.T) {
	e := sampleEntries(t)[0]
	path := render(t, e, exporter.SlideOptions{Layout: "../../samples/layouts/large-print.yaml", ArtifactOptions: exporter.ArtifactOptions{Aspect: "16:9"}})
	if got := pdfinfoSize(t, path); got != "720 x 540" {
		t.Errorf("page size %s, want 720 x 540", got)
	}
}

// TestDeterministic renders with the university layout (logo, title
// background, footer fields) twice: the PDFs must be byte-identical.
func TestDeterministic(t *testing.T) {
	e := sampleEntries(t)[0]
	opt := exporter.SlideOptions{Layout: "../../samples/layouts/nordvik.yaml", ArtifactOptions: exporter.ArtifactOptions{Course: "C1", Author: "A. Lecturer"}}
	var a, b bytes.Buffer
	if _, err := exporter.Slides(e, opt, &a); err != nil {
		t.Fatal(err)
	}
	if _, err := exporter.Slides(e, opt, &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renderings differ")
	}
}

// TestPrintedBuiltinDrawsTheSame prints each built-in slide layout, loads
// the text as a layout file and renders a sample with both: the PDFs must
// be byte-identical, so the printed layout is the built-in, not a likeness.
func TestPrintedBuiltinDrawsTheSame(t *testing.T) {
	e, err := topic.ReadFile("../../samples/neuroadaptation-and-tolerance.md", topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"lecture", "contrast", "minimal"} {
		text, err := layoutfile.Show(name)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), "copy-of-"+name+".yaml")
		if err := os.WriteFile(file, text, 0o644); err != nil {
			t.Fatal(err)
		}
		var a, b bytes.Buffer
		opt := exporter.SlideOptions{Layout: name, ArtifactOptions: exporter.ArtifactOptions{Course: "C1"}}
		if _, err := exporter.Slides(e, opt, &a); err != nil {
			t.Fatal(err)
		}
		opt.Layout = file
		if _, err := exporter.Slides(e, opt, &b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: the printed copy draws a different PDF (%d vs %d bytes)", name, a.Len(), b.Len())
		}
	}
}

// TestLargePrintCover: the title slide keeps large print's promise too.
// Its subject, lede and author line are no smaller than the layout's
// smallest body size (26 pt), on every sample and with every line given.
func TestLargePrintCover(t *testing.T) {
	for _, e := range sampleEntries(t) {
		doc, _, err := exporter.PlanSlides(e, exporter.SlideOptions{
			Layout:          "../../samples/layouts/large-print.yaml",
			ArtifactOptions: exporter.ArtifactOptions{Author: "Dr. A. Lindqvist", Course: "Neuroscience 101", Date: "Autumn 2026"},
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range doc.Pages[0].Items {
			tx, ok := it.(*plan.Text)
			if !ok {
				continue
			}
			for _, s := range tx.Line.Segments {
				if s.Size < 26 {
					t.Errorf("%s: title slide text %q at %g pt, want ≥ 26", e.Title, s.Text, s.Size)
				}
			}
		}
	}
}
