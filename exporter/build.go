package exporter

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/scholargate/topicdeck/bib"
	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/internal/regularfile"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/layoutfile"
	"github.com/scholargate/topicdeck/pdfdraw"
	"github.com/scholargate/topicdeck/topic"
)

// DefaultHandouts are the handouts a build makes when none are named: the
// three-slide note-taking handout and the reader's study guide.
var DefaultHandouts = []string{"slides-3", "reader"}

// CourseGlossaryFile is the name of the one glossary a build makes of all
// its entries, in the output folder.
const CourseGlossaryFile = "course-glossary.xlsx"

// BuildOptions are the choices for a build. Empty fields take the defaults
// of the single-artifact exports.
type BuildOptions struct {
	// Out is the output folder; each entry gets Out/<slug>/.
	Out string
	// Layout is the slide layout of the decks (DefaultSlideLayout).
	Layout string
	// Handouts are the handout layouts made for each entry; nil means
	// DefaultHandouts, an empty non-nil list means none.
	Handouts []string
	Paper    string // handout paper, "a4" or "letter"
	Order    string // how slides fill a handout page
	// ArtifactOptions hold the choices of every deck and handout; its Bib
	// (course bibliographies) also resolves the citation keys of the
	// glossary's References sheet.
	ArtifactOptions
	// Formats are the deck formats made for each entry (FormatPDF,
	// FormatPPTX); nil means PDF only.
	Formats []string
	// Jobs is how many entries are built at once; 0 means one per CPU.
	Jobs int
	// Force rebuilds every entry even when its inputs have not changed.
	Force bool
	// Shard restricts the build to a stable share of the entries.
	Shard Shard
	// Read tunes reading the entries (size limit).
	Read topic.Options
	// Progress, when set, is told about each entry as it is finished
	// (built, skipped or failed). Calls come one at a time.
	Progress func(BuildEvent)
}

// BuildStatus is what happened to one entry.
type BuildStatus uint8

// The outcomes of an entry.
const (
	Built BuildStatus = iota
	Skipped
	Failed
)

func (s BuildStatus) String() string {
	switch s {
	case Built:
		return "built"
	case Skipped:
		return "unchanged"
	}
	return "failed"
}

// BuildEvent reports one finished entry.
type BuildEvent struct {
	Path   string
	Slug   string
	Status BuildStatus
	// Artifacts are the files written, relative to the output folder.
	Artifacts []string
	Err       error
	Warnings  []string
	// Done counts the entries finished so far, of Total.
	Done, Total int
}

// BuildReport sums a build up.
type BuildReport struct {
	Entries int // entries in this build (this shard's share)
	Built   int
	Skipped int // unchanged since the last build
	Failed  int
	// Artifacts counts the files written, the glossary included.
	Artifacts int
	// Glossary is the course glossary's path when this build wrote it.
	Glossary string
	// Quiz is the course question bank's path when this build wrote it.
	Quiz string
	// Removed are files deleted because no entry makes them any more.
	Removed []string
	// Failures are the errors of the entries that failed and of the
	// glossary, each naming its file (and line where known).
	Failures []error
	Warnings []string
	Elapsed  time.Duration
	// Manifest is the path of the manifest written.
	Manifest string
}

// Shard is a stable share of a catalogue: the entries whose slug hashes to
// Index modulo Count. Adding or removing an entry never moves another one
// to a different shard. The zero value is the whole catalogue.
type Shard struct {
	Index, Count int
}

// ParseShard reads "i/n", 0 ≤ i < n (the form of a Kubernetes indexed Job's
// JOB_COMPLETION_INDEX and of a CI matrix index).
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
		return Shard{}, fmt.Errorf("shard %q: want i/n with 0 ≤ i < n, e.g. 0/4", s)
	}
	return Shard{Index: i, Count: n}, nil
}

func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// Has reports whether the entry with this slug belongs to the shard.
func (s Shard) Has(slug string) bool {
	if s.Count <= 1 {
		return true
	}
	h := sha256.Sum256([]byte(slug))
	return binary.BigEndian.Uint64(h[:8])%uint64(s.Count) == uint64(s.Index)
}

