package deck

import (
	"github.com/scholargate/topicdeck/layouts/slideflow"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/topic"
)

// statement sets the definition: each paragraph a large statement in a
// tinted box with an accent bar; other blocks as prose.
func (p *planner) statement(b topic.Body, c flow) []*slideflow.Box {
	size := min(p.theme.StatementSize, c.size+4)
	st := c.st
	st.Font.Size = size
	var out []*slideflow.Box
	for _, bl := range b {
		if bl.Kind != topic.ParagraphBlock {
			out = append(out, p.prose(topic.Body{bl}, c)...)
			continue
		}
		if empty(bl.Text) {
			continue
		}
		f := slideflow.Frame{Above: 0.6 * c.size, Indent: c.indent, Width: c.width, Tag: c.parent.Add(plan.RoleStatement)}
		if c.refs {
			// A reference set as a statement is still a reference.
			f.Tag = f.Tag.Add(plan.RoleReference)
		}
		if p.theme.Boxes {
			f.Pad = 0.8 * c.size
			f.Fill = &p.theme.Tint
			f.Bar = &p.theme.Accent
			f.Radius = 4
		}
		// The statement gives up its extra size before it would need
		// a second slide.
		var b *slideflow.Box
		for sz := size; ; sz -= 2 {
			st.Font.Size = max(sz, c.size)
			b = p.paraBox(f, p.sentences(bl.Text), st, c.width-2*f.Pad, 0, false)
			if b.H <= c.height+eps || sz <= c.size {
				break
			}
		}
		out = append(out, b)
	}
	return out
}
