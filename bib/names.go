package bib

import (
	"strings"
	"unicode"
)

// parseNames splits a raw BibTeX name list on the word "and" outside braces
// and parses each name. A final "others" does not name anyone: it reports
// that the list is incomplete.
func parseNames(raw string) (names []Name, more bool) {
	for _, part := range splitTopLevelWords(raw, func(w string) bool { return strings.EqualFold(w, "and") }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if strings.EqualFold(part, "others") {
			more = true
			continue
		}
		names = append(names, parseName(part))
	}
	return names, more
}

// splitTopLevelWords splits s into runs of words, cutting at every
// top-level word for which sep is true (the separator is dropped).
func splitTopLevelWords(s string, sep func(string) bool) []string {
	var parts []string
	var cur []string
	for _, w := range topLevelWords(s) {
		if sep(w) {
			parts = append(parts, strings.Join(cur, " "))
			cur = nil
			continue
		}
		cur = append(cur, w)
	}
	return append(parts, strings.Join(cur, " "))
}

// topLevelWords splits s at whitespace and ties (~) outside braces.
func topLevelWords(s string) []string {
	var words []string
	depth, start := 0, -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			if start < 0 {
				start = i
			}
			i++
			continue
		case c == '{':
			depth++
		case c == '}':
			if depth > 0 {
				depth--
			}
		case depth == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '~'):
			if start >= 0 {
				words = append(words, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words
}

// splitTopLevelCommas splits s at commas outside braces.
func splitTopLevelCommas(s string) []string {
	var parts []string
	start := 0
	for i, depth := range braceDepths(s) {
		if s[i] == ',' && depth == 0 {
			parts = append(parts, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	return append(parts, strings.TrimSpace(s[start:]))
}

// parseName reads one name in any of BibTeX's three orders:
// "First von Last", "von Last, First" and "von Last, Jr, First". A name
// that is one brace group ({World Health Organization}) is a literal.
func parseName(raw string) Name {
	raw = strings.TrimSpace(raw)
	if isOneGroup(raw) {
		return Name{Literal: decodePlain(raw[1 : len(raw)-1])}
	}
	parts := splitTopLevelCommas(raw)
	var n Name
	switch len(parts) {
	case 1:
		words := topLevelWords(parts[0])
		if len(words) == 0 {
			return Name{Literal: decodePlain(raw)}
		}
		last := len(words) - 1
		first, end := -1, -1
		for i := 0; i < last; i++ {
			if isLowerWord(words[i]) {
				if first < 0 {
					first = i
				}
				end = i
			}
		}
		if first < 0 {
			n.Given = joinDecoded(words[:last])
			n.Family = decodePlain(words[last])
		} else {
			n.Given = joinDecoded(words[:first])
			n.Particle = joinDecoded(words[first : end+1])
			n.Family = joinDecoded(words[end+1:])
		}
	default:
		n.Particle, n.Family = splitVonLast(topLevelWords(parts[0]))
		if len(parts) == 2 {
			n.Given = decodePlain(parts[1])
		} else {
			n.Suffix = decodePlain(parts[1])
			n.Given = decodePlain(strings.Join(parts[2:], ", "))
		}
	}
	if n.Family == "" && n.Given == "" && n.Particle == "" {
		return Name{Literal: decodePlain(raw)}
	}
	if n.Family == "" {
		// "Plato," or a lone particle: what is there is the name to sort by.
		n.Family, n.Given = n.Given, ""
		if n.Family == "" {
			n.Family, n.Particle = n.Particle, ""
		}
	}
	return n
}

// splitVonLast separates leading lower-case particle words from the family
// name in the "von Last" part; the final word is always family name.
func splitVonLast(words []string) (particle, family string) {
	if len(words) == 0 {
		return "", ""
	}
	end := -1
	if isLowerWord(words[0]) {
		for i := 0; i < len(words)-1; i++ {
			if isLowerWord(words[i]) {
				end = i
			}
		}
	}
	return joinDecoded(words[:end+1]), joinDecoded(words[end+1:])
}

// isOneGroup reports whether s is a single brace group from start to end.
func isOneGroup(s string) bool {
	if len(s) < 2 || s[0] != '{' {
		return false
	}
	end, ok := groupEnd(s, 0)
	return ok && end == len(s)
}

// isLowerWord reports whether a name word starts with a lower-case letter,
// BibTeX's test for particles. A brace group protects a word from being a
// particle, except a special character such as {\"u}, whose letter counts.
func isLowerWord(w string) bool {
	if strings.HasPrefix(w, "{") && !strings.HasPrefix(w, `{\`) {
		return false
	}
	for _, r := range decodePlain(w) {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

func joinDecoded(words []string) string {
	return decodePlain(strings.Join(words, " "))
}
