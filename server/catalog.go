package server

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/scholargate/topicdeck/bib"
	"github.com/scholargate/topicdeck/exporter"
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
	c := &catalog{dir: dir, interval: interval, log: log, files: map[string]*loaded{}}
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
		if de.IsDir() || strings.HasPrefix(name, ".") || !isEntryFile(name) {
			continue
		}
		path := filepath.Join(c.dir, name)
		seen[path] = true
		if old, ok := c.files[path]; ok && !depsChanged(old.deps) {
			continue
		}
		c.files[path] = readTopic(path)
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

func isEntryFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, x := range exporter.EntryExts {
		if ext == x {
			return true
		}
	}
	return false
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

// readTopic reads one entry file and the bibliography it names. The file
// is stat-ed before it is read, so a write racing the read leaves a state
// that differs from the file's next one and the file is read again.
func readTopic(path string) *loaded {
	l := &loaded{deps: map[string]fileState{}}
	st, err := os.Stat(path)
	if err != nil {
		l.err = &topic.Error{Problem: topic.Problem{File: path, Message: "cannot read file: " + errors.Unwrap(err).Error()}}
		return l
	}
	l.deps[path] = fileState{st.Size(), st.ModTime()}
	data, err := os.ReadFile(path)
	if err != nil {
		l.err = &topic.Error{Problem: topic.Problem{File: path, Message: "cannot read file: " + errors.Unwrap(err).Error()}}
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
			if b, err := os.ReadFile(bp); err == nil {
				h.Write([]byte{0})
				h.Write(b)
			}
		}
	}
	l.topic = &servedTopic{Entry: e, Hash: hex.EncodeToString(h.Sum(nil)), file: path}
	return l
}

// build makes a snapshot of the files as last read. A file that failed to
// read but is some entry's bibliography (a CSL-JSON .json) is not an entry
// and is passed over, as exporter.LoadEntries does; when two files claim
// one slug the first by name wins and the other is reported.
func (c *catalog) build() *snapshot {
	paths := make([]string, 0, len(c.files))
	bibs := map[string]bool{}
	for path, l := range c.files {
		paths = append(paths, path)
		if l.topic != nil && l.topic.Entry.Bibliography != "" {
			bibs[filepath.Clean(bib.EntryBibliographyPath(l.topic.Entry))] = true
		}
	}
	sort.Strings(paths)
	s := &snapshot{bySlug: map[string]*servedTopic{}}
	for _, path := range paths {
		l := c.files[path]
		if l.topic == nil {
			if !bibs[filepath.Clean(path)] {
				s.problems = append(s.problems, l.err.Error())
			}
			continue
		}
		slug := l.topic.Slug()
		if slug == "" {
			s.problems = append(s.problems, fmt.Sprintf("%s: error: the title has no letters or digits to make a slug of; add a slug", path))
			continue
		}
		if other, dup := s.bySlug[slug]; dup {
			s.problems = append(s.problems, fmt.Sprintf("%s: error: slug %q is already used by %s; this file is not served", path, slug, other.file))
			continue
		}
		s.bySlug[slug] = l.topic
		s.topics = append(s.topics, l.topic)
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
		c.log.Warn("entry not served", "problem", p)
		s.problems[i] = strings.ReplaceAll(p, prefix, "")
	}
	return s
}

// entries returns the snapshot's entries in page order.
func (s *snapshot) entries() []*topic.Entry {
	out := make([]*topic.Entry, len(s.topics))
	for i, t := range s.topics {
		out[i] = t.Entry
	}
	return out
}
