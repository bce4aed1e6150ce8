package server

import (
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

// quizRoutes adds the course-wide quiz downloads to mux.
func (s *Server) quizRoutes(mux *http.ServeMux) {
	for name := range quizArtifacts {
		mux.HandleFunc("GET /"+name, s.courseArtifact(name, name, "a quiz"))
	}
}

// emptyQuiz reports whether err is a quiz without questions, which the
// client is told plainly rather than as a server failure.
func emptyQuiz(err error) bool {
	return errors.Is(err, quiz.ErrEmpty)
}
