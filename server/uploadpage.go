package server

import (
	"errors"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/scholargate/topicdeck/diag"
)

// wantsPage reports whether the client asked for a page rather than JSON:
// a browser posting the upload form lists text/html in Accept; an API
// client sends */* or asks for JSON, and keeps the JSON answer.
func wantsPage(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		mt, _, _ := mime.ParseMediaType(strings.TrimSpace(part))
		switch mt {
		case "text/html", "application/xhtml+xml":
			return true
		case "application/json":
			return false
		}
	}
	return false
}

// entryProblem answers an uploaded entry that cannot be read or rendered
// with the CLI's file:line:col message: beside the upload form on the
// page for a browser, as JSON (entryError) for anyone else. It reports
// false, answering nothing, for any other error.
func (s *Server) entryProblem(w http.ResponseWriter, r *http.Request, err error) bool {
	var te *diag.Error
	if !errors.As(err, &te) {
		return false
	}
	if !wantsPage(r) {
		return entryError(w, err)
	}
	s.uploadPage(w, r, http.StatusUnprocessableEntity, te.Error())
	return true
}

// uploadFailed answers an upload that could not be taken (too large, not
// a form with a file) with the message beside the form for a browser and
// as JSON for anyone else.
func (s *Server) uploadFailed(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if !wantsPage(r) {
		writeError(w, status, errorBody{Error: msg})
		return
	}
	s.uploadPage(w, r, status, msg)
}

// uploadPage answers with the index and msg beside the upload form. The
// page is the index as the form's page language had it; its links point
// at the index, not at the render URL posted to.
func (s *Server) uploadPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	page := r.Clone(r.Context())
	page.URL = &url.URL{Path: "/"}
	if hl := r.URL.Query().Get("hl"); hl != "" {
		page.URL.RawQuery = url.Values{"hl": {hl}}.Encode()
	}
	w.Header().Set("Cache-Control", cacheNever)
	s.writeIndex(w, page, status, msg)
}
