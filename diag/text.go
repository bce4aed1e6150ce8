package diag

import "unicode/utf8"

// NotText finds where data stops being UTF-8 text: the position of its
// first NUL byte or invalid UTF-8 sequence, and which of the two it is,
// "NUL byte" or "invalid UTF-8". found is false when all of data is text.
// Readers refuse such a file at that position rather than decode it into
// mojibake.
func NotText(data []byte) (pos Pos, what string, found bool) {
	pos = Pos{Line: 1, Col: 1}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == 0:
			return pos, "NUL byte", true
		case r == utf8.RuneError && size <= 1:
			return pos, "invalid UTF-8", true
		case r == '\n':
			pos.Line, pos.Col = pos.Line+1, 1
		default:
			pos.Col++
		}
		i += size
	}
	return Pos{}, "", false
}
