package server

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/topic"
)

// The artifacts the server makes, by the last segment of their URL.
const (
	slidesPDF    = "slides.pdf"
	slidesPPTX   = "slides.pptx"
	handoutPDF   = "handout.pdf"
	glossaryXLSX = "glossary.xlsx"
	entryJSON    = "entry.json"
)

// contentTypes are the media types of the artifacts; an artifact not
// listed here does not exist.
var contentTypes = map[string]string{
	slidesPDF:    "application/pdf",
	slidesPPTX:   "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	handoutPDF:   "application/pdf",
	glossaryXLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	entryJSON:    "application/json",
}

// options are the checked query options of one artifact request.
type options struct {
	slides  exporter.SlideOptions
	handout exporter.HandoutOptions
}

// optionError is a query option the server does not know: a 400.
type optionError struct{ msg string }

func (e *optionError) Error() string { return e.msg }

// layoutNames returns the offered layouts of one kind, sorted.
func layoutNames(k layouts.Kind) []string {
	var out []string
	for _, in := range offeredLayouts() {
		if in.Kind == k {
			out = append(out, in.Name)
		}
	}
	slices.Sort(out)
	return out
}

// The fixed choices of the query options, in the order the page offers them.
var (
	aspects = []string{"16:9", "4:3"}
	papers  = []string{"a4", "letter"}
)

// choose checks one query value against its allowed values; empty means
// the default, given as def.
func choose(q url.Values, name, def string, allowed []string) (string, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return def, nil
	}
	if !slices.Contains(allowed, v) {
		return "", &optionError{fmt.Sprintf("unknown %s %q (want one of: %s)", name, v, strings.Join(allowed, ", "))}
	}
	return v, nil
}

// parseOptions checks the query options that an artifact takes. Every
// value is checked against a closed list, so nothing from the query
// reaches the exporter unchecked.
func parseOptions(art string, q url.Values) (options, error) {
	var o options
	var err error
	switch art {
	case slidesPDF, slidesPPTX:
		if o.slides.Layout, err = choose(q, "layout", exporter.DefaultSlideLayout, layoutNames(layouts.KindSlides)); err != nil {
			return o, err
		}
		if o.slides.Aspect, err = choose(q, "aspect", aspects[0], aspects); err != nil {
			return o, err
		}
		if lang := strings.TrimSpace(q.Get("lang")); lang != "" {
			if !slices.Contains(locale.Languages(), locale.Base(lang)) {
				return o, &optionError{fmt.Sprintf("unknown lang %q (want one of: %s)", lang, strings.Join(locale.Languages(), ", "))}
			}
			o.slides.Lang = locale.Base(lang)
		}
	case handoutPDF:
		if o.handout.Layout, err = choose(q, "layout", exporter.DefaultHandoutLayout, layoutNames(layouts.KindHandout)); err != nil {
			return o, err
		}
		// Paper names are case-blind, as in the CLI's --paper.
		paper := url.Values{"paper": {strings.ToLower(q.Get("paper"))}}
		if o.handout.Paper, err = choose(paper, "paper", papers[0], papers); err != nil {
			return o, err
		}
	}
	return o, nil
}

// key is the options' part of a cache key: every field that changes the
// artifact, in a fixed order.
func (o options) key(art string) string {
	switch art {
	case slidesPDF, slidesPPTX:
		return "layout=" + o.slides.Layout + "&aspect=" + o.slides.Aspect + "&lang=" + o.slides.Lang
	case handoutPDF:
		return "layout=" + o.handout.Layout + "&paper=" + o.handout.Paper
	}
	return ""
}

// fileName is the name a browser saves the artifact under, the same name
// the CLI writes by default (exporter.ArtifactFile): the artifact's URL
// name with the slug before it, and the layout for a handout.
func fileName(art, slug string, o options) string {
	if art == entryJSON {
		return slug + ".json"
	}
	kind, ext, _ := strings.Cut(art, ".")
	layout := ""
	if art == handoutPDF {
		layout = o.handout.Layout
	}
	return exporter.ArtifactFile(slug, kind, layout, ext)
}

// render writes one artifact of the entries (exactly one, except for the
// glossary of every topic) to w, stopping when ctx is done.
func render(ctx context.Context, art string, entries []*topic.Entry, o options, w io.Writer) (warnings []string, err error) {
	if warnings, ok, err := renderQuiz(art, entries, w); ok {
		return warnings, err
	}
	switch art {
	case slidesPDF:
		res, err := exporter.SlidesContext(ctx, entries[0], o.slides, w)
		return res.Warnings, err
	case slidesPPTX:
		res, err := exporter.SlidesPPTXContext(ctx, entries[0], o.slides, w)
		return res.Warnings, err
	case handoutPDF:
		res, err := exporter.HandoutContext(ctx, entries[0], o.handout, w)
		return res.Warnings, err
	case glossaryXLSX:
		return exporter.Glossary(entries, exporter.GlossaryOptions{}, w)
	case entryJSON:
		return nil, topic.WriteJSON(w, entries[0])
	}
	return nil, fmt.Errorf("unknown artifact %q", art)
}
