package textlayout

import (
	"strings"
)

// markURLs flags characters of links and of tokens that look like URLs, so
// that long addresses can break after their slashes.
func markURLs(gs []glyph, link bool) {
	tokStart := 0
	for i := 0; i <= len(gs); i++ {
		if i < len(gs) && !gs[i].space && !gs[i].newline {
			continue
		}
		// The glyphs come unflagged: only URL tokens need writing.
		if tok := gs[tokStart:i]; link || looksLikeURL(tok) {
			for j := range tok {
				tok[j].url = true
			}
		}
		tokStart = i + 1
	}
}

// looksLikeURL reports whether a token contains "://" or starts "www.".
func looksLikeURL(tok []glyph) bool {
	if len(tok) < 5 {
		return false
	}
	if tok[0].r == 'w' && tok[1].r == 'w' && tok[2].r == 'w' && tok[3].r == '.' {
		return true
	}
	for i := 0; i+2 < len(tok); i++ {
		if tok[i].r == ':' && tok[i+1].r == '/' && tok[i+2].r == '/' {
			return true
		}
	}
	return false
}

// breakAt reports whether a line may start at gs[i] (i > 0). It looks at
// gs[i-2:i+1] only, so a shape kept for a span (see shapeSpan) needs its
// first two glyphs decided again once spans are put together.
func breakAt(gs []glyph, i int) bool {
	prev, cur := &gs[i-1], &gs[i]
	switch {
	case cur.space || cur.newline || prev.newline:
		// Spaces stay on the line they end; newlines break by themselves.
		return false
	case prev.space:
		return true
	case isClosing(cur.r) || isOpening(prev.r):
		// Keep "。" "," ")" with what they close, "(" with what it opens.
		return false
	case isDash(prev.r):
		return i >= 2 && !gs[i-2].space && !gs[i-2].newline && !isDash(cur.r)
	case prev.r == '/' && prev.url:
		return cur.r != '/'
	case isCJK(prev.r) || isCJK(cur.r):
		return true
	}
	return false
}

func isDash(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2013' || r == '\u2014'
}

// asciiSet is a set of ASCII characters as a bitmap, so that testing a
// character of a line's text (nearly all of them ASCII) is one shift.
type asciiSet [2]uint64

func newASCIISet(chars string) asciiSet {
	var s asciiSet
	for i := 0; i < len(chars); i++ {
		s[chars[i]>>6] |= 1 << (chars[i] & 63)
	}
	return s
}

// has reports whether s holds r, which must be below 0x80.
func (s *asciiSet) has(r rune) bool { return s[r>>6]&(1<<(r&63)) != 0 }

var (
	closingASCII = newASCIISet(")]}>.,;:!?%")
	openingASCII = newASCIISet("([{<")
)

// isClosing reports characters a line must not start with.
func isClosing(r rune) bool {
	if r < 0x80 {
		return r >= 0 && closingASCII.has(r)
	}
	if r < 0x2000 && r != '»' {
		return false
	}
	return strings.ContainsRune(")]}>.,;:!?%’”»›…‥。、，．：；！？）］｝」』】〕〉》〙〗〛ー々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ・゠〜ｰ", r)
}

// isOpening reports characters a line must not end with.
func isOpening(r rune) bool {
	if r < 0x80 {
		return r >= 0 && openingASCII.has(r)
	}
	if r < 0x2000 && r != '«' {
		return false
	}
	return strings.ContainsRune("([{<‘“«‹（［｛「『【〔〈《〘〖〚", r)
}

// isCJK reports characters between which lines may break without spaces:
// ideographs, kana, hangul and their punctuation and full-width forms.
func isCJK(r rune) bool {
	if r < 0x1100 {
		return false // Latin, Greek, Cyrillic, Hebrew, Arabic…: most text
	}
	switch {
	case r >= 0x1100 && r <= 0x11FF, // Hangul Jamo
		r >= 0x2E80 && r <= 0x2FDF,   // radicals
		r >= 0x3000 && r <= 0x303F,   // CJK symbols and punctuation
		r >= 0x3040 && r <= 0x30FF,   // kana
		r >= 0x3100 && r <= 0x31FF,   // bopomofo, kana extensions
		r >= 0x3400 && r <= 0x4DBF,   // ideographs extension A
		r >= 0x4E00 && r <= 0x9FFF,   // ideographs
		r >= 0xAC00 && r <= 0xD7AF,   // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF,   // compatibility ideographs
		r >= 0xFF00 && r <= 0xFFEF,   // full-width forms
		r >= 0x20000 && r <= 0x3FFFF: // supplementary ideographs
		return true
	}
	return false
}
