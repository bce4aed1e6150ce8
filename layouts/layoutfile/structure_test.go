package layoutfile_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/internal/phrases"
	"github.com/scholargate/topicdeck/internal/structcheck"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/deck"
	"github.com/scholargate/topicdeck/layouts/layoutfile"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// TestStructure plans every sample with every sample layout file and the
// every-key test layout, on both aspects, and follows the deck's logical
// structure: each slide a section with its heading, headings from level 1
// without a skip, the entry read in order, and only the footer, the logo
// and the cover picture left out of it.
func TestStructure(t *testing.T) {
	names, _ := filepath.Glob("../../samples/layouts/*.yaml")
	names = append(names, "testdata/every-key.yaml")
	seed, err := topic.ReadFile("../../topic/testdata/seed-page.txt", topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		f, err := layoutfile.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		set, err := f.Layout.Fonts(fonts.Default())
		if err != nil {
			t.Fatal(err)
		}
		eng := textlayout.New(set)
		for _, e := range append(sampleEntries(t), seed) {
			for _, aspect := range []string{"16:9", "4:3"} {
				t.Run(filepath.Base(name)+"/"+e.SlugOrDefault()+"/"+aspect, func(t *testing.T) {
					t.Parallel()
					opt := layouts.Options{Aspect: aspect, Course: "Course 101", Author: "A. Lecturer", Date: "2026-02-03", Time: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
					doc, err := f.Layout.Plan(e, &layouts.Env{Text: eng, Labels: locale.For(e.LangOrDefault()), Options: opt})
					if err != nil {
						t.Fatal(err)
					}
					r := structcheck.Check(doc)
					for _, p := range r.Problems {
						t.Error(p)
					}
					// A layout file shows the sections it lists, in its
					// order: each is read in its own order.
					var groups [][]string
					if f.Layout.Overrides.Sections == nil {
						groups = phrases.Groups(e)
					}
					for _, sf := range f.Layout.Overrides.Sections {
						groups = append(groups, phrases.Groups(deck.Only(e, sf.Key))...)
					}
					for _, p := range structcheck.OutOfOrder(r, groups) {
						t.Errorf("structure: %s", p)
					}
					for i, pg := range doc.Pages {
						if pg.Tag == nil || pg.Tag.Parent != doc.Root || pg.Tag.Role != plan.RoleSection {
							t.Errorf("slide %d is not a section of the document", i+1)
						}
						for _, it := range pg.Items {
							if im, ok := it.(*plan.Image); ok && im.Tag != nil {
								t.Errorf("slide %d: a layout's picture is tagged", i+1)
							}
						}
					}
					// Only the footer, low on the slide, is drawn as an artifact.
					for i, pg := range doc.Pages {
						for _, it := range pg.Items {
							if tx, ok := it.(*plan.Text); ok && tx.Tag == nil && tx.Y < 0.85*doc.Height {
								t.Errorf("slide %d: text drawn as an artifact at y %.0f", i+1, tx.Y)
							}
						}
					}
				})
			}
		}
	}
}
