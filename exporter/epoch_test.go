package exporter

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/topic"
)

// TestSourceDateEpoch checks that a SOURCE_DATE_EPOCH a PDF date cannot
// hold (negative, past year 9999, not a number) stops every export with
// one message naming it, and that the extremes of the valid range give
// valid PDFs with that date.
func TestSourceDateEpoch(t *testing.T) {
	e := readEntry(t, seedPage)
	exports := map[string]func() error{
		"slides": func() error { _, err := Slides(e, SlideOptions{}, io.Discard); return err },
		"handout": func() error {
			_, err := Handout(e, HandoutOptions{Layout: "reader"}, io.Discard)
			return err
		},
		"glossary": func() error {
			_, err := Glossary([]*topic.Entry{e}, GlossaryOptions{Format: glossary.XLSX}, io.Discard)
			return err
		},
		"build": func() error {
			_, err := Build([]string{seedPage}, BuildOptions{Out: t.TempDir()})
			return err
		},
	}
	for _, bad := range []string{"-1", "-62135596800", "253402300800", "9223372036854775807", "1.5e9", "soon"} {
		t.Run(bad, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", bad)
			for name, export := range exports {
				err := export()
				if err == nil || !strings.Contains(err.Error(), `SOURCE_DATE_EPOCH="`+bad+`" is not a valid date`) {
					t.Errorf("%s: %v", name, err)
				}
			}
		})
	}
	for _, good := range []struct{ epoch, date string }{
		{"0", "1970-01-01T00:00:00Z"},
		{"253402300799", "9999-12-31T23:59:59Z"},
	} {
		t.Run(good.epoch, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", good.epoch)
			path, _ := renderSlides(t, e, SlideOptions{})
			checktool.PDF(t, path, nil, 0)
			if info := checktool.Info(t, path, "-isodates"); !strings.Contains(info, "CreationDate:    "+good.date) {
				t.Errorf("pdfinfo %s:\n%s", filepath.Base(path), info)
			}
		})
	}
}
