package exporter

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/scholargate/topicdeck/bib"
	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/layouts"
	_ "github.com/scholargate/topicdeck/layouts/deck" // registers the built-in slide layouts
	"github.com/scholargate/topicdeck/layouts/layoutfile"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/pdfdraw"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// DefaultSlideLayout is the slide layout used when none is named.
const DefaultSlideLayout = "lecture"

// ArtifactOptions are the choices every artifact of an entry takes alike,
// whether a deck, a handout or a build of both: slide shape, labels, the
// title slide's lines, fonts and bibliographies. The other options types
// embed it, so a choice is spelled once from the CLI and the course file
// to the layouts. Empty fields take the defaults: 16:9, the entry's
// language and authors.
type ArtifactOptions struct {
	Aspect  string // slide shape, "16:9" or "4:3"
	Lang    string // language of the labels, overriding the entry's
	Author  string // author line of the title slide, overriding the entry's
	Course  string // course name, on the title slide, in every footer and the glossary's title
	Date    string // shown on the title slide as given
	FontDir string // extra TrueType faces for characters the built-in ones lack
	// Bib lists bibliography files read after the entry's own, so seminal
	// works written as citation keys print as full references.
	Bib []string
}

// layoutOptions are the options a layout plans with: a, with the handout's
// paper and page order, the creator and the document date.
func (a ArtifactOptions) layoutOptions(paper, order string) layouts.Options {
	return layouts.Options{
		Aspect:  a.Aspect,
		Paper:   paper,
		Order:   order,
		Author:  a.Author,
		Course:  a.Course,
		Date:    a.Date,
		Creator: Creator,
		Time:    DocumentTime(),
	}
}

// SlideOptions are the choices for a slide deck. Empty fields take the
// defaults: the lecture layout and those of ArtifactOptions.
type SlideOptions struct {
	Layout string // a slide layout's name (see `topicdeck layouts`) or a layout file's path (.yaml)
	ArtifactOptions
	// MaxPages, when positive, refuses a deck planned to more slides with
	// a *PageLimitError before it is drawn.
	MaxPages int
}

// PageLimitError is an artifact planned to more pages than its options'
// MaxPages allow; nothing was drawn.
type PageLimitError struct {
	Pages, Max int
}

func (e *PageLimitError) Error() string {
	return fmt.Sprintf("the document would have %d pages; at most %d are made", e.Pages, e.Max)
}

// checkPages applies a MaxPages option to a planned document.
func checkPages(doc *plan.Document, max int) error {
	if max > 0 && len(doc.Pages) > max {
		return &PageLimitError{Pages: len(doc.Pages), Max: max}
	}
	return nil
}

// Result describes a written artifact.
type Result struct {
	Pages int
	// Warnings are problems that did not stop the export, such as
	// characters no font can draw; the CLI prints them to stderr.
	Warnings []string
}

// textSetup is a font set with the text engine measuring with it.
type textSetup struct {
	set  *fonts.Set
	text *textlayout.Engine
}

var (
	textMu    sync.Mutex
	textCache = map[string]*textSetup{}
)

// textEngine returns the font set and text engine for an optional font
// directory, made once per directory per process: parsing faces and
// filling the engine's width caches is the costly part of a small deck.
func textEngine(fontDir string) (*textSetup, error) {
	textMu.Lock()
	defer textMu.Unlock()
	if ts, ok := textCache[fontDir]; ok {
		return ts, nil
	}
	set := fonts.Default()
	if fontDir != "" {
		var err error
		if set, err = set.WithDir(fontDir); err != nil {
			return nil, err
		}
	}
	ts := &textSetup{set: set, text: textlayout.New(set)}
	textCache[fontDir] = ts
	return ts, nil
}

// PlanSlides plans an entry's slide deck without drawing it, so a program
// (or a test) can see which slide holds what. It also returns the font set
// the plan was measured with, which drawing must use.
func PlanSlides(e *topic.Entry, opt SlideOptions) (*plan.Document, *fonts.Set, error) {
	doc, set, _, err := planSlides(context.Background(), e, opt)
	return doc, set, err
}

// PlanSlidesContext is PlanSlides that stops soon after ctx is done and
// refuses a deck of more than opt.MaxPages slides, as SlidesContext does:
// for a server that shows a plan (previews) instead of drawing a PDF.
func PlanSlidesContext(ctx context.Context, e *topic.Entry, opt SlideOptions) (*plan.Document, *fonts.Set, error) {
	doc, set, _, err := planSlides(ctx, e, opt)
	if err == nil {
		err = checkPages(doc, opt.MaxPages)
	}
	return doc, set, err
}

