// Package figurebox holds what every layout does alike with a figure:
// its size in a column, its structure node and its plan.Image. Layouts
// decide only where the figure goes.
package figurebox

import (
	"github.com/scholargate/topicdeck/locale"
	"strings"

	"github.com/scholargate/topicdeck/figure"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/topic"
)

// maxScale is how far a picture is enlarged, in points per pixel: a small
// picture blown up to a slide's width would be a blur of pixels.
const maxScale = 2.0

// minSide is the least size of the shorter side, in points, that a
// picture in a very short room is kept at: a figure smaller than that is
// moved to a fresh slide or page instead.
const minSide = 36.0

// Fit returns the size a picture of pw×ph pixels is drawn at in a room
// of width w and height h: as large as fits, keeping its shape, at most
// maxScale points a pixel.
func Fit(pw, ph int, w, h float64) (float64, float64) {
	if pw <= 0 || ph <= 0 || w <= 0 {
		return 0, 0
	}
	s := min(w/float64(pw), maxScale)
	if h > 0 {
		s = min(s, h/float64(ph))
	}
	fw, fh := s*float64(pw), s*float64(ph)
	if short := min(fw, fh); short < minSide && short > 0 {
		// Too cramped: keep a legible size (capped by the width), and let
		// the flow move it on.
		k := min(minSide/short, w/fw)
		fw, fh = fw*k, fh*k
	}
	return fw, fh
}

// Tag adds the figure's structure node under parent and returns it with
// the text a screen reader is given for it: the alt text, else the
// caption. A figure with neither is decoration to a screen reader (as an
// HTML image with alt=""): the node is nil and the picture an artifact;
// validation has warned about it.
func Tag(parent *plan.Node, bl topic.Block) (*plan.Node, string) {
	alt := strings.TrimSpace(bl.Alt)
	if alt == "" {
		alt = strings.TrimSpace(bl.Caption)
	}
	if alt == "" {
		return nil, ""
	}
	n := parent.Add(plan.RoleFigure)
	n.Alt = alt
	n.Label = bl.Src
	return n, alt
}

// Image is the plan item that draws pic at w×h, tagged fig; the caller
// sets its position.
func Image(pic *topic.Picture, w, h float64, fig *plan.Node) *plan.Image {
	return &plan.Image{W: w, H: h, Name: figure.Name(pic), Type: pic.Type, Data: pic.Data, Tag: fig}
}

// AltText is what stands in for a picture that was not loaded: its alt
// text, or its caption, or its path, marked as a picture in the entry's
// language.
func AltText(bl topic.Block, l locale.Labels) string {
	s := strings.TrimSpace(bl.Alt)
	if s == "" {
		s = strings.TrimSpace(bl.Caption)
	}
	if s == "" {
		s = bl.Src
	}
	return l.Format(locale.Picture, s)
}
