package deck

import (
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
func (p *planner) cards(concepts []topic.Concept, grid bool, c flow) []*box {
	// Cards are a list: each term is an item's label, its definition the
	// body, read card by card in the order of the entry (the columns are
	// filled one after the other, so that is also the order they show).
	c.parent = c.parent.Add(plan.RoleList)
	bs := make([]*box, len(concepts))
	lo, hi := 0.0, 0.0
	for i, cn := range concepts {
		bs[i] = p.card(cn, c, 0)
		if i == 0 || bs[i].h < lo {
			lo = bs[i].h
		}
		hi = max(hi, bs[i].h)
	}
	if grid && hi <= 1.3*lo {
		for i, cn := range concepts {
			bs[i] = p.card(cn, c, hi)
		}
	}
	return bs
}

// card sets a key concept: the term in bold with its definition under it,
// in a tinted card when the theme has boxes.
func (p *planner) card(cn topic.Concept, c flow, minH float64) *box {
	f := frame{above: 0.45 * c.size, indent: c.indent, width: c.width, minH: minH}
	if p.theme.Boxes {
		f.pad = 0.5 * c.size
		f.fill = &p.theme.Tint
		f.bar = &p.theme.Accent
		f.radius = 4
	} else {
		f.above = 0.6 * c.size
	}
	w := c.width - 2*f.pad
	term := c.st
	term.font.Bold = true
	var lines []lineAt
	lines = append(lines, p.lines(spans(cn.Term, term), w, 0, p.theme.LineHeight, textlayout.Left)...)
	label, body := item(c.parent)
	for i := range lines {
		lines[i].tag = label
	}
	def := c.st
	def.font.Size = max(p.theme.MinBodySize, c.size-2)
	for _, l := range p.lines(spans(cn.Definition, def), w, 0, p.theme.LineHeight, textlayout.Left) {
		l.tag = body
		lines = append(lines, l)
	}
	return linesBox(f, lines, false)
}