// Build makes every artifact of every entry paths name (files, or folders
// standing for the entry files directly in them): for each entry the slide
// deck and the handouts, in Out/<slug>/, and one course glossary of all
// entries, Out/course-glossary.xlsx. Entries are built concurrently, yet
// the output is the same whatever the scheduling.
//
// A build is incremental: Out/manifest.json records the hash of each
// entry's inputs and its artifacts, an entry whose inputs are unchanged
// (and whose artifacts are all still there) is skipped, and the artifacts
// of an entry that is gone are removed.
//
// One bad entry never stops the others: its error is in the report's
// Failures and the rest are built. The error returned is for the build as
// a whole (bad options, an unwritable output folder).
func Build(paths []string, opt BuildOptions) (*BuildReport, error) {
	start := time.Now()
	if _, err := SourceDateEpoch(); err != nil {
		return nil, err
	}
	b, err := newBuilder(paths, opt)
	if err != nil {
		return nil, err
	}
	b.scan()
	b.assign()
	// The glossary is made beside the decks rather than after them, so no
	// worker waits idle through it at the end.
	finish := b.glossary()
	b.render()
	finish()
	b.courseQuiz()
	b.prune()
	b.report.Manifest = filepath.Join(b.out, ManifestName(b.opt.Shard))
	if err := b.next.write(b.report.Manifest); err != nil {
		return b.report, err
	}
	sort.Strings(b.report.Removed)
	b.report.Elapsed = time.Since(start)
	return b.report, nil
}

// builder carries one build.
type builder struct {
	opt      BuildOptions
	loader   EntryLoader
	out      string
	handouts []string
	jobs     int
	sources  []*source
	prev     *Manifest
	next     *Manifest
	report   *BuildReport
	// shared is the hash of the inputs every entry shares: options,
	// version, course bibliographies and fonts.
	shared string
	files  *fileHashes
	// refs formats seminal works for the course glossary; nil when this
	// build makes no glossary (a shard other than the first), refsErr
	// when the course bibliography cannot be read.
	refs         *glossaryRefs
	refsWarnings []string
	refsErr      error
	done         int
	total        int
}

// source is one entry file through the build. It keeps no parsed entry:
// holding a thousand of them for the length of a build cost more memory
// than anything else, so an entry is read again where it is needed and
// dropped after (see load).
type source struct {
	path string // as found
	key  string // manifest key: cleaned, slash-separated
	hash string // sha256 of the file as scan read it
	err  error
	slug string
	// origin is where a parsed entry gave its slug, for an error about it.
	origin diag.Pos
	deps   []string
	// digest is what the course glossary takes from the entry, and
	// digestWarnings what formatting its references found.
	digest         *glossary.Digest
	digestWarnings []string
	// inputs is the hash of everything the entry's artifacts depend on.
	inputs string
	prev   *ManifestEntry
	// unchanged: inputs equal to the last build's and artifacts present.
	unchanged bool
	// ignored: a file in an entry folder that is another entry's
	// bibliography (a CSL-JSON .json), not an entry.
	ignored bool
	mine    bool
	record  *ManifestEntry
}

func newBuilder(paths []string, opt BuildOptions) (*builder, error) {
	if opt.Out == "" {
		return nil, errors.New("build: no output folder")
	}
	if opt.Layout == "" {
		opt.Layout = DefaultSlideLayout
	}
	if _, err := layoutfile.Planner(opt.Layout, layouts.KindSlides); err != nil {
		return nil, err
	}
	formats, err := buildFormats(opt.Formats)
	if err != nil {
		return nil, err
	}
	opt.Formats = formats
	handouts := opt.Handouts
	if handouts == nil {
		handouts = DefaultHandouts
	}
	seen := map[string]bool{}
	var hs []string
	for _, h := range handouts {
		if seen[h] {
			continue
		}
		seen[h] = true
		if _, err := layouts.LookupPlanner(h, layouts.KindHandout); err != nil {
			return nil, err
		}
		hs = append(hs, h)
	}
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, fmt.Errorf("cannot make output folder: %w", err)
	}
	// Load the faces and fill the engine once, before the workers start.
	if _, err := textEngine(opt.FontDir); err != nil {
		return nil, err
	}
	b := &builder{
		opt:      opt,
		out:      opt.Out,
		handouts: hs,
		jobs:     jobs,
		report:   &BuildReport{},
		files:    &fileHashes{},
	}
	b.loader = EntryLoader{Read: opt.Read, Out: opt.Out, Slugs: true}
	if len(paths) == 0 {
		return nil, errors.New("build: no entries given")
	}
	files, skipped, err := b.loader.Files(paths)
	if err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool {
		return filepath.ToSlash(filepath.Clean(files[i])) < filepath.ToSlash(filepath.Clean(files[j]))
	})
	b.report.Warnings = append(b.report.Warnings, skipped...)
	for _, f := range files {
		b.sources = append(b.sources, &source{path: f, key: filepath.ToSlash(filepath.Clean(f))})
	}
	if b.prev, err = ReadManifest(filepath.Join(b.out, ManifestName(opt.Shard))); err != nil {
		// A damaged manifest only costs a full rebuild.
		b.report.Warnings = append(b.report.Warnings, err.Error()+"; rebuilding everything")
		b.prev = &Manifest{Entries: map[string]*ManifestEntry{}}
	}
	b.next = &Manifest{Version: Version, Entries: map[string]*ManifestEntry{}}
	if b.shared, err = b.sharedInputs(); err != nil {
		return nil, err
	}
	if opt.Shard.Count <= 1 || opt.Shard.Index == 0 {
		b.refs, b.refsWarnings, b.refsErr = newGlossaryRefs(opt.Bib)
	}
	return b, nil
}

