package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/topic"
)

// Cache-Control values. Served artifacts may be kept but must be checked
// against their ETag, since the entry files can change at any time;
// renders of uploads are private and kept nowhere.
const (
	cacheRevalidate = "no-cache"
	cacheNever      = "no-store"
)

// errorBody is the JSON of every error answer; Line and Col are set for
// an entry that cannot be read, as the CLI's file:line:col message has them.
type errorBody struct {
	Error string `json:"error"`
	Line  int    `json:"line,omitempty"`
	Col   int    `json:"col,omitempty"`
}

func writeError(w http.ResponseWriter, status int, body errorBody) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", cacheNever)
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}

// fail answers with the status an error calls for.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var oe *optionError
	var te *diag.Error
	var le *limitError
	var pe *exporter.PageLimitError
	switch {
	case errors.As(err, &oe):
		writeError(w, http.StatusBadRequest, errorBody{Error: oe.msg})
	case errors.As(err, &le):
		writeError(w, http.StatusUnprocessableEntity, errorBody{Error: le.msg})
	case errors.As(err, &pe):
		writeError(w, http.StatusUnprocessableEntity, errorBody{Error: fmt.Sprintf("the document would have %d pages; this server makes at most %d (--max-pages)", pe.Pages, pe.Max)})
	case errors.Is(err, errBusy):
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, errorBody{Error: err.Error()})
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		// The client left while waiting for a render another request
		// started; nobody reads this answer.
		writeError(w, http.StatusServiceUnavailable, errorBody{Error: "request cancelled"})
	case emptyQuiz(err):
		writeError(w, http.StatusUnprocessableEntity, errorBody{Error: err.Error()})
	case errors.As(err, &te):
		// An entry that reads but cannot be rendered (a broken
		// bibliography, say): the served folder is at fault, not the
		// request, and the message tells its author where.
		s.log.Error("render failed", "path", r.URL.Path, "err", err)
		pub := *te
		pub.File = s.catalog.publicName(te.File)
		writeError(w, http.StatusInternalServerError, errorBody{Error: pub.Error(), Line: te.Pos.Line, Col: te.Pos.Col})
	default:
		// The message may name files on this machine; the log keeps
		// it, the answer does not.
		s.log.Error("render failed", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, errorBody{Error: "internal error while rendering; the server's log has the details"})
	}
}

// serveArtifact sends an artifact as a download. http.ServeContent
// answers If-None-Match with 304 (it compares the ETag set here), HEAD and
// Range requests, and sets Content-Length.
func serveArtifact(w http.ResponseWriter, r *http.Request, a *artifact, art, name, cacheControl string) {
	h := w.Header()
	h.Set("Content-Type", contentTypes[art])
	h.Set("Content-Disposition", attachment(name))
	h.Set("ETag", a.etag)
	h.Set("Cache-Control", cacheControl)
	h.Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}

// attachment is a Content-Disposition that saves the file under name. A
// name with characters beyond printable ASCII (a Swedish slug) is given
// both as an ASCII fallback and in RFC 5987 form, which browsers prefer.
func attachment(name string) string {
	ascii := true
	for _, r := range name {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			ascii = false
			break
		}
	}
	if ascii {
		return `attachment; filename="` + name + `"`
	}
	fallback := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			return '_'
		}
		return r
	}, name)
	return `attachment; filename="` + fallback + `"; filename*=UTF-8''` + url.PathEscape(name)
}

// topicArtifact serves one artifact of a loaded entry. The slug only ever
// selects an entry from the catalog's map.
func (s *Server) topicArtifact(art string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		slug := r.PathValue("slug")
		snap := s.catalog.current()
		t, ok := snap.bySlug[slug]
		if !ok {
			writeError(w, http.StatusNotFound, errorBody{Error: fmt.Sprintf("no topic %q", slug)})
			return
		}
		opt, err := parseOptions(art, r.URL.Query())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		entries := []*topic.Entry{t.Entry}
		cost, err := s.admit(art, entries, &opt)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		key := art + "\x00" + slug + "\x00" + opt.key(art) + "\x00" + t.Hash
		a, err := s.produce(r.Context(), key, true, cost, func(ctx context.Context, w io.Writer) ([]string, error) {
			return render(ctx, art, entries, opt, w)
		})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		serveArtifact(w, r, a, art, fileName(art, slug, opt), cacheRevalidate)
	}
}

// courseArtifact serves an artifact made of every topic in the folder,
// the glossary or a question bank, as the file named file; what names it
// in the answer to a folder without topics.
func (s *Server) courseArtifact(art, file, what string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		snap := s.catalog.current()
		if len(snap.topics) == 0 {
			writeError(w, http.StatusNotFound, errorBody{Error: "no topics to make " + what + " of"})
			return
		}
		entries := snap.entries()
		var opt options
		cost, err := s.admit(art, entries, &opt)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		key := art + "\x00*\x00\x00" + snap.hash
		a, err := s.produce(r.Context(), key, true, cost, func(ctx context.Context, w io.Writer) ([]string, error) {
			return render(ctx, art, entries, opt, w)
		})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		serveArtifact(w, r, a, art, file, cacheRevalidate)
	}
}

// health is the JSON of /healthz.
type health struct {
	Status     string `json:"status"`
	Topics     int    `json:"topics"`
	Problems   int    `json:"problems"`
	CacheBytes int64  `json:"cache_bytes"`
	Cached     int    `json:"cached"`
	Rendering  int    `json:"rendering"`
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	snap := s.catalog.snap.Load()
	bytes, n := s.cache.stats()
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", cacheNever)
	json.NewEncoder(w).Encode(health{
		Status: "ok", Topics: len(snap.topics), Problems: len(snap.problems),
		CacheBytes: bytes, Cached: n, Rendering: len(s.slots),
	})
}
