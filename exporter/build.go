package exporter

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/layoutfile"
	"github.com/scholargate/topicdeck/quiz"
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
	// The glossary and the quiz are made beside the decks rather than
	// after them, so no worker waits idle through them at the end.
	finishGlossary := b.glossary()
	finishQuiz := b.courseQuiz()
	b.render()
	finishGlossary()
	finishQuiz()
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
	// libraries are the bibliographies the decks and handouts resolve
	// their seminal works through, each file parsed once.
	libraries bibliographies
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
	// glossaryPart is what the course glossary takes from the entry (its
	// terms and formatted works), and glossaryWarnings what formatting
	// those works found.
	glossaryPart     *glossary.Digest
	glossaryWarnings []string
	// quizPart is what the course quiz takes from the entry, kept from
	// the same reading as its glossary part until the quiz is made.
	quizPart *quiz.Part
	// inputs is the hash of everything the entry's artifacts depend on.
	inputs string
	prev   *ManifestEntry
	// unchanged: inputs equal to the last build's and artifacts present.
	unchanged bool
	// ignored: a file in an entry folder that is another entry's
	// bibliography (a CSL-JSON .json), not an entry.
	ignored bool
	// inShard: this build's shard makes the entry's artifacts, or reports
	// its error (see assign).
	inShard bool
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
