package server

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/scholargate/topicdeck/bib"
	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/internal/regularfile"
	"github.com/scholargate/topicdeck/topic"
)

// servedTopic is one loaded entry as the server serves it.
type servedTopic struct {
	Entry *topic.Entry
	// Hash is the SHA-256 of the entry file and of its bibliography file,
	// so a cache key built from it changes whenever either file does.
	Hash string
	file string
}

// Slug is the topic's name in URLs.
func (t *servedTopic) Slug() string { return t.Entry.SlugOrDefault() }

// fileState is what a rescan compares to notice a changed file without
// reading it: size and modification time.
type fileState struct {
	size  int64
	mtime time.Time
}

// loaded is one entry file as last read, with the states of the files it
// was read from, so a rescan knows when to read it again.
type loaded struct {
	deps  map[string]fileState
	topic *servedTopic // nil when the file could not be read
	err   error
	// warnings did not stop the entry being served (a bibliography
	// outside the folder); they are logged once, when the file is read.
	warnings []string
	// bibPath is the bibliography the entry named, which is no entry
	// itself even when it fails to read as one.
	bibPath string
	// logged is set once the problem of a file that cannot be served is
	// logged, so that it is logged once however often snapshots change.
	logged bool
}

// snapshot is an immutable view of the folder: readers take it without a
// lock while a rescan builds the next one.
type snapshot struct {
	topics   []*servedTopic          // sorted by title
	bySlug   map[string]*servedTopic // the only way a request reaches an entry
	problems []string                // files that could not be read, one message each
	hash     string                  // of every topic's hash, for the all-topics glossary
}

// catalog is the folder of entries. It rereads a file only when its size
// or modification time changed, and notices new and removed files, at most
// once per interval so a burst of requests costs one directory listing.
type catalog struct {
	dir      string
	root     *os.Root // dir, which every file read goes through
	loader   exporter.EntryLoader
	interval time.Duration
	log      *slog.Logger

	snap atomic.Pointer[snapshot]

	mu      sync.Mutex // held by the one rescan running; guards files
	files   map[string]*loaded
	scanned atomic.Int64 // when the last rescan ended, in Unix nanoseconds
}

func newCatalog(dir string, interval time.Duration, log *slog.Logger) (*catalog, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot serve %s: %w", dir, errors.Unwrap(err))
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("cannot serve %s: not a directory", dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot serve %s: %w", dir, errors.Unwrap(err))
	}
	c := &catalog{dir: dir, root: root, interval: interval, log: log, files: map[string]*loaded{},
		loader: exporter.EntryLoader{Root: root, Slugs: true}}
	if err := c.rescan(); err != nil {
		return nil, err
	}
	return c, nil
}

// current returns the folder as it is now, rescanning first when the last
// scan is older than the interval. Only one request rescans; the others
// meanwhile get the last view rather than wait for the disk. A failed
// rescan keeps the last view too.
func (c *catalog) current() *snapshot {
	if time.Since(time.Unix(0, c.scanned.Load())) >= c.interval && c.mu.TryLock() {
		err := c.rescanLocked()
		c.mu.Unlock()
		if err != nil {
			c.log.Warn("rescan failed", "dir", c.dir, "err", err)
		}
	}
	return c.snap.Load()
}

// rescan lists the folder, rereads the entry files whose state changed
// and publishes a new snapshot.
func (c *catalog) rescan() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rescanLocked()
}

func (c *catalog) rescanLocked() error {
	des, err := os.ReadDir(c.dir)
	if err != nil {
		return fmt.Errorf("cannot read directory %s: %w", c.dir, errors.Unwrap(err))
	}
	seen := map[string]bool{}
	changed := c.snap.Load() == nil
	for _, de := range des {
		name := de.Name()
		if de.IsDir() || !exporter.IsEntryName(name) {
			continue
		}
		path := filepath.Join(c.dir, name)
		seen[path] = true
		if old, ok := c.files[path]; ok && !depsChanged(old.deps) {
			continue
		}
		l := c.readTopic(name)
		for _, w := range l.warnings {
			c.log.Warn("entry warning", "warning", w)
		}
		c.files[path] = l
		changed = true
	}
	for path := range c.files {
		if !seen[path] {
			delete(c.files, path)
			changed = true
		}
	}
	c.scanned.Store(time.Now().UnixNano())
	if changed {
		c.snap.Store(c.build())
	}
	return nil
}

