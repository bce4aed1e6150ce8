// Package sentence splits prose into sentences, the unit slides show one
// per bullet and tests look for in rendered output.
//
// The splitter is conservative: when in doubt it keeps text together, since
// a missed boundary only makes a bullet longer while a false one cuts a
// sentence in two. It knows English and Swedish abbreviations ("e.g.",
// "Dr.", "t.ex.", "bl.a."), initials ("G. F. Koob"), decimals ("3.5") and
// the full-width stops of Chinese and Japanese.
package sentence

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a period without ending a sentence. Keys are lower
// case, without the final period. "etc." is left out on purpose: it ends
// sentences more often than not, and a lower-case follower keeps it inside
// one anyway. The set is made on first use, not in an init that every
// command of the binary would pay.
var abbreviations = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, a := range strings.Fields(`
		e.g i.e cf vs viz al approx ca dr mr mrs ms prof st jr sr mt
		fig figs no nos vol vols pp p ch chap sec eq eqs ed eds resp
		dept univ inc ltd co corp gen col lt sgt rev hon ref refs n.b
		jan feb mar apr jun jul aug sep sept oct nov dec
		t.ex bl.a m.m m.fl o.s.v osv d.v.s dvs s.k f.d t.o.m fr.o.m
		jfr kap nr s f ff fil doc tel obs enl p.g.a pga mfl e.kr f.kr
		sk ev inkl exkl bl.a dyl`) {
		m[a] = true
	}
	return m
})

// Spans returns the byte ranges [start, end) of the sentences of s, in
// order, each without surrounding white space. Text between the ranges is
// white space only, so nothing of s is lost.
func Spans(s string) [][2]int {
	var out [][2]int
	start := skipSpace(s, 0)
	for i := start; i < len(s); {
		if i = nextStop(s, i); i == len(s) {
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !isStop(r2) && !isCloser(r2) {
				break
			}
			j += n2
		}
		if j >= len(s) {
			break
		}
		if boundary(s, i, r, j) {
			out = append(out, [2]int{start, j})
			start = skipSpace(s, j)
			i = start
			continue
		}
		i = j
	}
	if end := trimRight(s); start < end {
		out = append(out, [2]int{start, end})
	}
	return out
}

// nextStop returns where the first stop (see isStop) at or after i starts,
// or len(s). It goes byte by byte rather than rune by rune: prose is
// nearly all ASCII, and the stops beyond it ("…", "。", "！", "？") start
// with a byte of 0xE2 or more, which no ASCII character and no byte inside
// a character is, so only such a byte needs its rune decoded.
func nextStop(s string, i int) int {
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.' || c == '!' || c == '?':
			return i
		case c >= 0xE2:
			if r, _ := utf8.DecodeRuneInString(s[i:]); isStop(r) {
				return i
			}
		}
	}
	return len(s)
}

// Split returns the sentences of s, trimmed.
func Split(s string) []string {
	var out []string
	for _, sp := range Spans(s) {
		out = append(out, s[sp[0]:sp[1]])
	}
	return out
}

// boundary decides whether the stop r at i, whose run of stops and closing
// marks ends at j (< len(s)), ends a sentence.
func boundary(s string, i int, r rune, j int) bool {
	if isWideStop(r) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(s[j:])
	if !unicode.IsSpace(next) {
		return false // "3.5", "e.g.,", "example.org"
	}
	k := skipSpace(s, j)
	if k >= len(s) {
		return false
	}
	first, n := utf8.DecodeRuneInString(s[k:])
	if isOpener(first) && k+n < len(s) {
		first, _ = utf8.DecodeRuneInString(s[k+n:])
	}
	if unicode.IsLower(first) {
		return false // "approx. ten", "wait... then"
	}
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !unicode.IsLetter(first) {
		return false
	}
	if r != '.' {
		return true
	}
	if i+1 < len(s) && s[i+1] == '.' {
		return true // an ellipsis "..." before a capital
	}
	word := lastWord(s[:i])
	if word == "" {
		return true
	}
	if utf8.RuneCountInString(word) == 1 {
		w, _ := utf8.DecodeRuneInString(word)
		if unicode.IsLetter(w) {
			return false // an initial: "G. F. Koob"
		}
	}
	if abbreviations()[strings.ToLower(word)] {
		return false
	}
	if strings.Contains(word, ".") {
		return false // "U.S.", "t.o.m." and other dotted abbreviations
	}
	return true
}

// lastWord returns the word ending at the end of s, without opening marks.
func lastWord(s string) string {
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	w := s[i+1:]
	return strings.TrimLeftFunc(w, func(r rune) bool { return isOpener(r) || r == '-' || r == '–' })
}

func isStop(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…' || isWideStop(r)
}

func isWideStop(r rune) bool { return r == '。' || r == '！' || r == '？' }

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»', '」', '』', '）':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '«', '¿', '¡', '„':
		return true
	}
	return false
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

func trimRight(s string) int {
	return len(strings.TrimRightFunc(s, unicode.IsSpace))
}
