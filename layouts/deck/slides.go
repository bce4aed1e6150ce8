package deck

import (
	"github.com/scholargate/topicdeck/layouts/slideflow"
	"github.com/scholargate/topicdeck/layouts/tagtree"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
)

// titleLines sets a slide title: on one line if shrinking by at most 4 pt
// allows, else on two lines at the largest size down to the theme's
// minimum, else wrapped at the minimum as far as it must.
// The lines are shared by every caller that sets the same title, which
// only read them.
func (p *planner) titleLines(s string, size, width float64) []slideflow.Line {
	return remember(&p.titles, titleKey{s, size, width}, func() []slideflow.Line {
		return p.setTitle(s, size, width)
	})
}

// setTitle is titleLines without the memory.
func (p *planner) setTitle(s string, size, width float64) []slideflow.Line {
	// The second pass below starts again at size: the sizes the first
	// tried are set once.
	type setting struct {
		size float64
		ls   []slideflow.Line
	}
	var tried []setting
	set := func(size float64) []slideflow.Line {
		for _, t := range tried {
			if t.size == size {
				return t.ls
			}
		}
		ls := p.lines([]textlayout.Span{{Text: slideflow.Flatten(s), Font: textlayout.Font{Family: p.theme.TitleFamily, Bold: true, Size: size}, Color: p.theme.Text}},
			width, 0, p.theme.TitleLineHeight, textlayout.Left)
		tried = append(tried, setting{size, ls})
		return ls
	}
	for sz := size; sz >= max(size-4, p.theme.MinTitleSize)-eps; sz -= 2 {
		if ls := set(sz); len(ls) <= 1 {
			return ls
		}
	}
	var ls []slideflow.Line
	for ; size >= p.theme.MinTitleSize-eps; size -= 2 {
		if ls = set(size); len(ls) <= 2 {
			break
		}
	}
	return ls
}

// titleFits reports whether s fits the title area in three lines.
func (p *planner) titleFits(s string) bool {
	return len(p.titleLines(s, p.theme.TitleSize, p.w-2*p.theme.MarginX)) <= 3
}

// head draws a slide's kicker, title and title rule and returns where the
// body starts. With a section node it tags the title as the slide's
// heading (level 2, under the deck's title) and the kicker, which names
// the part of the deck the slide belongs to, as a paragraph before it.
// A nil page only measures (see bodyTop).
func (p *planner) head(pg *plan.Page, kicker string, title []slideflow.Line, sect *plan.Node) float64 {
	var kickerTag, titleTag *plan.Node
	if sect != nil {
		if kicker != "" {
			kickerTag = sect.Add(plan.RoleParagraph)
		}
		titleTag = sect.AddHeading(2)
	}
	x, y := p.theme.MarginX, p.theme.MarginTop
	if p.theme.AccentBar {
		if pg != nil {
			pg.Items = append(pg.Items, &plan.Rect{X: 0, Y: 0, W: 10, H: p.h, Fill: &p.theme.Accent})
		}
	}
	if kicker != "" {
		ls := p.kickerLines(kicker)
		h := 0.0
		for _, l := range ls {
			h += l.Line.Height
		}
		// The kicker sits in the top margin, so titles keep one position
		// on every slide; only a kicker too tall for it pushes the title.
		ky := y - 4 - h
		if ky < 12 {
			ky = y
			y += h + 4
		}
		for _, l := range ls {
			if pg != nil {
				pg.Items = append(pg.Items, &plan.Text{X: x, Y: ky, Line: l.Line, Tag: kickerTag})
			}
			ky += l.Line.Height
		}
	}
	for _, l := range title {
		if pg != nil {
			pg.Items = append(pg.Items, &plan.Text{X: x, Y: y, Line: l.Line, Tag: titleTag})
		}
		y += l.Line.Height
	}
	if p.theme.TitleRule {
		y += 10
		if pg != nil {
			pg.Items = append(pg.Items, &plan.Rect{X: x, Y: y, W: 64, H: 4, Fill: &p.theme.Accent})
		}
		y += 4
	} else {
		y += 8 // the same air under the title without the rule
	}
	return y + 0.8*p.theme.BodySize
}

