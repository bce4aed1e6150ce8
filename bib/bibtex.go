package bib

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/scholargate/topicdeck/diag"
)

// knownTypes are the entry types formatting distinguishes. Any other type
// (@techreport, @online, ...) is read as misc so that no entry is dropped.
var knownTypes = map[string]bool{
	"article": true, "book": true, "incollection": true, "inproceedings": true,
	"phdthesis": true, "mastersthesis": true, "misc": true,
}

// typeAliases maps common types onto the known ones they format like.
var typeAliases = map[string]string{
	"conference": "inproceedings", "inbook": "incollection", "thesis": "phdthesis",
}

// monthMacros are BibTeX's predefined month strings.
var monthMacros = map[string]string{
	"jan": "January", "feb": "February", "mar": "March", "apr": "April",
	"may": "May", "jun": "June", "jul": "July", "aug": "August",
	"sep": "September", "oct": "October", "nov": "November", "dec": "December",
}

// ParseBibTeX reads a BibTeX file, UTF-8 or else Windows-1252 (with a
// warning). name is used in positions. Text outside
// entries, @comment and @preamble are ignored; @string macros are expanded.
// The first syntax error stops reading and is returned as a *diag.Error
// ("file.bib:12:5: error: ..."). Recoverable oddities (a key or a field given
// twice) become warnings on the library.
func ParseBibTeX(name string, data []byte) (*Library, error) {
	data, latin1, bad := decodeText(name, data)
	if bad != nil {
		return nil, bad
	}
	p := &bibParser{file: name, src: string(data), lines: newLineIndex(data), macros: map[string]string{}, lib: NewLibrary()}
	if latin1 != nil {
		p.lib.warnings = append(p.lib.warnings, *latin1)
	}
	for k, v := range monthMacros {
		p.macros[k] = v
	}
	if err := p.parse(); err != nil {
		return nil, err
	}
	return p.lib, nil
}

type bibParser struct {
	file   string
	src    string
	lines  lineIndex
	i      int
	macros map[string]string
	lib    *Library
}

// pos converts a byte offset to a line and a column counted in runes.
func (p *bibParser) pos(off int) diag.Pos {
	return p.lines.pos(off)
}

func (p *bibParser) errorf(off int, format string, args ...any) *diag.Error {
	return newError(p.file, p.pos(off), format, args...)
}

func (p *bibParser) warnf(off int, format string, args ...any) {
	p.lib.warnings = append(p.lib.warnings, diag.Problem{
		File: p.file, Pos: p.pos(off), Severity: diag.SeverityWarning, Message: fmt.Sprintf(format, args...),
	})
}

func (p *bibParser) skipSpace() {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			p.i++
		default:
			return
		}
	}
}

// describe names what is at the current position, for error messages.
func (p *bibParser) describe() string {
	if p.i >= len(p.src) {
		return "end of file"
	}
	r, _ := utf8.DecodeRuneInString(p.src[p.i:])
	return fmt.Sprintf("%q", r)
}

func isIdentByte(c byte) bool {
	return isASCIILetter(c) || c >= '0' && c <= '9' || strings.IndexByte("_-:.+/'!?*&;<>[]|", c) >= 0 || c >= 0x80
}

// ident reads a BibTeX identifier (entry type, field or macro name).
func (p *bibParser) ident() string {
	start := p.i
	for p.i < len(p.src) && isIdentByte(p.src[p.i]) {
		p.i++
	}
	return p.src[start:p.i]
}

func (p *bibParser) parse() error {
	for {
		at := strings.IndexByte(p.src[p.i:], '@')
		if at < 0 {
			return nil
		}
		p.i += at
		start := p.i
		p.i++
		p.skipSpace()
		kind := strings.ToLower(p.ident())
		if kind == "" {
			continue // a stray "@" in text between entries
		}
		p.skipSpace()
		switch kind {
		case "comment":
			// Both styles exist: "@comment{...}" hides a whole group, and a
			// bare "@comment" comments out the rest of its line.
			if p.i < len(p.src) && (p.src[p.i] == '{' || p.src[p.i] == '(') {
				if err := p.skipDelimited(start); err != nil {
					return err
				}
			} else if nl := strings.IndexByte(p.src[p.i:], '\n'); nl >= 0 {
				p.i += nl
			} else {
				p.i = len(p.src)
			}
			continue
		case "preamble":
			if err := p.skipDelimited(start); err != nil {
				return err
			}
			continue
		}
		if p.i >= len(p.src) || (p.src[p.i] != '{' && p.src[p.i] != '(') {
			if knownTypes[kind] || kind == "string" || typeAliases[kind] != "" {
				return p.errorf(p.i, "expected \"{\" after @%s, found %s", kind, p.describe())
			}
			continue // "someone@example.org" in text between entries
		}
		open := p.src[p.i]
		closer := byte('}')
		if open == '(' {
			closer = ')'
		}
		p.i++
		var err error
		if kind == "string" {
			err = p.stringMacro(start, closer)
		} else {
			err = p.entry(start, kind, closer)
		}
		if err != nil {
			return err
		}
	}
}

