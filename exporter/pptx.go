package exporter

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/scholargate/topicdeck/bib"
	"github.com/scholargate/topicdeck/layouts/handout"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/pptxdraw"
	"github.com/scholargate/topicdeck/topic"
)

// The formats a slide deck can be written in.
const (
	FormatPDF  = "pdf"
	FormatPPTX = "pptx"
)

// DeckFormat picks a deck's format: format when given ("pdf" or "pptx"),
// else the extension of path (.pptx for PowerPoint), else PDF.
func DeckFormat(path, format string) (string, error) {
	switch f := strings.ToLower(strings.TrimSpace(format)); f {
	case FormatPDF, FormatPPTX:
		return f, nil
	case "":
	default:
		return "", fmt.Errorf("unknown format %q (want pdf or pptx)", format)
	}
	if strings.EqualFold(filepath.Ext(path), ".pptx") {
		return FormatPPTX, nil
	}
	return FormatPDF, nil
}

// SlidesPPTX plans an entry's slide deck like Slides and writes it to w as
// an editable PowerPoint deck: the same slides, each with the entry's full
// text for it as speaker notes.
func SlidesPPTX(e *topic.Entry, opt SlideOptions, w io.Writer) (Result, error) {
	return SlidesPPTXContext(context.Background(), e, opt, w)
}

// SlidesPPTXContext is SlidesPPTX that stops once ctx is done, as
// SlidesContext does.
func SlidesPPTXContext(ctx context.Context, e *topic.Entry, opt SlideOptions, w io.Writer) (Result, error) {
	// The speaker notes need the entry as the deck shows it: prepared
	// once, for both.
	e, warnings, err := prepareSlides(e, opt, bib.LoadFor)
	if err != nil {
		return Result{}, err
	}
	doc, _, err := planPrepared(ctx, e, opt)
	if err != nil {
		return Result{}, err
	}
	if err := checkPages(doc, opt.MaxPages); err != nil {
		return Result{}, err
	}
	if err := writePPTX(ctx, w, e, doc, opt.Lang); err != nil {
		return Result{}, err
	}
	return Result{Pages: len(doc.Pages), Warnings: append(warnings, MissingWarnings(doc)...)}, nil
}

// writePPTX writes a planned deck of entry e (references resolved) as
// PowerPoint with the notes layout's text as speaker notes.
func writePPTX(ctx context.Context, w io.Writer, e *topic.Entry, doc *plan.Document, lang string) error {
	if lang == "" {
		lang = e.LangOrDefault()
	}
	notes := handout.SlideNotes(e, doc, locale.For(lang))
	if len(notes) > 0 {
		// The title slide's notes begin with what it announces.
		var head []string
		for _, s := range []string{e.Title, e.Subject} {
			if s != "" {
				head = append(head, s)
			}
		}
		notes[0] = append(head, notes[0]...)
	}
	return pptxdraw.WriteContext(ctx, w, doc, pptxdraw.Options{Notes: notes})
}

// buildFormats checks a build's deck formats and puts them in a fixed
// order without repeats; PDF alone (the default) is nil, so a build that
// asks for nothing new hashes its inputs as before.
func buildFormats(in []string) ([]string, error) {
	var pdf, pptx bool
	for _, f := range in {
		switch strings.ToLower(strings.TrimSpace(f)) {
		case FormatPDF:
			pdf = true
		case FormatPPTX:
			pptx = true
		default:
			return nil, fmt.Errorf("unknown deck format %q (want pdf, pptx or both)", f)
		}
	}
	switch {
	case pptx && pdf:
		return []string{FormatPDF, FormatPPTX}, nil
	case pptx:
		return []string{FormatPPTX}, nil
	}
	return nil, nil
}

// deckFormats says which deck files a build writes.
func deckFormats(formats []string) (pdf, pptx bool) {
	if len(formats) == 0 {
		return true, false
	}
	for _, f := range formats {
		pdf = pdf || f == FormatPDF
		pptx = pptx || f == FormatPPTX
	}
	return pdf, pptx
}