// kickerLines sets a kicker. A section's kicker is measured under each of
// its titles (bodyHeight) and drawn on each of its slides, and a part of
// the deck gives many sections the same one, so each is set once a deck;
// the lines are shared by the slides drawn with them, which only read them.
func (p *planner) kickerLines(kicker string) []slideflow.Line {
	return remember(&p.kickers, kicker, func() []slideflow.Line {
		return p.lines([]textlayout.Span{{Text: slideflow.Flatten(kicker), Font: textlayout.Font{Family: p.theme.TitleFamily, Bold: true, Size: p.theme.KickerSize}, Color: p.theme.Accent}},
			p.w-2*p.theme.MarginX, 0, 1.2, textlayout.Left)
	})
}

// remember returns what *m keeps for k, set by set and kept the first time
// k is asked for: the planner's memories of lines it sets again and again
// with the same inputs, which only read what they get.
func remember[K comparable, V any](m *map[K]V, k K, set func() V) V {
	if v, ok := (*m)[k]; ok {
		return v
	}
	v := set()
	if *m == nil {
		*m = map[K]V{}
	}
	(*m)[k] = v
	return v
}

// bodyTop is where the body starts under a kicker and title, without drawing.
func (p *planner) bodyTop(kicker string, title []slideflow.Line) float64 {
	return p.head(nil, kicker, title, nil)
}

// emit cuts a section into slides. The body is set at the largest size
// that keeps it on one slide; when none does, at the largest size within
// the theme's FlowShrink that needs the fewest slides.
func (p *planner) emit(s section) {
	width := p.w - 2*p.theme.MarginX
	title := p.titleLines(s.title, p.theme.TitleSize, width)
	cont := p.titleLines(p.labels.Format(locale.Continued, s.title), p.theme.TitleSize, width)
	pages := p.arrange(s, p.bodyHeight(s), width)
	if len(pages) == 0 {
		pages = [][]slideflow.Column{nil}
	}
	for i, cs := range pages {
		pg := &plan.Page{Background: &p.theme.Background, Label: s.title}
		t := title
		switch {
		case i > 0 && len(pages) == 2:
			t = cont
			pg.Label = p.labels.Format(locale.Continued, s.title)
		case i > 0:
			pg.Label = p.labels.Format(locale.ContinuedN, s.title, i+1)
			t = p.titleLines(pg.Label, p.theme.TitleSize, width)
		}
		if i == 0 {
			pg.Bookmarks = s.marks
		}
		// Each slide is a section of its own, continuation slides too: a
		// list cut over two slides is a list on each, under each
		// slide's heading.
		pg.Tag = p.root.Add(plan.RoleSection)
		pg.Tag.Label = pg.Label
		top := p.head(pg, s.kicker, t, pg.Tag)
		colW := (width - columnGap*float64(len(cs)-1)) / float64(len(cs))
		scope := tagtree.New(pg.Tag)
		for ci, col := range cs {
			x := p.theme.MarginX + float64(ci)*(colW+columnGap)
			for _, pl := range col {
				items := pl.Box.Draw(x, top+pl.Y)
				scope.Place(items)
				pg.Items = append(pg.Items, items...)
			}
		}
		p.pages = append(p.pages, pg)
	}
}

// bodyHeight is the height of a section's body on each of its slides: the
// room under the longest of its titles.
func (p *planner) bodyHeight(s section) float64 {
	width := p.w - 2*p.theme.MarginX
	title := p.titleLines(s.title, p.theme.TitleSize, width)
	// Continuation slides are titled "(cont.)", numbered when there are
	// several, so every slide's title is its own (an outline view and a
	// screen reader list them); the body is measured under the longest.
	cont := p.titleLines(p.labels.Format(locale.Continued, s.title), p.theme.TitleSize, width)
	contN := p.titleLines(p.labels.Format(locale.ContinuedN, s.title, 88), p.theme.TitleSize, width)
	return p.h - p.theme.MarginBottom - max(p.bodyTop(s.kicker, title), p.bodyTop(s.kicker, cont), p.bodyTop(s.kicker, contN))
}

