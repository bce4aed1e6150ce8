package pdf

// Content builds a page's content stream operator by operator. Numbers are
// written with at most four decimals, so output is the same everywhere.
//
// The methods append to a local copy of the buffer and store it back once:
// storing a slice into the heap-allocated Content is a write barrier while
// the collector runs, and a glyph or a number should not cost one.
type Content struct {
	b []byte
}

// Bytes returns the stream's data so far.
func (c *Content) Bytes() []byte { return c.b }

// Reset empties the stream, keeping its buffer.
func (c *Content) Reset() { c.b = c.b[:0] }

func (c *Content) nums(vs ...float64) {
	b := c.b
	for _, v := range vs {
		b = appendReal(b, v)
		b = append(b, ' ')
	}
	c.b = b
}

func (c *Content) op(s string) {
	c.b = append(c.b, s...)
	c.b = append(c.b, '\n')
}

// Save pushes the graphics state (q).
func (c *Content) Save() { c.op("q") }

// Restore pops the graphics state (Q).
func (c *Content) Restore() { c.op("Q") }

// Transform concatenates a matrix to the current one (cm).
func (c *Content) Transform(a, b, cc, d, e, f float64) {
	c.nums(a, b, cc, d, e, f)
	c.op("cm")
}

// FillRGB sets the fill colour from 0–255 components (rg, or g for grey).
func (c *Content) FillRGB(r, g, b uint8) { c.color(r, g, b, "rg", "g") }

// StrokeRGB sets the stroke colour from 0–255 components (RG, or G).
func (c *Content) StrokeRGB(r, g, b uint8) { c.color(r, g, b, "RG", "G") }

func (c *Content) color(r, g, b uint8, rgb, grey string) {
	out := appendUnit(c.b, r)
	if r == g && g == b {
		out = append(out, ' ')
		out = append(out, grey...)
	} else {
		out = append(out, ' ')
		out = appendUnit(out, g)
		out = append(out, ' ')
		out = appendUnit(out, b)
		out = append(out, ' ')
		out = append(out, rgb...)
	}
	c.b = append(out, '\n')
}

// appendUnit writes v/255 with three decimals ("0.196"), the precision of
// an 8-bit channel.
func appendUnit(b []byte, v uint8) []byte {
	n := (int(v)*1000 + 127) / 255
	return append(b, byte('0'+n/1000), '.', byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
}

// LineWidth sets the stroke width (w).
func (c *Content) LineWidth(w float64) {
	c.nums(w)
	c.op("w")
}

// Dash sets a dash pattern of on and off lengths (d); none draws solid.
func (c *Content) Dash(phase float64, pattern ...float64) {
	c.b = append(c.b, '[')
	for i, v := range pattern {
		if i > 0 {
			c.b = append(c.b, ' ')
		}
		c.b = appendReal(c.b, v)
	}
	c.b = append(c.b, "] "...)
	c.nums(phase)
	c.op("d")
}

// Rect appends a rectangle to the path (re).
func (c *Content) Rect(x, y, w, h float64) {
	c.nums(x, y, w, h)
	c.op("re")
}

// MoveTo starts a subpath (m).
func (c *Content) MoveTo(x, y float64) {
	c.nums(x, y)
	c.op("m")
}

// LineTo appends a straight segment (l).
func (c *Content) LineTo(x, y float64) {
	c.nums(x, y)
	c.op("l")
}

// CurveTo appends a cubic Bézier segment (c).
func (c *Content) CurveTo(x1, y1, x2, y2, x3, y3 float64) {
	c.nums(x1, y1, x2, y2, x3, y3)
	c.op("c")
}

// ClosePath closes the subpath (h).
func (c *Content) ClosePath() { c.op("h") }

// Fill fills the path (f).
func (c *Content) Fill() { c.op("f") }

// Stroke strokes the path (S).
func (c *Content) Stroke() { c.op("S") }

// FillStroke fills, then strokes the path (B).
func (c *Content) FillStroke() { c.op("B") }

// XObject paints the named XObject resource (Do).
func (c *Content) XObject(name Name) {
	c.b = name.AppendPDF(c.b)
	c.op(" Do")
}

// BeginText starts a text object (BT).
func (c *Content) BeginText() { c.op("BT") }

// EndText ends a text object (ET).
func (c *Content) EndText() { c.op("ET") }

// Font selects a font resource and size (Tf).
func (c *Content) Font(name Name, size float64) {
	b := name.AppendPDF(c.b)
	b = append(b, ' ')
	b = appendReal(b, size)
	c.b = append(b, " Tf\n"...)
}

// TextAt places the next glyphs' origin at (x, y) (Tm).
func (c *Content) TextAt(x, y float64) {
	b := append(c.b, "1 0 0 1 "...)
	b = appendReal(b, x)
	b = append(b, ' ')
	b = appendReal(b, y)
	c.b = append(b, " Tm\n"...)
}

// Glyphs shows two-byte glyph codes (CIDs of an Identity-H font) with a
// TJ array; adjust[i], when not zero, moves glyph i left by adjust[i]
// thousandths of the font size before it is drawn (positive: closer), as
// TJ does. adjust may be nil. Codes go in literal strings, two bytes a
// glyph, half the size of hex.
func (c *Content) Glyphs(cids []uint16, adjust []float64) {
	b := append(c.b, "[("...)
	for i, g := range cids {
		if i > 0 && i < len(adjust) && adjust[i] != 0 {
			b = append(b, ") "...)
			b = appendReal(b, adjust[i])
			b = append(b, " ("...)
		}
		hi, lo := byte(g>>8), byte(g)
		if !escaped[hi] && !escaped[lo] {
			b = append(b, hi, lo) // nearly every code: one append
			continue
		}
		b = appendCode(b, hi)
		b = appendCode(b, lo)
	}
	c.b = append(b, ")] TJ\n"...)
}

// escaped marks the bytes appendCode escapes.
var escaped = [256]bool{'(': true, ')': true, '\\': true, '\r': true}

// appendCode writes one byte of a literal string, escaping what a reader
// would otherwise take as syntax or as a line end to normalise.
func appendCode(b []byte, c byte) []byte {
	switch c {
	case '(', ')', '\\':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// BeginMarked opens marked content tagged with a structure type and an
// MCID (BDC), with /ActualText when actual is not empty.
func (c *Content) BeginMarked(tag Name, mcid int, actual string) {
	b := tag.AppendPDF(c.b)
	b = append(b, " <</MCID "...)
	b = Int(mcid).AppendPDF(b)
	if actual != "" {
		b = append(b, " /ActualText "...)
		b = String(actual).AppendPDF(b)
	}
	c.b = append(b, ">> BDC\n"...)
}

// BeginSpan opens marked content replacing what it draws with actual in
// text extraction (/Span with /ActualText, BDC).
func (c *Content) BeginSpan(actual string) {
	c.b = append(c.b, "/Span <</ActualText "...)
	c.b = String(actual).AppendPDF(c.b)
	c.op(">> BDC")
}

// BeginArtifact opens marked content that is no part of the document's
// logical content (/Artifact BMC): decoration, page furniture.
func (c *Content) BeginArtifact() { c.op("/Artifact BMC") }

// EndMarked closes the innermost marked content (EMC).
func (c *Content) EndMarked() { c.op("EMC") }
