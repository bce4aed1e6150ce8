package server

import (
	"fmt"
	"net/http"
	"net/url"
	"sync"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/layouts"
)

// preview is one image on the topic page.
type preview struct {
	Src, Alt string
}

// handoutCard is one handout layout on the topic page: what it is, its
// first page, and what the download holds.
type handoutCard struct {
	pageChoice
	ID      string
	Preview preview
	Facts   string // "6 pages, 120 kB"
}

// topicData is everything the topic page template reads.
type topicData struct {
	pageCommon
	Topic          pageTopic
	SlideLayouts   []pageChoice
	Aspects        []pageChoice
	Papers         []pageChoice
	Layout, Aspect string
	Paper          string
	SlideFacts     string // "19 slides, 850 kB"
	Slides         []preview
	// ThumbW and ThumbH are a slide preview's size on the page, and
	// PageW, PageH a handout page's, so the layout does not jump as the
	// lazy images arrive.
	ThumbW, ThumbH int
	PageW, PageH   int
	Handouts       []handoutCard
	Banks          bankButtons
	Back           string
}

// count says "19 slides" or "1 slide" in the page's language.
func count(t map[string]string, key string, n int) string {
	if n == 1 {
		return t[key+"1"]
	}
	return fmt.Sprintf(t[key], n)
}

// topicPage shows one topic: every slide of the chosen layout and shape,
// the first page of every handout on the chosen paper, and a download
// button for each with its page count and size. The files are rendered
// (and cached) to be measured, so the downloads that follow are instant.
func (s *Server) topicPage(w http.ResponseWriter, r *http.Request) {
	slug := r.PathValue("slug")
	t, ok := s.catalog.current().bySlug[slug]
	if !ok {
		writeError(w, http.StatusNotFound, errorBody{Error: fmt.Sprintf("no topic %q", slug)})
		return
	}
	c := newCommon(r)
	q := r.URL.Query()
	so, err := parseOptions(slidesPDF, q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ho, err := parseOptions(handoutPDF, url.Values{"paper": {q.Get("paper")}})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	e := t.Entry
	d := topicData{
		pageCommon:   c,
		Topic:        pageTopic{Slug: slug, Title: e.Title, Subject: e.Subject, Lede: lede(e), Lang: e.LangOrDefault()},
		SlideLayouts: layoutChoices(c.Lang, layouts.KindSlides, so.slides.Layout),
		Aspects:      aspectChoices(c.T, so.slides.Aspect),
		Papers:       paperChoices(ho.handout.Paper),
		Layout:       so.slides.Layout,
		Aspect:       so.slides.Aspect,
		Paper:        ho.handout.Paper,
		ThumbW:       320, ThumbH: 180,
		PageW: 210, PageH: 297,
		Banks: bankButtons{"/topics/" + slug, c.T["glossary"], c.T["moodle"], c.T["gift"], c.T["qti"]},
		Back:  "/?" + withHL(url.Values{}, c.HL),
	}
	if d.Aspect == aspects[1] {
		d.ThumbH = 240
	}
	if d.Paper == papers[1] {
		d.PageW, d.PageH = 216, 279
	}
	ctx := r.Context()

	// The deck's previews and size, then every handout's, two at a time:
	// enough to use both cores of a small server, few enough to leave
	// render slots for downloads.
	handouts := layoutChoices(c.Lang, layouts.KindHandout, exporter.DefaultHandoutLayout)
	d.Handouts = make([]handoutCard, len(handouts))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	var deckErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		sem <- struct{}{}
		defer func() { <-sem }()
		p, err := s.previews(ctx, t, previewSlides, so)
		if err != nil {
			deckErr = err
			return
		}
		query := withHL(url.Values{"layout": {d.Layout}, "aspect": {d.Aspect}}, "")
		for i, alt := range p.Alts {
			d.Slides = append(d.Slides, preview{
				Src: fmt.Sprintf("/topics/%s/slides/%d.svg?%s", slug, i+1, query),
				Alt: fmt.Sprintf(c.T["slideAlt"], i+1, p.Pages, alt),
			})
		}
		d.SlideFacts = count(c.T, "slideCount", p.Pages)
		if n, err := s.renderedSize(ctx, t, slidesPDF, so); err == nil {
			d.SlideFacts += ", " + fileSize(c.Lang, n)
		}
	}()
	for i, h := range handouts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			o := ho
			o.handout.Layout = h.Value
			card := handoutCard{pageChoice: h, ID: "handout-" + h.Value}
			if p, err := s.previews(ctx, t, previewHandout, o); err == nil {
				card.Preview = preview{
					Src: fmt.Sprintf("/topics/%s/handout/1.svg?%s", slug, url.Values{"layout": {h.Value}, "paper": {d.Paper}}.Encode()),
					Alt: fmt.Sprintf(c.T["firstPageAlt"], h.Label, p.Alts[0]),
				}
				card.Facts = count(c.T, "pageCount", p.Pages)
			}
			if n, err := s.renderedSize(ctx, t, handoutPDF, o); err == nil {
				if card.Facts != "" {
					card.Facts += ", "
				}
				card.Facts += fileSize(c.Lang, n)
			}
			d.Handouts[i] = card
		}()
	}
	wg.Wait()
	if deckErr != nil {
		s.fail(w, r, deckErr)
		return
	}
	writePage(w, r, s, topicTemplate(), http.StatusOK, d)
}
