package server

import (
	"context"
	"errors"
	"io"
	"net/http"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/quiz"
	"github.com/scholargate/topicdeck/topic"
)

// The quiz artifacts, one per format: a topic's at
// /topics/{slug}/<name>, an uploaded entry's at /render/<name>, and the
// question bank of every topic (one category each) at /<name>.
var quizArtifacts = map[string]struct {
	format      quiz.Format
	contentType string
}{
	"quiz.xml":      {quiz.Moodle, "application/xml"},
	"quiz.gift.txt": {quiz.GIFT, "text/plain; charset=utf-8"},
	"quiz.qti.zip":  {quiz.QTI, "application/zip"},
}

// The quiz artifacts join the others, so every route of an artifact
// serves them.
func init() {
	for name, a := range quizArtifacts {
		contentTypes[name] = a.contentType
	}
}

// renderQuiz writes the question bank of the entries in the artifact's
// format; ok is false for an artifact that is no quiz.
func renderQuiz(art string, entries []*topic.Entry, w io.Writer) (warnings []string, ok bool, err error) {
	a, ok := quizArtifacts[art]
	if !ok {
		return nil, false, nil
	}
	warnings, err = exporter.Quiz(entries, exporter.QuizOptions{Format: a.format}, w)
	return warnings, true, err
}

// allQuiz serves the question bank of every topic in the folder.
func (s *Server) allQuiz(art string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		snap := s.catalog.current()
		if len(snap.topics) == 0 {
			writeError(w, http.StatusNotFound, errorBody{Error: "no topics to make a quiz of"})
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
		serveArtifact(w, r, a, art, art, cacheRevalidate)
	}
}

// quizRoutes adds the course-wide quiz downloads to mux.
func (s *Server) quizRoutes(mux *http.ServeMux) {
	for name := range quizArtifacts {
		mux.HandleFunc("GET /"+name, s.allQuiz(name))
	}
}

// emptyQuiz reports whether err is a quiz without questions, which the
// client is told plainly rather than as a server failure.
func emptyQuiz(err error) bool {
	return errors.Is(err, quiz.ErrEmpty)
}
