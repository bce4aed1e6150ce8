package bib

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/topic"
)

// Reference is one seminal work made printable. Key is set when the work
// was written as a citation key; Found tells whether the bibliography had
// it. Text is never empty: an APA reference, the work as written, or a
// readable fallback for a key that was not found.
type Reference struct {
	Key   string
	Text  topic.Text
	Found bool
	IsKey bool
}

// Resolve turns an entry's seminal works into printable references, in
// order. A work that looks like a citation key and is in lib becomes its APA
// reference; a key that is not found gets a fallback text built from the key
// ("Koob (2009) — neurocircuitry [unresolved reference]") and a warning at
// the work's position; free text is printed as written. lib may be nil.
func Resolve(e *topic.Entry, lib *Library) ([]Reference, []diag.Problem) {
	lang := e.LangOrDefault()
	var refs []Reference
	var problems []diag.Problem
	for _, item := range e.SeminalWorks {
		written := strings.TrimSpace(item.Text.Plain())
		if !LooksLikeKey(written) {
			refs = append(refs, Reference{Text: item.Text})
			continue
		}
		if entry, ok := lib.Lookup(written); ok {
			refs = append(refs, Reference{Key: written, Text: APA(entry, lang), Found: true, IsKey: true})
			continue
		}
		refs = append(refs, Reference{Key: written, Text: topic.Plain(FallbackText(written, lang)), IsKey: true})
		msg := fmt.Sprintf("seminal work %q is not in the bibliography", written)
		if lib.Len() == 0 {
			msg = fmt.Sprintf("seminal work %q looks like a citation key, but no bibliography was given (set bibliography: or use --bib)", written)
		}
		problems = append(problems, diag.Problem{File: e.Source, Pos: item.Pos, Severity: diag.SeverityWarning, Message: msg})
	}
	return refs, problems
}

// LooksLikeKey reports whether a seminal work is written as a citation key
// rather than as free text: one word of letters, digits and the punctuation
// keys use, with at least one digit or separator ("koob-2009-neurocircuitry",
// "hyman2006"), so a one-word title such as "Leviathan" stays free text.
func LooksLikeKey(s string) bool {
	if s == "" || len(s) > 120 {
		return false
	}
	marked := false
	for _, r := range s {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if unicode.IsDigit(r) {
				marked = true
			}
		case strings.ContainsRune("-_:.+/", r):
			marked = true
		default:
			return false
		}
	}
	first := rune(s[0])
	return marked && (unicode.IsLetter(first) || unicode.IsDigit(first))
}

// FallbackText makes a readable reference from a key the bibliography does
// not have. Keys in the common "author-year-words" form give "Author (Year)
// — words"; any other key is printed as it is. The locale's "unresolved"
// label follows, so a reader sees the reference is incomplete.
func FallbackText(key, lang string) string {
	label := locale.For(lang).Get(locale.Unresolved)
	parts := strings.FieldsFunc(key, func(r rune) bool { return r == '-' || r == '_' || r == ':' || r == '.' || r == '+' || r == '/' })
	yearAt := -1
	for i, p := range parts {
		if isYear(p) {
			yearAt = i
			break
		}
		if y := trailingYear(p); y != "" && i == 0 {
			// "hyman2006": the year is glued to the name.
			parts = append([]string{p[:len(p)-4], y}, parts[1:]...)
			yearAt = 1
			break
		}
	}
	if yearAt < 1 {
		return key + " " + label
	}
	var authors []string
	for _, p := range parts[:yearAt] {
		authors = append(authors, capitalize(p))
	}
	s := strings.Join(authors, " ") + " (" + parts[yearAt] + ")"
	if rest := parts[yearAt+1:]; len(rest) > 0 {
		s += " — " + strings.Join(rest, " ")
	}
	return s + " " + label
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s >= "1400" && s <= "2199"
}

// trailingYear returns the year at the end of a word such as "hyman2006",
// when a name precedes it.
func trailingYear(s string) string {
	if len(s) <= 4 {
		return ""
	}
	y := s[len(s)-4:]
	if !isYear(y) || !unicode.IsLetter(rune(s[len(s)-5])) {
		return ""
	}
	return y
}

func capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// LoadFor loads the bibliography an entry names (bibliography:, relative to
// the entry's file) and then the extra files (--bib), merged in that order:
// the first source to define a key keeps it, and every later duplicate is a
// warning. The problems are the warnings of all sources. An unreadable or
// malformed source is an error; the library is then nil.
func LoadFor(e *topic.Entry, extra []string) (*Library, []diag.Problem, error) {
	lib := NewLibrary()
	var paths []string
	if e.Bibliography != "" {
		paths = append(paths, EntryBibliographyPath(e))
	}
	paths = append(paths, extra...)
	var problems []diag.Problem
	for i, path := range paths {
		src, err := LoadFile(path)
		if err != nil {
			if i == 0 && e.Bibliography != "" {
				if te, ok := err.(*diag.Error); ok && !te.Pos.IsValid() {
					// Unreadable file: say which entry asked for it.
					te.Message = fmt.Sprintf("%s (bibliography of %s)", te.Message, entryName(e))
				}
			}
			return nil, nil, err
		}
		problems = append(problems, src.Warnings()...)
		problems = append(problems, lib.Merge(src)...)
	}
	return lib, problems, nil
}

// EntryBibliographyPath returns where an entry's bibliography file is: its
// bibliography field taken relative to the directory of the entry's file
// (or the working directory for an entry read from standard input).
func EntryBibliographyPath(e *topic.Entry) string {
	p := e.Bibliography
	if filepath.IsAbs(p) || e.Source == "" || e.Source == "-" {
		return p
	}
	return filepath.Join(filepath.Dir(e.Source), p)
}

func entryName(e *topic.Entry) string {
	if e.Source == "" || e.Source == "-" {
		return "the entry"
	}
	return e.Source
}