// planSlides is PlanSlides with the warnings of resolving references. It
// stops soon after ctx is done, with ctx's error.
func planSlides(ctx context.Context, e *topic.Entry, opt SlideOptions) (*plan.Document, *fonts.Set, []string, error) {
	e, warnings, err := prepareSlides(e, opt, bib.LoadFor)
	if err != nil {
		return nil, nil, nil, err
	}
	doc, set, err := planPrepared(ctx, e, opt)
	return doc, set, warnings, err
}

// prepareSlides checks the document date and returns the entry as a deck
// shows it: references resolved (through the bibliographies load reads),
// pictures read, with the warnings of both and of any unsafe link.
func prepareSlides(e *topic.Entry, opt SlideOptions, load libraryLoader) (*topic.Entry, []string, error) {
	if _, err := SourceDateEpoch(); err != nil {
		return nil, nil, err
	}
	e, warnings, err := withReferences(e, opt.Bib, load)
	if err != nil {
		return nil, nil, err
	}
	warnings = append(warnings, problemWarnings(topic.UnsafeLinks(e))...)
	e, figWarnings := withFigures(e)
	return e, append(warnings, figWarnings...), nil
}

// planPrepared plans the deck of an entry prepareSlides has made ready.
func planPrepared(ctx context.Context, e *topic.Entry, opt SlideOptions) (*plan.Document, *fonts.Set, error) {
	name := opt.Layout
	if name == "" {
		name = DefaultSlideLayout
	}
	planner, err := layoutfile.Planner(name, layouts.KindSlides)
	if err != nil {
		return nil, nil, err
	}
	ts, err := textEngine(opt.FontDir)
	if err != nil {
		return nil, nil, err
	}
	if ts, err = withLayoutFonts(ts, planner); err != nil {
		return nil, nil, err
	}
	lang := opt.Lang
	if lang == "" {
		lang = e.LangOrDefault()
	}
	env := &layouts.Env{
		Text:    ts.text.WithContext(ctx),
		Labels:  locale.For(lang),
		Options: opt.layoutOptions("", ""),
	}
	env.Deck = func() (*plan.Document, error) { return planner.Plan(e, env) }
	doc, err := planner.Plan(e, env)
	if err := ctx.Err(); err != nil {
		return nil, nil, err // the plan was cut short: nobody waits for it
	}
	if err != nil {
		return nil, nil, err
	}
	if opt.Lang != "" {
		doc.Meta.Lang = opt.Lang
	}
	return doc, ts.set, nil
}

// Slides plans an entry's slide deck with the chosen layout and writes it
// to w as PDF.
func Slides(e *topic.Entry, opt SlideOptions, w io.Writer) (Result, error) {
	return SlidesContext(context.Background(), e, opt, w)
}

// SlidesContext is Slides that stops, between slides when drawing and
// within moments when planning, once ctx is done, returning ctx's error; a
// server passes the request's context so a client that leaves frees its
// render at once. What was written to w by then is incomplete.
func SlidesContext(ctx context.Context, e *topic.Entry, opt SlideOptions, w io.Writer) (Result, error) {
	doc, set, warnings, err := planSlides(ctx, e, opt)
	if err != nil {
		return Result{}, err
	}
	if err := checkPages(doc, opt.MaxPages); err != nil {
		return Result{}, err
	}
	return draw(ctx, w, doc, set, warnings)
}

// draw writes a planned document as PDF and reports it: its pages, the
// planning's warnings and one warning per character no face could draw.
func draw(ctx context.Context, w io.Writer, doc *plan.Document, set *fonts.Set, warnings []string) (Result, error) {
	if err := pdfdraw.WriteContext(ctx, w, doc, set); err != nil {
		return Result{}, err
	}
	return Result{Pages: len(doc.Pages), Warnings: append(warnings, MissingWarnings(doc)...)}, nil
}

// MissingWarnings words one warning per character no face could draw.
func MissingWarnings(doc *plan.Document) []string {
	var out []string
	for _, r := range doc.Missing() {
		out = append(out, fmt.Sprintf("no font has U+%04X '%c' (add one with --font-dir)", r, r))
	}
	return out
}