// arrange chooses how a section's body is set: the column count (one, or
// the section's when that needs fewer slides) and the size.
// The largest size that keeps the body on one slide wins, with fewer
// columns on a tie; when none does, the fewest slides at a size within the
// theme's FlowShrink of BodySize, on a tie fewer columns, then the larger
// size.
//
// The sizes are tried largest first, each with every column choice, so
// the search stops at the first setting that fits one slide: no smaller
// size could win, and every larger one was tried and needed more. (The
// rule used to be found by trying every size of one column choice, then
// of the next; arrange_test.go keeps that search and checks that both
// choose alike.) A size below FlowShrink counts only if it fits one
// slide, and so does a setting after one that took two slides (it cannot
// take fewer than two otherwise, and on a tie the earlier wins): its
// pagination stops at the first slide full, and in one column its body is
// measured only as far as one slide's worth (fitCheck).
//
// A body with no boxes is no slide at any setting, since which boxes a
// body has does not depend on size or width; it "fits" the first one.
func (p *planner) arrange(s section, colH, width float64) [][]slideflow.Column {
	choices := columnChoices(s)
	// flowing keeps, per column choice, the settings within FlowShrink,
	// largest size first, for when no setting fits one slide.
	flowing := make([][][][]slideflow.Column, len(choices))
	for size := p.theme.BodySize; size >= p.theme.MinBodySize-eps; size -= 2 {
		shrunk := size < p.theme.BodySize-p.theme.FlowShrink-eps
		// two: a setting that comes before this one in the order ties go
		// by (fewer columns, then larger size) took two slides, so this
		// one could win only on one slide.
		two := false
		for i, cols := range choices {
			for _, pg := range flowing[i] {
				two = two || len(pg) == 2
			}
			oneOnly := shrunk || two
			colW := (width - columnGap*float64(cols-1)) / float64(cols)
			c := p.flowAt(size, colW, colH)
			c.refs = s.refs
			most := 0 // every slide
			if oneOnly {
				most = 1
				if cols == 1 {
					c.fit = &fitCheck{colH: colH}
				}
			}
			boxes := s.build(c)
			if c.fit != nil && c.fit.over {
				continue // the build stopped: more than one slide
			}
			pg, ok := slideflow.PaginateAtMost(boxes, colH, cols, most)
			if ok && len(pg) <= 1 {
				return pg
			}
			if !oneOnly {
				flowing[i] = append(flowing[i], pg)
			}
		}
	}
	var best [][]slideflow.Column
	for _, pgs := range flowing {
		for _, pg := range pgs {
			if best == nil || len(pg) < len(best) {
				best = pg
			}
		}
	}
	return best
}

// columnChoices are the column counts arrange tries for a section: one and
// the section's own, or only its own when the layout's form demands it.
func columnChoices(s section) []int {
	if s.force {
		return []int{s.cols}
	}
	if s.cols > 1 {
		return []int{1, s.cols}
	}
	return []int{1}
}

// finish adds what every slide carries: the footer and the logo.
func (p *planner) finish() {
	ft := DefaultFooter
	if p.overrides.Footer != nil {
		ft = *p.overrides.Footer
	}
	p.footers(ft)
	if lg := p.overrides.Logo; lg != nil && lg.Height > 0 && lg.Picture.Width > 0 && lg.Picture.Height > 0 {
		x, y, w, h := p.logoBox()
		name := imageName(lg.Data)
		for _, pg := range p.pages {
			pg.Items = append(pg.Items, &plan.Image{X: x, Y: y, W: w, H: h, Name: name, Type: lg.Type, Data: lg.Data})
		}
	}
}
