package glossary

import (
	"strings"
	"unicode"
)

// Compiled on first use (see lazyRegexp).
var (
	reDefinedAs = lazyRegexp(`^\s+(?:(?:is|are)\s+(?:defined|understood)\s+as|(?:definieras|förstås)\s+som)\s+`)
	reRefersTo  = lazyRegexp(`^\s+(?:refers?\s+to|denotes?|avser|betecknar|syftar\s+på)\s+`)
	reCopula    = lazyRegexp(`^\s+(?:is|are|är)\s+(?:a|an|the|one|en|ett|den|det|de)\s`)
	reDash      = lazyRegexp(`^(?:\s*—\s*|\s+–\s+|\s*--\s*)`)
	reVerb      = lazyRegexp(`^\s+\S+\s+`)
	reYear      = lazyRegexp(`\b1[5-9]\d\d\b|\b20\d\d\b`)
)

// badStarts are words an aside starts with when it is not a definition:
// "plasticity—from acute changes to …—", "circuits—and its overlap—".
var badStarts = map[string]bool{
	"and": true, "or": true, "but": true, "from": true, "to": true, "in": true, "of": true,
	"with": true, "which": true, "that": true, "as": true, "such": true, "including": true,
	"e.g.": true, "i.e.": true, "see": true, "cf.": true, "for": true, "especially": true,
	"och": true, "eller": true, "men": true, "från": true, "till": true, "som": true,
	"inklusive": true, "t.ex.": true, "se": true, "med": true, "särskilt": true,
}

// definitionAfter looks for a definitional pattern around the term at
// runes [b, e) of s and returns the definition and the pattern's rank.
func definitionAfter(s *sentence, b, e int) (string, int, bool) {
	rest := string(s.lower[e:])
	clause := clauseStart(s.lower[:b])
	if clause {
		if m := reDefinedAs().FindStringIndex(rest); m != nil {
			return clauseText(s, e+len([]rune(rest[:m[1]]))), patDefinedAs, true
		}
		if m := reRefersTo().FindStringIndex(rest); m != nil {
			return clauseText(s, e+len([]rune(rest[:m[1]]))), patRefersTo, true
		}
		if m := reCopula().FindStringIndex(rest); m != nil {
			// Keep the article: "a reduced effect of a drug …".
			verb := reVerb().FindString(rest)
			if d := clauseText(s, e+len([]rune(verb))); d != "" {
				return d, patCopula, true
			}
		}
	}
	if strings.HasPrefix(strings.TrimLeft(rest, " "), "(") {
		open := e
		for s.runes[open] != '(' {
			open++
		}
		if close := matchingParen(s.runes, open); close > 0 {
			if d := aside(string(s.runes[open+1 : close])); d != "" {
				return d, patParenthesis, true
			}
		}
	}
	// A dash after the term opens an aside only if the term is not itself
	// inside one ("…—and its overlap with learning and memory—became …").
	if m := reDash().FindString(rest); m != "" && strings.Count(string(s.runes[:b]), strings.TrimSpace(m))%2 == 0 {
		start := e + len([]rune(m))
		dash := strings.TrimSpace(m)
		end := len(s.runes)
		if i := strings.Index(string(s.runes[start:]), dash); i >= 0 {
			end = start + len([]rune(string(s.runes[start:])[:i]))
		}
		if d := aside(strings.TrimRight(string(s.runes[start:end]), " .")); d != "" {
			return d, patApposition, true
		}
	}
	return "", 0, false
}

// clauseStart reports whether the text before a term leaves it as the
// subject of a clause: nothing, or ";" or ":", possibly followed by an
// article. Clauses after "whereas" or "while" are left out on purpose:
// they contrast ("whereas sensitization is an increased response to
// others") rather than define.
func clauseStart(before []rune) bool {
	words := strings.Fields(string(before))
	if n := len(words); n > 0 && (words[n-1] == "the" || words[n-1] == "a" || words[n-1] == "an") {
		words = words[:n-1]
	}
	if len(words) == 0 {
		return true
	}
	last := words[len(words)-1]
	if strings.HasSuffix(last, ";") || strings.HasSuffix(last, ":") {
		return true
	}
	return false
}

// clauseText returns the definition starting at rune offset from: up to
// the end of the clause (";", or a contrast ", whereas …"), tidied.
func clauseText(s *sentence, from int) string {
	low := string(s.lower[from:])
	end := len(low)
	for _, stop := range []string{";", ", whereas ", " whereas ", ", while ", ", medan ", " medan "} {
		if i := strings.Index(low, stop); i >= 0 && i < end {
			end = i
		}
	}
	// Lower-casing may change a letter's UTF-8 length, so cut by runes:
	// s.lower and s.runes correspond rune for rune.
	n := len([]rune(low[:end]))
	return tidy(string(s.runes[from : from+n]))
}

// aside accepts the text of a parenthesis or dash pair as a definition
// when it reads like one: at least two words, not a citation, a year, an
// example list or a continuation of the sentence.
func aside(txt string) string {
	txt = strings.TrimSpace(txt)
	words := strings.Fields(txt)
	if len(words) < 2 || reYear().MatchString(txt) {
		return ""
	}
	first := []rune(txt)[0]
	if !unicode.IsLetter(first) || badStarts[strings.ToLower(words[0])] {
		return ""
	}
	return tidy(txt)
}

// tidy trims a definition, capitalises it and ends it with a full stop,
// so extracted definitions read like written ones. Over-long or one-word
// texts are rejected (empty result).
func tidy(txt string) string {
	txt = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(txt), ".,;:—–-"))
	n := len(strings.Fields(txt))
	if n < 2 || n > 80 {
		return ""
	}
	rs := []rune(txt)
	rs[0] = unicode.ToUpper(rs[0])
	return string(rs) + "."
}

func matchingParen(rs []rune, open int) int {
	depth := 0
	for i := open; i < len(rs); i++ {
		switch rs[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}
