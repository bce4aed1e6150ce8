package deck

import (
	"strings"

	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
)

// Picture is a PNG or JPEG image with its size in pixels.
type Picture struct {
	File          string // as written in the layout file
	Type          string // "PNG" or "JPG"
	Data          []byte
	Width, Height int
}

// Logo is a picture placed in a corner of every slide.
type Logo struct {
	Picture
	// Position is a corner: "top-left", "top-right", "bottom-left" or
	// "bottom-right" (LogoPositions).
	Position string
	// Height in points; the width follows the picture's proportions.
	Height float64
}

// LogoPositions are the corners a logo can sit in.
var LogoPositions = []string{"top-left", "top-right", "bottom-left", "bottom-right"}

// logoBox is where the logo sits on a page: in its corner, aligned with the
// side margin, centred in the top margin or on the footer line. A logo at
// the top left also keeps above the kicker (the section name over a
// theory's or FAQ item's title), shrinking to fit there if it must.
func (p *planner) logoBox() (x, y, w, h float64) {
	lg := p.overrides.Logo
	h = lg.Height
	ratio := float64(lg.Picture.Width) / float64(lg.Picture.Height)
	if strings.HasPrefix(lg.Position, "bottom") {
		y = p.h - p.theme.MarginBottom/2 - h/2
	} else {
		room := p.theme.MarginTop
		if lg.Position == "top-left" {
			room = min(room, p.kickerTop())
		}
		h = max(min(h, room-8), 4)
		y = (room - h) / 2
	}
	w = h * ratio
	x = p.theme.MarginX
	if strings.HasSuffix(lg.Position, "right") {
		x = p.w - p.theme.MarginX - w
	}
	return x, y, w, h
}

// LogoRoom is the tallest logo the layout's slides have room for in a
// corner: the top margin (above the kicker, for the top left, where
// section names sit over titles) or the bottom margin, less 8 pt of air.
// Layout files are checked against it, since a logo never covers text.
func (l *Layout) LogoRoom(eng *textlayout.Engine, position string) float64 {
	if strings.HasPrefix(position, "bottom") {
		return l.Theme.MarginBottom - 8
	}
	w, h, err := l.pageSize("")
	if err != nil {
		w, h = 960, 540
	}
	p := &planner{theme: l.Theme, overrides: l.Overrides, eng: eng, w: w, h: h}
	room := l.Theme.MarginTop
	if position == "top-left" {
		room = min(room, p.kickerTop())
	}
	return room - 8
}

// kickerTop is the top of the kicker line head draws over a title.
func (p *planner) kickerTop() float64 {
	pg := &plan.Page{}
	p.head(pg, "K", p.titleLines("T", p.theme.TitleSize, p.w-2*p.theme.MarginX), nil)
	top := p.theme.MarginTop
	for _, it := range pg.Items {
		if tx, ok := it.(*plan.Text); ok {
			top = min(top, tx.Y)
		}
	}
	return top
}
