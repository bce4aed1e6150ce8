package bib

import (
	"sort"
	"unicode/utf8"

	"github.com/scholargate/topicdeck/diag"
)

// lineIndex turns byte offsets into line and column positions. It records
// where each line starts once, so positioning every entry of a large file
// stays cheap.
type lineIndex struct {
	src    []byte
	starts []int
}

func newLineIndex(src []byte) lineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{src: src, starts: starts}
}

// pos returns the 1-based line and rune column of a byte offset.
func (x lineIndex) pos(off int) diag.Pos {
	if off < 0 {
		off = 0
	}
	if off > len(x.src) {
		off = len(x.src)
	}
	line := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	return diag.Pos{Line: line + 1, Col: 1 + utf8.RuneCount(x.src[x.starts[line]:off])}
}
