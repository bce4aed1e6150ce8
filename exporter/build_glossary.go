package exporter

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/scholargate/topicdeck/glossary"
)

// glossary starts the course glossary of every readable entry, in path
// order, when any of them changed, and returns a func that waits for it
// and records the outcome. In a sharded build only shard 0 makes it, from
// all entries, so it is the same as an unsharded build's.
func (b *builder) glossary() (finish func()) {
	// The sources let go of their glossary parts whatever happens here:
	// the glossary has its own list, and an unneeded part is garbage.
	defer func() {
		for _, s := range b.sources {
			s.glossaryPart, s.glossaryWarnings = nil, nil
		}
	}()
	none := func() {}
	if b.opt.Shard.Count > 1 && b.opt.Shard.Index != 0 {
		return none
	}
	var in []*source
	for _, s := range b.sources {
		if s.err == nil && !s.ignored {
			in = append(in, s)
		}
	}
	if len(in) == 0 {
		return none
	}
	var h strings.Builder
	fmt.Fprintf(&h, "%s\n%d\n%s\n%s\n", Version, DocumentTime().Unix(), b.opt.Lang, b.opt.Course)
	for _, p := range b.opt.Bib {
		fmt.Fprintf(&h, "bib %s=%s\n", p, b.files.get(p))
	}
	rec := &ManifestGlossary{Path: CourseGlossaryFile}
	for _, s := range in {
		fmt.Fprintf(&h, "%s %s\n", s.key, s.hash)
		for _, d := range s.deps {
			fmt.Fprintf(&h, "  %s=%s\n", d, b.files.get(d))
		}
		rec.Entries = append(rec.Entries, s.key)
	}
	rec.Inputs = sum([]byte(h.String()))
	if p := b.prev.Glossary; p != nil && !b.opt.Force && p.Inputs == rec.Inputs &&
		artifactsPresent(b.out, []Artifact{{Path: p.Path, Size: p.Size}}) {
		b.next.Glossary = p
		return none
	}
	path := filepath.Join(b.out, CourseGlossaryFile)
	if b.refsErr != nil {
		return func() {
			b.report.Failures = append(b.report.Failures, entryError(path, "course glossary", b.refsErr))
			b.next.Glossary = b.prev.Glossary // keep the last good one
		}
	}
	// Entries scan did not parse (unchanged ones) are read for their
	// glossary part only.
	b.parallel(len(in), func(i int) {
		s := in[i]
		if s.glossaryPart != nil {
			return
		}
		e, err := b.load(s)
		if err != nil {
			s.glossaryWarnings = []string{err.Error() + " (left out of the course glossary)"}
			return
		}
		b.keepGlossaryPart(s, e)
	})
	var (
		parts    []*glossary.Digest
		warnings = slices.Clone(b.refsWarnings)
	)
	for _, s := range in {
		warnings = append(warnings, s.glossaryWarnings...)
		if s.glossaryPart != nil {
			parts = append(parts, s.glossaryPart)
		}
	}
	var (
		wrote bool
		err   error
		buf   bytes.Buffer
		done  = make(chan struct{})
	)
	go func() {
		defer close(done)
		if len(parts) == 0 {
			err = errors.New("no entries to make a glossary of")
			return
		}
		g := glossary.Merge(parts, glossary.Options{Lang: b.opt.Lang, Title: b.opt.Course})
		var more []string
		more, err = encodeGlossary(g, GlossaryOptions{}, &buf)
		warnings = append(warnings, more...)
		if err == nil {
			wrote, err = writeIfChanged(path, buf.Bytes())
		}
	}()
	return func() {
		<-done
		// Which entry first read a shared bibliography (and so carries its
		// warnings) depends on the workers: sorted, the report does not.
		sort.Strings(warnings)
		b.report.Warnings = append(b.report.Warnings, warnings...)
		if err != nil {
			b.report.Failures = append(b.report.Failures, entryError(path, "course glossary", err))
			b.next.Glossary = b.prev.Glossary // keep the last good one
			return
		}
		if wrote {
			b.report.Artifacts++
			b.report.Glossary = path
		}
		rec.Size, rec.SHA256 = int64(buf.Len()), sum(buf.Bytes())
		b.next.Glossary = rec
	}
}
