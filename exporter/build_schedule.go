package exporter

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/scholargate/topicdeck/bib"
	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/quiz"
	"github.com/scholargate/topicdeck/topic"
)

// parallel runs fn for 0..n-1 on the build's workers.
func (b *builder) parallel(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(b.jobs, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// scan reads and hashes every entry file and decides which are unchanged;
// only the changed ones are parsed (the slug of an unchanged one is in the
// manifest), which is what makes a no-change build quick. A parsed entry
// gives its glossary part at once and is dropped.
func (b *builder) scan() {
	b.parallel(len(b.sources), func(i int) {
		s := b.sources[i]
		data, err := b.loader.ReadBytes(s.path)
		if err != nil {
			s.err = err
			return
		}
		s.hash = sum(data)
		s.prev = b.prev.Entries[s.key]
		if p := s.prev; p != nil && !b.opt.Force && p.Source == s.hash && p.Slug != "" {
			s.slug, s.deps = p.Slug, p.Deps
			s.inputs = b.entryInputs(s.hash, s.deps)
			if s.inputs == p.Inputs && artifactsPresent(b.out, p.Artifacts) {
				s.unchanged = true
				return
			}
		}
		b.parse(s, data)
	})
}

// parse reads the entry in data: its slug, dependencies and inputs, and
// its glossary part when the build makes a glossary.
func (b *builder) parse(s *source, data []byte) {
	e, err := topic.Read(s.path, data, b.opt.Read)
	if err != nil {
		s.err = err
		return
	}
	s.slug = e.SlugOrDefault()
	s.deps = nil
	if e.Bibliography != "" {
		s.deps = []string{bib.EntryBibliographyPath(e)}
	}
	s.inputs = b.entryInputs(s.hash, s.deps)
	s.origin = e.SlugOrigin()
	if s.slug == "" {
		return // an error in assign; no glossary part
	}
	b.keepGlossaryPart(s, e)
}

// load reads a source's entry again. Its bytes must still be those scan
// hashed: artifacts of an entry edited while the build ran would not
// match the manifest's record of it.
func (b *builder) load(s *source) (*topic.Entry, error) {
	data, err := b.loader.ReadBytes(s.path)
	if err != nil {
		return nil, err
	}
	if sum(data) != s.hash {
		return nil, &diag.Error{Problem: diag.Problem{File: s.path, Message: "the file changed while the build ran; build again"}}
	}
	return topic.Read(s.path, data, b.opt.Read)
}

// keepGlossaryPart keeps what the course glossary needs of e, when the
// build makes one and has not taken it yet, and what the course quiz
// needs: the same terms, so they are extracted once.
func (b *builder) keepGlossaryPart(s *source, e *topic.Entry) {
	if b.refs == nil || s.glossaryPart != nil {
		return
	}
	works, warnings, err := b.refs.of(e)
	if err != nil {
		// The entry fails on its own bibliography anyway; the course
		// glossary still has its works, as written, and says why.
		works = glossary.AsWritten(e)
		warnings = []string{fmt.Sprintf("%s: glossary references shown as written: %v", s.path, err)}
	}
	s.glossaryPart = glossary.DigestOf(e, glossary.Options{References: func(*topic.Entry) []glossary.Reference { return works }})
	s.glossaryWarnings = warnings
	s.quizPart = quiz.PartOf(e, s.glossaryPart.Terms())
}

// assign settles which entries this build makes, by the entry loader's
// rules (bibliography files passed over, a slug missing or used twice an
// error, the entry later in path order failing), and keeps this shard's
// share.
func (b *builder) assign() {
	ms := make([]*Member, len(b.sources))
	for i, s := range b.sources {
		ms[i] = &Member{Path: s.path, Slug: s.slug, Err: s.err, Origin: func() diag.Pos { return b.slugOrigin(s) }}
		if len(s.deps) > 0 {
			ms[i].Bibliography = s.deps[0]
		}
	}
	b.loader.Settle(ms)
	for i, s := range b.sources {
		m := ms[i]
		switch {
		case m.Ignored:
			s.ignored = true
			continue
		case s.err != nil || s.slug == "":
			// An entry that cannot be read has no slug: the shard that built
			// it before reports it, else the one its path hashes to.
			s.err = m.Err
			s.inShard = s.prev != nil || b.opt.Shard.Has(s.key)
			continue
		case m.Err != nil:
			s.err = m.Err
			// Its artifacts' paths are now the first entry's.
			s.unchanged, s.prev = false, nil
		}
		s.inShard = b.opt.Shard.Has(s.slug)
	}
	for _, s := range b.sources {
		if s.inShard && !s.ignored {
			b.total++
		}
	}
	b.report.Entries = b.total
	for _, s := range b.sources {
		switch {
		case !s.inShard || s.ignored:
		case s.err != nil:
			b.fail(s, s.err)
		case s.unchanged:
			s.record = s.prev
			b.report.Skipped++
			b.emit(BuildEvent{Path: s.path, Slug: s.slug, Status: Skipped})
		}
	}
}

// slugOrigin is where s gave its slug; an unchanged entry, which scan did
// not parse, is read again for it.
func (b *builder) slugOrigin(s *source) diag.Pos {
	if s.origin.IsValid() {
		return s.origin
	}
	if e, err := b.load(s); err == nil {
		return e.SlugOrigin()
	}
	return diag.Pos{}
}

// fail records a failed entry. The last good build's record is kept, so
// its artifacts stay until the entry is fixed, and the next build retries.
func (b *builder) fail(s *source, err error) {
	s.record = s.prev
	b.report.Failed++
	b.report.Failures = append(b.report.Failures, err)
	b.emit(BuildEvent{Path: s.path, Slug: s.slug, Status: Failed, Err: err})
}

func (b *builder) emit(ev BuildEvent) {
	b.done++
	if b.opt.Progress != nil {
		ev.Done, ev.Total = b.done, b.total
		b.opt.Progress(ev)
	}
}