// sharedInputs hashes what every artifact depends on besides its entry.
func (b *builder) sharedInputs() (string, error) {
	o := b.opt
	// Spelt out rather than embedding ArtifactOptions: these fields in this
	// order are what the manifests already written hashed, and another
	// shape would rebuild every catalogue once for nothing.
	type inputs struct {
		Version  string
		Time     int64
		Layout   string
		Handouts []string
		Aspect   string
		Paper    string
		Order    string
		Lang     string
		Author   string
		Course   string
		Date     string
		Bib      []string
		Fonts    []string
		Formats  []string `json:",omitempty"`
	}
	in := inputs{
		Version: Version, Time: DocumentTime().Unix(), Layout: o.Layout,
		Aspect: o.Aspect, Paper: o.Paper, Order: o.Order, Lang: o.Lang, Author: o.Author,
		Course: o.Course, Date: o.Date, Formats: o.Formats,
	}
	for _, p := range o.Bib {
		in.Bib = append(in.Bib, p+"="+b.files.get(p))
	}
	if f := layoutFilePath(o.Layout); f != "" {
		in.Layout += "=" + b.files.get(f)
	}
	in.Handouts = slices.Clone(b.handouts)
	for i, h := range in.Handouts {
		if f := layoutFilePath(h); f != "" {
			in.Handouts[i] += "=" + b.files.get(f) // a handout layout file, like the slide layout's
		}
	}
	if o.FontDir != "" {
		des, err := os.ReadDir(o.FontDir)
		if err != nil {
			return "", fmt.Errorf("--font-dir: %w", err)
		}
		for _, de := range des {
			if de.Type().IsRegular() {
				p := filepath.Join(o.FontDir, de.Name())
				in.Fonts = append(in.Fonts, de.Name()+"="+b.files.get(p))
			}
		}
	}
	data, err := json.Marshal(in)
	if err != nil {
		return "", err
	}
	return sum(data), nil
}

// layoutFilePath returns the layout file a layout name stands for, or ""
// for a registered layout. Its bytes are part of every entry's
// inputs; a font or picture it names is read when it is loaded, not
// hashed, so replacing one in place needs --force.
func layoutFilePath(name string) string {
	if layoutfile.IsPath(name) {
		return name
	}
	if _, err := layouts.Lookup(name); err == nil {
		return ""
	}
	return layoutfile.Find(name)
}

// entryInputs hashes an entry's own inputs with the shared ones.
func (b *builder) entryInputs(source string, deps []string) string {
	var s strings.Builder
	s.WriteString(b.shared + "\n" + source + "\n")
	for _, d := range deps {
		s.WriteString(d + "=" + b.files.get(d) + "\n")
	}
	return sum([]byte(s.String()))
}

// fileHashes hashes each dependency file once per build, however many
// entries share it.
type fileHashes struct{ m sync.Map } // path → func() string

// get returns the file's sha256, or "missing" when it cannot be read (the
// artifact step then reports the error; a file that appears later changes
// the hash and so rebuilds the entry).
func (f *fileHashes) get(path string) string {
	fn, _ := f.m.LoadOrStore(path, sync.OnceValue(func() string {
		// Streamed, and only a regular file: a bibliography named
		// as /dev/zero must not take the build's memory or time.
		r, _, err := regularfile.Open(path, -1)
		if err != nil {
			return "missing"
		}
		defer r.Close()
		h := sha256.New()
		if _, err := io.Copy(h, r); err != nil {
			return "missing"
		}
		return hex.EncodeToString(h.Sum(nil))
	}))
	return fn.(func() string)()
}

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
// gives its glossary digest at once and is dropped.
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
// its glossary digest when the build makes a glossary.
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
		return // an error in assign; no glossary digest
	}
	b.digest(s, e)
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

