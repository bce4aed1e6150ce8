package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/svgdraw"
	"github.com/scholargate/topicdeck/topic"
)

// previewed is a document's previews as the page needs them: how many
// pages it has, each drawn page's text (alt text) and SVG.
type previewed struct {
	Pages int      `json:"pages"`
	Alts  []string `json:"alts"`
	Ends  []int    `json:"ends"` // end offset of each page's SVG in svgs
	svgs  []byte
}

// svg returns drawn page i (0-based).
func (p *previewed) svg(i int) []byte {
	start := 0
	if i > 0 {
		start = p.Ends[i-1]
	}
	return p.svgs[start:p.Ends[i]]
}

// encodePreviews packs previews into one cached artifact: a JSON header
// line, then the SVGs back to back. One artifact per document, so a deck
// is planned once for all its slides and the cache's byte bound covers it.
func encodePreviews(w io.Writer, p *previewed) error {
	head, err := json.Marshal(p)
	if err != nil {
		return err
	}
	w.Write(head)
	w.Write([]byte{'\n'})
	_, err = w.Write(p.svgs)
	return err
}

func decodePreviews(body []byte) (*previewed, error) {
	head, rest, ok := bytes.Cut(body, []byte{'\n'})
	p := &previewed{}
	if !ok || json.Unmarshal(head, p) != nil || len(p.Ends) != len(p.Alts) {
		return nil, errors.New("preview cache entry is damaged")
	}
	for i, e := range p.Ends {
		if e > len(rest) || i > 0 && e < p.Ends[i-1] {
			return nil, errors.New("preview cache entry is damaged")
		}
	}
	p.svgs = rest
	return p, nil
}

// The documents a preview shows: every slide of a deck, or the first page
// of a handout.
const (
	previewSlides  = "slides"
	previewHandout = "handout"
)

// previews returns the previews of a topic's deck or handout with the
// given options, drawn once and then kept in the artifact cache.
func (s *Server) previews(ctx context.Context, t *servedTopic, kind string, o options) (*previewed, error) {
	art := slidesPDF
	if kind == previewHandout {
		art = handoutPDF
	}
	key := "preview\x00" + kind + "\x00" + t.Slug() + "\x00" + o.key(art) + "\x00" + t.Hash
	a, err := s.produceWaiting(ctx, key, art, []*topic.Entry{t.Entry}, &o, func(ctx context.Context, w io.Writer) ([]string, error) {
		var doc *plan.Document
		var set *fonts.Set
		var err error
		pages := 0
		if kind == previewHandout {
			doc, set, err = exporter.PlanHandoutContext(ctx, t.Entry, o.handout)
			pages = 1
		} else {
			doc, set, err = exporter.PlanSlidesContext(ctx, t.Entry, o.slides)
		}
		if err != nil {
			return nil, err
		}
		return nil, drawPreviews(ctx, w, doc, set, pages)
	})
	if err != nil {
		return nil, err
	}
	return decodePreviews(a.body)
}

// drawPreviews draws the first n pages of doc (all of them when n is 0).
func drawPreviews(ctx context.Context, w io.Writer, doc *plan.Document, set *fonts.Set, n int) error {
	if n <= 0 || n > len(doc.Pages) {
		n = len(doc.Pages)
	}
	p := &previewed{Pages: len(doc.Pages)}
	var buf bytes.Buffer
	for i := range n {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := svgdraw.Write(&buf, doc, i, set); err != nil {
			return err
		}
		p.Ends = append(p.Ends, buf.Len())
		p.Alts = append(p.Alts, svgdraw.Text(doc.Pages[i]))
	}
	p.svgs = buf.Bytes()
	return encodePreviews(w, p)
}

// produceWaiting is produce for what the page itself loads (previews,
// the sizes beside its buttons): a page opens a dozen previews at once,
// and those wait for a free render slot instead of failing with 503. The
// render limits and the memory budget apply as to a download of art.
func (s *Server) produceWaiting(ctx context.Context, key, art string, entries []*topic.Entry, o *options, draw renderFunc) (*artifact, error) {
	cost, err := s.admit(art, entries, o)
	if err != nil {
		return nil, err
	}
	for {
		a, err := s.produce(ctx, key, true, cost, draw)
		if !errors.Is(err, errBusy) {
			return a, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// pageNumber reads "{n}.svg" of a preview URL, n from 1.
func pageNumber(file string) (int, bool) {
	num, ok := strings.CutSuffix(file, ".svg")
	if !ok || num == "" || len(num) > 4 || num[0] == '0' {
		return 0, false
	}
	n, err := strconv.Atoi(num)
	return n, err == nil && n > 0
}

// previewImage serves one page of a topic's deck (kind previewSlides, any
// slide) or handout (previewHandout, the first page) as SVG, with the
// query options of the PDF it previews.
func (s *Server) previewImage(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		slug := r.PathValue("slug")
		t, ok := s.catalog.current().bySlug[slug]
		if !ok {
			writeError(w, http.StatusNotFound, errorBody{Error: fmt.Sprintf("no topic %q", slug)})
			return
		}
		n, ok := pageNumber(r.PathValue("file"))
		if !ok || kind == previewHandout && n != 1 {
			writeError(w, http.StatusNotFound, errorBody{Error: "no such preview"})
			return
		}
		art := slidesPDF
		if kind == previewHandout {
			art = handoutPDF
		}
		opt, err := parseOptions(art, r.URL.Query())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		p, err := s.previews(r.Context(), t, kind, opt)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if n > len(p.Ends) {
			writeError(w, http.StatusNotFound, errorBody{Error: fmt.Sprintf("%s has %d slides", slug, p.Pages)})
			return
		}
		body := p.svg(n - 1)
		sum := sha256.Sum256(body)
		h := w.Header()
		h.Set("Content-Type", "image/svg+xml")
		h.Set("ETag", `"`+hex.EncodeToString(sum[:16])+`"`)
		h.Set("Cache-Control", cacheRevalidate)
		h.Set("X-Content-Type-Options", "nosniff")
		// The SVG is drawn here and holds no script; the policy keeps it
		// that way should a browser open it as a document.
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
	}
}

// renderedSize renders (or finds cached) the artifact a download button
// gets, so the page can say its size; the download is then instant.
func (s *Server) renderedSize(ctx context.Context, t *servedTopic, art string, o options) (int, error) {
	key := art + "\x00" + t.Slug() + "\x00" + o.key(art) + "\x00" + t.Hash
	entries := []*topic.Entry{t.Entry}
	a, err := s.produceWaiting(ctx, key, art, entries, &o, func(ctx context.Context, w io.Writer) ([]string, error) {
		return render(ctx, art, entries, o, w)
	})
	if err != nil {
		return 0, err
	}
	return len(a.body), nil
}