// depsChanged reports whether any file an entry was read from has another
// size or modification time now, or is gone.
func depsChanged(deps map[string]fileState) bool {
	for path, was := range deps {
		st, err := os.Stat(path)
		if err != nil {
			if was != (fileState{}) {
				return true
			}
			continue
		}
		if st.Size() != was.size || !st.ModTime().Equal(was.mtime) {
			return true
		}
	}
	return false
}

// maxBibliography bounds a bibliography file the server reads. Course
// bibliographies run to a few megabytes; a file far beyond that is not
// one, or is a trap.
const maxBibliography = bib.MaxFileSize

// readTopic reads one entry file and the bibliography it names, both
// through the folder's os.Root: a name or symbolic link leading out of the
// folder is not followed. Only regular files of bounded size are read,
// opened without blocking, so a named pipe, a device or a sparse giant in
// the folder is one problem on the page, not a hung or starved server. The
// file is stat-ed before it is read, so a write racing the read leaves a
// state that differs from the file's next one and the file is read again.
//
// The entry's citation keys are resolved here, once, from the bytes read
// inside the folder, and the served entry names no bibliography: nothing
// a render does later opens a file an entry names.
func (c *catalog) readTopic(name string) *loaded {
	path := filepath.Join(c.dir, name)
	l := &loaded{deps: map[string]fileState{}}
	if st, err := os.Stat(path); err == nil {
		l.deps[path] = fileState{st.Size(), st.ModTime()}
	}
	data, err := c.loader.ReadBytes(path)
	if err != nil {
		l.err = err
		return l
	}
	e, err := topic.Read(path, data, topic.Options{})
	if err != nil {
		l.err = err
		return l
	}
	h := sha256.New()
	h.Write(data)
	if e.Bibliography != "" {
		bp := bib.EntryBibliographyPath(e)
		// A missing bibliography is recorded as the zero state, so the
		// entry is read again when the file appears.
		l.deps[bp] = fileState{}
		if bst, err := os.Stat(bp); err == nil {
			l.deps[bp] = fileState{bst.Size(), bst.ModTime()}
		}
		l.bibPath = bp
		sb, err := c.readBibliography(e, bp)
		if err != nil {
			l.err = err
			return l
		}
		h.Write([]byte{0})
		h.Write(sb.data)
		l.warnings = append(l.warnings, resolveServed(e, sb)...)
	}
	var figWarnings []string
	e, figWarnings = c.loadFigures(e, name, l, h)
	l.warnings = append(l.warnings, figWarnings...)
	// Artifacts name their source file (the glossary's sources sheet):
	// by its name in the folder, not by where the server keeps it.
	e.Source = name
	l.topic = &servedTopic{Entry: e, Hash: hex.EncodeToString(h.Sum(nil)), file: path}
	return l
}

// servedBibliography is an entry's bibliography as read inside the folder.
type servedBibliography struct {
	lib  *bib.Library
	data []byte
	// outside is the warning for a bibliography that lies outside the
	// folder, or is missing, which is not read; lib and data are then nil.
	outside string
}

// readBibliography reads the bibliography at bp, which the entry e names,
// when it lies inside the folder. One outside is not read at all: that is
// a warning, and the entry's keys stay unresolved. One inside that cannot
// be read or is not a bibliography is the entry's error.
func (c *catalog) readBibliography(e *topic.Entry, bp string) (*servedBibliography, error) {
	rel, ok := c.inside(bp)
	if !ok {
		return &servedBibliography{outside: fmt.Sprintf("%s: warning: bibliography %q is outside the served folder and is not read; its citation keys stay unresolved", e.Source, e.Bibliography)}, nil
	}
	data, _, err := regularfile.ReadIn(c.root, rel, maxBibliography)
	if errors.Is(err, fs.ErrNotExist) {
		// Not there (yet): served as without one, and read again when
		// the file appears.
		return &servedBibliography{outside: fmt.Sprintf("%s: warning: bibliography %q does not exist; its citation keys stay unresolved", e.Source, e.Bibliography)}, nil
	}
	if err != nil {
		return nil, &diag.Error{Problem: diag.Problem{File: bp, Message: fmt.Sprintf("cannot read bibliography: %v (bibliography of %s)", err, e.Source)}}
	}
	lib, err := bib.Parse(bp, data)
	if err != nil {
		return nil, err
	}
	return &servedBibliography{lib: lib, data: data}, nil
}

