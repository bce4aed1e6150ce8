package exporter

import (
	"fmt"
	"io"
	"strings"

	"github.com/scholargate/topicdeck/quiz"
	"github.com/scholargate/topicdeck/topic"
)

// CourseQuizFile is the name of the question bank a build makes of all
// entries, beside the course glossary: Moodle XML, one category per topic.
const CourseQuizFile = "course-quiz.xml"

// QuizOptions are the choices for a quiz. Empty fields take the defaults:
// Moodle XML, a course name from the entries, seed 0.
type QuizOptions struct {
	Format quiz.Format // moodle (default), gift or qti
	Course string      // the bank's name (the top category)
	// Seed chooses the distractors and the order of choices.
	Seed int64
	// IncludeExtracted uses definitions the glossary extracted from the
	// entries' prose, tagged for review.
	IncludeExtracted bool
}

// Quiz makes the question bank of the entries (one topic, or a whole
// course) and writes it to w in the chosen format. The warnings name the
// key concepts that got no question and why.
func Quiz(entries []*topic.Entry, opt QuizOptions, w io.Writer) ([]string, error) {
	if len(entries) == 0 {
		return nil, fmt.Errorf("no entries to make a quiz of")
	}
	format := opt.Format
	if format == "" {
		format = quiz.Moodle
	}
	if _, err := quiz.ParseFormat(string(format)); err != nil {
		return nil, err
	}
	b := quiz.Build(entries, quiz.Options{Course: opt.Course, Seed: opt.Seed, IncludeExtracted: opt.IncludeExtracted})
	return quizWarnings(b), b.Write(w, quiz.WriteOptions{Format: format, Time: DocumentTime()})
}

// quizWarnings says, per topic, which concepts have no question.
func quizWarnings(b *quiz.Bank) []string {
	var out []string
	for _, c := range b.Categories {
		if len(c.Unreviewed) > 0 {
			out = append(out, fmt.Sprintf("%s: no questions on %s: their definitions were extracted from the text (--include-extracted uses them, tagged for review)",
				c.Name, strings.Join(quote(c.Unreviewed), ", ")))
		}
		if len(c.Undefined) > 0 {
			out = append(out, fmt.Sprintf("%s: no questions on %s: no definition", c.Name, strings.Join(quote(c.Undefined), ", ")))
		}
	}
	return out
}

func quote(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = "“" + s + "”"
	}
	return out
}
