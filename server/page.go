package server

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/topic"
)

//go:embed page.html topic.html common.html page.js
var pageFiles embed.FS

// The page templates are parsed on first use: every topicdeck command
// links this package, and only serve shows the pages.
var (
	pageTemplate = sync.OnceValue(func() *template.Template {
		return template.Must(template.ParseFS(pageFiles, "common.html", "page.html"))
	})
	topicTemplate = sync.OnceValue(func() *template.Template {
		return template.Must(template.ParseFS(pageFiles, "common.html", "topic.html"))
	})
)

// pageTopic is what the index shows of one topic.
type pageTopic struct {
	Slug, Title, Subject, Lede, Lang string
}

// pageChoice is one option of a <select>, or one layout's card.
type pageChoice struct {
	Value, Label, Details string
	Default               bool
}

// pageCommon is what every page reads: its strings in the chosen
// language, and how its links keep that choice.
type pageCommon struct {
	T    map[string]string
	Lang string
	// HL is the hl parameter the links carry ("" when the browser's
	// Accept-Language chose the language), Switch the URL of this page
	// in the other language.
	HL, Switch string
}

// bankButtons are the download buttons of a glossary and of the question
// banks in each format: of every topic on the index, of one topic on its
// page.
type bankButtons struct {
	Base                        string // the path the files are under: "" or /topics/{slug}
	Glossary, Moodle, GIFT, QTI string // the buttons' labels
}

// topicGroup is the topics of one subject.
type topicGroup struct {
	Subject string
	ID      string
	Lang    string // of the subject's name: its first topic's
	Topics  []pageTopic
}

// pageData is everything the index template reads.
type pageData struct {
	pageCommon
	Groups         []topicGroup
	Query          string
	Shown, Total   int
	Problems       []string
	Banks          bankButtons
	Aspects        []pageChoice
	Papers         []pageChoice
	HandoutLayouts []pageChoice
	MaxUploadKiB   int64
	// UploadError is the file:line: message of an uploaded entry that
	// could not be read, shown beside the form.
	UploadError string
}

// newCommon returns the page's language and links for a request.
func newCommon(r *http.Request) pageCommon {
	lang := pageLang(r)
	c := pageCommon{T: pageText[lang], Lang: lang}
	if r.URL.Query().Get("hl") == lang {
		c.HL = lang
	}
	q := r.URL.Query()
	q.Set("hl", c.T["switchLang"])
	c.Switch = r.URL.Path + "?" + q.Encode()
	return c
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

// shorten cuts s to about n characters at a word, for the index, which
// must stay small with hundreds of topics.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.—–-") + "…"
}

// layoutChoices lists the offered layouts of a kind with their plain
// labels in the page's language, the default marked.
func layoutChoices(lang string, k layouts.Kind, def string) []pageChoice {
	var out []pageChoice
	for _, in := range offeredLayouts() {
		if in.Kind == k {
			label, details := layoutLabel(lang, in)
			out = append(out, pageChoice{Value: in.Name, Label: label, Details: details, Default: in.Name == def})
		}
	}
	return out
}

// aspectChoices and paperChoices are the fixed pickers, def selected.
func aspectChoices(t map[string]string, def string) []pageChoice {
	return []pageChoice{{Value: aspects[0], Label: t["wide"], Default: def != aspects[1]}, {Value: aspects[1], Label: t["classic"], Default: def == aspects[1]}}
}

func paperChoices(def string) []pageChoice {
	return []pageChoice{{Value: papers[0], Label: "A4", Default: def != papers[1]}, {Value: papers[1], Label: "US Letter", Default: def == papers[1]}}
}

// matches reports whether a topic holds every word of the filter, in its
// title, subject or summary, ignoring case.
func matches(t pageTopic, full string, words []string) bool {
	hay := strings.ToLower(t.Title + " " + t.Subject + " " + full)
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// index renders the page listing the topics by subject, with the course's
// downloads at the top. The filter and every download are plain GET
// forms, so the page works without script.
func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	s.writeIndex(w, r, http.StatusOK, "")
}

