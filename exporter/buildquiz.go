package exporter

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"

	"github.com/scholargate/topicdeck/quiz"
	"github.com/scholargate/topicdeck/topic"
)

// courseQuiz writes the course's question bank, Out/course-quiz.xml
// (Moodle XML, one category per topic under the course), of every
// readable entry in path order. It depends on exactly what the course
// glossary depends on, less the bibliographies, so when the glossary was
// found unchanged and the bank is still there it is left alone; an
// unchanged bank is not rewritten either. Like the glossary, only shard 0
// of a sharded build makes it. Concepts without a question are not
// warned about here: the quiz command says which and why.
func (b *builder) courseQuiz() {
	if b.opt.Shard.Count > 1 && b.opt.Shard.Index != 0 {
		return
	}
	var in []*source
	for _, s := range b.sources {
		if s.err == nil && !s.ignored {
			in = append(in, s)
		}
	}
	path := filepath.Join(b.out, CourseQuizFile)
	if len(in) == 0 {
		return
	}
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && !b.opt.Force &&
		b.prev.Glossary != nil && b.next.Glossary == b.prev.Glossary {
		return
	}
	entries := make([]*topic.Entry, len(in))
	b.parallel(len(in), func(i int) {
		// An entry that cannot be read again is already a failure of its
		// own (or of the glossary); the bank is made of the others.
		entries[i], _ = b.load(in[i])
	})
	var read []*topic.Entry
	for _, e := range entries {
		if e != nil {
			read = append(read, e)
		}
	}
	if len(read) == 0 {
		return
	}
	var buf bytes.Buffer
	bank := quiz.Build(read, quiz.Options{Course: b.opt.Course})
	err := bank.Write(&buf, quiz.WriteOptions{Format: quiz.Moodle, Time: DocumentTime()})
	if errors.Is(err, quiz.ErrEmpty) {
		b.report.Warnings = append(b.report.Warnings, "no course quiz: "+err.Error())
		return
	}
	var wrote bool
	if err == nil {
		wrote, err = writeIfChanged(path, buf.Bytes())
	}
	if err != nil {
		b.report.Failures = append(b.report.Failures, entryError(path, "course quiz", err))
		return
	}
	if wrote {
		b.report.Artifacts++
		b.report.Quiz = path
	}
}
