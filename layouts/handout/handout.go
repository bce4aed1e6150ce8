// Package handout holds the printable handout layouts: N-up slide pages
// (slides-1 … slides-9), speaker notes, a reader's study guide, a Cornell
// note sheet and guided notes with an answer key.
//
// Handouts are made for paper and a pen: every layout keeps its margins
// (at least 15 mm on A4, 0.75 in on Letter), sets body text at 10.5 pt,
// prints dark ink on white and never lets colour alone carry meaning, so a
// greyscale printer loses nothing. Like the slide layouts they only plan:
// every line is measured with the shared text engine and pages break where
// the measurement says, never where a guess would.
package handout

import (
	"fmt"
	"strings"

	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

func init() {
	for _, l := range slideGrids {
		layouts.Register(l.name(), l)
	}
	for _, s := range sheets {
		layouts.Register(s.name, s.sheet)
	}
}

// sheets are the handout layouts other than the slide grids, in one table:
// each is a name, its description and the function that plans it.
var sheets = []struct {
	name  string
	sheet sheet
}{
	{"notes", sheet{description: "Speaker notes: one slide a page with the entry's full text for it below", plan: planNotes}},
	{"reader", sheet{description: "Study guide: the full entry to read, definition boxed, glossary, questions and answers, references", plan: planReader}},
	{"cornell", sheet{description: "Cornell notes: a cue column, ruled space for notes prompted by the sections, a summary box", plan: planCornell}},
	{"guided", sheet{description: "Fill-in notes with answer key: the text with its key concepts left as numbered gaps to fill in", plan: planGuided}},
}

// sheet is a handout layout that is not a slide grid. The four share one
// type because they differ only in how they plan, and so a layout file's
// Style is set on each of them the same way (Custom).
type sheet struct {
	description string
	plan        func(e *topic.Entry, env *layouts.Env, st Style) (*plan.Document, error)
	style       Style // a layout file's changes; zero for the built-in
}

func (sheet) Kind() layouts.Kind { return layouts.KindHandout }

func (s sheet) Description() string { return s.description }

// Plan plans the entry on the sheet's paper, as its style has it.
func (s sheet) Plan(e *topic.Entry, env *layouts.Env) (*plan.Document, error) {
	return s.plan(e, env, s.style)
}

// Paper is a sheet size with the margin kept free on every side.
type Paper struct {
	Name          string
	Width, Height float64 // points
	Margin        float64 // points
	lines         float64 // ruled writing lines are this far apart, points
}

// The paper sizes. The margins are a little wider than the 15 mm (A4) and
// 0.75 in (Letter) minimum, because office printers clip unevenly.
var papers = map[string]Paper{
	"a4":     {Name: "a4", Width: 595.28, Height: 841.89, Margin: 51.02}, // 18 mm
	"letter": {Name: "letter", Width: 612, Height: 792, Margin: 54},      // 0.75 in
}

// PaperFor returns the paper for an option value; empty means A4.
func PaperFor(name string) (Paper, error) {
	if name == "" {
		name = "a4"
	}
	p, ok := papers[strings.ToLower(name)]
	if !ok {
		return Paper{}, fmt.Errorf("unknown paper %q (want a4 or letter)", name)
	}
	p.lines = ruleSpacing
	return p, nil
}

// area is a rectangle on a page; Y is its top edge.
type area struct{ X, Y, W, H float64 }

func (a area) bottom() float64 { return a.Y + a.H }

// content is the paper's area inside the margins.
func (p Paper) content() area {
	return area{X: p.Margin, Y: p.Margin, W: p.Width - 2*p.Margin, H: p.Height - 2*p.Margin}
}

// Greys only: a handout must survive a greyscale printer, so tone and weight
// carry the hierarchy and colour never carries meaning.
var (
	ink      = textlayout.Color{R: 0x14, G: 0x14, B: 0x14}
	inkSoft  = textlayout.Color{R: 0x45, G: 0x45, B: 0x45}
	ruleGrey = textlayout.Color{R: 0x9a, G: 0x9a, B: 0x9a}
	frameInk = textlayout.Color{R: 0x70, G: 0x70, B: 0x70}
	boxFill  = textlayout.Color{R: 0xf2, G: 0xf2, B: 0xf2}
	linkInk  = textlayout.Color{R: 0x1c, G: 0x33, B: 0x6e}
)

// Type sizes. Nothing a student reads is set below 9.5 pt.
const (
	bodySize    = 10.5
	smallSize   = 9.5
	leading     = 1.42
	ruleSpacing = 22.0 // ruled writing lines: about 7.8 mm, college ruled
)

func font(size float64, bold, italic bool) textlayout.Font {
	return textlayout.Font{Family: "sans", Size: size, Bold: bold, Italic: italic}
}

// newDocument starts a document on the chosen paper, as a layout file's
// style changes it, with the entry's metadata.
func newDocument(e *topic.Entry, env *layouts.Env, st Style) (*plan.Document, Paper, error) {
	name := env.Options.Paper
	if st.Paper != "" {
		name = st.Paper // the layout's paper wins over the option, as a slide layout's page does
	}
	p, err := PaperFor(name)
	if err != nil {
		return nil, Paper{}, err
	}
	if st.Width > 0 && st.Height > 0 {
		p.Name, p.Width, p.Height = "custom", st.Width, st.Height
	}
	if st.Margin > 0 {
		p.Margin = st.Margin
	}
	if st.NoteLines > 0 {
		p.lines = st.NoteLines
	}
	author := env.Options.Author
	if author == "" {
		author = strings.Join(e.Authors, ", ")
	}
	doc := &plan.Document{
		Width:  p.Width,
		Height: p.Height,
		Meta: plan.Meta{
			Title:    e.Title,
			Author:   author,
			Subject:  e.Subject,
			Keywords: e.Subject,
			Creator:  env.Options.Creator,
			Lang:     e.LangOrDefault(),
			Date:     env.Options.Time,
		},
	}
	return doc, p, nil
}

// runningHead puts the topic title at the top and "Page n of N" at the
// bottom of every page, inside the margins, once the page count is known;
// Paper.body is the area left between them.
func runningHead(doc *plan.Document, p Paper, env *layouts.Env, title string) {
	c := p.content()
	n := len(doc.Pages)
	head := env.Text.Lines(textlayout.Paragraph{Spans: []textlayout.Span{{Text: runningTitle(env, title, c.W), Font: font(smallSize, false, false), Color: inkSoft}}}, c.W)
	for i, pg := range doc.Pages {
		var items []plan.Item
		if len(head) > 0 {
			items = append(items, &plan.Text{X: c.X, Y: c.Y, Line: head[0]})
		}
		items = append(items, &plan.Rule{X1: c.X, Y1: c.Y + headHeight - 5, X2: c.X + c.W, Y2: c.Y + headHeight - 5, Color: ruleGrey, Width: 0.5})
		foot := env.Text.Lines(textlayout.Paragraph{
			Spans: []textlayout.Span{{Text: env.Labels.Format(locale.PageOf, i+1, n), Font: font(smallSize, false, false), Color: inkSoft}},
			Align: textlayout.Center,
		}, c.W)
		y := c.bottom() - textlayout.Height(foot)
		for _, l := range foot {
			items = append(items, &plan.Text{X: c.X, Y: y, Line: l})
			y += l.Height
		}
		pg.Items = append(items, pg.Items...)
	}
}

// runningTitle shortens a title too long for one line to the words that
// fit and an ellipsis, as running heads are: the full title stands on the
// first page or the title slide.
func runningTitle(env *layouts.Env, title string, w float64) string {
	f := font(smallSize, false, false)
	if env.Text.Width(textlayout.Span{Text: title, Font: f}) <= w {
		return title
	}
	words := strings.Fields(title)
	for n := len(words) - 1; n > 0; n-- {
		s := strings.Join(words[:n], " ") + " …"
		if env.Text.Width(textlayout.Span{Text: s, Font: f}) <= w {
			return s
		}
	}
	return title
}

// headHeight and footHeight are the bands runningHead uses at the top and
// bottom of the content area.
const (
	headHeight = 22.0
	footHeight = 22.0
)

// body is the content area below the running head and above the footer.
func (p Paper) body() area {
	c := p.content()
	return area{X: c.X, Y: c.Y + headHeight + 6, W: c.W, H: c.H - headHeight - 6 - footHeight}
}
