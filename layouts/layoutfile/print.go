package layoutfile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/deck"
	"github.com/scholargate/topicdeck/layouts/handout"
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
	header(&b, name, origin, l.Description(), extends)

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

	printFonts(&b, "titles and body text", "", ex.Fonts, ex.NoKerning)

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

// header starts a printed layout file: where it comes from, how to use
// it, its description and the layout it extends.
func header(b *strings.Builder, name, origin, description, extends string) {
	fmt.Fprintf(b, "# topicdeck layout %q (%s), every key with its effective value.\n", name, origin)
	fmt.Fprintf(b, "# Copy it to ./layouts/NAME.yaml or ~/.config/topicdeck/layouts/NAME.yaml\n")
	fmt.Fprintf(b, "# and change what you like; file paths are relative to the layout file.\n")
	fmt.Fprintf(b, "description: %s\n", strconv.Quote(description))
	fmt.Fprintf(b, "extends: %s\n", strconv.Quote(extends))
}

// printFonts writes the fonts and kerning keys, which slide and handout
// layout files share; what says what the fonts set, and note (when not
// empty) is a line more about them.
func printFonts(b *strings.Builder, what, note string, f *fonts.FamilyFiles, noKerning bool) {
	q := strconv.Quote
	fmt.Fprintf(b, "\n# TrueType files for %s (regular is required).\n", what)
	if note != "" {
		fmt.Fprintf(b, "# %s\n", note)
	}
	if f != nil {
		fmt.Fprintf(b, "fonts:\n  regular: %s\n", q(f.Regular))
		for _, x := range []struct{ k, v string }{{"bold", f.Bold}, {"italic", f.Italic}, {"bold-italic", f.BoldItalic}} {
			if x.v != "" {
				fmt.Fprintf(b, "  %s: %s\n", x.k, q(x.v))
			}
		}
	} else {
		fmt.Fprintf(b, "# fonts:\n#   regular: fonts/Serif-Regular.ttf   # unset: the built-in Noto Sans\n#   bold: fonts/Serif-Bold.ttf\n#   italic: fonts/Serif-Italic.ttf\n#   bold-italic: fonts/Serif-BoldItalic.ttf\n")
	}
	fmt.Fprintf(b, "\n# Pair kerning of the fonts (\"AV\", \"To\" set closer); false sets every\n")
	fmt.Fprintf(b, "# character at its own width.\n")
	fmt.Fprintf(b, "kerning: %t\n", !noKerning)
}

// PrintHandout writes a handout layout as a complete handout layout file,
// as Print does a slide layout: every key with its value, keys the layout
// leaves to the options or the paper (paper, margins) and fonts it does
// not set as comments, so that the text loads back to a layout that makes
// the same handout. name and origin go in the header comment; extends is
// the built-in handout layout the file changes (a built-in names itself).
func PrintHandout(name, origin, extends string, l layouts.Layout) ([]byte, error) {
	st, ok := handout.StyleOf(l)
	if !ok {
		return nil, fmt.Errorf("layout %q is not a handout layout topicdeck can print", name)
	}
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	header(&b, name, origin, l.Description(), extends)

	w("\n# Paper: a4 or letter, or a width and height in points; the layout's\n")
	w("# paper wins over the --paper option.\n")
	switch {
	case st.Width > 0:
		w("paper:\n  width: %s\n  height: %s\n", num(st.Width), num(st.Height))
	case st.Paper != "":
		w("paper: %s\n", strconv.Quote(st.Paper))
	default:
		w("# paper: a4   # unset: the --paper option decides (A4 by default)\n")
	}

	a4, _ := handout.PaperFor("a4")
	letter, _ := handout.PaperFor("letter")
	w("\n# The margin on every side in points, %s (15 mm) or more.\n", num(MinHandoutMargin))
	if st.Margin > 0 {
		w("margins: %s\n", num(st.Margin))
	} else {
		w("# margins: %s   # unset: the paper's, %s on A4 and %s on Letter\n", num(a4.Margin), num(a4.Margin), num(letter.Margin))
	}

	w("\n# Colours as \"#rrggbb\". Text, muted and link need 4.5:1 contrast with\n")
	w("# the white paper (and text with the box fill).\n")
	pal := handout.DefaultPalette()
	if st.Colours != nil {
		pal = *st.Colours
	}
	w("colours:\n")
	for _, c := range []struct {
		k string
		v deck.Color
	}{{"text", pal.Text}, {"muted", pal.Muted}, {"rule", pal.Rule}, {"frame", pal.Frame}, {"box", pal.Box}, {"link", pal.Link}} {
		w("  %s: %s\n", c.k, strconv.Quote(hexColour(c.v)))
	}

	printFonts(&b, "the handout's text", "Slides printed on the handout keep the deck's fonts.", st.Fonts, st.NoKerning)

	lines := st.NoteLines
	if lines == 0 {
		lines = handout.NoteLineSpacing
	}
	w("\n# Points between ruled writing lines, 14 to 72.\n")
	w("note-line-spacing: %s\n", num(lines))

	if st.Columns > 0 {
		w("\n# The grid of slides on a page: 1 to 4 columns, 1 to 6 rows.\n")
		w("slides-per-page:\n  columns: %d\n  rows: %d\n", st.Columns, st.Rows)
	}
	return []byte(b.String()), nil
}
