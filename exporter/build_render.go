package exporter

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/pdfdraw"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/topic"
)

// rendered is the outcome of rendering one entry.
type rendered struct {
	s        *source
	record   *ManifestEntry
	written  []string
	warnings []string
	err      error
}

// render builds the changed entries on the workers, reporting each as it
// finishes.
func (b *builder) render() {
	var todo []*source
	for _, s := range b.sources {
		if s.inShard && !s.ignored && s.err == nil && !s.unchanged {
			todo = append(todo, s)
		}
	}
	results := make(chan rendered)
	go func() {
		b.parallel(len(todo), func(i int) {
			results <- b.renderEntry(todo[i])
		})
		close(results)
	}()
	for r := range results {
		if r.err != nil {
			b.fail(r.s, r.err)
			continue
		}
		r.s.record = r.record
		b.report.Built++
		b.report.Artifacts += len(r.written)
		b.report.Warnings = append(b.report.Warnings, r.warnings...)
		b.emit(BuildEvent{Path: r.s.path, Slug: r.s.slug, Status: Built, Artifacts: r.written, Warnings: r.warnings})
	}
	// Failed entries keep their last record; the warnings are sorted so the
	// report does not depend on the order the workers finished in.
	sort.Strings(b.report.Warnings)
	for _, s := range b.sources {
		if s.inShard && !s.ignored && s.record != nil {
			b.next.Entries[s.key] = s.record
		}
	}
}

// artifactFile is an artifact rendered in memory: an entry's files are
// written only once all of them have been made, so a failing handout never
// leaves a new deck beside old handouts.
type artifactFile struct {
	name   string
	layout string
	data   bytes.Buffer
}

// renderEntry makes one entry's artifacts and writes them.
func (b *builder) renderEntry(s *source) rendered {
	e, err := b.load(s)
	if err != nil {
		return rendered{s: s, err: err}
	}
	o := b.opt
	r := rendered{s: s}
	warn := func(what string, ws []string) {
		for _, w := range ws {
			r.warnings = append(r.warnings, fmt.Sprintf("%s: %s: %s", s.path, what, w))
		}
	}
	files := make([]*artifactFile, 0, 1+len(b.handouts))
	deck := &artifactFile{name: ArtifactFile(s.slug, SlidesArtifact, "", FormatPDF), layout: o.Layout}
	// The deck is planned once and handed to the handouts that show it,
	// which would otherwise plan it again each.
	sopt := SlideOptions{Layout: o.Layout, ArtifactOptions: o.ArtifactOptions}
	ready, refWarnings, err := prepareSlides(e, sopt, b.libraries.load)
	var doc *plan.Document
	var set *fonts.Set
	if err == nil {
		doc, set, err = planPrepared(context.Background(), ready, sopt)
	}
	pdf, pptx := deckFormats(o.Formats)
	if err == nil && pdf {
		err = pdfdraw.Write(&deck.data, doc, set)
		files = append(files, deck)
	}
	if err == nil && pptx {
		f := &artifactFile{name: ArtifactFile(s.slug, SlidesArtifact, "", FormatPPTX), layout: o.Layout}
		err = writePPTX(context.Background(), &f.data, ready, doc, o.Lang)
		files = append(files, f)
	}
	if err != nil {
		return rendered{s: s, err: entryError(s.path, "slides ("+o.Layout+")", err)}
	}
	warn("slides", append(refWarnings, MissingWarnings(doc)...))
	for _, h := range b.handouts {
		f := &artifactFile{name: HandoutFileName(&topic.Entry{Slug: s.slug}, h), layout: h}
		// The handouts show the entry as the deck does (references
		// resolved, pictures read), so it is prepared once for all, with
		// the same warnings a Handout call would give.
		res, err := handoutPrepared(ready, slices.Clip(refWarnings), HandoutOptions{
			Layout: h, SlidesLayout: o.Layout, Paper: o.Paper, Order: o.Order,
			ArtifactOptions: o.ArtifactOptions, Deck: doc,
		}, &f.data)
		if err != nil {
			return rendered{s: s, err: entryError(s.path, "handout "+h, err)}
		}
		warn("handout "+h, res.Warnings)
		files = append(files, f)
	}
	dir := filepath.Join(b.out, s.slug)
	// A folder this build has just made is empty: its files are written
	// without first looking at what is there (writeNew).
	fresh := os.Mkdir(dir, 0o755) == nil
	if !fresh {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return rendered{s: s, err: entryError(s.path, "output", err)}
		}
	}
	rec := &ManifestEntry{Slug: s.slug, Source: s.hash, Deps: s.deps, Inputs: s.inputs}
	for _, f := range files {
		rel := s.slug + "/" + f.name
		path, wrote, err := filepath.Join(dir, f.name), true, error(nil)
		if fresh {
			err = writeNew(path, f.data.Bytes())
		} else {
			wrote, err = writeIfChanged(path, f.data.Bytes())
		}
		if err != nil {
			return rendered{s: s, err: entryError(s.path, "output", err)}
		}
		if wrote {
			r.written = append(r.written, rel)
		}
		rec.Artifacts = append(rec.Artifacts, Artifact{Path: rel, Layout: f.layout, Size: int64(f.data.Len()), SHA256: sum(f.data.Bytes())})
	}
	r.record = rec
	return r
}

// handoutPrepared is Handout for an entry prepareSlides has made ready,
// whose preparing gave warnings.
func handoutPrepared(e *topic.Entry, warnings []string, opt HandoutOptions, w io.Writer) (Result, error) {
	hp, err := newHandoutPlanner(opt)
	if err != nil {
		return Result{}, err
	}
	// The deck is opt.Deck, so it is never planned from e again.
	doc, set, err := hp.plan(context.Background(), e, e, opt)
	if err != nil {
		return Result{}, err
	}
	return draw(context.Background(), w, doc, set, warnings)
}

// writeIfChanged writes data atomically unless the file already holds
// exactly these bytes, so a forced rebuild of unchanged output leaves
// modification times (and rsync, make, caches) alone.
func writeIfChanged(path string, data []byte) (bool, error) {
	if st, err := os.Stat(path); err == nil && st.Size() == int64(len(data)) {
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
			return false, nil
		}
	}
	return true, WriteFile(path, nil, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// entryError names the entry file in an error that does not already.
func entryError(path, what string, err error) error {
	var te *diag.Error
	if errors.As(err, &te) && te.File != "" {
		return err
	}
	return &diag.Error{Problem: diag.Problem{File: path, Severity: diag.SeverityError, Message: what + ": " + err.Error()}}
}
