package deck

import (
	"github.com/scholargate/topicdeck/layouts/slideflow"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// nonEmptyConcepts drops concepts with neither term nor definition.
func nonEmptyConcepts(cs []topic.Concept) []topic.Concept {
	var out []topic.Concept
	for _, c := range cs {
		if !empty(c.Term) || !empty(c.Definition) {
			out = append(out, c)
		}
	}
	return out
}

// cards sets key concepts. Side by side in two columns, cards of similar
// height are made equal so that they line up as a grid.
func (p *planner) cards(concepts []topic.Concept, grid bool, c flow) []*slideflow.Box {
	// Cards are a list: each term is an item's label, its definition the
	// body, read card by card in the order of the entry (the columns are
	// filled one after the other, so that is also the order they show).
	c.parent = c.parent.Add(plan.RoleList)
	bs := make([]*slideflow.Box, len(concepts))
	frames := make([]slideflow.Frame, len(concepts))
	lines := make([][]slideflow.Line, len(concepts))
	lo, hi := 0.0, 0.0
	for i, cn := range concepts {
		// Making the cards equal only makes them taller, so the cards so
		// far, as they are here, are no taller than they will be.
		if c.full(bs[:i]) {
			return bs[:i]
		}
		frames[i], lines[i] = p.card(cn, c)
		bs[i] = slideflow.LinesBox(frames[i], lines[i], false)
		if i == 0 || bs[i].H < lo {
			lo = bs[i].H
		}
		hi = max(hi, bs[i].H)
	}
	if grid && hi <= 1.3*lo {
		// The same lines in cards of the tallest one's height.
		for i := range bs {
			frames[i].MinH = hi
			bs[i] = slideflow.LinesBox(frames[i], lines[i], false)
		}
	}
	return bs
}

// card sets a key concept: the term in bold with its definition under it,
// in a tinted card when the theme has boxes. It returns the card's frame
// and lines, which cards makes a box of.
func (p *planner) card(cn topic.Concept, c flow) (slideflow.Frame, []slideflow.Line) {
	f := slideflow.Frame{Above: 0.45 * c.size, Indent: c.indent, Width: c.width}
	if p.theme.Boxes {
		f.Pad = 0.5 * c.size
		f.Fill = &p.theme.Tint
		f.Bar = &p.theme.Accent
		f.Radius = 4
	} else {
		f.Above = 0.6 * c.size
	}
	w := c.width - 2*f.Pad
	term := c.st
	term.Font.Bold = true
	var lines []slideflow.Line
	lines = append(lines, p.lines(slideflow.Spans(cn.Term, term), w, 0, p.theme.LineHeight, textlayout.Left)...)
	label, body := slideflow.Item(c.parent)
	for i := range lines {
		lines[i].Tag = label
	}
	def := c.st
	def.Font.Size = max(p.theme.MinBodySize, c.size-2)
	for _, l := range p.lines(slideflow.Spans(cn.Definition, def), w, 0, p.theme.LineHeight, textlayout.Left) {
		l.Tag = body
		lines = append(lines, l)
	}
	return f, lines
}
