package exporter

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/quiz"
)

// courseQuiz starts the course's question bank, Out/course-quiz.xml
// (Moodle XML, one category per topic under the course), of every
// readable entry in path order, and returns a func that waits for it and
// records the outcome. It is made beside the decks, as the glossary is:
// made after them, it kept one CPU idle at the end of every build.
//
// The bank depends on exactly what the course glossary depends on, less
// the bibliographies, so when the glossary was found unchanged and the
// bank is still there it is left alone; an unchanged bank is not
// rewritten either. Like the glossary, only shard 0 of a sharded build
// makes it. Concepts without a question are not warned about here: the
// quiz command says which and why.
func (b *builder) courseQuiz() (finish func()) {
	none := func() {}
	if b.opt.Shard.Count > 1 && b.opt.Shard.Index != 0 {
		b.dropQuizParts()
		return none
	}
	var in []*source
	for _, s := range b.sources {
		if s.err == nil && !s.ignored {
			in = append(in, s)
		}
	}
	path := filepath.Join(b.out, CourseQuizFile)
	if len(in) == 0 {
		b.dropQuizParts()
		return none
	}
	// The glossary keeps its last record when it is unchanged, and when
	// the course bibliography cannot be read (the one failure known before
	// it is made); either way the bank's inputs are its last ones.
	kept := b.next.Glossary == b.prev.Glossary || b.refsErr != nil
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && !b.opt.Force &&
		b.prev.Glossary != nil && kept {
		b.dropQuizParts()
		return none
	}
	var (
		wrote bool
		err   error
		done  = make(chan struct{})
	)
	go func() {
		defer close(done)
		wrote, err = b.writeCourseQuiz(in, path)
	}()
	return func() {
		<-done
		if errors.Is(err, quiz.ErrEmpty) {
			b.report.Warnings = append(b.report.Warnings, "no course quiz: "+err.Error())
			return
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
}

// dropQuizParts lets go of the sources' quiz parts.
func (b *builder) dropQuizParts() {
	for _, s := range b.sources {
		s.quizPart = nil
	}
}

// writeCourseQuiz makes the bank of the entries in and writes it to path
// unless it holds these bytes already; quiz.ErrEmpty when no entry has a
// question.
func (b *builder) writeCourseQuiz(in []*source, path string) (wrote bool, err error) {
	// The sources let go of their quiz parts whatever happens here.
	defer b.dropQuizParts()
	// The parts kept from reading the entries for the decks; an entry the
	// build did not read (an unchanged one) is read for its part now.
	parts := make([]*quiz.Part, len(in))
	b.parallel(len(in), func(i int) {
		if parts[i] = in[i].quizPart; parts[i] != nil {
			return
		}
		// An entry that cannot be read again is already a failure of its
		// own (or of the glossary); the bank is made of the others.
		if e, err := b.load(in[i]); err == nil {
			parts[i] = quiz.PartOf(e, glossary.Extract(e))
		}
	})
	var read []*quiz.Part
	for _, p := range parts {
		if p != nil {
			read = append(read, p)
		}
	}
	// Only read holds the parts now, so they go as soon as the bank is
	// made, before it is written (the bank's largest moment).
	b.dropQuizParts()
	if len(read) == 0 {
		return false, nil
	}
	bank := quiz.FromParts(read, quiz.Options{Course: b.opt.Course})
	opt := quiz.WriteOptions{Format: quiz.Moodle, Time: DocumentTime()}
	if _, serr := os.Lstat(path); errors.Is(serr, fs.ErrNotExist) {
		// Nothing to compare the bank with: it goes straight into the file
		// and is never all in memory twice (50 MB for 1,000 entries).
		err = WriteFile(path, nil, func(w io.Writer) error { return bank.Write(w, opt) })
		return err == nil, err
	}
	var buf bytes.Buffer
	if err = bank.Write(&buf, opt); err != nil {
		return false, err
	}
	return writeIfChanged(path, buf.Bytes())
}
