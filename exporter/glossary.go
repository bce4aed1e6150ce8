package exporter

import (
	"fmt"
	"io"
	"path/filepath"
	"sync"

	"github.com/scholargate/topicdeck/bib"
	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/topic"
)

// GlossaryOptions are the choices for a glossary. Empty fields take the
// defaults: a workbook, the entries' common language, a title from the
// entries.
type GlossaryOptions struct {
	Format glossary.Format // xlsx (default), csv, tsv, anki or moodle
	Lang   string          // course language for sorting and labels, overriding the entries'
	Title  string          // the glossary's name (workbook title, Moodle glossary name)
	BOM    bool            // start CSV/TSV with a UTF-8 byte order mark, for Excel
	// Bib lists bibliography files (BibTeX or CSL-JSON) merged after each
	// entry's own bibliography, to format the References sheet.
	Bib []string
}

// Glossary merges the vocabulary of the entries (one topic, or a whole
// course) and writes it to w in the chosen format. The warnings name what
// a reader should know but that did not stop the export: unresolved
// citation keys, terms a format had to leave out.
func Glossary(entries []*topic.Entry, opt GlossaryOptions, w io.Writer) ([]string, error) {
	if len(entries) == 0 {
		return nil, fmt.Errorf("no entries to make a glossary of")
	}
	if _, err := SourceDateEpoch(); err != nil {
		return nil, err
	}
	format := opt.Format
	if format == "" {
		format = glossary.XLSX
	}
	if _, err := glossary.ParseFormat(string(format)); err != nil {
		return nil, err
	}
	refs, warnings, err := newGlossaryRefs(opt.Bib)
	if err != nil {
		return nil, err
	}
	works := make(map[*topic.Entry][]glossary.Reference, len(entries))
	for _, e := range entries {
		ws, more, err := refs.of(e)
		if err != nil {
			return nil, err
		}
		works[e] = ws
		warnings = append(warnings, more...)
		warnings = append(warnings, problemWarnings(topic.UnsafeLinks(e))...)
	}
	g := glossary.FromEntries(entries, glossary.Options{
		Lang:       opt.Lang,
		Title:      opt.Title,
		References: func(e *topic.Entry) []glossary.Reference { return works[e] },
	})
	more, err := encodeGlossary(g, opt, w)
	return append(warnings, more...), err
}

// encodeGlossary writes g in opt's format (a workbook by default).
func encodeGlossary(g *glossary.Glossary, opt GlossaryOptions, w io.Writer) ([]string, error) {
	format := opt.Format
	if format == "" {
		format = glossary.XLSX
	}
	return g.Write(w, glossary.WriteOptions{Format: format, BOM: opt.BOM, Creator: Creator, Time: DocumentTime()})
}

// glossaryRefs formats entries' seminal works for a glossary. A course's
// entries often share one bibliography file: it is read and merged once,
// and its warnings are reported once. It is safe for concurrent use, so a
// build's workers can each digest their entries.
type glossaryRefs struct {
	shared *bib.Library
	mu     sync.Mutex
	libs   map[string]*bib.Library
}

// newGlossaryRefs reads the extra (course) bibliography files, once.
func newGlossaryRefs(extra []string) (*glossaryRefs, []string, error) {
	shared, ps, err := bib.LoadFor(&topic.Entry{}, extra)
	if err != nil {
		return nil, nil, err
	}
	return &glossaryRefs{shared: shared, libs: map[string]*bib.Library{}}, problemWarnings(ps), nil
}

// of returns e's seminal works as the glossary shows them, and warnings:
// keys that did not resolve, and the problems of a bibliography file read
// for the first time.
func (g *glossaryRefs) of(e *topic.Entry) ([]glossary.Reference, []string, error) {
	if len(e.SeminalWorks) == 0 {
		return nil, nil, nil
	}
	var warnings []string
	lib := g.shared
	if e.Bibliography != "" {
		var err error
		if lib, warnings, err = g.library(e); err != nil {
			return nil, nil, err
		}
	}
	resolved, ps := bib.Resolve(e, lib)
	warnings = append(warnings, problemWarnings(ps)...)
	var out []glossary.Reference
	for _, r := range resolved {
		gr := glossary.Reference{Text: r.Text, DOI: glossary.FindDOI(r.Text.Plain())}
		if r.IsKey {
			gr.Key = r.Key
		}
		for _, run := range r.Text {
			if run.URL == "" {
				continue
			}
			if gr.DOI == "" {
				gr.DOI = glossary.FindDOI(run.URL)
			}
			if gr.URL == "" {
				gr.URL = run.URL
			}
		}
		out = append(out, gr)
	}
	return out, warnings, nil
}

// library returns e's own bibliography merged with the shared one,
// reading it the first time it is named.
func (g *glossaryRefs) library(e *topic.Entry) (*bib.Library, []string, error) {
	path := filepath.Clean(bib.EntryBibliographyPath(e))
	g.mu.Lock()
	defer g.mu.Unlock()
	if own, ok := g.libs[path]; ok {
		return own, nil, nil
	}
	own, ps, err := bib.LoadFor(e, nil)
	if err != nil {
		return nil, nil, err
	}
	ps = append(ps, own.Merge(g.shared)...)
	g.libs[path] = own
	return own, problemWarnings(ps), nil
}
