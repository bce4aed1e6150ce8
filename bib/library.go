// Package bib reads bibliographies (BibTeX and CSL-JSON) and formats their
// entries as APA 7 references in styled runs, so renderers can draw the
// italics and the DOI link. It also resolves an entry's seminal works, which
// are written as citation keys or as free text.
//
// The BibTeX reader is our own: no maintained Go module reads BibTeX with
// positions, and the subset teaching bibliographies use is small.
package bib

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/internal/regularfile"
)

// Entry is one bibliographic record. Fields hold the values as Unicode text
// (LaTeX accents decoded, case-protecting braces removed), keyed by lower-case
// BibTeX field names; CSL-JSON items are mapped onto the same names
// (journal, booktitle, number, pages, doi, url, ...), so formatting does not
// care which reader produced the entry.
type Entry struct {
	Key  string
	Type string // article, book, incollection, inproceedings, phdthesis, mastersthesis or misc
	// SourceType is the type as written in the source ("techreport",
	// "article-journal"); Type is what formatting uses.
	SourceType string
	Fields     map[string]string
	// Protected records, per field, the byte ranges of the value that the
	// source protected from case changes ({DNA} in BibTeX), because
	// sentence-casing a title must leave them as written.
	Protected map[string][]Span
	Authors   []Name
	Editors   []Name
	// MoreAuthors and MoreEditors are set when the list ended in "and
	// others": the source itself says the list is incomplete.
	MoreAuthors bool
	MoreEditors bool
	File        string   // the file the entry was read from
	Pos         diag.Pos // where the entry starts (the "@" or the "{")
}

// Span is a byte range [Start, End) of a field value.
type Span struct {
	Start, End int
}

// Field returns a field's value, "" when absent.
func (e *Entry) Field(name string) string { return e.Fields[name] }

// Name is a person's name split the way citation styles need it. A corporate
// author ("World Health Organization") has only Literal.
type Name struct {
	Given    string
	Family   string
	Particle string // "van der", "de la": printed before the family name
	Suffix   string // "Jr."
	Literal  string
}

// Library is a set of entries from one or more sources, by key, in the order
// they were read. The zero value is an empty library.
type Library struct {
	entries  map[string]*Entry
	folded   map[string]*Entry // by lower-cased key, for case-insensitive lookup
	order    []*Entry
	warnings []diag.Problem
}

// NewLibrary returns an empty library, ready to Merge sources into.
func NewLibrary() *Library {
	return &Library{}
}

// Lookup returns the entry with the key. Keys match exactly first and then
// ignoring case, as BibTeX itself treats keys case-insensitively.
func (l *Library) Lookup(key string) (*Entry, bool) {
	if l == nil {
		return nil, false
	}
	if e, ok := l.entries[key]; ok {
		return e, true
	}
	e, ok := l.folded[strings.ToLower(key)]
	return e, ok
}

// Entries returns the entries in the order they were read.
func (l *Library) Entries() []*Entry {
	if l == nil {
		return nil
	}
	return append([]*Entry(nil), l.order...)
}

// Len returns the number of entries.
func (l *Library) Len() int {
	if l == nil {
		return 0
	}
	return len(l.order)
}

// Warnings returns what reading the sources found wrong but could recover
// from, such as a key defined twice in one file.
func (l *Library) Warnings() []diag.Problem {
	if l == nil {
		return nil
	}
	return append([]diag.Problem(nil), l.warnings...)
}

// add puts an entry in the library; a key already present keeps its first
// entry, and the problem names both places so the author can pick one.
func (l *Library) add(e *Entry) *diag.Problem {
	if prev, ok := l.Lookup(e.Key); ok {
		return &diag.Problem{
			File:     e.File,
			Pos:      e.Pos,
			Severity: diag.SeverityWarning,
			Message:  fmt.Sprintf("duplicate citation key %q ignored; the entry at %s is used", e.Key, location(prev)),
		}
	}
	if l.entries == nil {
		l.entries, l.folded = map[string]*Entry{}, map[string]*Entry{}
	}
	l.entries[e.Key] = e
	l.folded[strings.ToLower(e.Key)] = e
	l.order = append(l.order, e)
	return nil
}

// location formats an entry's file and position as "file:line:col", the
// same way Problem does.
func location(e *Entry) string {
	s := diag.Problem{File: e.File, Pos: e.Pos}.String()
	return strings.TrimSuffix(s, ": error: ")
}

