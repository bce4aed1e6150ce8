package server

import (
	"bytes"
	_ "embed"
	"html/template"
	"net/http"
	"strconv"
	"sync"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/topic"
)

//go:embed page.html
var pageHTML string

// pageTemplate is parsed on first use: every topicdeck command links this
// package, and only serve shows the page.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Parse(pageHTML))
})

// pageTopic is what the page shows of one topic.
type pageTopic struct {
	Slug, Title, Subject, Lede, Lang string
}

// pageChoice is one option of a <select> or one button.
type pageChoice struct {
	Value, Label string
	Default      bool
}

// pageData is everything the page template reads.
type pageData struct {
	Topics         []pageTopic
	Problems       []string
	SlideLayouts   []pageChoice
	HandoutLayouts []pageChoice
	Aspects        []pageChoice
	Papers         []pageChoice
	MaxUploadKiB   int64
}

// lede is the first paragraph a reader meets: the summary's, else the
// definition's.
func lede(e *topic.Entry) string {
	for _, b := range []topic.Body{e.Summary, e.Definition} {
		for _, bl := range b {
			if bl.Kind == topic.ParagraphBlock {
				if s := bl.Text.Plain(); s != "" {
					return s
				}
			}
		}
	}
	return ""
}

// layoutChoices lists the registered layouts of a kind with their
// descriptions, the default marked.
func layoutChoices(k layouts.Kind, def string) []pageChoice {
	var out []pageChoice
	for _, in := range layouts.List() {
		if in.Kind == k {
			out = append(out, pageChoice{Value: in.Name, Label: in.Description, Default: in.Name == def})
		}
	}
	return out
}

func plainChoices(values []string, labels ...string) []pageChoice {
	out := make([]pageChoice, len(values))
	for i, v := range values {
		out[i] = pageChoice{Value: v, Label: labels[i], Default: i == 0}
	}
	return out
}

// index renders the page listing the topics with their download forms.
// The forms use GET and buttons only, so the page works without script.
func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	snap := s.catalog.current()
	d := pageData{
		Problems:       snap.problems,
		SlideLayouts:   layoutChoices(layouts.KindSlides, exporter.DefaultSlideLayout),
		HandoutLayouts: layoutChoices(layouts.KindHandout, exporter.DefaultHandoutLayout),
		Aspects:        plainChoices(aspects, "16:9 (wide screen)", "4:3 (classic projector)"),
		Papers:         plainChoices(papers, "A4", "US Letter"),
		MaxUploadKiB:   s.cfg.MaxUpload >> 10,
	}
	for _, t := range snap.topics {
		e := t.Entry
		d.Topics = append(d.Topics, pageTopic{Slug: t.Slug(), Title: e.Title, Subject: e.Subject, Lede: lede(e), Lang: e.LangOrDefault()})
	}
	var buf bytes.Buffer
	if err := pageTemplate().Execute(&buf, d); err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", cacheRevalidate)
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	w.Write(buf.Bytes())
}
