package handout

import (
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/topic"
)

// planReader plans the study guide: the whole entry set for reading away
// from the lecture in one column of comfortable measure, with a running
// head, page numbers and an outline.
func planReader(e *topic.Entry, env *layouts.Env, st Style) (*plan.Document, error) {
	doc, p, err := newDocument(e, env, st)
	if err != nil {
		return nil, err
	}
	a := readingArea(p)
	s := &study{e: e, env: env, ts: newTypesetter(env.Text, env.Labels, a.W), labels: env.Labels}
	f := newFlow(a)
	f.add(s.all()...)
	doc.Pages = f.finish()
	place(doc)
	runningHead(doc, p, env, e.Title)
	return doc, nil
}

// readingArea narrows the body to about 75 characters a line, the measure
// that reads comfortably at 10.5 pt.
func readingArea(p Paper) area {
	a := p.body()
	const measure = 440.0
	if a.W > measure {
		a.X += (a.W - measure) / 2
		a.W = measure
	}
	return a
}
