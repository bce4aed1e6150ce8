package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/figure"
	"github.com/scholargate/topicdeck/topic"
)

// upload renders an entry sent in the request body without keeping it.
// The body is the entry file itself (its form named by ?name= or by the
// Content-Type) or a multipart form whose first file is the entry, as the
// page's upload form sends it.
func (s *Server) upload(art string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		// A form's envelope (boundaries, part headers, option fields)
		// gets a little room beyond the entry it carries.
		limit := s.cfg.MaxUpload
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
			limit += multipartSlack
		}
		if r.ContentLength > limit {
			s.uploadFailed(w, r, http.StatusRequestEntityTooLarge, s.tooLarge())
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		name, data, q, err := readUpload(r, s.cfg.MaxUpload)
		if err != nil {
			var mbe *http.MaxBytesError
			switch {
			case errors.As(err, &mbe), errors.Is(err, errTooLarge):
				s.uploadFailed(w, r, http.StatusRequestEntityTooLarge, s.tooLarge())
			default:
				s.uploadFailed(w, r, http.StatusBadRequest, err.Error())
			}
			return
		}
		opt, err := parseOptions(art, q)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		release, err := s.budget.take(parseCost(data))
		if err != nil {
			s.fail(w, r, err)
			return
		}
		e, err := topic.Read(name, data, topic.Options{MaxSize: s.cfg.MaxUpload})
		release()
		if err != nil {
			if !s.entryProblem(w, r, err) {
				s.uploadFailed(w, r, http.StatusUnprocessableEntity, err.Error())
			}
			return
		}
		// An uploaded entry names no file on this machine: its
		// bibliography path would otherwise be opened by the glossary.
		e.Bibliography = ""
		// Nor are its pictures files here: none is read (each figure
		// shows its alt text, with a warning).
		e, _ = figure.Unavailable(e, "an uploaded entry brings no picture files")
		entries := []*topic.Entry{e}
		cost, err := s.admit(art, entries, &opt)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		a, err := s.produce(r.Context(), "", false, cost, func(ctx context.Context, w io.Writer) ([]string, error) {
			return render(ctx, art, entries, opt, w)
		})
		if err != nil {
			// A layout that cannot take what the entry holds is the
			// entry's problem, told where it is; anything else (busy,
			// a bug) is answered as for served entries.
			if !s.entryProblem(w, r, err) {
				s.fail(w, r, err)
			}
			return
		}
		h := w.Header()
		h.Set("Content-Type", contentTypes[art])
		slug := e.SlugOrDefault()
		if slug == "" {
			slug = "entry"
		}
		h.Set("Content-Disposition", attachment(fileName(art, slug, opt)))
		h.Set("ETag", a.etag)
		h.Set("Cache-Control", cacheNever)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Length", strconv.Itoa(len(a.body)))
		w.Write(a.body)
	}
}

// entryError answers 422 for an entry with a problem the CLI would report
// as file:line:col, giving the same message and the position apart. It
// reports false, answering nothing, for any other error.
func entryError(w http.ResponseWriter, err error) bool {
	var te *diag.Error
	if !errors.As(err, &te) {
		return false
	}
	writeError(w, http.StatusUnprocessableEntity, errorBody{Error: te.Error(), Line: te.Pos.Line, Col: te.Pos.Col})
	return true
}

func (s *Server) tooLarge() string {
	return fmt.Sprintf("entry is larger than the %d-byte upload limit", s.cfg.MaxUpload)
}

var errTooLarge = errors.New("upload too large")

// multipartSlack is the room a form upload gets beyond the entry's limit.
const multipartSlack = 16 << 10

// uploadName is the name an upload is read and reported under when the
// request gives none; without an extension the reader sniffs the form.
const uploadName = "upload"

// readUpload returns the uploaded entry, the name to read it under and
// the options (the query, plus the form's fields for a multipart upload).
func readUpload(r *http.Request, max int64) (name string, data []byte, q url.Values, err error) {
	q = r.URL.Query()
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "multipart/form-data" {
		return readMultipart(r, params["boundary"], q, max)
	}
	data, err = io.ReadAll(r.Body)
	if err != nil {
		return "", nil, nil, err
	}
	if int64(len(data)) > max {
		return "", nil, nil, errTooLarge
	}
	return nameHint(q.Get("name"), mt), data, q, nil
}

// readMultipart reads a form upload: the first file part is the entry,
// named by its file name; other parts are options.
func readMultipart(r *http.Request, boundary string, q url.Values, max int64) (string, []byte, url.Values, error) {
	if boundary == "" {
		return "", nil, nil, errors.New("multipart upload without a boundary")
	}
	mr := multipart.NewReader(r.Body, boundary)
	var name string
	var data []byte
	found := false
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return "", nil, nil, err
			}
			return "", nil, nil, fmt.Errorf("malformed multipart upload: %v", err)
		}
		b, err := io.ReadAll(io.LimitReader(p, max+1))
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return "", nil, nil, err
			}
			return "", nil, nil, fmt.Errorf("malformed multipart upload: %v", err)
		}
		if int64(len(b)) > max {
			return "", nil, nil, errTooLarge
		}
		if p.FileName() != "" && !found {
			found = true
			name, data = nameHint(p.FileName(), ""), b
			continue
		}
		if fn := p.FormName(); fn != "" && p.FileName() == "" && q.Get(fn) == "" {
			q.Set(fn, string(b))
		}
	}
	if !found {
		return "", nil, nil, errors.New("multipart upload holds no file")
	}
	return name, data, q, nil
}

// nameHint turns the client's name for an upload into the name the
// reader uses for messages and to pick the form: only the base name is
// kept (it names no file here), and a media type stands in when the
// client gave no name.
func nameHint(hint, mediaType string) string {
	hint = strings.TrimSpace(strings.ReplaceAll(hint, "\\", "/"))
	if hint != "" {
		if b := path.Base(hint); b != "." && b != "/" && b != ".." {
			return b
		}
	}
	switch mediaType {
	case "text/markdown", "text/x-markdown":
		return uploadName + ".md"
	case "application/json":
		return uploadName + ".json"
	case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml":
		return uploadName + ".yaml"
	}
	return uploadName
}
