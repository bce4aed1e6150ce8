package deck

import (
	"strconv"
	"strings"

	"github.com/scholargate/topicdeck/layouts/slideflow"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
)

// Footer is the footer of every slide but the title slide: templates for
// its left, centre and right parts, with the fields of FooterFields in
// braces. A field that is empty takes the separator next to it along, so
// "{title} · {course}" without a course is just the title.
type Footer struct {
	Left, Center, Right string
}

// DefaultFooter is the footer the built-in layouts draw.
var DefaultFooter = Footer{Left: "{title}  ·  {course}", Right: "{page} / {pages}"}

// FooterFields are the fields a footer template can use.
var FooterFields = []string{"title", "course", "author", "date", "page", "pages"}

// footers places and draws the footer of every slide but the title slide,
// for the built-in layouts (DefaultFooter) and layout files alike, so that
// a layout file that only changes the footer's words keeps it where the
// built-ins have it. The footer is centred in the bottom margin, where a
// bottom logo sits too, and so it stays clear of the body whatever the
// margin; its text keeps clear of such a logo.
func (p *planner) footers(ft Footer) {
	n := len(p.pages)
	font := textlayout.Font{Family: p.theme.BodyFamily, Size: p.theme.FooterSize}
	y := p.h - p.theme.MarginBottom/2 - p.theme.FooterSize*0.6
	left, right := p.theme.MarginX, p.w-p.theme.MarginX
	if lg := p.overrides.Logo; lg != nil && strings.HasPrefix(lg.Position, "bottom") {
		_, _, w, _ := p.logoBox()
		if strings.HasSuffix(lg.Position, "left") {
			left += w + 16
		} else {
			right -= w + 16
		}
	}
	date := p.opt.Date
	if date == "" {
		date = p.e.Updated
	}
	for i := p.cover; i < n; i++ {
		pg := p.pages[i]
		vals := map[string]string{
			"title": p.e.Title, "course": p.opt.Course, "author": p.author(), "date": date,
			"page": strconv.Itoa(i + 1), "pages": strconv.Itoa(n),
		}
		if p.theme.FooterRule {
			pg.Items = append(pg.Items, &plan.Rule{X1: p.theme.MarginX, Y1: y - 8, X2: p.w - p.theme.MarginX, Y2: y - 8, Color: p.theme.Rule, Width: 0.5})
		}
		rs := slideflow.Flatten(FillFooter(ft.Right, vals))
		rl := p.line(textlayout.Span{Text: rs, Font: font, Color: p.theme.Muted})
		cs := slideflow.Flatten(FillFooter(ft.Center, vals))
		leftEnd := right - rl.Width - 24
		if cs != "" {
			cl := p.footerLine(cs, font, (right-left)/3)
			cx := (left+right)/2 - cl.Width/2
			pg.Items = append(pg.Items, &plan.Text{X: cx, Y: y, Line: cl})
			leftEnd = min(leftEnd, cx-24)
		}
		if ls := slideflow.Flatten(FillFooter(ft.Left, vals)); ls != "" && leftEnd > left {
			l := p.footerLine(ls, font, leftEnd-left)
			pg.Items = append(pg.Items, &plan.Text{X: left, Y: y, Line: l})
		}
		if rs != "" {
			pg.Items = append(pg.Items, &plan.Text{X: right - rl.Width, Y: y, Line: rl})
		}
	}
}

// footerLine sets s in the footer's colour, shortened to width (see fit).
// The left and centre parts of a footer are mostly the same text on
// every slide (the title, the course) in one of a few widths (the page
// number beside them changes them), and fitting a long title measures it
// many times, so each is set once a deck; the line is shared by the
// slides drawn with it, which only read it.
func (p *planner) footerLine(s string, font textlayout.Font, width float64) textlayout.Line {
	return remember(&p.footerLines, footerKey{s, font, width}, func() textlayout.Line {
		return p.line(textlayout.Span{Text: p.fit(s, font, width), Font: font, Color: p.theme.Muted})
	})
}

// footerKey is a footer part as footerLine sets it.
type footerKey struct {
	s     string
	font  textlayout.Font
	width float64
}

// fit shortens s with an ellipsis until it is at most width wide; the
// footer repeats the title, which the title slide shows in full.
func (p *planner) fit(s string, font textlayout.Font, width float64) string {
	if p.eng.Width(textlayout.Span{Text: s, Font: font}) <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if p.eng.Width(textlayout.Span{Text: string(r[:mid]) + "…", Font: font}) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}

// FillFooter fills a footer template's {fields} from vals. An empty field
// takes the separator before it along (or, for the first field, the one
// after it), so optional fields leave no dangling "·"; text outside braces
// is kept as written.
func FillFooter(tmpl string, vals map[string]string) string {
	type tok struct {
		s     string
		field bool
		drop  bool
	}
	var toks []tok
	for tmpl != "" {
		i := strings.IndexByte(tmpl, '{')
		j := strings.IndexByte(tmpl[max(i, 0):], '}')
		if i < 0 || j < 0 {
			toks = append(toks, tok{s: tmpl})
			break
		}
		j += i
		if i > 0 {
			toks = append(toks, tok{s: tmpl[:i]})
		}
		toks = append(toks, tok{s: vals[tmpl[i+1:j]], field: true})
		tmpl = tmpl[j+1:]
	}
	const seps = " \u00a0·•|–—-/,:;"
	for i, t := range toks {
		if !t.field || t.s != "" {
			continue
		}
		toks[i].drop = true
		// The separator before the field goes with it; for a leading
		// field, the one after it.
		switch {
		case i > 0 && !toks[i-1].field && !toks[i-1].drop && strings.TrimRight(toks[i-1].s, seps) != toks[i-1].s:
			toks[i-1].s = strings.TrimRight(toks[i-1].s, seps)
		case i+1 < len(toks) && !toks[i+1].field:
			toks[i+1].s = strings.TrimLeft(toks[i+1].s, seps)
		}
	}
	var b strings.Builder
	for _, t := range toks {
		if !t.drop {
			b.WriteString(t.s)
		}
	}
	return strings.TrimSpace(b.String())
}
