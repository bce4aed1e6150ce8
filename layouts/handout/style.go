package handout

import (
	"errors"
	"fmt"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// Style is what a handout layout file changes in a built-in handout
// layout. A zero field keeps the built-in's own value.
type Style struct {
	Paper         string  // "a4" or "letter"; wins over the --paper option
	Width, Height float64 // a sheet of another size, in points; wins over Paper
	Margin        float64 // kept free on every side, points
	NoteLines     float64 // the distance between ruled writing lines, points
	// Columns and Rows set the grid of an N-up slide handout (slides-N):
	// Columns × Rows slides a page. Other handouts have no grid.
	Columns, Rows int
	// Colours replaces the handout's greys; nil keeps them.
	Colours *Palette
	// Fonts are the layout's own faces, added to the font set as Family:
	// all the text the handout sets itself is measured and drawn in them
	// (code keeps the monospaced face), while the slides it prints keep
	// the deck's. Nil keeps the built-in faces.
	Fonts  *fonts.FamilyFiles
	Family string
	// NoKerning measures the handout's text without the faces' pair
	// kerning, every character at its own advance.
	NoKerning bool
}

// NoteLineSpacing is the built-in distance between ruled writing lines,
// in points: about 7.8 mm, college ruled.
const NoteLineSpacing = ruleSpacing

// Palette is the handout's ink: every colour a handout draws its own text
// and lines in (slides printed on it keep theirs).
type Palette struct {
	Text  textlayout.Color // body text and headings
	Muted textlayout.Color // running head, page numbers, bylines, markers
	Rule  textlayout.Color // writing lines, rules, quotation bars
	Frame textlayout.Color // slide frames, boxes, the Cornell column rule
	Box   textlayout.Color // the fill of boxed text
	Link  textlayout.Color // links
}

// DefaultPalette is the built-in handouts' palette: greys, and a dark
// blue for links, all of which survive a greyscale printer.
func DefaultPalette() Palette {
	return Palette{Text: ink, Muted: inkSoft, Rule: ruleGrey, Frame: frameInk, Box: boxFill, Link: linkInk}
}

// HasGrid reports whether base is an N-up slide handout, the only kind
// whose slides per page a style can change.
func HasGrid(base layouts.Layout) bool {
	_, ok := base.(slideGrid)
	return ok
}

// Custom returns the built-in handout layout base changed by st, with
// description as its one line for `topicdeck layouts`.
func Custom(base layouts.Layout, st Style, description string) (layouts.Planner, error) {
	if (st.Columns > 0) != (st.Rows > 0) {
		return nil, errors.New("give both columns and rows of slides")
	}
	var p layouts.Planner
	switch b := base.(type) {
	case slideGrid:
		if st.Columns > 0 {
			b.cols, b.rows, b.n = st.Columns, st.Rows, st.Columns*st.Rows
			// Note lines beside the slides need the one column the
			// three-slide handout has; lines under a slide need it alone.
			b.lines = b.lines && b.cols == 1
			b.under = b.under && b.n == 1
		}
		b.style = st
		p = b
	case sheet:
		b.style = st
		p = b
	default:
		return nil, fmt.Errorf("%T is not a built-in handout layout", base)
	}
	if st.Columns > 0 && !HasGrid(base) {
		return nil, errors.New("only the slides-N handouts have slides per page")
	}
	return described{p, description, st}, nil
}

// StyleOf returns the style a handout layout plans with: a layout file's
// as the file set it, a built-in's zero style, with Columns and Rows the
// layout's grid of slides either way (zero without one). It is false for a
// layout that is not a handout layout of this package.
func StyleOf(l layouts.Layout) (Style, bool) {
	var st Style
	if d, ok := l.(described); ok {
		l, st = d.Planner, d.style
	}
	switch b := l.(type) {
	case slideGrid:
		st.Columns, st.Rows = b.cols, b.rows
	case sheet:
	default:
		return Style{}, false
	}
	return st, true
}

// described is a planner with a description and the style that changes
// what the built-in planner does not measure itself: its palette, faces
// and kerning.
type described struct {
	layouts.Planner
	description string
	style       Style
}

func (d described) Description() string { return d.description }

// Fonts returns base with the layout's own faces as the family its text is
// set in, or base itself when it has none (layouts.FontLayout): the
// exporter measures and draws the handout with the result.
func (d described) Fonts(base *fonts.Set) (*fonts.Set, error) {
	if d.style.Fonts == nil {
		return base, nil
	}
	set, err := d.style.Fonts.AddTo(base, d.style.Family)
	if err != nil {
		return nil, err
	}
	return set.WithDefaultFamily(d.style.Family)
}

// Plan plans with the built-in layout and then inks the plan in the
// palette. Colour never changes a measurement, so the planners stay free
// of it and every line still breaks where the built-in breaks it. Faces
// do change measurements: they come with the engine (see Fonts), so the
// planners measure every line in them without knowing their names.
func (d described) Plan(e *topic.Entry, env *layouts.Env) (*plan.Document, error) {
	if d.style.NoKerning {
		plain := *env
		plain.Text = env.Text.WithKerning(false)
		env = &plain
	}
	doc, err := d.Planner.Plan(e, env)
	if err != nil || d.style.Colours == nil {
		return doc, err
	}
	recolour(doc, DefaultPalette(), *d.style.Colours)
	return doc, nil
}

// recolour replaces each colour of from with its counterpart in to on
// every item the handout drew itself; embedded slides keep their colours.
// Lines and colours may be shared between items, so each is replaced, not
// changed in place.
func recolour(doc *plan.Document, from, to Palette) {
	m := map[textlayout.Color]textlayout.Color{
		from.Text: to.Text, from.Muted: to.Muted, from.Rule: to.Rule,
		from.Frame: to.Frame, from.Box: to.Box, from.Link: to.Link,
	}
	swap := func(c textlayout.Color) textlayout.Color {
		if n, ok := m[c]; ok {
			return n
		}
		return c
	}
	swapPtr := func(c *textlayout.Color) *textlayout.Color {
		if c == nil {
			return nil
		}
		n := swap(*c)
		return &n
	}
	for _, pg := range doc.Pages {
		for _, it := range pg.Items {
			switch v := it.(type) {
			case *plan.Text:
				segs := make([]textlayout.Segment, len(v.Line.Segments))
				for i, sg := range v.Line.Segments {
					sg.Color = swap(sg.Color)
					segs[i] = sg
				}
				v.Line.Segments = segs
			case *plan.Rule:
				v.Color = swap(v.Color)
			case *plan.Rect:
				v.Fill, v.Stroke = swapPtr(v.Fill), swapPtr(v.Stroke)
			}
		}
	}
}
