package pdfdraw

import (
	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/textlayout"
)

// piece is text drawn in one call: part of a segment, at an offset from
// the line's left edge.
type piece struct {
	seg  *textlayout.Segment
	text string
	x, w float64
}

// pieces returns a line's text as drawn. Lines are stored in logical
// (reading) order; a PDF draws glyphs where it is told and has no notion of
// right-to-left scripts, so Arabic is shaped into its contextual forms
// (textlayout measured the same forms) and Hebrew and Arabic runs are
// reversed into visual order. This is the Unicode bidirectional algorithm
// simplified for left-to-right paragraphs: digits inside a right-to-left
// run keep their order, brackets are mirrored. placed then puts the glyphs
// back in logical order at these visual places.
func pieces(l *textlayout.Line, set *fonts.Set) []piece {
	if !hasRTL(l) {
		return ltrPieces(make([]piece, 0, len(l.Segments)), l)
	}
	cs := visualChars(l, set)
	var out []piece
	x := l.Segments[0].X
	for i := 0; i < len(cs); {
		seg := &l.Segments[cs[i].seg]
		j, units := i, 0
		var text []rune
		for ; j < len(cs) && cs[j].seg == cs[i].seg; j++ {
			text = append(text, cs[j].r)
			units += cs[j].u
		}
		w := float64(units) * seg.Size / 1000
		out = append(out, piece{seg: seg, text: string(text), x: x, w: w})
		x += w
		i = j
	}
	return out
}

// ltrPieces appends the pieces of a line without right-to-left text to
// dst: its segments as they are.
func ltrPieces(dst []piece, l *textlayout.Line) []piece {
	for i := range l.Segments {
		s := &l.Segments[i]
		dst = append(dst, piece{seg: s, text: s.Text, x: s.X, w: s.Width})
	}
	return dst
}

// char is one character of a line being reordered.
type char struct {
	r   rune
	seg int    // index into the line's segments
	u   int    // advance, 1/1000 em
	src string // the characters it stands for (a ligature: two)
	log int    // logical position, after shaping
}

// visualChars returns a line's characters as drawn: shaped, and in visual
// order, each knowing its logical position and the source text it draws.
func visualChars(l *textlayout.Line, set *fonts.Set) []char {
	var cs []char
	for i := range l.Segments {
		s := &l.Segments[i]
		face := set.Face(s.Face, s.Style)
		for _, r := range s.Text {
			cs = append(cs, char{r: r, seg: i, u: face.Advance(r), src: string(r)})
		}
	}
	if rs := runesOf(cs); textlayout.HasArabic(rs) {
		forms := textlayout.ArabicForms(rs, func(i int, form rune) bool {
			s := &l.Segments[cs[i].seg]
			return set.Face(s.Face, s.Style).Has(form)
		})
		shaped := cs[:0]
		for i, f := range forms {
			if f == 0 {
				// Drawn within the lam-alef ligature before it, and
				// extracted with it.
				if n := len(shaped); n > 0 {
					shaped[n-1].src += cs[i].src
				}
				continue
			}
			if f != cs[i].r {
				s := &l.Segments[cs[i].seg]
				cs[i].r, cs[i].u = f, set.Face(s.Face, s.Style).Advance(f)
			}
			shaped = append(shaped, cs[i])
		}
		cs = shaped
	}
	for i := range cs {
		cs[i].log = i
	}
	// Reverse each maximal run that starts and ends with a right-to-left
	// character and holds no left-to-right letter. Combining marks end up
	// before their letter, which is where right-to-left fonts draw them
	// from: their outlines extend rightwards over the letter.
	for i := 0; i < len(cs); {
		if dir(cs[i].r) != rtl {
			i++
			continue
		}
		end, j := i, i+1
		for ; j < len(cs) && dir(cs[j].r) != ltr; j++ {
			if d := dir(cs[j].r); d == rtl || d == mark && end == j-1 {
				end = j
			}
		}
		run := cs[i : end+1]
		for a, b := 0, len(run)-1; a < b; a, b = a+1, b-1 {
			run[a], run[b] = run[b], run[a]
		}
		// Numbers read left to right even inside the run.
		for a := 0; a < len(run); {
			if dir(run[a].r) != digit {
				run[a].r = mirror(run[a].r)
				a++
				continue
			}
			b := a
			for b < len(run) && dir(run[b].r) == digit {
				b++
			}
			for p, q := a, b-1; p < q; p, q = p+1, q-1 {
				run[p], run[q] = run[q], run[p]
			}
			a = b
		}
		i = end + 1
	}
	return cs
}

