package deck

import (
	"github.com/scholargate/topicdeck/layouts/slideflow"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/topic"
)

// sections plans the entry's sections in lecture order, skipping empty ones.
func (p *planner) sections() []section {
	e := p.e
	var out []section
	add := func(s section) { out = append(out, s) }
	for _, k := range topic.LectureKinds() {
		label := p.labels.Get(locale.Key(k.Label))
		switch k.Shape {
		case topic.ShapeProse:
			b := *k.Prose(e)
			switch {
			case bodyEmpty(b):
			case k.Field == topic.FieldDefinition:
				// The definition is the one statement a lecture opens with.
				add(p.marked(label, 1, func(c flow) []*slideflow.Box { return p.statement(b, c) }))
			default:
				add(p.proseSection(label, b))
			}
		case topic.ShapeList:
			items := *k.List(e)
			switch {
			case itemsEmpty(items):
			case k.Field == topic.FieldCoreQuestions:
				// Core questions are numbered, one column, to be answered in turn.
				add(p.marked(label, 1, func(c flow) []*slideflow.Box { return p.list(items, true, 1, 0, c) }))
			default:
				add(p.listSection(label, items))
			}
		case topic.ShapeReferences:
			if items := *k.List(e); !itemsEmpty(items) {
				s := p.listSection(p.labels.Get(locale.References), items)
				s.refs = true
				add(s)
			}
		case topic.ShapeQuestions:
			out = append(out, p.qaSections(label, qas(*k.Questions(e)))...)
		case topic.ShapeConcepts:
			if concepts := nonEmptyConcepts(e.KeyConcepts); len(concepts) > 0 {
				cols := 1
				if len(concepts) > 5 {
					cols = 2
				}
				add(p.marked(label, cols, func(c flow) []*slideflow.Box { return p.cards(concepts, cols > 1, c) }))
			}
		case topic.ShapeTheories:
			var theories []qa
			for _, t := range e.KeyTheories {
				theories = append(theories, qa{t.Name, t.Description})
			}
			out = append(out, p.qaSections(label, theories)...)
		case topic.ShapeRelevance:
			if r := e.Relevance; r != nil && !bodyEmpty(r.Body) {
				heading := r.Heading
				if heading == "" {
					heading = label
				}
				if p.titleFits(heading) {
					add(p.proseSection(heading, r.Body))
				} else {
					add(p.ledSection(label, heading, r.Body))
				}
			}
		}
	}
	for _, s := range e.Sections {
		if bodyEmpty(s.Body) && s.Heading == "" {
			continue
		}
		heading := s.Heading
		if heading == "" {
			heading = p.labels.Get(locale.Notes)
		}
		if bodyEmpty(s.Body) {
			// A heading alone is still the author's content: it gets a
			// slide of its own rather than vanishing.
			add(p.marked(heading, 1, func(flow) []*slideflow.Box { return nil }))
			continue
		}
		if p.titleFits(heading) {
			ps := p.proseSection(heading, s.Body)
			if listHeavy(s.Body) {
				ps.cols = 2
			}
			add(ps)
			continue
		}
		add(p.ledSection(p.labels.Get(locale.Notes), heading, s.Body))
	}
	return out
}

// marked is a section of cols columns that opens a part of the deck, so it
// is listed in the outline and the PDF bookmarks under its title.
func (p *planner) marked(title string, cols int, build func(c flow) []*slideflow.Box) section {
	return p.withMark(section{title: title, cols: cols, build: build})
}

// ledSection is prose whose heading is too long for the title area: the
// heading leads the body as a bold lead-in under the title label, and is
// still the section's outline entry and bookmark.
func (p *planner) ledSection(label, heading string, body topic.Body) section {
	return section{title: label, outline: heading, marks: []plan.Bookmark{{Title: heading}}, cols: 1,
		build: func(c flow) []*slideflow.Box {
			return append([]*slideflow.Box{p.leadIn(topic.Plain(heading), c)}, p.prose(body, c)...)
		}}
}

// withMark lists a section in the outline and the PDF bookmarks under its title.
func (p *planner) withMark(s section) section {
	s.outline = s.title
	s.marks = []plan.Bookmark{{Title: s.title}}
	return s
}

