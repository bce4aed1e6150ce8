package exporter

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/scholargate/topicdeck/bib"
	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/internal/regularfile"
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
	g := glossary.Build(entries, glossary.Options{
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

// EntryExts are the file name extensions of entry files, as a directory
// argument is searched for them.
var EntryExts = []string{".md", ".markdown", ".json", ".yaml", ".yml", ".txt"}

// LoadEntries reads the entries that args name: a file is one entry ("-"
// is standard input); a directory stands for every entry file directly in
// it, sorted by name. Sub-directories are not searched, so a course folder
// can keep drafts, assets or archived versions in folders of their own.
// A file in a directory that an entry names as its bibliography (a
// CSL-JSON .json) is not an entry and is passed over, and so is anything
// in a directory but a regular file (a named pipe, a device), with one
// warning each. The first entry that cannot be read is the error, with
// its file, line and column.
func LoadEntries(args []string, opt topic.Options) ([]*topic.Entry, []string, error) {
	type file struct {
		path    string
		fromDir bool
	}
	var files []file
	var warnings []string
	seen := map[string]bool{}
	for _, a := range args {
		st, err := os.Stat(a)
		if a == "-" || err != nil || !st.IsDir() {
			// Let the reader report a missing or unreadable file.
			if !seen[filepath.Clean(a)] {
				seen[filepath.Clean(a)] = true
				files = append(files, file{path: a})
			}
			continue
		}
		names, skipped, err := entryFiles(a)
		if err != nil {
			return nil, nil, err
		}
		warnings = append(warnings, skipped...)
		if len(names) == 0 {
			return nil, nil, &diag.Error{Problem: diag.Problem{File: a, Message: "directory holds no entry files (" + strings.Join(EntryExts, " ") + ")"}}
		}
		for _, n := range names {
			if !seen[filepath.Clean(n)] {
				seen[filepath.Clean(n)] = true
				files = append(files, file{path: n, fromDir: true})
			}
		}
	}
	entries := make([]*topic.Entry, len(files))
	errs := make([]error, len(files))
	bibs := map[string]bool{}
	for i, f := range files {
		if f.fromDir {
			entries[i], errs[i] = readListed(f.path, opt)
		} else {
			entries[i], errs[i] = topic.ReadFile(f.path, opt)
		}
		if errs[i] == nil && entries[i].Bibliography != "" {
			bibs[filepath.Clean(bib.EntryBibliographyPath(entries[i]))] = true
		}
	}
	var out []*topic.Entry
	for i, f := range files {
		if errs[i] != nil {
			if f.fromDir && bibs[filepath.Clean(f.path)] {
				continue
			}
			return nil, nil, errs[i]
		}
		out = append(out, entries[i])
	}
	return out, warnings, nil
}

// readListed reads an entry file that a directory listing found: only a
// regular file, opened without blocking and read no further than the size
// limit, since a folder can hold a named pipe or a link to a device under
// an entry's name.
func readListed(path string, opt topic.Options) (*topic.Entry, error) {
	data, err := readEntryBytes(path, opt)
	if err != nil {
		return nil, err
	}
	return topic.Read(path, data, opt)
}

// readEntryBytes reads an entry file's bytes as readListed does.
func readEntryBytes(path string, opt topic.Options) ([]byte, error) {
	limit := opt.MaxSize
	if limit <= 0 {
		limit = topic.DefaultMaxSize
	}
	data, _, err := regularfile.Read(path, limit)
	if errors.Is(err, regularfile.ErrTooLarge) {
		// The reader words this one, naming the limit and the flag.
		_, err = topic.ReadFile(path, opt)
		return nil, err
	}
	if err != nil {
		return nil, &diag.Error{Problem: diag.Problem{File: path, Message: "cannot read file: " + err.Error()}}
	}
	return data, nil
}

// entryFiles lists the entry files directly in dir, sorted, leaving out
// hidden files (editor back-ups, .DS_Store) and, with one warning each,
// files with an entry's name that are not regular files: a named pipe
// would block the reader, a link to /dev/zero would fill the memory.
func entryFiles(dir string) ([]string, []string, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the message starts with the directory already
		}
		return nil, nil, &diag.Error{Problem: diag.Problem{File: dir, Message: "cannot read directory: " + err.Error()}}
	}
	var out, skipped []string
	for _, de := range des {
		name := de.Name()
		if de.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		ext := strings.ToLower(filepath.Ext(name))
		if !slices.Contains(EntryExts, ext) {
			continue
		}
		path := filepath.Join(dir, name)
		// Stat follows a link and does not open the file, so it
		// cannot block.
		if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
			skipped = append(skipped, fmt.Sprintf("%s: not a regular file (%s); skipped", path, st.Mode().Type()))
			continue
		}
		out = append(out, path)
	}
	sort.Strings(out)
	return out, skipped, nil
}
