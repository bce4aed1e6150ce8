package server

import (
	"github.com/scholargate/topicdeck/diag"
	"hash"
	"os"
	"path/filepath"

	"github.com/scholargate/topicdeck/figure"
	"github.com/scholargate/topicdeck/topic"
)

// loadFigures reads the pictures of the entry at name (relative to the
// served folder) through the folder's os.Root, from the entry's own
// folder inside it: nothing a render does later opens a file the entry
// names. Each picture's path becomes a dependency, so that a changed
// picture reloads the entry, and its bytes go into the entry's hash, so
// that no cached render shows the old one. It returns the entry with its
// pictures and the warnings for those not shown.
func (c *catalog) loadFigures(e *topic.Entry, name string, l *loaded, h hash.Hash) (*topic.Entry, []string) {
	if !topic.HasFigures(e) {
		return e, nil
	}
	dir := filepath.Dir(name)
	root := c.root
	var probs []diag.Problem
	if dir != "." {
		sub, err := c.root.OpenRoot(dir)
		if err != nil {
			// The entry was just read from there: only a race gets here.
			return e, []string{e.Source + ": warning: its pictures are not shown: its folder cannot be opened"}
		}
		defer sub.Close()
		root = sub
	}
	e, probs = figure.LoadIn(e, root)
	topic.EachFigure(e, func(bl *topic.Block) {
		h.Write([]byte{0})
		if rel := filepath.FromSlash(bl.Src); filepath.IsLocal(rel) {
			// Only names inside the folder: the server does not even
			// look at a file outside it.
			p := filepath.Join(c.dir, dir, rel)
			l.deps[p] = fileState{}
			if st, err := os.Stat(p); err == nil {
				l.deps[p] = fileState{st.Size(), st.ModTime()}
			}
		}
		h.Write(bl.Picture.Data)
	})
	var out []string
	for _, p := range probs {
		out = append(out, p.String())
	}
	return e, out
}
