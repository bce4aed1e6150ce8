package handout

import (
	"math"

	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
)

// printable returns the slide as it should go on paper. A slide on a dark
// ground (a theme for dim rooms) is printed in its light variant: the
// ground turns white and every colour keeps its hue with its lightness
// mirrored, so light text becomes dark text and a dark box a pale one.
// Light slides are returned as they are.
func printable(p *plan.Page) *plan.Page {
	if p.Ground().Luminance() >= darkGround {
		return p
	}
	return lighten(p)
}

func lighten(p *plan.Page) *plan.Page {
	out := *p
	out.Background = nil
	out.Items = make([]plan.Item, len(p.Items))
	for i, it := range p.Items {
		switch v := it.(type) {
		case *plan.Text:
			t := *v
			t.Line.Segments = append([]textlayout.Segment(nil), v.Line.Segments...)
			for j := range t.Line.Segments {
				t.Line.Segments[j].Color = mirror(t.Line.Segments[j].Color)
			}
			out.Items[i] = &t
		case *plan.Rect:
			r := *v
			if v.Fill != nil {
				c := mirror(*v.Fill)
				r.Fill = &c
			}
			if v.Stroke != nil {
				c := mirror(*v.Stroke)
				r.Stroke = &c
			}
			out.Items[i] = &r
		case *plan.Rule:
			r := *v
			r.Color = mirror(v.Color)
			out.Items[i] = &r
		case *plan.Embed:
			e := *v
			e.Page = lighten(v.Page)
			out.Items[i] = &e
		default:
			out.Items[i] = it
		}
	}
	return &out
}

// darkGround is the WCAG luminance below which a slide's ground counts as
// dark (about sRGB #7a7a7a) and is printed in its light variant.
const darkGround = 0.2

// mirror keeps a colour's hue and saturation and mirrors its lightness
// (HSL), so the dark theme's palette maps to a light one of the same
// character.
func mirror(c textlayout.Color) textlayout.Color {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	hi, lo := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	l := (hi + lo) / 2
	var h, s float64
	if d := hi - lo; d > 0 {
		if l > 0.5 {
			s = d / (2 - hi - lo)
		} else {
			s = d / (hi + lo)
		}
		switch hi {
		case r:
			h = math.Mod((g-b)/d+6, 6)
		case g:
			h = (b-r)/d + 2
		default:
			h = (r-g)/d + 4
		}
		h /= 6
	}
	l = 1 - l
	if s == 0 {
		v := uint8(math.Round(l * 255))
		return textlayout.Color{R: v, G: v, B: v}
	}
	q := l * (1 + s)
	if l >= 0.5 {
		q = l + s - l*s
	}
	p := 2*l - q
	conv := func(t float64) uint8 {
		t = math.Mod(t+1, 1)
		var v float64
		switch {
		case t < 1.0/6:
			v = p + (q-p)*6*t
		case t < 0.5:
			v = q
		case t < 2.0/3:
			v = p + (q-p)*(2.0/3-t)*6
		default:
			v = p
		}
		return uint8(math.Round(v * 255))
	}
	return textlayout.Color{R: conv(h + 1.0/3), G: conv(h), B: conv(h - 1.0/3)}
}
