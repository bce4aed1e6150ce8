package deck

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/scholargate/topicdeck/layouts/slideflow"
	"github.com/scholargate/topicdeck/layouts/tagtree"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// planCover plans the title slide: subject, title, lede, and the author,
// course and date line, centred vertically. It reports whether the lede
// fitted; if not, the lede gets slides of its own.
func (p *planner) planCover() bool {
	x := p.theme.MarginX + 8
	width := p.w - x - p.theme.MarginX
	colH := p.h - p.theme.MarginTop - p.theme.MarginBottom
	// The subject and the author line are small beside the title, but no
	// smaller than the theme lets body text be (large print says 26 pt).
	small := max(20, p.theme.MinBodySize)
	build := func(ledeSize float64) []*slideflow.Box {
		// The title is the deck's only level-1 heading and is read first;
		// the subject, drawn above it as a kicker, follows it.
		draft := tagtree.Draft()
		titleTag := draft.AddHeading(1)
		subjectTag := draft.Add(plan.RoleParagraph)
		var bs []*slideflow.Box
		if p.e.Subject != "" {
			st := slideflow.Style{Font: textlayout.Font{Family: p.theme.TitleFamily, Bold: true, Size: small}, Color: p.theme.Accent}
			bs = append(bs, slideflow.LinesBox(slideflow.Frame{Width: width, Tag: subjectTag}, p.lines(slideflow.Spans(topic.Plain(p.e.Subject), st), width, 0, 1.2, textlayout.Left), false))
		}
		var title []slideflow.Line
		for size := p.theme.CoverTitleSize; size >= p.theme.MinTitleSize-eps; size -= 4 {
			title = p.lines([]textlayout.Span{{Text: slideflow.Flatten(p.e.Title), Font: textlayout.Font{Family: p.theme.TitleFamily, Bold: true, Size: size}, Color: p.theme.Text}},
				width, 0, p.theme.TitleLineHeight, textlayout.Left)
			if len(title) <= 3 {
				break
			}
		}
		bs = append(bs, slideflow.LinesBox(slideflow.Frame{Above: 8, Width: width, Tag: titleTag}, title, false))
		if p.theme.TitleRule {
			accent := p.theme.Accent
			bs = append(bs, &slideflow.Box{H: 6, Above: 18, MinHead: 6, Draw: func(x, y float64) []plan.Item {
				return []plan.Item{&plan.Rect{X: x, Y: y, W: 96, H: 6, Fill: &accent}}
			}})
		}
		if ledeSize > 0 {
			st := p.bodyStyle(ledeSize)
			st.Color = p.theme.Muted
			first := true
			for _, bl := range p.e.Summary {
				if bl.Kind != topic.ParagraphBlock || empty(bl.Text) {
					continue
				}
				f := slideflow.Frame{Above: 0.5 * ledeSize, Width: width, Tag: draft.Add(plan.RoleParagraph)}
				if first {
					f.Above = 22
					first = false
				}
				bs = append(bs, p.paraBox(f, slideflow.Sentences(bl.Text), st, width, 0, false))
			}
		}
		if parts := p.coverParts(); len(parts) > 0 {
			st := slideflow.Style{Font: textlayout.Font{Family: p.theme.BodyFamily, Size: small}, Color: p.theme.Muted}
			line := func(s string) []slideflow.Line {
				return p.lines(slideflow.Spans(topic.Plain(s), st), width, 0, 1.25, textlayout.Left)
			}
			tag := draft.Add(plan.RoleParagraph)
			if ls := line(strings.Join(parts, "  ·  ")); len(ls) == 1 {
				bs = append(bs, slideflow.LinesBox(slideflow.Frame{Above: 28, Width: width, Tag: tag}, ls, false))
			} else {
				// One line each rather than a date or a name cut in two.
				for i, part := range parts {
					f := slideflow.Frame{Above: 28, Width: width, Tag: tag}
					if i > 0 {
						f.Above = 0
					}
					bs = append(bs, slideflow.LinesBox(f, line(part), false))
				}
			}
		}
		return bs
	}
	ledeFits := false
	var pages [][]slideflow.Column
	if !bodyEmpty(p.e.Summary) && summaryIsParagraphs(p.e.Summary) {
		// The lede is body text: it shrinks to fit the title slide, but not
		// below the theme's smallest body size; else it gets slides of its own.
		for size := max(24, p.theme.MinBodySize); size >= p.theme.MinBodySize-eps; size -= 2 {
			if pg, ok := slideflow.PaginateAtMost(build(size), colH, 1, 1); ok && len(pg) == 1 {
				pages, ledeFits = pg, true
				break
			}
		}
	}
	if pages == nil {
		pages = slideflow.Paginate(build(0), colH, 1)
	}
	for i, cs := range pages {
		pg := &plan.Page{Background: &p.theme.Background, Label: p.e.Title}
		if i == 0 {
			pg.Bookmarks = []plan.Bookmark{{Title: p.e.Title}}
		}
		pg.Tag = p.root.Add(plan.RoleSection)
		pg.Tag.Label = pg.Label
		scope := tagtree.New(pg.Tag)
		pg.Items = append(pg.Items, p.coverImage()...)
		if p.theme.AccentBar {
			pg.Items = append(pg.Items, &plan.Rect{X: 0, Y: 0, W: 24, H: p.h, Fill: &p.theme.Accent})
		}
		used := 0.0
		for _, pl := range cs[0] {
			used = pl.Y + pl.Box.H
		}
		top := p.theme.MarginTop + (colH-used)*0.45
		for _, pl := range cs[0] {
			items := pl.Box.Draw(x, top+pl.Y)
			scope.Place(items)
			pg.Items = append(pg.Items, items...)
		}
		p.pages = append(p.pages, pg)
	}
	p.cover = len(pages)
	return ledeFits
}

// summaryIsParagraphs reports whether the lede is plain paragraphs, the
// only form the title slide shows; anything richer gets its own slide.
func summaryIsParagraphs(b topic.Body) bool {
	for _, bl := range b {
		if bl.Kind != topic.ParagraphBlock {
			return false
		}
	}
	return true
}

// coverParts are the author, course and date of the title slide's last
// line.
func (p *planner) coverParts() []string {
	var parts []string
	if a := p.author(); a != "" {
		parts = append(parts, a)
	}
	if p.opt.Course != "" {
		parts = append(parts, p.opt.Course)
	}
	switch {
	case p.opt.Date != "":
		parts = append(parts, p.opt.Date)
	case p.e.Updated != "":
		parts = append(parts, p.labels.Get(locale.Updated)+" "+p.e.Updated)
	}
	return parts
}

// coverImage is the title slide's background picture, scaled to cover the
// page and centred; what overflows the page is cut off by the page edge.
func (p *planner) coverImage() []plan.Item {
	im := p.overrides.CoverImage
	if im == nil || im.Width == 0 || im.Height == 0 {
		return nil
	}
	s := max(p.w/float64(im.Width), p.h/float64(im.Height))
	w, h := float64(im.Width)*s, float64(im.Height)*s
	return []plan.Item{&plan.Image{X: (p.w - w) / 2, Y: (p.h - h) / 2, W: w, H: h, Name: imageName(im.Data), Type: im.Type, Data: im.Data}}
}

// imageName names image data by its hash, so the PDF holds it once.
func imageName(data []byte) string {
	sum := sha256.Sum256(data)
	return "img" + hex.EncodeToString(sum[:8])
}
