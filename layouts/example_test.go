package layouts_test

import (
	"bytes"
	"fmt"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/deck"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// glossaryWall is a new kind of slide layout: the lecture deck followed by
// one "wall" slide that lists every key concept in large type. It plans
// with the built-in lecture layout and adds its own page, measured with the
// shared text engine like any other.
type glossaryWall struct {
	base *deck.Layout
}

func (glossaryWall) Kind() layouts.Kind { return layouts.KindSlides }

func (glossaryWall) Description() string {
	return "the lecture deck with a closing wall of key terms"
}

func (g glossaryWall) Plan(e *topic.Entry, env *layouts.Env) (*plan.Document, error) {
	doc, err := g.base.Plan(e, env)
	if err != nil {
		return nil, err
	}
	th := g.base.Theme
	wall := &plan.Page{Background: &th.Background, Label: "Key terms"}
	y := th.MarginTop
	for _, c := range e.KeyConcepts {
		lines := env.Text.Lines(textlayout.Paragraph{Spans: []textlayout.Span{{
			Text: c.Term.Plain(), Font: textlayout.Font{Bold: true, Size: th.BodySize}, Color: th.Accent,
		}}}, doc.Width-2*th.MarginX)
		for _, l := range lines {
			wall.Items = append(wall.Items, &plan.Text{X: th.MarginX, Y: y, Line: l})
			y += l.Height
		}
	}
	doc.Pages = append(doc.Pages, wall)
	return doc, nil
}

// A Go program registers its own layout by name and renders with it
// through the exporter, which never needs to know the layout exists.
func Example() {
	layouts.Register("glossary-wall", glossaryWall{base: deck.New(deck.Lecture, "")})

	e := &topic.Entry{
		Title:      "Photosynthesis",
		Definition: topic.Paragraphs("Photosynthesis turns light, water and carbon dioxide into sugar and oxygen."),
		KeyConcepts: []topic.Concept{
			{Term: topic.Plain("Chlorophyll")},
			{Term: topic.Plain("Calvin cycle")},
		},
	}
	var pdf bytes.Buffer
	res, err := exporter.Slides(e, exporter.SlideOptions{Layout: "glossary-wall"}, &pdf)
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, _, _ := exporter.PlanSlides(e, exporter.SlideOptions{Layout: "glossary-wall"})
	fmt.Println("every planned slide drawn:", res.Pages == len(doc.Pages))
	fmt.Println("last slide:", doc.Pages[len(doc.Pages)-1].Label)
	fmt.Println("PDF:", bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")))
	// Output:
	// every planned slide drawn: true
	// last slide: Key terms
	// PDF: true
}
