package exporter

import (
	"strings"

	"github.com/scholargate/topicdeck/bib"
	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/topic"
)

// WithReferences returns a copy of e whose seminal works are printable
// references: citation keys resolved through the entry's bibliography and
// the extra files (--bib) into APA 7 text with DOI links, unresolved keys
// in a readable fallback form, free text as written. Every layout then
// shows full references without knowing about bibliographies. The
// warnings name each key no bibliography resolves.
func WithReferences(e *topic.Entry, extra []string) (*topic.Entry, []string, error) {
	return withReferences(e, extra, bib.LoadFor)
}

// libraryLoader reads the bibliographies an entry's seminal works resolve
// through, its own and the extra files: bib.LoadFor, or a build's cache of
// it (bibliographies).
type libraryLoader func(e *topic.Entry, extra []string) (*bib.Library, []diag.Problem, error)

// withReferences is WithReferences with the bibliographies read by load.
func withReferences(e *topic.Entry, extra []string, load libraryLoader) (*topic.Entry, []string, error) {
	if len(e.SeminalWorks) == 0 {
		return e, nil, nil
	}
	lib, ps, err := load(e, extra)
	if err != nil {
		return nil, nil, err
	}
	warnings := problemWarnings(ps)
	refs, ps := bib.Resolve(e, lib)
	warnings = append(warnings, problemWarnings(ps)...)
	out := *e
	out.SeminalWorks = make([]topic.Item, len(e.SeminalWorks))
	for i, it := range e.SeminalWorks {
		it.Text = refs[i].Text
		out.SeminalWorks[i] = it
	}
	return &out, warnings, nil
}

// ReferenceProblems returns the warnings validate prints for an entry's
// seminal works: keys no bibliography resolves, unreadable bibliography
// entries, duplicate keys.
func ReferenceProblems(e *topic.Entry, extra []string) ([]diag.Problem, error) {
	if len(e.SeminalWorks) == 0 && len(extra) == 0 {
		return nil, nil
	}
	lib, ps, err := bib.LoadFor(e, extra)
	if err != nil {
		return nil, err
	}
	// Every unresolved key gets its own line, even when no bibliography
	// was given at all: the author needs the keys to write one.
	_, unresolved := bib.Resolve(e, lib)
	return append(ps, unresolved...), nil
}

// problemWarnings words problems as CLI warnings, file:line:col first;
// the CLI adds "warning:" itself.
func problemWarnings(ps []diag.Problem) []string {
	var out []string
	for _, p := range ps {
		p.Severity = diag.SeverityWarning
		out = append(out, strings.Replace(p.String(), ": warning: ", ": ", 1))
	}
	return out
}