// glyph is one character placed on a line: drawn as r, standing for src,
// at x (from the line's left edge) with advance w.
type glyph struct {
	seg  *textlayout.Segment
	r    rune
	src  string
	x, w float64
}

// placed returns a right-to-left line's glyphs in logical order at their
// visual places. Drawing them in this order, each at its place, makes the
// content stream read in logical order, which is what text extraction
// and screen readers follow (poppler's structure text ignores /ActualText).
func placed(l *textlayout.Line, set *fonts.Set) []glyph {
	cs := visualChars(l, set)
	out := make([]glyph, len(cs))
	x := l.Segments[0].X
	for _, c := range cs {
		seg := &l.Segments[c.seg]
		w := float64(c.u) * seg.Size / 1000
		// A shaped form stands for itself (extraction folds it back,
		// NFKC); a mirrored bracket for the one typed.
		src := string(c.r)
		if mirror(c.r) != c.r {
			src = c.src
		}
		out[c.log] = glyph{seg: seg, r: c.r, src: src, x: x, w: w}
		x += w
	}
	// Combining marks go before their letter, as in visual order, where
	// extractors expect a right-to-left letter's marks.
	for i := 1; i < len(out); i++ {
		if dir(out[i].r) == mark && dir(out[i-1].r) != mark {
			j := i
			for j < len(out) && dir(out[j].r) == mark {
				j++
			}
			base := out[i-1]
			copy(out[i-1:], out[i:j])
			out[j-1] = base
			i = j
		}
	}
	return out
}

func runesOf(cs []char) []rune {
	rs := make([]rune, len(cs))
	for i, c := range cs {
		rs[i] = c.r
	}
	return rs
}

// Bidirectional classes, as far as drawing needs them.
const (
	neutral = iota
	ltr
	rtl
	digit
	mark // combining mark: belongs to the letter before it
)

func hasRTL(l *textlayout.Line) bool {
	for _, s := range l.Segments {
		if !mayBeRTL(s.Text) {
			continue
		}
		for _, r := range s.Text {
			if dir(r) == rtl {
				return true
			}
		}
	}
	return false
}

// mayBeRTL is a quick test on the UTF-8 bytes: right-to-left characters
// start at U+0590, whose encodings begin with 0xD6 or a higher byte.
func mayBeRTL(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xD6 {
			return true
		}
	}
	return false
}

func dir(r rune) int {
	switch {
	case r >= 0x0590 && r <= 0x08FF, r >= 0xFB1D && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		if r >= 0x0660 && r <= 0x0669 || r >= 0x06F0 && r <= 0x06F9 {
			return digit // Arabic-Indic digits read left to right too
		}
		if r >= 0x064B && r <= 0x065F || r == 0x0670 || r >= 0x0591 && r <= 0x05C7 && r != 0x05BE && r != 0x05C0 && r != 0x05C3 && r != 0x05C6 {
			return mark
		}
		return rtl
	case r >= '0' && r <= '9':
		return digit
	case r < 0x80:
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return ltr
		}
		return neutral
	case r >= 0x2000 && r <= 0x206F, r >= 0x00A0 && r <= 0x00BF, r == 0x00D7, r == 0x00F7:
		return neutral // punctuation, spaces, symbols
	}
	return ltr
}

// mirror swaps paired brackets, which take their mirrored shape in
// right-to-left text.
func mirror(r rune) rune {
	switch r {
	case '(':
		return ')'
	case ')':
		return '('
	case '[':
		return ']'
	case ']':
		return '['
	case '{':
		return '}'
	case '}':
		return '{'
	case '<':
		return '>'
	case '>':
		return '<'
	case '«':
		return '»'
	case '»':
		return '«'
	}
	return r
}
