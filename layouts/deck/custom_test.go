package deck

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/internal/phrases"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// TestFillFooter fills templates with and without their optional fields.
func TestFillFooter(t *testing.T) {
	full := map[string]string{"title": "Plate Tectonics", "course": "GEO1", "author": "A. Lecturer", "date": "3 Feb", "page": "4", "pages": "20"}
	bare := map[string]string{"title": "Plate Tectonics", "page": "4", "pages": "20"}
	tests := []struct {
		tmpl       string
		full, bare string
	}{
		{DefaultFooter.Left, "Plate Tectonics  ·  GEO1", "Plate Tectonics"},
		{DefaultFooter.Right, "4 / 20", "4 / 20"},
		{"{course} | {title}", "GEO1 | Plate Tectonics", "Plate Tectonics"},
		{"{author} · {course} · {date}", "A. Lecturer · GEO1 · 3 Feb", ""},
		{"Slide {page} of {pages}", "Slide 4 of 20", "Slide 4 of 20"},
		{"Nordvik University  ·  {course}", "Nordvik University  ·  GEO1", "Nordvik University"},
		{"{title} ({course})", "Plate Tectonics (GEO1)", "Plate Tectonics ()"},
		{"", "", ""},
		{"{unclosed", "{unclosed", "{unclosed"},
	}
	for _, tc := range tests {
		if got := FillFooter(tc.tmpl, full); got != tc.full {
			t.Errorf("FillFooter(%q, full) = %q, want %q", tc.tmpl, got, tc.full)
		}
		if got := FillFooter(tc.tmpl, bare); got != tc.bare {
			t.Errorf("FillFooter(%q, bare) = %q, want %q", tc.tmpl, got, tc.bare)
		}
	}
}

// planWith plans an entry with a theme and overrides, as a layout file would.
func planWith(t *testing.T, e *topic.Entry, th Theme, ex Overrides, opt layouts.Options) *plan.Document {
	t.Helper()
	l := New(th, "test")
	l.Overrides = ex
	opt.Time = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	doc, err := l.Plan(e, &layouts.Env{Text: textlayout.New(engine().Fonts()), Labels: locale.For("en"), Options: opt})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// squashed drops white space and hyphens, so text broken across lines
// compares with the source.
var squashed = regexp.MustCompile(`[\s\-‐‑]`)

// docText is everything a document draws, squashed.
func docText(doc *plan.Document) string {
	var b strings.Builder
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*plan.Text); ok {
				for _, s := range tx.Line.Segments {
					b.WriteString(s.Text)
				}
			}
		}
	}
	return squashed.ReplaceAllString(b.String(), "")
}

// TestEveryFormKeepsEveryWord plans each section of the seed page and the
// samples alone in each form: every phrase of the section that its own form
// shows must be on a slide in every other form too. (Whether the own form
// shows every phrase is the planner's tests' business.)
func TestEveryFormKeepsEveryWord(t *testing.T) {
	for _, path := range []string{"../../topic/testdata/seed-page.txt", "../../samples/plate-tectonics.json", "../../samples/cognitive-load-theory.yaml"} {
		e := readEntry(t, path)
		for _, key := range SectionKeys {
			var want []string
			auto := docText(planWith(t, e, Lecture, Overrides{Sections: []SectionForm{{key, FormAuto}}, NoOutline: true, NoReview: true}, layouts.Options{}))
			for _, ph := range phrases.Of(Only(e, key)) {
				if strings.Contains(auto, squashed.ReplaceAllString(ph, "")) {
					want = append(want, ph)
				}
			}
			if len(want) == 0 && key != "other-sections" && key != "methods" && key != "relevance" {
				t.Errorf("%s: %s: no phrase on the slides of its own form", path, key)
			}
			for _, form := range Forms[1:] {
				doc := planWith(t, e, Lecture, Overrides{Sections: []SectionForm{{key, form}}, NoOutline: true, NoReview: true}, layouts.Options{})
				// The items form lists titled items without a body after
				// the slides of those with one, so only other forms keep
				// the section's own order.
				order := [][]string{want}
				if form == FormItems {
					order = nil
				}
				checkStructure(t, doc, order)
				text := docText(doc)
				for _, ph := range want {
					if !strings.Contains(text, squashed.ReplaceAllString(ph, "")) {
						t.Errorf("%s: %s as %s: phrase on no slide: %q", path, key, form, ph)
					}
				}
			}
		}
	}
}

// TestSectionOrderAndSelection shows three sections in a chosen order and
// checks the slides' order and that nothing else is shown.
func TestSectionOrderAndSelection(t *testing.T) {
	e := readEntry(t, "../../samples/plate-tectonics.json")
	doc := planWith(t, e, Lecture, Overrides{Sections: []SectionForm{{"history", FormAuto}, {"definition", FormItems}, {"key-figures", FormColumns}}, NoReview: true}, layouts.Options{})
	var got []string
	for _, p := range doc.Pages {
		if len(got) == 0 || got[len(got)-1] != p.Label {
			got = append(got, strings.TrimSuffix(p.Label, " (cont.)"))
		}
	}
	var dedup []string
	for _, l := range got {
		if len(dedup) == 0 || dedup[len(dedup)-1] != l {
			dedup = append(dedup, l)
		}
	}
	want := []string{"Plate Tectonics", "Outline", "History", "Definition", "Key figures"}
	if strings.Join(dedup, "|") != strings.Join(want, "|") {
		t.Errorf("slides %v, want %v", dedup, want)
	}
}