// skipDelimited skips a balanced {...} or (...) group at p.i, as @comment
// and @preamble take; start is the "@", for the error message.
func (p *bibParser) skipDelimited(start int) error {
	what := "@" + strings.ToLower(strings.TrimSpace(strings.TrimLeft(p.src[start:p.i], "@")))
	if p.i >= len(p.src) || (p.src[p.i] != '{' && p.src[p.i] != '(') {
		return p.errorf(p.i, "expected \"{\" after %s, found %s", what, p.describe())
	}
	paren := p.src[p.i] == '('
	p.i++
	depth := 0
	for ; p.i < len(p.src); p.i++ {
		switch p.src[p.i] {
		case '\\':
			p.i++
		case '{':
			depth++
		case '}':
			if depth == 0 && !paren {
				p.i++
				return nil
			}
			depth--
		case ')':
			if depth == 0 && paren {
				p.i++
				return nil
			}
		}
	}
	return p.errorf(start, "unterminated %s: no closing delimiter", what)
}

// stringMacro reads "name = value" of an @string and defines the macro.
func (p *bibParser) stringMacro(start int, closer byte) error {
	p.skipSpace()
	nameAt := p.i
	name := strings.ToLower(p.ident())
	if name == "" {
		return p.errorf(p.i, "expected a macro name in @string, found %s", p.describe())
	}
	p.skipSpace()
	if p.i >= len(p.src) || p.src[p.i] != '=' {
		return p.errorf(p.i, "expected \"=\" after macro name %q, found %s", name, p.describe())
	}
	p.i++
	value, err := p.value(name)
	if err != nil {
		return err
	}
	p.skipSpace()
	if p.i >= len(p.src) || p.src[p.i] != closer {
		return p.errorf(p.i, "expected %q to close @string started at line %d, found %s", closer, p.pos(start).Line, p.describe())
	}
	p.i++
	if _, ok := p.macros[name]; ok {
		if _, month := monthMacros[name]; !month {
			p.warnf(nameAt, "macro %q redefined", name)
		}
	}
	p.macros[name] = value
	return nil
}

// entry reads the key and fields of an entry whose opening delimiter has
// been consumed.
func (p *bibParser) entry(start int, kind string, closer byte) error {
	p.skipSpace()
	keyAt := p.i
	for p.i < len(p.src) {
		c := p.src[p.i]
		if c == ',' || c == closer || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '{' || c == '}' || c == '"' || c == '=' {
			break
		}
		p.i++
	}
	key := p.src[keyAt:p.i]
	p.skipSpace()
	if key == "" {
		return p.errorf(keyAt, "@%s has no citation key", kind)
	}
	if p.i < len(p.src) && p.src[p.i] == '=' {
		return p.errorf(keyAt, "@%s has no citation key (found field %q first)", kind, key)
	}
	e := &Entry{
		Key:        key,
		SourceType: kind,
		Type:       normalType(kind),
		Fields:     map[string]string{},
		File:       p.file,
		Pos:        p.pos(start),
	}
	raw := map[string]string{}
	for {
		p.skipSpace()
		if p.i >= len(p.src) {
			return p.errorf(start, "entry %q is not closed: missing %q", key, closer)
		}
		c := p.src[p.i]
		if c == closer {
			p.i++
			break
		}
		if c != ',' {
			return p.errorf(p.i, "expected \",\" or %q after a field in entry %q, found %s", closer, key, p.describe())
		}
		p.i++
		p.skipSpace()
		if p.i < len(p.src) && p.src[p.i] == closer {
			p.i++ // trailing comma
			break
		}
		fieldAt := p.i
		field := strings.ToLower(p.ident())
		if field == "" {
			if p.i >= len(p.src) {
				return p.errorf(start, "entry %q is not closed: missing %q", key, closer)
			}
			return p.errorf(p.i, "expected a field name in entry %q, found %s", key, p.describe())
		}
		p.skipSpace()
		if p.i >= len(p.src) || p.src[p.i] != '=' {
			return p.errorf(p.i, "expected \"=\" after field %q in entry %q, found %s", field, key, p.describe())
		}
		p.i++
		v, err := p.value(field)
		if err != nil {
			return err
		}
		if _, dup := raw[field]; dup {
			p.warnf(fieldAt, "field %q given twice in entry %q; the first value is used", field, key)
			continue
		}
		raw[field] = v
	}
	e.fill(raw)
	if !knownTypes[e.Type] {
		e.Type = "misc"
	}
	if w := p.lib.add(e); w != nil {
		p.lib.warnings = append(p.lib.warnings, *w)
	}
	return nil
}

// normalType maps a source type to the type formatting uses.
func normalType(kind string) string {
	if t, ok := typeAliases[kind]; ok {
		return t
	}
	if knownTypes[kind] {
		return kind
	}
	return "misc"
}

// verbatimFields hold addresses, where "--" and "~" are characters of the
// address, not typography.
var verbatimFields = map[string]bool{"url": true, "doi": true, "eprint": true, "file": true}

// decodeVerbatim removes braces, backslashes that escape a character and
// all whitespace, which is what URLs and DOIs need.
func decodeVerbatim(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '{' || c == '}':
		case c == '\\' && i+1 < len(raw) && !isASCIILetter(raw[i+1]):
			i++
			b.WriteByte(raw[i])
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// fill decodes raw LaTeX values into the entry's fields and names.
func (e *Entry) fill(raw map[string]string) {
	for f, v := range raw {
		switch f {
		case "author":
			e.Authors, e.MoreAuthors = parseNames(v)
		case "editor":
			e.Editors, e.MoreEditors = parseNames(v)
		}
		if verbatimFields[f] {
			e.Fields[f] = decodeVerbatim(v)
			continue
		}
		text, spans := decodeLaTeX(v)
		e.Fields[f] = text
		if len(spans) > 0 {
			if e.Protected == nil {
				e.Protected = map[string][]Span{}
			}
			e.Protected[f] = spans
		}
	}
}
