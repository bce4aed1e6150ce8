package handout

import (
	"github.com/scholargate/topicdeck/layouts/figurebox"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// maxFigureShare is the most of the column's width a figure's height may
// take: the typesetter does not know the page's height, and a figure
// this high still leaves room on any page of any handout for its
// caption and the text around it.
const maxFigureShare = 0.9

// figure sets a figure as one block that is never cut: the picture
// scaled to the column's width, centred, its caption below. A picture
// that was not loaded is set as its alt text beside a bar, like a quote,
// so the page still says what it would have shown.
func (ts *typesetter) figure(bl topic.Block, indent float64) []block {
	w := ts.width - indent
	pic := bl.Picture
	if pic == nil || pic.Problem != "" || len(pic.Data) == 0 {
		b := ts.text(ts.spans(topic.Plain(figurebox.AltText(bl, ts.labels)), font(ts.size, false, true)), indent+14, 0, leading, nil)
		b.before = ts.size * 0.6
		b = tag(b, ts.at.Add(plan.RoleParagraph))
		return []block{decorate(b, func(r row) row { return withBar(r, indent+3) })}
	}
	fw, fh := figurebox.Fit(pic.Width, pic.Height, w, maxFigureShare*ts.width)
	fig, _ := figurebox.Tag(ts.at, bl)
	img := figurebox.Image(pic, fw, fh, fig)
	rows := []row{{h: fh + 4, draw: func(x, y float64) []plan.Item {
		im := *img
		im.X, im.Y = x+indent+(w-fw)/2, y
		return []plan.Item{&im}
	}}}
	if bl.Caption != "" {
		capTag := ts.at.Add(plan.RoleCaption)
		f := font(ts.size-1, false, true)
		for _, l := range ts.eng.Lines(textlayout.Paragraph{Spans: plainSpans(topic.Plain(bl.Caption), f), Align: textlayout.Center, LineHeight: 1.25}, w) {
			rows = append(rows, row{h: l.Height, draw: func(x, y float64) []plan.Item {
				return []plan.Item{&plan.Text{X: x + indent, Y: y, Line: l, Tag: capTag}}
			}})
		}
	}
	return []block{{rows: rows, before: ts.size * 0.8}}
}
