package slideflow_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"

	// All a Go slide layout needs to fill slides: measured boxes and the
	// paginator, and the drafts that give what they draw its structure.
	"github.com/scholargate/topicdeck/layouts/slideflow"
	"github.com/scholargate/topicdeck/layouts/tagtree"
)

// checklist is a slide layout written outside the project with nothing but
// the exported pieces: the entry's core questions as a numbered checklist,
// as many slides as they need, each slide after the first titled
// "… (cont.)", numbered from the third. It measures with the exporter's text engine, so every line
// breaks where the PDF draws it.
type checklist struct{}

func init() {
	// A Go layout registers by name like the built-ins; the exporter then
	// finds it without knowing it exists.
	layouts.Register("checklist", checklist{})
}

func (checklist) Kind() layouts.Kind { return layouts.KindSlides }

func (checklist) Description() string {
	return "Checklist: the core questions, numbered, over as many slides as they need"
}

var (
	ink    = textlayout.Color{R: 0x20, G: 0x20, B: 0x20}
	accent = textlayout.Color{R: 0x1D, G: 0x5C, B: 0x96}
	paper  = textlayout.Color{R: 0xFF, G: 0xFF, B: 0xFF}
)

const (
	slideW, slideH = 960.0, 540.0
	margin         = 48.0
	titleSize      = 32.0
	bodySize       = 24.0
)

func (checklist) Plan(e *topic.Entry, env *layouts.Env) (*plan.Document, error) {
	eng := env.Text
	width := slideW - 2*margin
	body := slideflow.Style{Font: textlayout.Font{Family: "sans", Size: bodySize}, Color: ink, Link: accent, Mono: "mono", LineHeight: 1.3}

	// The body is measured once, before anyone knows where the slides
	// break: a draft list whose items the boxes point at.
	draft := tagtree.Draft()
	list := draft.Add(plan.RoleList)
	var boxes []*slideflow.Box
	for i, q := range e.CoreQuestions {
		num := slideflow.Lines(eng, []textlayout.Span{{Text: strconv.Itoa(i+1) + ".", Font: body.Font, Color: accent}}, 60, 0, 1.3, textlayout.Left)
		f := slideflow.Frame{Above: 8, Width: width, Marker: func(x, y float64, first textlayout.Line) []plan.Item {
			return []plan.Item{&plan.Text{X: x, Y: y, Line: num[0].Line}}
		}}
		f.Label, f.Tag = slideflow.Item(list)
		boxes = append(boxes, slideflow.Paragraph(eng, f, slideflow.Sentences(q.Text), body, width-48, 48, true))
	}

	title := func(s string) []slideflow.Line {
		return slideflow.Lines(eng, []textlayout.Span{{Text: s, Font: textlayout.Font{Family: "sans", Bold: true, Size: titleSize}, Color: accent}}, width, 0, 1.15, textlayout.Left)
	}
	top := margin + 2*titleSize
	root := plan.NewRoot()
	var pages []*plan.Page
	for i, cols := range slideflow.Paginate(boxes, slideH-top-margin, 1) {
		label := e.Title
		switch {
		case i == 1:
			label = env.Labels.Format(locale.Continued, e.Title)
		case i > 1: // every slide's title its own, for an outline view
			label = env.Labels.Format(locale.ContinuedN, e.Title, i+1)
		}
		pg := &plan.Page{Background: &paper, Label: label}
		pg.Tag = root.Add(plan.RoleSection)
		heading := pg.Tag.AddHeading(min(i+1, 2)) // continuations are parts of the first
		y := margin
		for _, l := range title(label) {
			pg.Items = append(pg.Items, &plan.Text{X: margin, Y: y, Line: l.Line, Tag: heading})
			y += l.Height
		}
		// Each slide gets its own copy of the list, holding the items
		// that landed on it.
		scope := tagtree.New(pg.Tag)
		for _, pl := range cols[0] {
			items := pl.Box.Draw(margin, top+pl.Y)
			scope.Place(items)
			pg.Items = append(pg.Items, items...)
		}
		pages = append(pages, pg)
	}
	meta := plan.Meta{Title: e.Title, Lang: env.Labels.Lang(), Creator: env.Options.Creator, Date: env.Options.Time}
	return &plan.Document{Width: slideW, Height: slideH, Pages: pages, Meta: meta, Root: root}, nil
}

// longList is an entry whose core questions need several slides.
func longList(n int) *topic.Entry {
	e := &topic.Entry{Title: "Plate tectonics", Lang: "en"}
	for i := 1; i <= n; i++ {
		e.CoreQuestions = append(e.CoreQuestions, topic.Item{Text: topic.Plain(fmt.Sprintf(
			"Question %d: what moves plate number %d? Give one piece of evidence for it.", i, i))})
	}
	return e
}

// A Go slide layout built on slideflow is rendered by the exporter like a
// built-in one, and its long list continues over further slides.
func Example() {
	var pdf bytes.Buffer
	res, err := exporter.Slides(longList(30), exporter.SlideOptions{Layout: "checklist"}, &pdf)
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, _, _ := exporter.PlanSlides(longList(30), exporter.SlideOptions{Layout: "checklist"})
	fmt.Println("slides:", res.Pages)
	fmt.Println("second slide:", doc.Pages[1].Label)
	fmt.Println("PDF:", bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")))
	// Output:
	// slides: 6
	// second slide: Plate tectonics (cont.)
	// PDF: true
}

// TestThirdPartyLayout renders the checklist layout's deck and checks that
// every question is in the PDF's text, whole, and that the PDF passes the
// checkers: the exported pieces are enough for a correct, tagged deck.
func TestThirdPartyLayout(t *testing.T) {
	e := longList(40)
	path := filepath.Join(t.TempDir(), "checklist.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := exporter.Slides(e, exporter.SlideOptions{Layout: "checklist"}, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages < 3 {
		t.Errorf("40 questions on %d slides: the list did not continue", res.Pages)
	}
	if n := checktool.Pages(t, path); n != res.Pages {
		t.Errorf("the PDF has %d pages, the exporter says %d", n, res.Pages)
	}
	text := checktool.Text(t, path)
	var phrases []string
	for _, q := range e.CoreQuestions {
		phrases = append(phrases, q.Text.Plain())
		if !strings.Contains(text, q.Text.Plain()) {
			t.Errorf("missing from the PDF: %q", q.Text.Plain())
		}
	}
	if !strings.Contains(text, "Plate tectonics (cont.)") {
		t.Errorf("no continuation slide title in %q", text[:min(len(text), 300)])
	}
	checktool.PDF(t, path, phrases, bodySize)
	checktool.PDFUA(t, path, phrases)
}
