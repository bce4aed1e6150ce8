// Package deck holds the built-in slide layouts: lecture (the default),
// contrast and minimal. They are one planner parameterized by a Theme, and
// they plan from what each field of an entry means: a definition becomes a
// highlighted statement, core questions get numbers, each key theory,
// debate and FAQ item gets its own slide, long prose becomes one bullet
// per sentence.
//
// Planning measures everything with the shared text engine, so overflow is
// decided, never hoped away: what does not fit continues on a slide titled
// "… (cont.)", cut between bullets or sentences, and body text never
// shrinks below the theme's minimum.
package deck

import (
	"errors"
	"fmt"
	"strings"

	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/slideflow"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

func init() {
	layouts.Register("lecture", New(Lecture, "Lecture slides: a deck for projecting, planned from the meaning of each section (default)"))
	layouts.Register("contrast", New(Contrast, "High-contrast slides: light text on a dark ground, 7:1 contrast or more, for dim rooms and weak projectors"))
	layouts.Register("minimal", New(Minimal, "Plain slides: black on white, without decoration"))
}

// Layout is a slide layout: the lecture planner with a theme. The
// built-in layouts differ only in Theme; a layout file also sets
// Overrides, which stay zero for the built-ins so that they plan exactly
// as they always have.
type Layout struct {
	Theme       Theme
	Overrides   Overrides
	description string
}

// New returns a slide layout with theme; description is the line
// `topicdeck layouts` shows.
func New(theme Theme, description string) *Layout {
	return &Layout{Theme: theme, description: description}
}

// Kind reports that the layout makes slides.
func (l *Layout) Kind() layouts.Kind { return layouts.KindSlides }

// Description is the layout's one-line description.
func (l *Layout) Description() string { return l.description }

// PageSize returns the slide size in points for an aspect ratio: 960×540
// for "16:9" (the default, also for ""), 720×540 for "4:3".
func PageSize(aspect string) (w, h float64, err error) {
	switch aspect {
	case "", "16:9":
		return 960, 540, nil
	case "4:3":
		return 720, 540, nil
	}
	return 0, 0, fmt.Errorf("unknown aspect ratio %q (want 16:9 or 4:3)", aspect)
}

// Plan plans the entry as a slide deck.
func (l *Layout) Plan(e *topic.Entry, env *layouts.Env) (*plan.Document, error) {
	if e == nil {
		return nil, errors.New("deck: no entry")
	}
	if env == nil || env.Text == nil {
		return nil, errors.New("deck: no text engine")
	}
	w, h, err := l.pageSize(env.Options.Aspect)
	if err != nil {
		return nil, err
	}
	p := l.newPlanner(e, env, w, h)
	p.plan()
	return &plan.Document{Width: w, Height: h, Pages: p.pages, Meta: p.meta(), Root: p.root}, nil
}

// newPlanner starts planning e as a deck of w×h slides.
func (l *Layout) newPlanner(e *topic.Entry, env *layouts.Env, w, h float64) *planner {
	eng := env.Text.WithKerning(!l.Overrides.NoKerning)
	return &planner{theme: l.Theme, overrides: l.Overrides, eng: eng, labels: env.Labels, opt: env.Options, e: e, w: w, h: h, root: plan.NewRoot()}
}

// planner plans one deck. It lives for one Plan call, so the slides it has
// made so far can be numbered and footed once the last one is known.
type planner struct {
	theme     Theme
	overrides Overrides
	eng       *textlayout.Engine // kerning as the layout asks
	labels    locale.Labels      // the entry's language, for section names and "(cont.)"
	opt       layouts.Options
	e         *topic.Entry
	w, h      float64
	pages     []*plan.Page
	cover     int // how many pages the title slide takes (no footer on them)
	// root is the deck's structure: a section per slide, in slide order.
	root *plan.Node
	// titles keeps titleLines' results: a section's title is set to see
	// whether it fits, then for its slides, and each setting tries several
	// sizes (a tenth of planning the seed deck went to setting titles).
	titles map[titleKey][]slideflow.Line
	// kickers keeps kickerLines' results.
	kickers map[string][]slideflow.Line
	// markers keeps markerLine's results, footerLines footerLine's.
	markers     map[markerKey]textlayout.Line
	footerLines map[footerKey]textlayout.Line
	// sents and counts keep sentences' and sentenceCount's results.
	sents  map[textKey][]topic.Text
	counts map[bodyKey]int
}

// titleKey is a title as titleLines sets it.
type titleKey struct {
	s           string
	size, width float64
}

// section is one planned part of the deck before it is cut into slides.
type section struct {
	title   string
	kicker  string // the section a theory, debate or FAQ item belongs to
	outline string // its entry in the outline; "" for none
	marks   []plan.Bookmark
	cols    int
	force   bool // only cols columns: the layout file's columns form
	build   func(c flow) []*slideflow.Box
	refs    bool // its list items are references (the seminal works)
}

// columnGap is the space between two columns of a slide.
const columnGap = 36

func (p *planner) plan() {
	for _, s := range p.slideSections(p.planCover()) {
		p.emit(s)
	}
	p.finish()
}

// slideSections are the deck's sections after the title slide, in order:
// the outline, the entry's sections, the review.
func (p *planner) slideSections(ledeOnCover bool) []section {
	var secs []section
	if !ledeOnCover && !bodyEmpty(p.e.Summary) {
		secs = append(secs, p.proseSection(p.labels.Get(locale.Summary), p.e.Summary))
	}
	secs = append(secs, p.bodySections()...)
	var entries []topic.Text
	for _, s := range secs {
		if s.outline != "" {
			entries = append(entries, topic.Plain(s.outline))
		}
	}
	var out []section
	if len(entries) > 0 && !p.overrides.NoOutline {
		cols := 1
		if len(entries) > 7 {
			cols = 2
		}
		out = append(out, section{
			title: p.labels.Get(locale.Outline),
			marks: []plan.Bookmark{{Title: p.labels.Get(locale.Outline)}},
			cols:  cols,
			build: func(c flow) []*slideflow.Box { return p.numbered(entries, 1, c) },
		})
	}
	out = append(out, secs...)
	if !itemsEmpty(p.e.CoreQuestions) && !p.overrides.NoReview {
		out = append(out, section{
			title: p.labels.Get(locale.Review),
			marks: []plan.Bookmark{{Title: p.labels.Get(locale.Review)}},
			cols:  1,
			build: func(c flow) []*slideflow.Box { return p.list(p.e.CoreQuestions, true, 1, 0, c) },
		})
	}
	return out
}

// meta is the document metadata.
func (p *planner) meta() plan.Meta {
	var kw []string
	for _, c := range p.e.KeyConcepts {
		if t := strings.TrimSpace(c.Term.Plain()); t != "" {
			kw = append(kw, t)
		}
	}
	lang := p.e.LangOrDefault()
	if locale.Base(lang) != p.labels.Lang() {
		lang = p.labels.Lang()
	}
	return plan.Meta{
		Title:    p.e.Title,
		Author:   p.author(),
		Subject:  p.e.Subject,
		Keywords: strings.Join(kw, ", "),
		Creator:  p.opt.Creator,
		Lang:     lang,
		Date:     p.opt.Time,
	}
}

// author is the author line: the caller's choice, else the entry's authors.
func (p *planner) author() string {
	if p.opt.Author != "" {
		return p.opt.Author
	}
	return strings.Join(p.e.Authors, ", ")
}
