// Package textlayout turns styled text into measured lines. It is the only
// place lines are broken: planners use it to measure, the PDF backend draws
// the lines it returns exactly as measured.
//
// This file holds the types planners and backends exchange; Engine, in
// engine.go, does the breaking and measuring.
package textlayout

import "math"

// Color is an sRGB colour a segment is drawn in.
type Color struct{ R, G, B uint8 }

// Luminance is the colour's WCAG 2 relative luminance, from 0 (black) to
// 1 (white): what contrast ratios and "is this a dark ground" are
// measured with.
func (c Color) Luminance() float64 {
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}

// Align is the horizontal alignment of lines in their box.
type Align uint8

// Alignments.
const (
	Left Align = iota
	Center
	Right
)

// Font selects a face chain and a size. Family is "sans" (the default when
// empty) or "mono"; Bold and Italic pick the style within it.
type Font struct {
	Family string
	Bold   bool
	Italic bool
	Size   float64 // points
}

// Span is input text in one font, colour and, optionally, link target.
type Span struct {
	Text  string
	Font  Font
	Color Color
	URL   string
}

// Segment is a piece of a laid-out line drawn with one face: the face that
// has every glyph of Text (or the chain's first face for characters no face
// has, which are then listed in Line.Missing).
type Segment struct {
	Text  string
	Face  string  // face family name as registered with the PDF backend, e.g. "NotoSans"
	Style string  // "", "B", "I" or "BI"
	Size  float64 // points
	X     float64 // offset from the line's left edge (alignment applied)
	Width float64
	Color Color
	URL   string
	// Kern says the segment was measured with the face's pair kerning, so
	// a backend must apply the same adjustments between its characters.
	Kern bool
}

// Line is one measured line.
type Line struct {
	Segments []Segment
	Width    float64 // width of the ink, without trailing spaces
	Ascent   float64 // distance from the top of the line box to the baseline
	Height   float64 // advance to the next line's top
	Missing  []rune  // characters no face could draw, in order, each once
}

// Paragraph is text to break into lines.
type Paragraph struct {
	Spans      []Span
	Align      Align
	LineHeight float64 // multiple of the font size; 0 means 1.25
}