// writeIndex renders the index with a status and, for a failed upload,
// its message beside the upload form.
func (s *Server) writeIndex(w http.ResponseWriter, r *http.Request, status int, uploadError string) {
	c := newCommon(r)
	snap := s.catalog.current()
	query := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(query) > 200 {
		query = query[:200]
	}
	d := pageData{
		pageCommon:     c,
		Query:          query,
		Total:          len(snap.topics),
		Problems:       snap.problems,
		Banks:          bankButtons{"", c.T["courseGlossary"], c.T["courseMoodle"], c.T["courseGIFT"], c.T["courseQTI"]},
		Aspects:        aspectChoices(c.T, ""),
		Papers:         paperChoices(""),
		HandoutLayouts: layoutChoices(c.Lang, layouts.KindHandout, exporter.DefaultHandoutLayout),
		MaxUploadKiB:   s.cfg.MaxUpload >> 10,
		UploadError:    uploadError,
	}
	words := strings.Fields(strings.ToLower(query))
	groups := map[string]*topicGroup{}
	for _, t := range snap.topics {
		e := t.Entry
		full := lede(e)
		pt := pageTopic{Slug: t.Slug(), Title: e.Title, Subject: strings.TrimSpace(e.Subject), Lede: shorten(full, 150), Lang: e.LangOrDefault()}
		if !matches(pt, full, words) {
			continue
		}
		d.Shown++
		g := groups[pt.Subject]
		if g == nil {
			g = &topicGroup{Subject: pt.Subject, Lang: pt.Lang}
			if g.Subject == "" {
				g.Subject, g.Lang = c.T["otherSubject"], c.Lang
			}
			groups[pt.Subject] = g
		}
		g.Topics = append(g.Topics, pt)
	}
	for _, g := range groups {
		d.Groups = append(d.Groups, *g)
	}
	// Subjects in alphabetical order, topics without one last.
	sort.Slice(d.Groups, func(i, j int) bool {
		a, b := d.Groups[i], d.Groups[j]
		if (a.Subject == c.T["otherSubject"]) != (b.Subject == c.T["otherSubject"]) {
			return b.Subject == c.T["otherSubject"]
		}
		return strings.ToLower(a.Subject) < strings.ToLower(b.Subject)
	})
	for i := range d.Groups {
		d.Groups[i].ID = "subject-" + strconv.Itoa(i+1)
	}
	writePage(w, r, s, pageTemplate(), status, d)
}

// writePage executes a page template and sends it with the page's
// headers: script only from the server's own page.js, no framing.
func writePage(w http.ResponseWriter, r *http.Request, s *Server, t *template.Template, status int, d any) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "page", d); err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", cacheRevalidate)
	}
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Content-Language", pageLang(r))
	h.Set("Vary", "Accept-Language")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; script-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// pageJS serves the page's one script: it only adds dropping a file on
// the upload form, which works without it.
func pageJS(w http.ResponseWriter, r *http.Request) {
	b, _ := pageFiles.ReadFile("page.js")
	h := w.Header()
	h.Set("Content-Type", "text/javascript; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=3600")
	h.Set("X-Content-Type-Options", "nosniff")
	w.Write(b)
}

// withHL adds the page-language parameter to a query when the page was
// asked for in one.
func withHL(q url.Values, hl string) string {
	if hl != "" {
		q.Set("hl", hl)
	}
	return q.Encode()
}

// pageRoutes adds the topic pages, their previews and the page's script.
func (s *Server) pageRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /topics/{slug}/{$}", s.topicPage)
	mux.HandleFunc("GET /topics/{slug}/slides/{file}", s.previewImage(previewSlides))
	mux.HandleFunc("GET /topics/{slug}/handout/{file}", s.previewImage(previewHandout))
	mux.HandleFunc("GET /page.js", pageJS)
}
