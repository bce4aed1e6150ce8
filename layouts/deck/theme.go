package deck

import "github.com/scholargate/topicdeck/textlayout"

// Color is an sRGB colour.
type Color = textlayout.Color

// Theme is everything a slide layout's look depends on. The built-in
// layouts differ only in their Theme; layout files set the same fields, so
// every field here is a plain value a YAML file can carry.
type Theme struct {
	// Colours. Text is body and title text, Accent marks structure (bars,
	// rules, numerals, bullets, links), Muted is secondary text (footer,
	// subject, lede), Tint fills boxes and cards, Rule draws table rules.
	Background, Text, Accent, Muted, Tint, Rule Color

	// Font families as the text engine knows them: "sans" or "mono".
	TitleFamily, BodyFamily, MonoFamily string

	// Sizes in points. Titles shrink from TitleSize to MinTitleSize before
	// they wrap further; body text is set at BodySize, and shrinks towards
	// MinBodySize only to keep a section on one slide (a section that needs
	// several slides anyway keeps a size within FlowShrink of BodySize).
	// Statement is the size of the highlighted definition.
	TitleSize, MinTitleSize     float64
	CoverTitleSize              float64
	StatementSize               float64
	BodySize, MinBodySize       float64
	FlowShrink                  float64
	FooterSize, KickerSize      float64
	LineHeight, TitleLineHeight float64

	// Margins in points: left and right, above the title, and below the
	// body (the footer and a bottom logo are centred in the bottom margin).
	MarginX, MarginTop, MarginBottom float64

	// Decoration. AccentBar draws a bar down the left edge, TitleRule a
	// short accent rule under each title, Boxes tinted boxes behind the
	// definition, key concepts and code, FooterRule a hairline above the
	// footer.
	AccentBar, TitleRule, Boxes, FooterRule bool
}

// Lecture is the default theme: white slides, a deep blue accent, a bar
// down the left edge and tinted boxes for the statements a lecturer points at.
var Lecture = Theme{
	Background: Color{R: 255, G: 255, B: 255},
	Text:       Color{R: 0x1B, G: 0x24, B: 0x33},
	Accent:     Color{R: 0x1D, G: 0x5C, B: 0x96},
	Muted:      Color{R: 0x55, G: 0x60, B: 0x70},
	Tint:       Color{R: 0xEC, G: 0xF2, B: 0xF8},
	Rule:       Color{R: 0xB8, G: 0xC4, B: 0xD2},

	TitleFamily: "sans", BodyFamily: "sans", MonoFamily: "mono",

	TitleSize: 36, MinTitleSize: 28, CoverTitleSize: 48,
	StatementSize: 30,
	BodySize:      26, MinBodySize: 22, FlowShrink: 2,
	FooterSize: 13, KickerSize: 16,
	LineHeight: 1.3, TitleLineHeight: 1.15,

	MarginX: 56, MarginTop: 44, MarginBottom: 64,

	AccentBar: true, TitleRule: true, Boxes: true, FooterRule: true,
}

// Contrast is light text on a dark ground for dim rooms and weak
// projectors; every text colour keeps at least 7:1 contrast (WCAG AAA)
// with the background and with the tint of boxes. It is the lecture theme
// in other colours, with body and footer text a size up (light on dark
// reads smaller) and no footer rule to distract in the dark.
var Contrast = func() Theme {
	t := Lecture
	t.Background = Color{R: 0x10, G: 0x14, B: 0x1A}
	t.Text = Color{R: 0xF4, G: 0xF6, B: 0xF8}
	t.Accent = Color{R: 0xFF, G: 0xC8, B: 0x57}
	t.Muted = Color{R: 0xC8, G: 0xCF, B: 0xD8}
	t.Tint = Color{R: 0x1F, G: 0x27, B: 0x33}
	t.Rule = Color{R: 0x6B, G: 0x78, B: 0x8A}
	t.BodySize, t.FooterSize = 28, 14
	t.FooterRule = false
	return t
}()

// Minimal is black on white with nothing but type and white space.
var Minimal = Theme{
	Background: Color{R: 255, G: 255, B: 255},
	Text:       Color{R: 0x11, G: 0x11, B: 0x11},
	Accent:     Color{R: 0x11, G: 0x11, B: 0x11},
	Muted:      Color{R: 0x5A, G: 0x5A, B: 0x5A},
	Tint:       Color{R: 255, G: 255, B: 255},
	Rule:       Color{R: 0x99, G: 0x99, B: 0x99},

	TitleFamily: "sans", BodyFamily: "sans", MonoFamily: "mono",

	TitleSize: 36, MinTitleSize: 28, CoverTitleSize: 44,
	StatementSize: 30,
	BodySize:      26, MinBodySize: 22, FlowShrink: 2,
	FooterSize: 12, KickerSize: 16,
	LineHeight: 1.3, TitleLineHeight: 1.15,

	MarginX: 60, MarginTop: 48, MarginBottom: 56,
}

// ContrastRatio is the WCAG 2 contrast ratio of two colours, from 1 (same
// luminance) to 21 (black on white).
func ContrastRatio(a, b Color) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
