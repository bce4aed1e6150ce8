package exporter

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// prune removes the files the last build made that this one does not: the
// artifacts of removed entries, of a changed slug or a dropped handout, and
// folders left empty.
func (b *builder) prune() {
	keep := map[string]bool{}
	for _, r := range b.next.Entries {
		for _, a := range r.Artifacts {
			keep[a.Path] = true
		}
	}
	if b.next.Glossary != nil {
		keep[b.next.Glossary.Path] = true
	}
	var stale []string
	for _, r := range b.prev.Entries {
		for _, a := range r.Artifacts {
			if !keep[a.Path] {
				stale = append(stale, a.Path)
			}
		}
	}
	if g := b.prev.Glossary; g != nil && !keep[g.Path] {
		stale = append(stale, g.Path)
	}
	sort.Strings(stale)
	for _, rel := range stale {
		// Only ever inside the output folder, whatever the manifest says.
		if !filepath.IsLocal(filepath.FromSlash(rel)) {
			continue
		}
		p := filepath.Join(b.out, filepath.FromSlash(rel))
		if err := os.Remove(p); err == nil {
			b.report.Removed = append(b.report.Removed, p)
		} else if !os.IsNotExist(err) {
			b.report.Warnings = append(b.report.Warnings, fmt.Sprintf("cannot remove %s: %v", p, err))
		}
		if dir := filepath.Dir(p); dir != filepath.Clean(b.out) {
			os.Remove(dir) // fails, as it should, while the folder holds anything
		}
	}
}
