package exporter

import (
	"fmt"
	"io"
	"sync"

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

// SlideOptions are the choices for a slide deck. Empty fields take the
// defaults: the lecture layout, 16:9, the entry's language, its authors.
type SlideOptions struct {
	Layout  string // a slide layout's name (see `topicdeck layouts`) or a layout file's path (.yaml)
	Aspect  string // "16:9" or "4:3"
	Lang    string // language of the labels, overriding the entry's
	Author  string // author line of the title slide, overriding the entry's
	Course  string // shown on the title slide and in every footer
	Date    string // shown on the title slide as given
	FontDir string // extra TrueType faces for characters the built-in ones lack
	// Bib lists bibliography files read after the entry's own, so seminal
	// works written as citation keys print as full references.
	Bib []string
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
	doc, set, _, err := planSlides(e, opt)
	return doc, set, err
}

// planSlides is PlanSlides with the warnings of resolving references.
func planSlides(e *topic.Entry, opt SlideOptions) (*plan.Document, *fonts.Set, []string, error) {
	if _, err := SourceDateEpoch(); err != nil {
		return nil, nil, nil, err
	}
	e, warnings, err := WithReferences(e, opt.Bib)
	if err != nil {
		return nil, nil, nil, err
	}
	warnings = append(warnings, problemWarnings(topic.UnsafeLinks(e))...)
	name := opt.Layout
	if name == "" {
		name = DefaultSlideLayout
	}
	planner, err := layoutfile.Planner(name, layouts.KindSlides)
	if err != nil {
		return nil, nil, nil, err
	}
	ts, err := textEngine(opt.FontDir)
	if err != nil {
		return nil, nil, nil, err
	}
	if ts, err = withLayoutFonts(ts, planner); err != nil {
		return nil, nil, nil, err
	}
	lang := opt.Lang
	if lang == "" {
		lang = e.LangOrDefault()
	}
	env := &layouts.Env{
		Text:   ts.text,
		Labels: locale.For(lang),
		Options: layouts.Options{
			Aspect:  opt.Aspect,
			Author:  opt.Author,
			Course:  opt.Course,
			Date:    opt.Date,
			Creator: Creator,
			Time:    DocumentTime(),
		},
	}
	env.Deck = func() (*plan.Document, error) { return planner.Plan(e, env) }
	doc, err := planner.Plan(e, env)
	if err != nil {
		return nil, nil, nil, err
	}
	if opt.Lang != "" {
		doc.Meta.Lang = opt.Lang
	}
	return doc, ts.set, warnings, nil
}

// Slides plans an entry's slide deck with the chosen layout and writes it
// to w as PDF.
func Slides(e *topic.Entry, opt SlideOptions, w io.Writer) (Result, error) {
	doc, set, warnings, err := planSlides(e, opt)
	if err != nil {
		return Result{}, err
	}
	return draw(w, doc, set, warnings)
}

// draw writes a planned document as PDF and reports it: its pages, the
// planning's warnings and one warning per character no face could draw.
func draw(w io.Writer, doc *plan.Document, set *fonts.Set, warnings []string) (Result, error) {
	if err := pdfdraw.Write(w, doc, set); err != nil {
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
