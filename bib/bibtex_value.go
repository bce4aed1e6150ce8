package bib

import (
	"strings"
)

// value reads a field value: braced or quoted strings, numbers and macro
// names, joined by "#". The result is still LaTeX; fill decodes it.
func (p *bibParser) value(field string) (string, error) {
	var b strings.Builder
	for {
		p.skipSpace()
		if p.i >= len(p.src) {
			return "", p.errorf(p.i, "missing value for field %q", field)
		}
		at := p.i
		switch c := p.src[p.i]; {
		case c == '{':
			s, err := p.braced(field)
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		case c == '"':
			s, err := p.quoted(field)
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		case c >= '0' && c <= '9':
			for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
				p.i++
			}
			b.WriteString(p.src[at:p.i])
		case isIdentByte(c):
			name := p.ident()
			v, ok := p.macros[strings.ToLower(name)]
			if !ok {
				return "", p.errorf(at, "undefined macro %q in field %q (put the text in braces, or define it with @string)", name, field)
			}
			b.WriteString(v)
		default:
			return "", p.errorf(at, "expected a value for field %q, found %s", field, p.describe())
		}
		p.skipSpace()
		if p.i < len(p.src) && p.src[p.i] == '#' {
			p.i++
			continue
		}
		return b.String(), nil
	}
}

// braced reads a {...} value with balanced inner braces, returning the text
// between the outer braces.
func (p *bibParser) braced(field string) (string, error) {
	start := p.i
	depth := 0
	for ; p.i < len(p.src); p.i++ {
		switch p.src[p.i] {
		case '\\':
			if p.i+1 < len(p.src) {
				p.i++
			}
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				p.i++
				return p.src[start+1 : p.i-1], nil
			}
		case '@':
			// An "@type{" at the start of a line means the author forgot a
			// brace: report it at the field, not at the end of the file.
			if depth == 1 && atLineStart(p.src, p.i) && looksLikeEntryStart(p.src[p.i:]) {
				return "", p.errorf(start, "unbalanced braces in field %q: no closing \"}\" before the next entry", field)
			}
		}
	}
	return "", p.errorf(start, "unbalanced braces in field %q: no closing \"}\"", field)
}

// quoted reads a "..." value; quotes inside braces do not end it.
func (p *bibParser) quoted(field string) (string, error) {
	start := p.i
	p.i++
	depth := 0
	for ; p.i < len(p.src); p.i++ {
		switch p.src[p.i] {
		case '\\':
			if p.i+1 < len(p.src) {
				p.i++
			}
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				return "", p.errorf(p.i, "unbalanced \"}\" in quoted field %q", field)
			}
		case '"':
			if depth == 0 {
				p.i++
				return p.src[start+1 : p.i-1], nil
			}
		case '@':
			if atLineStart(p.src, p.i) && looksLikeEntryStart(p.src[p.i:]) {
				return "", p.errorf(start, "unterminated quoted value in field %q: no closing '\"' before the next entry", field)
			}
		}
	}
	return "", p.errorf(start, "unterminated quoted value in field %q: no closing '\"'", field)
}

// atLineStart reports whether only spaces precede offset i on its line.
func atLineStart(s string, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch s[j] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

// looksLikeEntryStart reports whether s starts with "@word{" or "@word(".
func looksLikeEntryStart(s string) bool {
	i := 1
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i > 1 && i < len(s) && (s[i] == '{' || s[i] == '(')
}
