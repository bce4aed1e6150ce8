package deck

import (
	"github.com/scholargate/topicdeck/layouts/figurebox"
	"github.com/scholargate/topicdeck/layouts/slideflow"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// figure sets a figure as one box that is never cut: its picture scaled to
// the column's width and height (keeping its shape), centred, with its
// caption below; in a slide's remaining room it may shrink to half that
// height, and a figure that needs more goes to the next slide whole. A picture that was not loaded is drawn as its alt text in a
// tinted frame, so the slide still says what it would have shown.
func (p *planner) figure(bl topic.Block, c flow) *slideflow.Box {
	capSize := max(c.size-4, p.theme.MinBodySize)
	var caption []slideflow.Line
	if bl.Caption != "" {
		st := p.bodyStyle(capSize)
		st.Font.Italic = true
		st.Color = p.theme.Muted
		caption = p.lines(slideflow.Spans(slideflow.Trim(topic.Plain(bl.Caption)), st), c.width, 0, 1.2, textlayout.Center)
	}
	capH := 0.0
	if len(caption) > 0 {
		capH = 0.3 * c.size
		for _, l := range caption {
			capH += l.Line.Height
		}
	}
	above := 0.6 * c.size
	pic := bl.Picture
	if pic == nil || pic.Problem != "" || len(pic.Data) == 0 {
		return p.figureAlt(bl, c, above)
	}
	room := c.height - capH - above
	if c.height <= 0 {
		room = c.width
	}
	fig, _ := figurebox.Tag(c.parent, bl)
	var capTag *plan.Node
	if len(caption) > 0 {
		capTag = c.parent.Add(plan.RoleCaption)
	}
	sized := func(room float64) *slideflow.Box {
		w, h := figurebox.Fit(pic.Width, pic.Height, c.width, room)
		img := figurebox.Image(pic, w, h, fig)
		total := h + capH
		return &slideflow.Box{H: total, Above: above, MinHead: total, Draw: func(x, y float64) []plan.Item {
			x += c.indent
			im := *img
			im.X, im.Y = x+(c.width-w)/2, y
			items := []plan.Item{&im}
			ty := y + h + 0.3*c.size
			for _, l := range caption {
				items = append(items, &plan.Text{X: x + l.DX, Y: ty, Line: l.Line, Tag: capTag})
				ty += l.Line.Height
			}
			return items
		}}
	}
	b := sized(room)
	// In the room left on a slide the figure shrinks to fit, down to half
	// its full height; smaller than that it goes to the next slide whole.
	// Its "head" is then all of it: there is no tail.
	full := b.H - capH
	b.MinHead = full/2 + capH
	b.Split = func(avail float64, fresh bool) (*slideflow.Box, *slideflow.Box) {
		if head := sized(avail - capH); head.H <= avail+eps && head.H-capH >= full/2 {
			return head, nil
		}
		return nil, nil
	}
	return b
}

// figureAlt draws a figure whose picture is missing as its alt text (or,
// without one, its path) in a frame, cut between lines like a paragraph.
func (p *planner) figureAlt(bl topic.Block, c flow, above float64) *slideflow.Box {
	st := p.bodyStyle(max(c.size-2, p.theme.MinBodySize))
	st.Font.Italic = true
	pad := 0.5 * st.Font.Size
	text := figurebox.AltText(bl, p.labels)
	f := slideflow.Frame{Above: above, Pad: pad, Fill: &p.theme.Tint, Bar: &p.theme.Accent, Width: c.width, Indent: c.indent, Tag: c.parent.Add(plan.RoleParagraph)}
	lines := p.lines(slideflow.Spans(topic.Plain(text), st), c.width-2*pad, 0, 1.25, textlayout.Left)
	return slideflow.LinesBox(f, lines, false)
}
