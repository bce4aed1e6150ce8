package topic

import (
	"unicode"

	"github.com/scholargate/topicdeck/diag"
)

// Pos is where a part of an entry was written in its file. It is the
// diag package's position under the name the entry's fields have always
// used; the entry's Source names the file.
type Pos = diag.Pos

// errorf builds a *diag.Error at a position.
func errorf(file string, pos Pos, format string, args ...any) *diag.Error {
	return diag.Errorf(file, pos, format, args...)
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