// digest keeps what the course glossary needs of e, when the build makes
// one and has not taken it yet.
func (b *builder) digest(s *source, e *topic.Entry) {
	if b.refs == nil || s.digest != nil {
		return
	}
	works, warnings, err := b.refs.of(e)
	if err != nil {
		// The entry fails on its own bibliography anyway; the course
		// glossary still has its works, as written, and says why.
		works = glossary.AsWritten(e)
		warnings = []string{fmt.Sprintf("%s: glossary references shown as written: %v", s.path, err)}
	}
	s.digest = glossary.DigestOf(e, glossary.Options{References: func(*topic.Entry) []glossary.Reference { return works }})
	s.digestWarnings = warnings
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
			s.mine = s.prev != nil || b.opt.Shard.Has(s.key)
			continue
		case m.Err != nil:
			s.err = m.Err
			// Its artifacts' paths are now the first entry's.
			s.unchanged, s.prev = false, nil
		}
		s.mine = b.opt.Shard.Has(s.slug)
	}
	for _, s := range b.sources {
		if s.mine && !s.ignored {
			b.total++
		}
	}
	b.report.Entries = b.total
	for _, s := range b.sources {
		switch {
		case !s.mine || s.ignored:
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
		if s.mine && !s.ignored && s.err == nil && !s.unchanged {
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
		if s.mine && !s.ignored && s.record != nil {
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
	doc, set, refWarnings, err := planSlides(context.Background(), e, SlideOptions{Layout: o.Layout, ArtifactOptions: o.ArtifactOptions})
	pdf, pptx := deckFormats(o.Formats)
	if err == nil && pdf {
		err = pdfdraw.Write(&deck.data, doc, set)
		files = append(files, deck)
	}
	if err == nil && pptx {
		f := &artifactFile{name: ArtifactFile(s.slug, SlidesArtifact, "", FormatPPTX), layout: o.Layout}
		err = deckPPTX(&f.data, e, doc, o)
		files = append(files, f)
	}
	if err != nil {
		return rendered{s: s, err: entryError(s.path, "slides ("+o.Layout+")", err)}
	}
	warn("slides", append(refWarnings, MissingWarnings(doc)...))
	for _, h := range b.handouts {
		f := &artifactFile{name: HandoutFileName(&topic.Entry{Slug: s.slug}, h), layout: h}
		res, err := Handout(e, HandoutOptions{
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
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return rendered{s: s, err: entryError(s.path, "output", err)}
	}
	rec := &ManifestEntry{Slug: s.slug, Source: s.hash, Deps: s.deps, Inputs: s.inputs}
	for _, f := range files {
		rel := s.slug + "/" + f.name
		wrote, err := writeIfChanged(filepath.Join(dir, f.name), f.data.Bytes())
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

// glossary starts the course glossary of every readable entry, in path
// order, when any of them changed, and returns a func that waits for it
// and records the outcome. In a sharded build only shard 0 makes it, from
// all entries, so it is the same as an unsharded build's.
func (b *builder) glossary() (finish func()) {
	// The sources let go of their digests whatever happens here: the
	// glossary has its own list, and an unneeded digest is garbage.
	defer func() {
		for _, s := range b.sources {
			s.digest, s.digestWarnings = nil, nil
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
	// digest only.
	b.parallel(len(in), func(i int) {
		s := in[i]
		if s.digest != nil {
			return
		}
		e, err := b.load(s)
		if err != nil {
			s.digestWarnings = []string{err.Error() + " (left out of the course glossary)"}
			return
		}
		b.digest(s, e)
	})
	var (
		digests  []*glossary.Digest
		warnings = slices.Clone(b.refsWarnings)
	)
	for _, s := range in {
		warnings = append(warnings, s.digestWarnings...)
		if s.digest != nil {
			digests = append(digests, s.digest)
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
		if len(digests) == 0 {
			err = errors.New("no entries to make a glossary of")
			return
		}
		g := glossary.Merge(digests, glossary.Options{Lang: b.opt.Lang, Title: b.opt.Course})
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