// TestLogoAndFooterPlacement puts a logo in each corner and checks that it
// is on every slide, inside the page, and clear of the footer text.
func TestLogoAndFooterPlacement(t *testing.T) {
	e := readEntry(t, "../../samples/plate-tectonics.json")
	th := Lecture
	th.MarginTop = 80
	for _, pos := range LogoPositions {
		lg := &Logo{Picture: Picture{Type: "PNG", Data: []byte("png"), Width: 200, Height: 100}, Position: pos, Height: 30}
		l := New(th, "")
		if room := l.LogoRoom(engine(), pos); room < 30 {
			t.Fatalf("%s: room for a logo %g pt", pos, room)
		}
		doc := planWith(t, e, th, Overrides{Logo: lg, Footer: &Footer{Left: "{title}", Center: "{author}", Right: "{page}/{pages}"}}, layouts.Options{Author: "A. Lecturer"})
		for n, p := range doc.Pages {
			var img *plan.Image
			for _, it := range p.Items {
				if im, ok := it.(*plan.Image); ok {
					img = im
				}
			}
			if img == nil {
				t.Fatalf("%s: slide %d has no logo", pos, n+1)
			}
			if img.W != 60 || img.H != 30 || img.X < 0 || img.Y < 0 || img.X+img.W > doc.Width || img.Y+img.H > doc.Height {
				t.Errorf("%s: logo at %+v", pos, *img)
			}
			if strings.HasPrefix(pos, "top") && img.Y+img.H > th.MarginTop {
				t.Errorf("%s: logo reaches below the top margin", pos)
			}
			for _, it := range p.Items {
				tx, ok := it.(*plan.Text)
				if !ok || len(tx.Line.Segments) == 0 {
					continue
				}
				x0, x1, y0, y1 := tx.X, tx.X+tx.Line.Width, tx.Y, tx.Y+tx.Line.Height
				if min(x1, img.X+img.W)-max(x0, img.X) > 0 && min(y1, img.Y+img.H)-max(y0, img.Y) > 0 {
					t.Errorf("%s: slide %d: logo %+v over %q at %.1f,%.1f-%.1f,%.1f", pos, n+1, *img, tx.Line.Segments[0].Text, x0, y0, x1, y1)
				}
			}
		}
	}
}

// TestLogoRoom checks the room a lecture slide leaves for a logo: the top
// left is shared with the kicker over titles, so it has the least.
func TestLogoRoom(t *testing.T) {
	l := New(Lecture, "")
	tl, tr, bl := l.LogoRoom(engine(), "top-left"), l.LogoRoom(engine(), "top-right"), l.LogoRoom(engine(), "bottom-left")
	if tr != Lecture.MarginTop-8 || bl != Lecture.MarginBottom-8 || tl >= tr {
		t.Errorf("room: top-left %g, top-right %g, bottom-left %g", tl, tr, bl)
	}
}

// TestPageSizeFromLayout checks that a layout's page wins over the option.
func TestPageSizeFromLayout(t *testing.T) {
	e := readEntry(t, "../../samples/plate-tectonics.json")
	for _, tc := range []struct {
		ex   Overrides
		w, h float64
	}{
		{Overrides{}, 960, 540},
		{Overrides{Aspect: "4:3"}, 720, 540},
		{Overrides{Width: 800, Height: 600}, 800, 600},
	} {
		doc := planWith(t, e, Lecture, tc.ex, layouts.Options{Aspect: "16:9"})
		if doc.Width != tc.w || doc.Height != tc.h {
			t.Errorf("%+v: page %gx%g, want %gx%g", tc.ex, doc.Width, doc.Height, tc.w, tc.h)
		}
	}
}

// TestOneFooter plans the same deck as a built-in layout and as a layout
// file that sets a footer and a logo of its own: the footer line (its rule
// and its text) must sit at the same height in both, centred in the bottom
// margin, since one function places it for both.
func TestOneFooter(t *testing.T) {
	e := &topic.Entry{Title: "Plate Tectonics", Definition: topic.Paragraphs("Plates move."), Scope: topic.Paragraphs("The lithosphere.")}
	lg := &Logo{Picture: Picture{Type: "PNG", Data: []byte("png"), Width: 200, Height: 100}, Position: "top-right", Height: 30}
	for name, th := range map[string]Theme{"lecture": Lecture, "contrast": Contrast, "minimal": Minimal} {
		footerY := func(doc *plan.Document) (text, rule float64) {
			pg := doc.Pages[len(doc.Pages)-1]
			text, rule = -1, -1
			for _, it := range pg.Items {
				switch v := it.(type) {
				case *plan.Text:
					if pageText(&plan.Page{Items: []plan.Item{v}}) == fmt.Sprintf("%d / %d\n", len(doc.Pages), len(doc.Pages)) {
						text = v.Y
					}
				case *plan.Rule:
					if v.Width == 0.5 {
						rule = v.Y1
					}
				}
			}
			return text, rule
		}
		builtIn := planWith(t, e, th, Overrides{}, layouts.Options{})
		file := planWith(t, e, th, Overrides{Logo: lg, Footer: &Footer{Left: "{title}", Right: "{page} / {pages}"}}, layouts.Options{})
		bt, br := footerY(builtIn)
		ft, fr := footerY(file)
		if bt < 0 || ft < 0 {
			t.Fatalf("%s: no slide counter in the footer (built-in %v, file %v)", name, bt, ft)
		}
		if bt != ft || br != fr {
			t.Errorf("%s: footer text at %.1f and %.1f pt, rule at %.1f and %.1f pt: not one footer", name, bt, ft, br, fr)
		}
		if want := builtIn.Height - th.MarginBottom/2 - th.FooterSize*0.6; bt != want {
			t.Errorf("%s: footer at %.1f pt, want %.1f (centred in the bottom margin)", name, bt, want)
		}
		if th.FooterRule != (br >= 0) {
			t.Errorf("%s: footer rule drawn %v, theme says %v", name, br >= 0, th.FooterRule)
		}
	}
}
