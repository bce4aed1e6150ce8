package handout

import (
	"strings"

	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// study sets an entry as continuous reading: the reader's study guide and
// the guided notes share it, the notes layout uses its sections.
type study struct {
	e      *topic.Entry
	env    *layouts.Env
	ts     *typesetter
	labels locale.Labels
	// gaps, in guided notes, blanks out the key concepts.
	gaps *gapper
	// boxes numbers the framed boxes set so far.
	boxes int
}

// titleBlocks sets the subject, the title, the byline and the lede.
func (s *study) titleBlocks() []block {
	ts := s.ts
	// The title is read first and is the only level-1 heading; the
	// subject, printed above it, follows it.
	titleTag := ts.at.AddHeading(1)
	var out []block
	if s.e.Subject != "" {
		sp := []textlayout.Span{{Text: s.e.Subject, Font: font(smallSize, true, false), Color: inkSoft}}
		out = append(out, tag(block{rows: ts.lines(sp, 0, 0, 1.3), keepWithNext: true}, ts.at.Add(plan.RoleParagraph)))
	}
	title := block{
		rows:         ts.lines([]textlayout.Span{{Text: s.e.Title, Font: font(21, true, false), Color: ink}}, 0, 0, 1.15),
		before:       4,
		keepWithNext: true,
		mark:         &plan.Bookmark{Title: s.e.Title, Level: 0},
	}
	out = append(out, tag(title, titleTag))
	var by []string
	if a := s.env.Options.Author; a != "" {
		by = append(by, a)
	} else if len(s.e.Authors) > 0 {
		by = append(by, strings.Join(s.e.Authors, ", "))
	}
	if s.e.Updated != "" {
		by = append(by, s.labels.Get(locale.Updated)+" "+s.e.Updated)
	}
	if c := s.env.Options.Course; c != "" {
		by = append(by, s.labels.Get(locale.Course)+": "+c)
	}
	if len(by) > 0 {
		sp := []textlayout.Span{{Text: strings.Join(by, " · "), Font: font(smallSize, false, false), Color: inkSoft}}
		out = append(out, tag(block{rows: ts.lines(sp, 0, 0, 1.3), before: 4}, ts.at.Add(plan.RoleParagraph)))
	}
	for i, bl := range s.e.Summary {
		lede := s.withSize(ts.size+1, func() []block { return ts.blockOf(bl, 0) })
		if i == 0 && len(lede) > 0 {
			lede[0].before = 10
		}
		out = append(out, lede...)
	}
	return out
}

// withSize sets content in another body size.
func (s *study) withSize(size float64, f func() []block) []block {
	old := s.ts.size
	s.ts.size = size
	defer func() { s.ts.size = old }()
	return f()
}

// sectionBlocks sets one section: its heading, then its content in the form
// that suits it (a box, a glossary, questions and answers, references).
// Each is a section of the document's structure with a level-2 heading.
func (s *study) sectionBlocks(r topic.SectionRef, level int) []block {
	if sectionEmpty(s.e, r) {
		return nil
	}
	return s.ts.under(s.ts.at.Add(plan.RoleSection), func() []block { return s.section(r, level) })
}

func (s *study) section(r topic.SectionRef, level int) []block {
	ts := s.ts
	title := sectionHeading(s.e, r, s.labels)
	h := ts.heading(title, 13.5, 20, 2)
	h.mark = &plan.Bookmark{Title: title, Level: level}
	out := []block{h}
	if r.Field == topic.FieldDefinition {
		// The definition is what a student looks up first: set off in a box,
		// with its heading inside the frame.
		ts.width -= boxPad
		defer func() { ts.width += boxPad }()
		s.boxes++
		label := block{rows: ts.lines([]textlayout.Span{{Text: title, Font: font(ts.size, true, false), Color: ink}}, boxPad, 0, 1.3), keepWithNext: true, before: 18, mark: h.mark}
		label = tag(label, ts.at.AddHeading(2))
		// The boxed definition's paragraphs are statements.
		ts.paraRole = plan.RoleStatement
		defer func() { ts.paraRole = plan.RoleParagraph }()
		out := append([]block{label}, ts.body(s.e.Definition, boxPad)...)
		for i := range out {
			out[i].box = s.boxes
			if i > 0 {
				out[i].before = 4
			}
		}
		return out
	}
	out = append(out, s.content(r, 0, unitCount(s.e, r))...)
	if len(out) == 1 {
		h.keepWithNext = false
		out[0] = h
	}
	return out
}

// content sets units from..to-1 of a section (its paragraphs, items,
// concepts, theories or questions) without the heading.
func (s *study) content(r topic.SectionRef, from, to int) []block {
	ts := s.ts
	switch r.Field {
	case topic.FieldKeyConcepts:
		return s.glossary(s.e.KeyConcepts[from:to])
	case topic.FieldKeyTheories:
		var out []block
		for _, th := range s.e.KeyTheories[from:to] {
			h := ts.heading(th.Name.Plain(), ts.size+0.5, 10, subLevel)
			h.rows = ts.lines(plainSpans(th.Name, font(ts.size+0.5, true, false)), 0, 0, 1.25)
			out = append(out, tag(h, ts.at.AddHeading(subLevel)))
			out = append(out, ts.body(th.Description, 0)...)
		}
		return out
	}
	if qs, ok := questions(s.e, r.Field); ok {
		return s.qas(qs[from:to])
	}
	if isReferences(r.Field) {
		return s.references(items(s.e, r.Field)[from:to])
	}
	if it := items(s.e, r.Field); it != nil {
		return ts.list(it[from:to], false, 0, 0)
	}
	return ts.body(prose(s.e, r)[from:to], 0)
}

// unitCount is how many units a section has: the pieces the notes layout
// shares out between the slides a section spans.
func unitCount(e *topic.Entry, r topic.SectionRef) int {
	switch r.Field {
	case topic.FieldKeyConcepts:
		return len(e.KeyConcepts)
	case topic.FieldKeyTheories:
		return len(e.KeyTheories)
	}
	if qs, ok := questions(e, r.Field); ok {
		return len(qs)
	}
	if it := items(e, r.Field); it != nil {
		return len(it)
	}
	return len(prose(e, r))
}

// unitText is a unit's plain text, for finding it on a slide.
func unitText(e *topic.Entry, r topic.SectionRef, i int) string {
	switch r.Field {
	case topic.FieldKeyConcepts:
		return e.KeyConcepts[i].Term.Plain()
	case topic.FieldKeyTheories:
		return e.KeyTheories[i].Name.Plain()
	}
	if qs, ok := questions(e, r.Field); ok {
		return qs[i].Question.Plain()
	}
	if it := items(e, r.Field); it != nil {
		return it[i].Text.Plain()
	}
	return topic.Body{prose(e, r)[i]}.Plain()
}

// glossary sets key concepts as terms in bold with their definitions.
func (s *study) glossary(cs []topic.Concept) []block {
	ts := s.ts
	var out []block
	// A glossary is a list: each term an item's label, its definition the
	// body. They share the first line, which is drawn as two items.
	l := ts.at.Add(plan.RoleList)
	for _, c := range cs {
		li := l.Add(plan.RoleItem)
		label, body := li.Add(plan.RoleLabel), li.Add(plan.RoleBody)
		spans := plainSpans(c.Term, font(ts.size, true, false))
		if s.gaps != nil && len(c.Definition) > 0 {
			// With a definition to go by, the term itself is the gap;
			// terms without one stay as written, a word bank.
			spans = s.gaps.gapTerm(c.Term, font(ts.size, false, false))
		}
		if len(c.Definition) > 0 {
			spans = append(spans, textlayout.Span{Text: " — ", Font: font(ts.size, false, false), Color: inkSoft})
			spans = append(spans, ts.spans(c.Definition, font(ts.size, false, false))...)
		}
		b := ts.text(spans, 0, 14, leading, nil)
		b.before = ts.size * 0.45
		if len(b.rows) > 0 {
			b.rows[0] = termApart(b.rows[0], strings.TrimSpace(c.Term.Plain()), label)
		}
		out = append(out, tag(b, body))
		out = append(out, ts.under(body, func() []block { return ts.links(c.Definition, 14) })...)
	}
	return out
}

// qas sets questions in bold, each answer indented under its question, so
// the pairs read apart without colour.
func (s *study) qas(qs []topic.QA) []block {
	ts := s.ts
	var out []block
	for _, q := range qs {
		// A question heads its answer, as a theory's name its account.
		qb := ts.text(ts.spans(q.Question, font(ts.size, true, false)), 0, 0, 1.3, nil)
		qb.before, qb.keepWithNext = ts.size, len(q.Answer) > 0
		out = append(out, tag(qb, ts.at.AddHeading(subLevel)))
		ans := ts.body(q.Answer, 14)
		if len(ans) > 0 {
			ans[0].before = 3
		}
		out = append(out, ans...)
	}
	return out
}

// references sets the seminal works with hanging indents, in full.
func (s *study) references(works []topic.Item) []block {
	ts := s.ts
	var out []block
	// The references are a list without markers, each item's body a
	// reference, what follows it (notes, sub-items) after it in the body.
	l := ts.at.Add(plan.RoleList)
	for _, it := range works {
		body := l.Add(plan.RoleItem).Add(plan.RoleBody)
		b := ts.text(ts.spans(it.Text, font(ts.size, false, false)), 0, 18, leading, nil)
		b.before = ts.size * 0.4
		out = append(out, tag(b, body.Add(plan.RoleReference)))
		out = append(out, ts.under(body, func() []block {
			out := ts.links(it.Text, 18)
			for _, sub := range it.Blocks {
				out = append(out, ts.blockOf(sub, 18)...)
			}
			return append(out, ts.list(it.Children, false, 0, 18)...)
		})...)
	}
	return out
}

// all sets the title and every section in reading order.
func (s *study) all() []block {
	out := s.titleBlocks()
	for _, r := range readingOrder(s.e) {
		out = append(out, s.sectionBlocks(r, 1)...)
	}
	return out
}

// termApart draws a glossary entry's first line as two text items, the
// term (its leading bold segments, as far as they spell the term) tagged
// with label and the rest left for the body. Segments are drawn one by one
// at their own offsets, so the line draws exactly as before. A gapped term
// (guided notes) is not bold and stays with the line, which blanksApart
// then cuts.
func termApart(r row, term string, label *plan.Node) row {
	d := r.draw
	return row{h: r.h, draw: func(x, y float64) []plan.Item {
		items := d(x, y)
		for i, it := range items {
			tx, ok := it.(*plan.Text)
			if !ok || tx.Tag != nil {
				continue
			}
			n, spelled := 0, ""
			for _, sg := range tx.Line.Segments {
				next := spelled + sg.Text
				if !strings.Contains(sg.Style, "B") || !strings.HasPrefix(term, strings.TrimSpace(next)) || sg.URL != "" {
					break
				}
				spelled, n = next, n+1
			}
			if n == 0 || strings.TrimSpace(spelled) == "" {
				return items
			}
			head, tail := tx.Line, tx.Line
			head.Segments, tail.Segments = tx.Line.Segments[:n], tx.Line.Segments[n:]
			last := head.Segments[n-1]
			head.Width = last.X + last.Width
			tail.Missing = nil
			out := append([]plan.Item(nil), items[:i]...)
			out = append(out, &plan.Text{X: tx.X, Y: tx.Y, Line: head, Tag: label})
			if len(tail.Segments) > 0 {
				out = append(out, &plan.Text{X: tx.X, Y: tx.Y, Line: tail})
			}
			return append(out, items[i+1:]...)
		}
		return items
	}}
}
