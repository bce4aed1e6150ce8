package bib

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentenceCase puts a title in sentence case, as APA wants for the titles
// of works: the first word and the first word after a colon (or a "?" or
// "!") start with a capital, everything else is lower case, except
//   - text the source protected (BibTeX braces, CSL-JSON titles),
//   - words with a capital after their first letter (DNA, fMRI, O'Brien),
//     which are acronyms or names, and
//   - the pronoun "I" and other one-letter capitals except the article "A".
//
// Hyphenated parts are judged one by one, so "Reward-Related" becomes
// "reward-related" while "Neuro-HIV" keeps "HIV".
func sentenceCase(s string, spans []Span) string {
	if s == "" {
		return s
	}
	protected := func(i int) bool {
		for _, sp := range spans {
			if i >= sp.Start && i < sp.End {
				return true
			}
		}
		return false
	}
	var b strings.Builder
	capNext := true
	i := 0
	for i < len(s) {
		// Copy the spaces between words.
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		b.WriteString(s[i:j])
		i = j
		if i >= len(s) {
			break
		}
		for j < len(s) && s[j] != ' ' {
			j++
		}
		word := s[i:j]
		b.WriteString(caseWord(word, i, protected, capNext))
		capNext = startsSubtitle(word)
		i = j
	}
	return b.String()
}

// startsSubtitle reports whether the word after this one begins a new
// title part (after "Addiction:" or "Tolerance?").
func startsSubtitle(word string) bool {
	w := strings.TrimRight(word, `"'”’)]`)
	return strings.HasSuffix(w, ":") || strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!")
}

// caseWord lower-cases one word (starting at byte off of the title) unless
// it keeps its case, then capitalises its first letter when capFirst.
func caseWord(word string, off int, protected func(int) bool, capFirst bool) string {
	var b strings.Builder
	first := true
	for start := 0; start < len(word); {
		end := start
		for end < len(word) && !isSegmentBreak(word, end) {
			_, n := utf8.DecodeRuneInString(word[end:])
			end += n
		}
		seg := word[start:end]
		keep := keepsCase(seg)
		for m, r := range seg {
			if protected(off + start + m) {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					first = false
				}
				b.WriteRune(r)
				continue
			}
			switch {
			case unicode.IsLetter(r):
				if first && capFirst && !(keep && unicode.IsLower(r)) {
					r = unicode.ToUpper(r) // but "fMRI" stays "fMRI"
				} else if !keep {
					r = unicode.ToLower(r)
				}
				first = false
			case unicode.IsDigit(r):
				first = false
			}
			b.WriteRune(r)
		}
		if end < len(word) {
			r, n := utf8.DecodeRuneInString(word[end:])
			b.WriteRune(r)
			end += n
		}
		start = end
	}
	return b.String()
}

// isSegmentBreak reports whether the rune at k separates word parts whose
// case is judged apart: hyphens, slashes, dashes, and the non-breaking
// space a BibTeX tie (~) leaves.
func isSegmentBreak(word string, k int) bool {
	r, _ := utf8.DecodeRuneInString(word[k:])
	return r == '-' || r == '/' || r == '–' || r == '—' || r == '‐' || r == '\u00a0'
}

// keepsCase reports whether a word part is an acronym or a name whose
// capitals are not title-case capitals: a capital after the first letter,
// or a lone capital other than the article "A".
func keepsCase(seg string) bool {
	letters := 0
	upperLater := false
	var only rune
	for _, r := range seg {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if letters == 1 {
			only = r
			continue
		}
		if unicode.IsUpper(r) {
			upperLater = true
		}
	}
	if upperLater {
		return true
	}
	return letters == 1 && unicode.IsUpper(only) && only != 'A'
}