// proseSection is a section of prose.
func (p *planner) proseSection(title string, b topic.Body) section {
	return p.marked(title, 1, func(c flow) []*slideflow.Box { return p.prose(b, c) })
}

// listSection is a section of list items: two columns when they are many
// and short (names, works, related topics), one otherwise.
func (p *planner) listSection(title string, items []topic.Item) section {
	cols := 1
	if len(items) > 6 && shortItems(items) {
		cols = 2
	}
	return p.marked(title, cols, func(c flow) []*slideflow.Box { return p.list(items, false, 0, 0, c) })
}

// listHeavy reports whether a body is a long list of short items (with
// at most short paragraphs around it), which reads well in two columns.
func listHeavy(b topic.Body) bool {
	n := 0
	var count func(items []topic.Item)
	count = func(items []topic.Item) {
		for _, it := range items {
			n++
			count(it.Children)
		}
	}
	for _, bl := range b {
		switch bl.Kind {
		case topic.ListBlock:
			if !shortItems(bl.Items) {
				return false
			}
			count(bl.Items)
		case topic.ParagraphBlock, topic.HeadingBlock:
			if len([]rune(bl.Text.Plain())) > 120 {
				return false
			}
		default:
			return false
		}
	}
	return n > 8
}

// shortItems reports whether every item is short enough for a column.
func shortItems(items []topic.Item) bool {
	for _, it := range items {
		if len([]rune(it.Text.Plain())) > 60 || len(it.Blocks) > 0 || !shortItems(it.Children) {
			return false
		}
	}
	return true
}

// qa is a titled piece with a body: a key theory, a debate, a FAQ item.
type qa struct {
	title topic.Text
	body  topic.Body
}

func qas(items []topic.QA) []qa {
	var out []qa
	for _, x := range items {
		out = append(out, qa{x.Question, x.Answer})
	}
	return out
}

// qaSections gives each item with a body a slide of its own, its title the
// item's and the section's name above it; items without a body are listed
// together on one slide, so no slide is left nearly empty. The first slide
// carries the section's outline entry and bookmark, each item a sub-bookmark.
func (p *planner) qaSections(label string, items []qa) []section {
	var out []section
	var bare []topic.Item
	for _, it := range items {
		if empty(it.title) && bodyEmpty(it.body) {
			continue
		}
		if bodyEmpty(it.body) {
			bare = append(bare, topic.Item{Text: it.title})
			continue
		}
		title := it.title.Plain()
		s := section{kicker: label, cols: 1, marks: []plan.Bookmark{{Title: title, Level: 1}}}
		body := it.body
		if !empty(it.title) && p.titleFits(title) {
			s.title = title
			s.build = func(c flow) []*slideflow.Box { return p.prose(body, c) }
		} else {
			// A title too long for the title area (or none) leads the body
			// instead, under the section's name.
			s.title, s.kicker = label, ""
			if empty(it.title) {
				s.marks = nil
			}
			lead := it.title
			s.build = func(c flow) []*slideflow.Box {
				var bs []*slideflow.Box
				if !empty(lead) {
					bs = append(bs, p.leadIn(lead, c))
				}
				return append(bs, p.prose(body, c)...)
			}
		}
		out = append(out, s)
	}
	if len(bare) > 0 {
		items := bare
		out = append(out, section{title: label, cols: 1, marks: []plan.Bookmark{{Title: label, Level: 1}},
			build: func(c flow) []*slideflow.Box { return p.list(items, false, 0, 0, c) }})
	}
	if len(out) > 0 {
		out[0].outline = label
		out[0].marks = append([]plan.Bookmark{{Title: label}}, out[0].marks...)
	}
	return out
}

// leadIn is a bold paragraph that stays with what follows it.
func (p *planner) leadIn(t topic.Text, c flow) *slideflow.Box {
	st := c.st
	st.Font.Bold = true
	// A lead-in is the title of what follows (a question, a theory's
	// name too long for the slide's title): a heading under the title.
	f := slideflow.Frame{Above: 0.6 * c.size, Indent: c.indent, Width: c.width, Tag: c.parent.AddHeading(3)}
	b := p.paraBox(f, p.sentences(t), st, c.width, 0, false)
	b.Keep = true
	return b
}
