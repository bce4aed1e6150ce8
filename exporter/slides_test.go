package exporter

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/internal/phrases"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/pdfdraw"
	"github.com/scholargate/topicdeck/topic"
)

// droidDir holds the CJK fallback font CI installs (fonts-droid-fallback).
const droidDir = "/usr/share/fonts/truetype/droid"

// stressDir holds the planner's stress entries.
const stressDir = "../layouts/deck/testdata"

// readEntry reads the entry file at path, failing the test on an error.
func readEntry(t testing.TB, path string) *topic.Entry {
	t.Helper()
	e, err := topic.ReadFile(path, topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// renderSlides writes the deck to a file in a temporary directory.
func renderSlides(t testing.TB, e *topic.Entry, opt SlideOptions) (string, Result) {
	t.Helper()
	path := filepath.Join(t.TempDir(), e.SlugOrDefault()+"-slides.pdf")
	return path, writePDF(t, path, func(w io.Writer) (Result, error) { return Slides(e, opt, w) })
}

// writePDF writes what draw makes to path, as the commands do (WriteFile),
// and returns draw's result.
func writePDF(t testing.TB, path string, draw func(io.Writer) (Result, error)) Result {
	t.Helper()
	var res Result
	err := WriteFile(path, nil, func(w io.Writer) error {
		var err error
		res, err = draw(w)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// slideLayouts is every registered slide layout.
func slideLayouts(t *testing.T) []string {
	var out []string
	for _, l := range layouts.List() {
		if l.Kind == layouts.KindSlides {
			out = append(out, l.Name)
		}
	}
	if len(out) < 3 {
		t.Fatalf("slide layouts = %v, want lecture, contrast and minimal at least", out)
	}
	return out
}

// TestSlidesSamples renders every sample and the seed page in every slide
// layout and both aspects, and has pdfcheck confirm that every sentence of
// the entry is in the PDF, nothing overflows, no text is drawn over text
// and nothing is smaller than 12 pt; and has pdfuacheck confirm that the
// deck is tagged PDF/UA-1 and that a screen reader reads every sentence.
func TestSlidesSamples(t *testing.T) {
	var files []string
	for _, g := range []string{"../samples/*.md", "../samples/*.json", "../samples/*.yaml"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no samples found")
	}
	files = append(files, "../topic/testdata/seed-page.txt")
	for _, f := range files {
		e := readEntry(t, f)
		if e.Format == topic.FormatPageText {
			// A copied page cannot name its bibliography; the seed's is
			// the sample one, as `--bib` would give it.
			e.Bibliography = "../../samples/neuroadaptation.bib"
		}
		want := phrases.Printed(e)
		for _, name := range slideLayouts(t) {
			for _, aspect := range []string{"16:9", "4:3"} {
				t.Run(filepath.Base(f)+"/"+name+"/"+aspect, func(t *testing.T) {
					t.Parallel()
					path, res := renderSlides(t, e, SlideOptions{Layout: name, ArtifactOptions: ArtifactOptions{Aspect: aspect, Course: "Course 101", Author: "A. Lecturer", Date: "2026-02-03"}})
					if len(res.Warnings) > 0 {
						t.Errorf("warnings: %v", res.Warnings)
					}
					checktool.PDF(t, path, want, 12)
					checktool.PDFUA(t, path, want)
					if n := checktool.Pages(t, path); n != res.Pages {
						t.Errorf("pdfinfo counts %d pages, Result %d", n, res.Pages)
					}
				})
			}
		}
	}
}

// TestSlidesStress renders the stress entries (40 questions, a 3,000
// character theory, 30 key concepts, Swedish, Greek, a 300-character URL,
// empty sections, a huge list, long titles) through pdfcheck.
func TestSlidesStress(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(stressDir, "*.md"))
	if len(files) < 8 {
		t.Fatalf("stress entries missing in %s", stressDir)
	}
	names := slideLayouts(t)
	for i, f := range files {
		if strings.HasPrefix(filepath.Base(f), "cjk") {
			continue // TestSlidesCJK
		}
		e := readEntry(t, f)
		want := phrases.Printed(e)
		// The planner's tests run every stress entry in every layout and
		// aspect; here each goes through pdfcheck in one of them, in turn.
		name := names[i%len(names)]
		aspect := []string{"16:9", "4:3"}[i%2]
		t.Run(filepath.Base(f)+"/"+name+"/"+aspect, func(t *testing.T) {
			t.Parallel()
			path, res := renderSlides(t, e, SlideOptions{Layout: name, ArtifactOptions: ArtifactOptions{Aspect: aspect, Course: "A course name long enough to be shortened in the footer of a slide"}})
			if len(res.Warnings) > 0 {
				t.Errorf("warnings: %v", res.Warnings)
			}
			checktool.PDF(t, path, want, 12)
			checktool.PDFUA(t, path, want)
		})
	}
}

// TestSlidesCJK: without a font for Chinese the deck still renders and
// warns once per character; with --font-dir the characters are drawn.
func TestSlidesCJK(t *testing.T) {
	e := readEntry(t, filepath.Join(stressDir, "cjk.md"))
	t.Run("without font", func(t *testing.T) {
		t.Parallel()
		path, res := renderSlides(t, e, SlideOptions{})
		want := "no font has U+4E2D '中' (add one with --font-dir)"
		n := 0
		for _, w := range res.Warnings {
			if w == want {
				n++
			}
		}
		if n != 1 {
			t.Errorf("warning %q given %d times; warnings: %v", want, n, res.Warnings)
		}
		checktool.PDF(t, path, nil, 12)
	})
	t.Run("with font dir", func(t *testing.T) {
		t.Parallel()
		path, res := renderSlides(t, e, SlideOptions{ArtifactOptions: ArtifactOptions{FontDir: droidDir}})
		if len(res.Warnings) > 0 {
			t.Errorf("warnings with %s: %v", droidDir, res.Warnings)
		}
		checktool.PDF(t, path, phrases.Printed(e), 12)
	})
}

func TestSlidesDeterministic(t *testing.T) {
	e := readEntry(t, "../samples/plate-tectonics.json")
	var a, b bytes.Buffer
	if _, err := Slides(e, SlideOptions{ArtifactOptions: ArtifactOptions{Course: "GEO1"}}, &a); err != nil {
		t.Fatal(err)
	}
	if _, err := Slides(e, SlideOptions{ArtifactOptions: ArtifactOptions{Course: "GEO1"}}, &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders of the same entry differ")
	}
	if !bytes.HasPrefix(a.Bytes(), []byte("%PDF-")) {
		t.Error("output is not a PDF")
	}
}

func TestSlidesMetadata(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01
	e := readEntry(t, "../topic/testdata/seed-page.txt")
	path, res := renderSlides(t, e, SlideOptions{ArtifactOptions: ArtifactOptions{Author: "A. Lecturer", Lang: "sv"}})
	info := checktool.Info(t, path)
	for _, want := range []string{
		"Title:           Neuroadaptation and Tolerance",
		"Author:          A. Lecturer",
		"Keywords:        Tolerance, Physical and psychological dependence",
		"Creator:         " + Creator,
		"CreationDate:    Thu Jan  1 00:00:00 2026",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	// --lang relabels the deck; the outline of the PDF has an entry per section.
	text := checktool.Text(t, path)
	for _, want := range []string{"Översikt", "Kärnfrågor", "Nyckelbegrepp", "Repetition", "2 / "} {
		if !strings.Contains(text, want) {
			t.Errorf("Swedish labels: text lacks %q", want)
		}
	}
	qdf := checktool.Expanded(t, path)
	for _, want := range []string{"/Outlines", "/Lang"} {
		if !strings.Contains(qdf, want) {
			t.Errorf("PDF lacks %s", want)
		}
	}
	if res.Pages < 15 {
		t.Errorf("seed deck has %d slides", res.Pages)
	}
}

// expanded is the PDF at path as checktool.Expanded gives it, as bytes.
func expanded(t *testing.T, path string) []byte {
	t.Helper()
	return []byte(checktool.Expanded(t, path))
}

func TestSlidesLinks(t *testing.T) {
	e := readEntry(t, filepath.Join(stressDir, "long-url.md"))
	path, _ := renderSlides(t, e, SlideOptions{})
	if !strings.Contains(checktool.Expanded(t, path), "/URI (https://example.org/segment00") {
		t.Error("no clickable link to the entry's URL in the PDF")
	}
}

func TestSlidesPageSize(t *testing.T) {
	e := readEntry(t, filepath.Join(stressDir, "greek.md"))
	for aspect, want := range map[string]string{"16:9": "960 x 540 pts", "4:3": "720 x 540 pts"} {
		path, _ := renderSlides(t, e, SlideOptions{ArtifactOptions: ArtifactOptions{Aspect: aspect}})
		if info := checktool.Info(t, path); !strings.Contains(info, want) {
			t.Errorf("%s: pdfinfo:\n%s", aspect, info)
		}
	}
}

func TestSlidesErrors(t *testing.T) {
	e := readEntry(t, filepath.Join(stressDir, "greek.md"))
	for _, tt := range []struct {
		opt  SlideOptions
		want string
	}{
		{SlideOptions{Layout: "no-such-layout"}, `unknown layout "no-such-layout"`},
		{SlideOptions{ArtifactOptions: ArtifactOptions{Aspect: "3:2"}}, `"3:2"`},
		{SlideOptions{ArtifactOptions: ArtifactOptions{FontDir: "/no/such/dir"}}, "/no/such/dir"},
	} {
		// An error while writing leaves no file behind.
		dir := t.TempDir()
		path := filepath.Join(dir, "out.pdf")
		err := WriteFile(path, nil, func(w io.Writer) error {
			_, err := Slides(e, tt.opt, w)
			return err
		})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: err = %v, want %q", tt.opt, err, tt.want)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("%+v: left %d files behind", tt.opt, len(left))
		}
	}
	var w failWriter
	if _, err := Slides(e, SlideOptions{}, w); err == nil {
		t.Error("a failing writer gives no error")
	}
}

// failWriter refuses every write, like a full disk.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// BenchmarkSeedDeck plans and draws the seed page's deck in-process.
func BenchmarkSeedDeck(b *testing.B) {
	e := readEntry(b, "../topic/testdata/seed-page.txt")
	if _, err := Slides(e, SlideOptions{}, io.Discard); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		doc, set, err := PlanSlides(e, SlideOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := pdfdraw.Write(io.Discard, doc, set); err != nil {
			b.Fatal(err)
		}
	}
}