// inside returns path relative to the folder when it lies inside it, by
// name and after following symbolic links; os.Root refuses an escape by a
// link on opening as well, but this tells the two cases apart.
func (c *catalog) inside(path string) (string, bool) {
	dir, err := filepath.Abs(c.dir)
	if err != nil {
		return "", false
	}
	if path, err = filepath.Abs(path); err != nil {
		return "", false
	}
	rel, err := filepath.Rel(dir, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return rel, true // missing: the read reports it
	}
	realDir, err := filepath.EvalSymlinks(c.dir)
	if err != nil {
		return "", false
	}
	r, err := filepath.Rel(realDir, real)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

// resolveServed puts the printable references in place of e's seminal
// works and drops its bibliography, and returns the warnings to log.
func resolveServed(e *topic.Entry, sb *servedBibliography) []string {
	e.Bibliography = ""
	if sb.lib == nil {
		return []string{sb.outside}
	}
	var warnings []string
	for _, p := range sb.lib.Warnings() {
		warnings = append(warnings, p.String())
	}
	refs, ps := bib.Resolve(e, sb.lib)
	for _, p := range ps {
		warnings = append(warnings, p.String())
	}
	works := make([]topic.Item, len(e.SeminalWorks))
	for i, it := range e.SeminalWorks {
		it.Text = refs[i].Text
		works[i] = it
	}
	e.SeminalWorks = works
	return warnings
}

// build makes a snapshot of the files as last read, settled by the entry
// loader's rules as a build settles its entries: a file that failed to
// read but is some entry's bibliography (a CSL-JSON .json) is passed over,
// and a file whose title gives no slug, or whose slug a file before it by
// name has, is reported and not served.
func (c *catalog) build() *snapshot {
	paths := make([]string, 0, len(c.files))
	for path := range c.files {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	ms := make([]*exporter.Member, len(paths))
	for i, path := range paths {
		l := c.files[path]
		if l.topic == nil {
			ms[i] = &exporter.Member{Path: path, Err: l.err}
		} else {
			ms[i] = exporter.MemberOf(path, l.topic.Entry, nil)
		}
		ms[i].Bibliography = l.bibPath
	}
	c.loader.Settle(ms)
	s := &snapshot{bySlug: map[string]*servedTopic{}}
	for i, path := range paths {
		l, m := c.files[path], ms[i]
		switch {
		case m.Ignored:
		case m.Err != nil:
			s.problems = append(s.problems, c.logOnce(l, m.Err.Error()))
		default:
			s.bySlug[m.Slug] = l.topic
			s.topics = append(s.topics, l.topic)
		}
	}
	sort.SliceStable(s.topics, func(i, j int) bool {
		return strings.ToLower(s.topics[i].Entry.Title) < strings.ToLower(s.topics[j].Entry.Title)
	})
	h := sha256.New()
	for _, t := range s.topics {
		h.Write([]byte(t.Slug() + "\x00" + t.Hash + "\x00"))
	}
	s.hash = hex.EncodeToString(h.Sum(nil))
	// The log names the files in full; the page, which anyone who can
	// reach the server reads, names them within the folder only.
	prefix := filepath.Clean(c.dir) + string(filepath.Separator)
	for i, p := range s.problems {
		s.problems[i] = strings.ReplaceAll(p, prefix, "")
	}
	return s
}

// publicName is a file name as an answer may show it: relative to the
// served folder when inside it, else only its base name, so no answer
// tells where the server keeps its files.
func (c *catalog) publicName(path string) string {
	if path == "" {
		return ""
	}
	if rel, ok := c.inside(path); ok {
		return filepath.ToSlash(rel)
	}
	return filepath.Base(path)
}

// logOnce logs the problem of a file that is not served, the first time a
// snapshot lists it after the file was read, and returns it.
func (c *catalog) logOnce(l *loaded, problem string) string {
	if !l.logged {
		c.log.Warn("entry not served", "problem", problem)
		l.logged = true
	}
	return problem
}

// entries returns the snapshot's entries in page order.
func (s *snapshot) entries() []*topic.Entry {
	out := make([]*topic.Entry, len(s.topics))
	for i, t := range s.topics {
		out[i] = t.Entry
	}
	return out
}
