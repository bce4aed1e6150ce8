// Package xmltext escapes text for the XML files topicdeck writes by hand
// (a PDF's XMP metadata, Moodle XML and QTI quizzes), one way for all of
// them.
package xmltext

import "strings"

// Escape escapes s for XML character data and attribute values, and
// drops what XML 1.0 cannot hold at all (control characters, the
// non-characters U+FFFE and U+FFFF, lone surrogates), so any text gives a
// well-formed file. A carriage return is written as a reference, which a
// reader keeps, where a literal one would be read as a line feed.
func Escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r == '\r':
			b.WriteString("&#13;")
		case r < 0x20, r >= 0xFFFE && r <= 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			// not a character XML can carry
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
