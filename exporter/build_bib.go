package exporter

import (
	"slices"
	"strings"
	"sync"

	"github.com/scholargate/topicdeck/bib"
	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/topic"
)

// bibliographies is a build's bib.LoadFor, each set of files read and
// parsed once. A course's entries usually share one bibliography, and
// each entry's deck and handouts resolve their seminal works through it:
// read for each, a 1,000-entry build parsed the same file 3,000 times.
// A library is only looked up once loaded, so the workers share it.
type bibliographies struct {
	mu   sync.Mutex
	libs map[string]loadedLibrary
}

// loadedLibrary is what bib.LoadFor gave for one set of files.
type loadedLibrary struct {
	lib      *bib.Library
	problems []diag.Problem
}

// load is bib.LoadFor(e, extra), from the cache when the same files were
// loaded before. Errors are not kept: their message names the entry that
// asked, and each entry that asks reports its own.
func (c *bibliographies) load(e *topic.Entry, extra []string) (*bib.Library, []diag.Problem, error) {
	var paths []string
	if e.Bibliography != "" {
		paths = append(paths, bib.EntryBibliographyPath(e))
	}
	// A path holds no NUL byte, so the joined list names one set of files.
	key := strings.Join(append(paths, extra...), "\x00")
	c.mu.Lock()
	l, ok := c.libs[key]
	c.mu.Unlock()
	if !ok {
		lib, problems, err := bib.LoadFor(e, extra)
		if err != nil {
			return nil, nil, err
		}
		l = loadedLibrary{lib: lib, problems: problems}
		c.mu.Lock()
		if c.libs == nil {
			c.libs = map[string]loadedLibrary{}
		}
		c.libs[key] = l
		c.mu.Unlock()
	}
	// Clipped, so a caller that appends to the problems copies them.
	return l.lib, slices.Clip(l.problems), nil
}
