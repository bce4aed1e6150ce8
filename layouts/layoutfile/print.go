package layoutfile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/scholargate/topicdeck/layouts/deck"
)

// Print writes a slide layout as a complete layout file: every key with
// its effective value, so that the text loads back to the same layout and
// a copy of it is a starting point for a house style. Keys a layout leaves
// unset (page, fonts, logo, title background) are shown as comments.
// name and origin go in the header comment; extends is the base written
// in the file (a built-in names itself).
func Print(name, origin, extends string, l *deck.Layout) []byte {
	th, ex := l.Theme, l.Overrides
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	q := strconv.Quote

	w("# topicdeck layout %q (%s), every key with its effective value.\n", name, origin)
	w("# Copy it to ./layouts/NAME.yaml or ~/.config/topicdeck/layouts/NAME.yaml\n")
	w("# and change what you like; file paths are relative to the layout file.\n")
	w("description: %s\n", q(l.Description()))
	w("extends: %s\n", q(extends))

	w("\n# Page: an aspect (16:9, 4:3) or a width and height in points.\n")
	switch {
	case ex.Width > 0:
		w("page:\n  width: %s\n  height: %s\n", num(ex.Width), num(ex.Height))
	case ex.Aspect != "":
		w("page:\n  aspect: %s\n", q(ex.Aspect))
	default:
		w("# page:\n#   aspect: \"4:3\"   # unset: the --aspect option decides (16:9 by default)\n")
	}

	w("\n# Margins in points: left and right, above the title, below the body.\n")
	w("margins:\n  side: %s\n  top: %s\n  bottom: %s\n", num(th.MarginX), num(th.MarginTop), num(th.MarginBottom))

	w("\n# Colours as \"#rrggbb\". Text and muted need 4.5:1 contrast with the\n")
	w("# background (and text with the tint, when there are boxes).\n")
	w("colours:\n")
	for _, c := range []struct {
		k string
		v deck.Color
	}{{"background", th.Background}, {"text", th.Text}, {"accent", th.Accent}, {"muted", th.Muted}, {"tint", th.Tint}, {"rule", th.Rule}} {
		w("  %s: %s\n", c.k, q(hexColour(c.v)))
	}

	w("\n# TrueType files for titles and body text (regular is required).\n")
	if f := ex.Fonts; f != nil {
		w("fonts:\n  regular: %s\n", q(f.Regular))
		for _, x := range []struct{ k, v string }{{"bold", f.Bold}, {"italic", f.Italic}, {"bold-italic", f.BoldItalic}} {
			if x.v != "" {
				w("  %s: %s\n", x.k, q(x.v))
			}
		}
	} else {
		w("# fonts:\n#   regular: fonts/Serif-Regular.ttf   # unset: the built-in Noto Sans\n#   bold: fonts/Serif-Bold.ttf\n#   italic: fonts/Serif-Italic.ttf\n#   bold-italic: fonts/Serif-BoldItalic.ttf\n")
	}

	w("\n# Pair kerning of the fonts (\"AV\", \"To\" set closer); false sets every\n")
	w("# character at its own width.\n")
	w("kerning: %t\n", !ex.NoKerning)

	w("\n# Sizes in points; body text never shrinks below minimum-body (16 or more).\n")
	w("sizes:\n")
	for _, s := range []struct {
		k string
		v float64
	}{
		{"title", th.TitleSize}, {"minimum-title", th.MinTitleSize}, {"cover-title", th.CoverTitleSize},
		{"statement", th.StatementSize}, {"body", th.BodySize}, {"minimum-body", th.MinBodySize},
		{"flow-shrink", th.FlowShrink}, {"footer", th.FooterSize}, {"kicker", th.KickerSize},
		{"line-height", th.LineHeight}, {"title-line-height", th.TitleLineHeight},
	} {
		w("  %s: %s\n", s.k, num(s.v))
	}

	w("\ndecoration:\n  accent-bar: %t\n  title-rule: %t\n  boxes: %t\n  footer-rule: %t\n", th.AccentBar, th.TitleRule, th.Boxes, th.FooterRule)

	w("\n# A PNG or JPEG in a corner of every slide: %s.\n", strings.Join(deck.LogoPositions, ", "))
	if lg := ex.Logo; lg != nil {
		w("logo:\n  file: %s\n  position: %s\n  height: %s\n", q(lg.File), q(lg.Position), num(lg.Height))
	} else {
		w("# logo:\n#   file: logo.png\n#   position: top-right\n#   height: 32\n")
	}

	w("\n# A PNG or JPEG that fills the title slide, under its text: keep the\n")
	w("# middle calm and light (or dark, with light text colours).\n")
	if im := ex.CoverImage; im != nil {
		w("title-background: %s\n", q(im.File))
	} else {
		w("# title-background: cover.jpg\n")
	}

	ft := deck.DefaultFooter
	if ex.Footer != nil {
		ft = *ex.Footer
	}
	w("\n# Footer templates; fields: {%s}.\n", strings.Join(deck.FooterFields, "}, {"))
	w("footer:\n  left: %s\n  center: %s\n  right: %s\n", q(ft.Left), q(ft.Center), q(ft.Right))

	w("\n# The outline after the title slide, the review of core questions at the end.\n")
	w("outline: %t\nreview: %t\n", !ex.NoOutline, !ex.NoReview)

	w("\n# The sections shown, in order, each in a form: %s.\n", formNames())
	w("# Sections left out of the list are not shown.\n")
	secs := ex.Sections
	if secs == nil {
		for _, k := range deck.SectionKeys {
			secs = append(secs, deck.SectionForm{Key: k, Form: deck.FormAuto})
		}
	}
	if len(secs) == 0 {
		w("sections: []\n")
	} else {
		w("sections:\n")
		for _, s := range secs {
			w("  - %s: %s\n", s.Key, s.Form)
		}
	}
	return []byte(b.String())
}
