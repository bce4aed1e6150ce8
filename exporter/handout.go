package exporter

import (
	"context"
	"io"
	"sync"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/layouts"
	_ "github.com/scholargate/topicdeck/layouts/handout" // registers the built-in handout layouts
	"github.com/scholargate/topicdeck/layouts/layoutfile"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/topic"
)

// DefaultHandoutLayout is the handout layout used when none is named: three
// slides a page with lines to write on beside each.
const DefaultHandoutLayout = "slides-3"

// HandoutOptions are the choices for a printable handout. Empty fields take
// the defaults: slides-3 on A4, slides in horizontal order, drawn from the
// lecture deck.
type HandoutOptions struct {
	Layout       string // a registered handout layout (see `topicdeck layouts`)
	SlidesLayout string // the slide layout whose slides the handout shows
	Paper        string // "a4" or "letter"
	Order        string // "horizontal" or "vertical": how slides fill a page
	ArtifactOptions
	// MaxPages, when positive, refuses a handout planned to more pages
	// with a *PageLimitError before it is drawn.
	MaxPages int
	// Deck is the entry's slide deck already planned with the same
	// options (SlidesLayout and ArtifactOptions). When set, handouts that
	// show slides draw it instead of planning the deck again, which a
	// build does once per entry. It is read, never changed, so one deck
	// can serve several handouts.
	Deck *plan.Document
}

// HandoutFileName is the default output name: <slug>-handout-<layout>.pdf.
func HandoutFileName(e *topic.Entry, layout string) string {
	if layout == "" {
		layout = DefaultHandoutLayout
	}
	if layoutfile.IsPath(layout) {
		layout = layoutfile.Name(layout) // a layout file given by path is named by its file
	}
	return ArtifactFile(e.SlugOrDefault(), HandoutArtifact, layout, "pdf")
}

// PlanHandout plans an entry's handout without drawing it, and returns the
// font set the plan was measured with, which drawing must use. Layouts that
// show slides get the deck through the environment, planned at most once.
func PlanHandout(e *topic.Entry, opt HandoutOptions) (*plan.Document, *fonts.Set, error) {
	doc, set, _, err := planHandout(context.Background(), e, opt)
	return doc, set, err
}

// PlanHandoutContext is PlanHandout that stops soon after ctx is done and
// refuses a handout of more than opt.MaxPages pages, as HandoutContext
// does.
func PlanHandoutContext(ctx context.Context, e *topic.Entry, opt HandoutOptions) (*plan.Document, *fonts.Set, error) {
	doc, set, _, err := planHandout(ctx, e, opt)
	if err == nil {
		err = checkPages(doc, opt.MaxPages)
	}
	return doc, set, err
}

// planHandout is PlanHandout with the warnings of resolving references.
// It stops soon after ctx is done, with ctx's error.
func planHandout(ctx context.Context, e *topic.Entry, opt HandoutOptions) (*plan.Document, *fonts.Set, []string, error) {
	if _, err := SourceDateEpoch(); err != nil {
		return nil, nil, nil, err
	}
	hp, err := newHandoutPlanner(opt)
	if err != nil {
		return nil, nil, nil, err
	}
	e, figWarnings := withFigures(e)
	deckEntry := e
	e, warnings, err := WithReferences(e, opt.Bib)
	if err != nil {
		return nil, nil, nil, err
	}
	warnings = append(warnings, problemWarnings(topic.UnsafeLinks(e))...)
	warnings = append(warnings, figWarnings...)
	doc, set, err := hp.plan(ctx, e, deckEntry, opt)
	return doc, set, warnings, err
}

// handoutPlanner is a handout layout with the text engine it measures in.
type handoutPlanner struct {
	planner layouts.Planner
	ts      *textSetup
}

// newHandoutPlanner looks up opt's handout layout and the faces it is
// measured and drawn in.
func newHandoutPlanner(opt HandoutOptions) (*handoutPlanner, error) {
	name := opt.Layout
	if name == "" {
		name = DefaultHandoutLayout
	}
	planner, err := layouts.LookupPlanner(name, layouts.KindHandout)
	if err != nil {
		return nil, err
	}
	ts, err := textEngine(opt.FontDir)
	if err != nil {
		return nil, err
	}
	// The handout is drawn with one set: the faces the deck's slides were
	// measured in (a slide layout file's, if it has them) and the handout
	// layout's own, in which the handout measures its text. A slide layout
	// that does not load is left to planning the deck to report, since a
	// handout without slides does not need it.
	slidesName := opt.SlidesLayout
	if slidesName == "" {
		slidesName = DefaultSlideLayout
	}
	if slides, err := layouts.LookupPlanner(slidesName, layouts.KindSlides); err == nil {
		if ts, err = withLayoutFonts(ts, slides); err != nil {
			return nil, err
		}
	}
	if ts, err = withLayoutFonts(ts, planner); err != nil {
		return nil, err
	}
	return &handoutPlanner{planner: planner, ts: ts}, nil
}

// plan plans the handout of e, whose references are resolved and
// pictures read; deckEntry is e before its references were resolved, from
// which the deck is planned when opt.Deck does not bring it.
func (hp *handoutPlanner) plan(ctx context.Context, e, deckEntry *topic.Entry, opt HandoutOptions) (*plan.Document, *fonts.Set, error) {
	lang := opt.Lang
	if lang == "" {
		lang = e.LangOrDefault()
	}
	env := &layouts.Env{
		Text:    hp.ts.text.WithContext(ctx),
		Labels:  locale.For(lang),
		Options: opt.layoutOptions(opt.Paper, opt.Order),
		Deck: sync.OnceValues(func() (*plan.Document, error) {
			if opt.Deck != nil {
				return opt.Deck, nil
			}
			deck, _, _, err := planSlides(ctx, deckEntry, SlideOptions{Layout: opt.SlidesLayout, ArtifactOptions: opt.ArtifactOptions})
			return deck, err
		}),
	}
	doc, err := hp.planner.Plan(e, env)
	if err := ctx.Err(); err != nil {
		return nil, nil, err // the plan was cut short: nobody waits for it
	}
	if err != nil {
		return nil, nil, err
	}
	if opt.Lang != "" {
		doc.Meta.Lang = opt.Lang
	}
	return doc, hp.ts.set, nil
}

// Handout plans an entry's handout with the chosen layout and writes it to
// w as PDF.
func Handout(e *topic.Entry, opt HandoutOptions, w io.Writer) (Result, error) {
	return HandoutContext(context.Background(), e, opt, w)
}

// HandoutContext is Handout that stops once ctx is done, as SlidesContext
// does.
func HandoutContext(ctx context.Context, e *topic.Entry, opt HandoutOptions, w io.Writer) (Result, error) {
	doc, set, warnings, err := planHandout(ctx, e, opt)
	if err != nil {
		return Result{}, err
	}
	if err := checkPages(doc, opt.MaxPages); err != nil {
		return Result{}, err
	}
	return draw(ctx, w, doc, set, warnings)
}
