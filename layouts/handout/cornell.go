package handout

import (
	"strings"

	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/tagtree"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

const (
	cueShare = 0.31 // of the body width
	colGap   = 14.0
)

// planCornell plans a Cornell note sheet: a cue column of the entry's core
// questions and key concepts, a ruled notes area prompted by the section
// headings, and a summary box at the foot of every page. It pours the cues
// and the prompts into their columns independently and then lays the two
// side by side, page for page.
func planCornell(e *topic.Entry, env *layouts.Env, st Style) (*plan.Document, error) {
	doc, p, err := newDocument(e, env, st)
	if err != nil {
		return nil, err
	}
	a := p.body()
	sumH := max(a.H*0.2, 5*p.lines)
	colsH := a.H - sumH - colGap
	cueW := a.W * cueShare
	cue := area{X: a.X, Y: a.Y, W: cueW - colGap/2, H: colsH}
	notes := area{X: a.X + cueW + colGap/2, Y: a.Y, W: a.W - cueW - colGap/2, H: colsH}

	// Read aloud, the sheet is its title, then the cues (the questions
	// and concepts to listen for, which the eye meets first in the left
	// column), then the notes column's prompts, section by section: the
	// cues are what the notes answer, so they come first, and reading the
	// two columns page by page would mix a question with an unrelated
	// prompt. The ruled lines and the summary box are for the pen:
	// artifacts.
	draft := tagtree.Draft()
	titleTag := draft.AddHeading(1)
	cuesTag := draft.Add(plan.RoleSection)
	cf := newFlow(cue)
	cf.add(cornellCues(e, env, cue.W, cuesTag)...)
	nf := newFlow(notes)
	nf.add(cornellPrompts(e, env, p, notes.W, titleTag, draft)...)
	cues, prompts := cf.finish(), nf.finish()

	n := max(len(cues), len(prompts))
	for i := 0; i < n; i++ {
		pg := &plan.Page{}
		if i < len(cues) {
			pg.Items = append(pg.Items, cues[i].Items...)
		}
		if i < len(prompts) {
			pg.Items = append(pg.Items, prompts[i].Items...)
			pg.Bookmarks = append(pg.Bookmarks, prompts[i].Bookmarks...)
		} else {
			// The cues ran longer than the prompts: more room to write.
			pg.Items = append(pg.Items, p.ruled(notes.X, notes.Y, notes.W, notes.H-p.lines*0.5)...)
		}
		pg.Items = append(pg.Items, &plan.Rule{X1: notes.X - colGap/2, Y1: a.Y, X2: notes.X - colGap/2, Y2: a.Y + colsH, Color: frameInk, Width: 0.75})
		pg.Items = append(pg.Items, summaryBox(env, p, area{X: a.X, Y: a.bottom() - sumH, W: a.W, H: sumH})...)
		doc.Pages = append(doc.Pages, pg)
	}
	place(doc)
	runningHead(doc, p, env, e.Title)
	return doc, nil
}

// cornellCues sets the cue column: the core questions to answer and the
// key concepts to explain, the review prompts of the Cornell method.
// The cues are a section under the draft node at: a level-2 heading, and
// under level-3 headings the questions and the terms as lists without
// markers.
func cornellCues(e *topic.Entry, env *layouts.Env, w float64, at *plan.Node) []block {
	ts := newTypesetter(env.Text, env.Labels, w)
	ts.at = at
	ts.size = 10
	out := []block{ts.heading(env.Labels.Get(locale.Cues), 12, 0, 2)}
	if len(e.CoreQuestions) > 0 {
		out = append(out, ts.heading(sectionHeading(e, topic.SectionRef{Field: topic.FieldCoreQuestions}, env.Labels), 10, 10, subLevel))
		l := at.Add(plan.RoleList)
		for _, q := range e.CoreQuestions {
			body := l.Add(plan.RoleItem).Add(plan.RoleBody)
			b := block{rows: ts.lines(ts.spans(q.Text, font(10, false, false)), 0, 0, 1.3), before: 6}
			out = append(out, tag(b, body))
			var sub *plan.Node
			for _, c := range q.Children {
				if sub == nil {
					sub = body.Add(plan.RoleList)
				}
				out = append(out, tag(block{rows: ts.lines(ts.spans(c.Text, font(10, false, false)), 8, 0, 1.3), before: 3}, sub.Add(plan.RoleItem).Add(plan.RoleBody)))
			}
		}
	}
	if len(e.KeyConcepts) > 0 {
		out = append(out, ts.heading(sectionHeading(e, topic.SectionRef{Field: topic.FieldKeyConcepts}, env.Labels), 10, 12, subLevel))
		l := at.Add(plan.RoleList)
		for _, c := range e.KeyConcepts {
			out = append(out, tag(block{rows: ts.lines(ts.spans(c.Term, font(10, false, false)), 0, 8, 1.3), before: 4}, l.Add(plan.RoleItem).Add(plan.RoleLabel)))
		}
	}
	return out
}

// cornellPrompts sets the notes column: the title, then each section's
// heading as a prompt over ruled lines, more lines for longer sections.
// The title goes under the draft heading titleTag, each prompt, a level-2
// heading, in a section of its own under the draft node at.
func cornellPrompts(e *topic.Entry, env *layouts.Env, p Paper, w float64, titleTag, at *plan.Node) []block {
	ts := newTypesetter(env.Text, env.Labels, w)
	title := ts.headingTo(e.Title, 15, 0, titleTag)
	title.mark = &plan.Bookmark{Title: e.Title, Level: 0}
	title.keepWithNext = false
	out := []block{title}
	for _, r := range readingOrder(e) {
		if sectionEmpty(e, r) {
			continue
		}
		hd := sectionHeading(e, r, env.Labels)
		ts.at = at.Add(plan.RoleSection)
		h := ts.heading(hd, bodySize, 12, 2)
		h.mark = &plan.Bookmark{Title: hd, Level: 1}
		out = append(out, h)
		n := min(max(words(e, r)/35, 3), 10)
		rows := make([]row, n)
		for i := range rows {
			rows[i] = row{h: p.lines, draw: func(x, y float64) []plan.Item { return p.ruled(x, y, w, p.lines) }}
		}
		out = append(out, block{rows: rows, loose: true})
	}
	return out
}

// words counts a section's words, to size its writing space.
func words(e *topic.Entry, r topic.SectionRef) int {
	n := 0
	for i := 0; i < unitCount(e, r); i++ {
		n += len(strings.Fields(unitText(e, r, i)))
	}
	switch r.Field {
	case topic.FieldKeyConcepts:
		for _, c := range e.KeyConcepts {
			n += len(strings.Fields(c.Definition.Plain()))
		}
	case topic.FieldKeyTheories:
		for _, t := range e.KeyTheories {
			n += len(strings.Fields(t.Description.Plain()))
		}
	}
	if qs, ok := questions(e, r.Field); ok {
		for _, q := range qs {
			n += len(strings.Fields(q.Answer.Plain()))
		}
	}
	return n
}

// summaryBox is the framed box at the foot of a Cornell page, ruled for
// the student's own summary.
func summaryBox(env *layouts.Env, p Paper, a area) []plan.Item {
	items := []plan.Item{&plan.Rect{X: a.X, Y: a.Y, W: a.W, H: a.H, Stroke: &frameInkC, LineWidth: 0.75}}
	ls := env.Text.Lines(textlayout.Paragraph{Spans: []textlayout.Span{{Text: env.Labels.Get(locale.Summary), Font: font(bodySize, true, false), Color: ink}}}, a.W-16)
	y := a.Y + 6
	for _, l := range ls {
		items = append(items, &plan.Text{X: a.X + 8, Y: y, Line: l})
		y += l.Height
	}
	items = append(items, p.ruled(a.X+8, y, a.W-16, a.bottom()-y-4)...)
	return items
}