// Merge adds the entries of other that are not already in l. A key both
// hold is not silently overridden: l keeps its entry and the result has a
// warning at the ignored one. Warnings other collected while reading are
// carried over.
func (l *Library) Merge(other *Library) []diag.Problem {
	if other == nil {
		return nil
	}
	var out []diag.Problem
	for _, e := range other.order {
		if p := l.add(e); p != nil {
			out = append(out, *p)
		}
	}
	l.warnings = append(l.warnings, other.warnings...)
	l.warnings = append(l.warnings, out...)
	return out
}

// MaxFileSize is the largest bibliography file read. Course bibliographies
// run to a few megabytes; one far larger is not a bibliography.
const MaxFileSize = 64 << 20

// LoadFile reads a bibliography file. The extension picks the reader (.bib
// BibTeX, .json CSL-JSON) and the content must agree, so a CSL-JSON file
// saved as .bib gets a clear error instead of an empty library. Any other
// extension is read by what the content looks like.
func LoadFile(path string) (*Library, error) {
	// Only a regular file, opened without blocking and read no further
	// than a bound: an entry's bibliography: field can name a named pipe
	// or /dev/zero as easily as a .bib file.
	data, _, err := regularfile.Read(path, MaxFileSize)
	if err != nil {
		return nil, &diag.Error{Problem: diag.Problem{File: path, Message: "cannot read bibliography: " + unwrapPathError(err)}}
	}
	return Parse(path, data)
}

// Parse reads a bibliography already in memory, named path in messages,
// as LoadFile reads a file: a caller that must control how the file is
// opened (a server reading only inside its folder) reads it itself.
func Parse(path string, data []byte) (*Library, error) {
	// Each reader checks the text itself: BibTeX accepts Windows-1252,
	// JSON does not.
	looksJSON := startsLikeJSON(data)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".bib", ".bibtex":
		if looksJSON && !bytes.Contains(data, []byte("@")) {
			return nil, newError(path, diag.Pos{Line: 1, Col: 1}, "file has a BibTeX extension but holds JSON; name it .json to read it as CSL-JSON")
		}
		return ParseBibTeX(path, data)
	case ".json":
		if !looksJSON {
			return nil, newError(path, diag.Pos{Line: 1, Col: 1}, "file has a .json extension but is not JSON; a CSL-JSON bibliography is an array of items")
		}
		return ParseCSLJSON(path, data)
	}
	if looksJSON {
		return ParseCSLJSON(path, data)
	}
	if bytes.Contains(data, []byte("@")) {
		return ParseBibTeX(path, data)
	}
	return nil, newError(path, diag.Pos{}, "not a bibliography: expected BibTeX (.bib) or CSL-JSON (.json)")
}

func unwrapPathError(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// startsLikeJSON reports whether the first non-space byte opens a JSON
// array or object.
func startsLikeJSON(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	t = bytes.TrimPrefix(t, []byte("\ufeff"))
	return len(t) > 0 && (t[0] == '[' || t[0] == '{')
}

// checkText rejects binary files and invalid UTF-8 with the position of the
// first bad byte, since decoding them would print mojibake in references.
func checkText(file string, data []byte) *diag.Error {
	pos, what, found := diag.NotText(data)
	switch {
	case !found:
		return nil
	case what == "NUL byte":
		return newError(file, pos, "not a text file (NUL byte)")
	}
	return newError(file, pos, "invalid UTF-8; save the bibliography as UTF-8")
}

// decodeText returns a bibliography's text as UTF-8. Many older .bib files
// are Latin-1 or Windows-1252 (TeX Live's own samples among them): a file
// that is not valid UTF-8 is decoded as Windows-1252, a superset of the
// printable Latin-1, and the returned warning says so at the first byte that
// is not UTF-8, since a file in another encoding would decode wrongly.
func decodeText(file string, data []byte) ([]byte, *diag.Problem, *diag.Error) {
	if utf8.Valid(data) {
		return data, nil, checkText(file, data)
	}
	line, col := 1, 1
	bad := byte(0)
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			bad = data[i]
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += n
	}
	decoded, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return nil, nil, newError(file, diag.Pos{Line: line, Col: col}, "invalid UTF-8; save the bibliography as UTF-8")
	}
	if e := checkText(file, decoded); e != nil {
		return nil, nil, e
	}
	return decoded, &diag.Problem{
		File: file, Pos: diag.Pos{Line: line, Col: col}, Severity: diag.SeverityWarning,
		Message: fmt.Sprintf("not UTF-8 (byte 0x%02X): read as Windows-1252 (Latin-1); save the bibliography as UTF-8 to be sure of its characters", bad),
	}, nil
}

func newError(file string, pos diag.Pos, format string, args ...any) *diag.Error {
	return &diag.Error{Problem: diag.Problem{File: file, Pos: pos, Severity: diag.SeverityError, Message: fmt.Sprintf(format, args...)}}
}
