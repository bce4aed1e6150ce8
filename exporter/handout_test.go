package exporter_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/topic"
)

func seedEntry(t testing.TB) *topic.Entry {
	t.Helper()
	e, err := topic.ReadFile("../topic/testdata/seed-page.txt", topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// writeHandout writes e's handout to path, as the commands do
// (exporter.WriteFile).
func writeHandout(t *testing.T, e *topic.Entry, opt exporter.HandoutOptions, path string) exporter.Result {
	t.Helper()
	var res exporter.Result
	err := exporter.WriteFile(path, nil, func(w io.Writer) error {
		var err error
		res, err = exporter.Handout(e, opt, w)
		return err
	})
	if err != nil {
		t.Fatalf("%+v: %v", opt, err)
	}
	return res
}

func TestHandoutFileName(t *testing.T) {
	e := &topic.Entry{Title: "Neuroadaptation and Tolerance"}
	for layout, want := range map[string]string{
		"":       "neuroadaptation-and-tolerance-handout-slides-3.pdf",
		"reader": "neuroadaptation-and-tolerance-handout-reader.pdf",
	} {
		if got := exporter.HandoutFileName(e, layout); got != want {
			t.Errorf("%q: got %s, want %s", layout, got, want)
		}
	}
}

// TestHandout writes each kind of handout through the public API and
// checks the file as a reader would, with its metadata.
func TestHandout(t *testing.T) {
	e := seedEntry(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		opt   exporter.HandoutOptions
		size  string
		pages int
	}{
		{exporter.HandoutOptions{}, "595.28 x 841.89", 0},
		{exporter.HandoutOptions{Layout: "reader", Paper: "letter"}, "612 x 792", 0},
		{exporter.HandoutOptions{Layout: "slides-6", Order: "vertical", SlidesLayout: "minimal"}, "595.28 x 841.89", 0},
		{exporter.HandoutOptions{Layout: "slides-9", SlidesLayout: "contrast", ArtifactOptions: exporter.ArtifactOptions{Aspect: "4:3"}}, "595.28 x 841.89", 0},
	} {
		path := filepath.Join(dir, exporter.HandoutFileName(e, tc.opt.Layout+tc.opt.SlidesLayout))
		res := writeHandout(t, e, tc.opt, path)
		checktool.PDF(t, path, []string{e.Title}, 0)
		if n := checktool.Pages(t, path); n != res.Pages || n == 0 {
			t.Errorf("%+v: %d pages, result says %d", tc.opt, n, res.Pages)
		}
		info := checktool.Info(t, path)
		for _, want := range []string{"Creator:         " + exporter.Creator, "Title:           " + e.Title, tc.size} {
			if !strings.Contains(info, want) {
				t.Errorf("%+v: pdfinfo lacks %q:\n%s", tc.opt, want, info)
			}
		}
	}
}

// TestHandoutDeterministic checks byte-identical output for the same input,
// and that SOURCE_DATE_EPOCH, not the clock, dates the file.
func TestHandoutDeterministic(t *testing.T) {
	e := seedEntry(t)
	run := func() []byte {
		var buf bytes.Buffer
		if _, err := exporter.Handout(e, exporter.HandoutOptions{Layout: "guided"}, &buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := run(), run()
	if !bytes.Equal(a, b) {
		t.Error("two runs differ")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	if c := run(); bytes.Equal(a, c) {
		t.Error("SOURCE_DATE_EPOCH did not change the document date")
	}
}

// TestHandoutErrors checks that a bad option is an error and leaves no file.
func TestHandoutErrors(t *testing.T) {
	e := seedEntry(t)
	dir := t.TempDir()
	for _, opt := range []exporter.HandoutOptions{
		{Layout: "nope"},
		{Layout: "lecture"},
		{Paper: "a3"},
		{Layout: "slides-4", Order: "diagonal"},
		{SlidesLayout: "reader"},
	} {
		path := filepath.Join(dir, "out.pdf")
		err := exporter.WriteFile(path, nil, func(w io.Writer) error {
			_, err := exporter.Handout(e, opt, w)
			return err
		})
		if err == nil {
			t.Errorf("%+v: no error", opt)
		}
		if ents, _ := os.ReadDir(dir); len(ents) != 0 {
			t.Errorf("%+v: left %v behind", opt, ents)
		}
	}
}

// TestHandoutMissingCharacter checks the warning for a character no face has.
func TestHandoutMissingCharacter(t *testing.T) {
	e := &topic.Entry{Title: "Runes", Summary: topic.Paragraphs("A rune no face has: \U0001D11E.")}
	res, err := exporter.Handout(e, exporter.HandoutOptions{Layout: "reader"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "U+1D11E") {
		t.Errorf("warnings %q", res.Warnings)
	}
}

func BenchmarkHandout(b *testing.B) {
	e := seedEntry(b)
	for _, layout := range []string{"slides-1", "slides-2", "slides-3", "slides-4", "slides-6", "slides-9", "notes", "reader", "cornell", "guided"} {
		b.Run(layout, func(b *testing.B) {
			for b.Loop() {
				if _, err := exporter.Handout(e, exporter.HandoutOptions{Layout: layout}, &bytes.Buffer{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestHandoutReferences checks that the reader prints seminal works given
// as citation keys as their full references from the entry's bibliography,
// and that a missing bibliography is a warning with the keys kept.
func TestHandoutReferences(t *testing.T) {
	e, err := topic.ReadFile("../samples/neuroadaptation-and-tolerance.md", topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "reader.pdf")
	res := writeHandout(t, e, exporter.HandoutOptions{Layout: "reader"}, path)
	checktool.PDF(t, path, []string{"Koob, G. F., & Volkow, N. D. (2010). Neurocircuitry of addiction.", "https://doi.org/10.1038/npp.2009.110"}, 9.5)
	if text := checktool.Text(t, path); strings.Contains(text, "koob-2009-neurocircuitry") {
		t.Error("the citation key is printed instead of its reference")
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}

	res, err = exporter.Handout(seedEntry(t), exporter.HandoutOptions{Layout: "reader"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 3 || !strings.Contains(res.Warnings[2], `seminal work "kalivas-2007" looks like a citation key`) {
		t.Errorf("warnings without a bibliography: %q", res.Warnings)
	}
}

// TestHandoutGivenDeck checks that a handout drawn from a deck planned
// beforehand (HandoutOptions.Deck, as Build does) is byte-identical to one
// that plans the deck itself, and that the given deck is the one drawn.
func TestHandoutGivenDeck(t *testing.T) {
	e := seedEntry(t)
	bib := []string{"../samples/neuroadaptation.bib"}
	for _, opt := range []exporter.HandoutOptions{
		{},
		{Layout: "slides-6", SlidesLayout: "minimal", Order: "vertical", ArtifactOptions: exporter.ArtifactOptions{Aspect: "4:3", Lang: "sv"}},
		{Layout: "slides-3", ArtifactOptions: exporter.ArtifactOptions{Course: "PHA 101", Author: "A. Lecturer", Date: "2026-09-01", Bib: bib}},
	} {
		deck, _, err := exporter.PlanSlides(e, exporter.SlideOptions{
			Layout:          opt.SlidesLayout,
			ArtifactOptions: exporter.ArtifactOptions{Aspect: opt.Aspect, Lang: opt.Lang, Author: opt.Author, Course: opt.Course, Date: opt.Date, FontDir: opt.FontDir, Bib: opt.Bib},
		})
		if err != nil {
			t.Fatal(err)
		}
		var planned, given bytes.Buffer
		if _, err := exporter.Handout(e, opt, &planned); err != nil {
			t.Fatalf("%+v: %v", opt, err)
		}
		withDeck := opt
		withDeck.Deck = deck
		if _, err := exporter.Handout(e, withDeck, &given); err != nil {
			t.Fatalf("%+v: %v", opt, err)
		}
		if !bytes.Equal(planned.Bytes(), given.Bytes()) {
			t.Errorf("%+v: the handout from a given deck differs from the one that planned it", opt)
		}
	}
	// A deck of another shape shows that the given deck is what is drawn.
	square, _, err := exporter.PlanSlides(e, exporter.SlideOptions{ArtifactOptions: exporter.ArtifactOptions{Aspect: "4:3"}})
	if err != nil {
		t.Fatal(err)
	}
	var wide, given bytes.Buffer
	if _, err := exporter.Handout(e, exporter.HandoutOptions{}, &wide); err != nil {
		t.Fatal(err)
	}
	if _, err := exporter.Handout(e, exporter.HandoutOptions{Deck: square}, &given); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(wide.Bytes(), given.Bytes()) {
		t.Error("HandoutOptions.Deck was not used")
	}
}
