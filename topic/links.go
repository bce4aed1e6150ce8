package topic

import (
	"fmt"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/internal/safelink"
)

// UnsafeLinks returns a warning for each link whose target no artifact may
// carry (javascript:, vbscript:, file:, data:, a UNC path): the PDF and
// XLSX writers drop such links and keep their text, and these warnings
// say so, at the position of the paragraph, item or concept holding them.
func UnsafeLinks(e *Entry) []diag.Problem {
	w := &linkWalker{file: e.problemFile()}
	w.body(e.Summary, Pos{})
	for _, s := range KindsShaped(ShapeProse) {
		w.body(*s.Prose(e), Pos{})
	}
	if e.Relevance != nil {
		w.body(e.Relevance.Body, Pos{})
	}
	for _, s := range e.Sections {
		w.body(s.Body, Pos{})
	}
	for _, s := range sectionTable {
		if l := s.List(e); l != nil {
			w.items(*l)
		}
	}
	for _, c := range e.KeyConcepts {
		w.text(c.Term, c.Pos)
		w.text(c.Definition, c.Pos)
	}
	for _, t := range e.KeyTheories {
		w.text(t.Name, t.Pos)
		w.body(t.Description, t.Pos)
	}
	for _, k := range KindsShaped(ShapeQuestions) {
		qs := *k.Questions(e)
		for _, q := range qs {
			w.text(q.Question, q.Pos)
			w.body(q.Answer, q.Pos)
		}
	}
	diag.List(w.out).Sort() // one file: by line and column
	return w.out
}

type linkWalker struct {
	file string
	out  []diag.Problem
}

func (w *linkWalker) text(t Text, pos Pos) {
	for _, r := range t {
		if r.URL == "" {
			continue
		}
		if why := safelink.Problem(r.URL); why != "" {
			w.out = append(w.out, diag.Problem{File: w.file, Pos: pos, Severity: diag.SeverityWarning,
				Message: fmt.Sprintf("link %q dropped (%s); its text %q is kept", short(r.URL), why, short(r.Text))})
		}
	}
}

// body walks blocks; a block without a position (built in code) takes its
// container's.
func (w *linkWalker) body(b []Block, pos Pos) {
	for _, bl := range b {
		p := bl.Pos
		if !p.IsValid() {
			p = pos
		}
		w.text(bl.Text, p)
		w.items(bl.Items)
		for _, row := range bl.Rows {
			for _, c := range row {
				w.text(c, p)
			}
		}
		w.body(bl.Blocks, p)
	}
}

func (w *linkWalker) items(items []Item) {
	for _, it := range items {
		w.text(it.Text, it.Pos)
		w.items(it.Children)
		w.body(it.Blocks, it.Pos)
	}
}
