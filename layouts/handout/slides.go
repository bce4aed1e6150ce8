package handout

import (
	"errors"
	"fmt"
	"strings"

	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/topic"
)

// slideGrid prints the deck N slides to a page, each slide redrawn as
// vectors inside a thin frame, with ruled lines for notes where the page
// has room for them.
type slideGrid struct {
	n, cols, rows int
	// lines puts ruled note lines beside each slide (the three-slide
	// handout); under puts them below a lone slide.
	lines, under bool
	style        Style
}

var slideGrids = []slideGrid{
	{n: 1, cols: 1, rows: 1, under: true},
	{n: 2, cols: 1, rows: 2},
	{n: 3, cols: 1, rows: 3, lines: true},
	{n: 4, cols: 2, rows: 2},
	{n: 6, cols: 2, rows: 3},
	{n: 9, cols: 3, rows: 3},
}

func (g slideGrid) name() string { return fmt.Sprintf("slides-%d", g.n) }

func (slideGrid) Kind() layouts.Kind { return layouts.KindHandout }

func (g slideGrid) Description() string {
	switch {
	case g.lines:
		return fmt.Sprintf("%d slides a page, with lines for notes: ruled lines beside each slide", g.n)
	case g.under:
		return "1 slide a page, with lines for notes: ruled lines below the slide"
	}
	return fmt.Sprintf("%d slides a page: the slides printed small, %d to a sheet", g.n, g.n)
}

// newSlidesDocument starts a handout that shows the entry's slides: the
// document on its paper, as newDocument starts it, and the deck the caller's
// slide layout plans for it.
func newSlidesDocument(e *topic.Entry, env *layouts.Env, st Style) (doc *plan.Document, p Paper, deck *plan.Document, err error) {
	doc, p, err = newDocument(e, env, st)
	if err != nil {
		return nil, Paper{}, nil, err
	}
	if env.Deck == nil {
		return nil, Paper{}, nil, errors.New("this handout shows slides, but no slide deck was given to plan")
	}
	deck, err = env.Deck()
	if err != nil {
		return nil, Paper{}, nil, err
	}
	if len(deck.Pages) == 0 || deck.Width <= 0 || deck.Height <= 0 {
		return nil, Paper{}, nil, errors.New("the slide deck has no slides")
	}
	return doc, p, deck, nil
}

// vertical reports whether slides run down the columns first.
func vertical(env *layouts.Env) (bool, error) {
	switch strings.ToLower(env.Options.Order) {
	case "", "horizontal":
		return false, nil
	case "vertical":
		return true, nil
	}
	return false, fmt.Errorf("unknown order %q (want horizontal or vertical)", env.Options.Order)
}

// Plan lays the deck out ceil(slides/N) pages long.
func (g slideGrid) Plan(e *topic.Entry, env *layouts.Env) (*plan.Document, error) {
	doc, p, deck, err := newSlidesDocument(e, env, g.style)
	if err != nil {
		return nil, err
	}
	down, err := vertical(env)
	if err != nil {
		return nil, err
	}
	a := p.body()
	const gap = 16.0
	slideW := a.W
	if g.lines {
		slideW = a.W * 0.54
	}
	cellW := (slideW - gap*float64(g.cols-1)) / float64(g.cols)
	cellH := (a.H - gap*float64(g.rows-1)) / float64(g.rows)
	if g.under {
		cellH = a.H * 0.5
	}
	scale := min(cellW/deck.Width, cellH/deck.Height)
	w, h := deck.Width*scale, deck.Height*scale
	// A page reads as its slides in slide order, each slide's structure
	// under a section of its own; the running head, the frames and the
	// note lines are artifacts.
	doc.Root = plan.NewRoot()
	for start := 0; start < len(deck.Pages); start += g.n {
		pg := &plan.Page{}
		pg.Tag = doc.Root.Add(plan.RoleSection)
		pg.Tag.Label = fmt.Sprintf("%d", len(doc.Pages)+1)
		for k := 0; k < g.n && start+k < len(deck.Pages); k++ {
			row, col := k/g.cols, k%g.cols
			if down {
				row, col = k%g.rows, k/g.rows
			}
			x := a.X + float64(col)*(cellW+gap) + (cellW-w)/2
			if g.lines {
				x = a.X
			}
			y := a.Y + float64(row)*(cellH+gap)
			if !g.under {
				y += (cellH - h) / 2
			}
			src := deck.Pages[start+k]
			var tag *plan.Node
			if src.Tag != nil {
				tag = pg.Tag.Add(plan.RoleSection)
				tag.Label = src.Label
			}
			pg.Items = append(pg.Items, slideItems(src, deck, x, y, w, h, tag)...)
			if src.Label != "" {
				pg.Bookmarks = append(pg.Bookmarks, plan.Bookmark{Title: src.Label, Level: 0})
			}
			switch {
			case g.lines:
				lx := a.X + slideW + gap
				pg.Items = append(pg.Items, p.ruled(lx, y, a.X+a.W-lx, h)...)
			case g.under:
				pg.Items = append(pg.Items, p.ruled(a.X, y+h+gap, a.W, a.bottom()-(y+h+gap))...)
			}
		}
		doc.Pages = append(doc.Pages, pg)
	}
	runningHead(doc, p, env, e.Title)
	return doc, nil
}

// slideItems draws a slide scaled into a box, framed with a hairline so a
// white slide still reads as a slide on white paper. The slide's structure
// goes under tag; the frame is an artifact.
func slideItems(src *plan.Page, deck *plan.Document, x, y, w, h float64, tag *plan.Node) []plan.Item {
	return []plan.Item{
		&plan.Embed{X: x, Y: y, W: w, H: h, SrcW: deck.Width, SrcH: deck.Height, Page: printable(src), Tag: tag},
		&plan.Rect{X: x, Y: y, W: w, H: h, Stroke: &frameInkC, LineWidth: 0.6},
	}
}

// ruled fills a box with writing lines, the paper's line spacing apart.
func (p Paper) ruled(x, y, w, h float64) []plan.Item {
	var out []plan.Item
	for ly := y + p.lines; ly <= y+h+0.01; ly += p.lines {
		out = append(out, &plan.Rule{X1: x, Y1: ly, X2: x + w, Y2: ly, Color: ruleGrey, Width: 0.5})
	}
	return out
}
