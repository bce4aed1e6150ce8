package deck

import (
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/topic"
)

// statement sets the definition: each paragraph a large statement in a
// tinted box with an accent bar; other blocks as prose.
func (p *planner) statement(b topic.Body, c flow) []*box {
	size := min(p.theme.StatementSize, c.size+4)
	st := c.st
	st.font.Size = size
	var out []*box
	for _, bl := range b {
		if bl.Kind != topic.ParagraphBlock {
			out = append(out, p.prose(topic.Body{bl}, c)...)
			continue
		}
		if empty(bl.Text) {
			continue
		}
		f := frame{above: 0.6 * c.size, indent: c.indent, width: c.width, tag: c.parent.Add(plan.RoleStatement)}
		if c.refs {
			// A reference set as a statement is still a reference.
			f.tag = f.tag.Add(plan.RoleReference)
		}
		if p.theme.Boxes {
			f.pad = 0.8 * c.size
			f.fill = &p.theme.Tint
			f.bar = &p.theme.Accent
			f.radius = 4
		}
		// The statement gives up its extra size before it would need
		// a second slide.
		var b *box
		for sz := size; ; sz -= 2 {
			st.font.Size = max(sz, c.size)
			b = p.paraBox(f, sentences(bl.Text), st, c.width-2*f.pad, 0, false)
			if b.h <= c.height+eps || sz <= c.size {
				break
			}
		}
		out = append(out, b)
	}
	return out
}
