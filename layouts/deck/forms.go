package deck

import (
	"github.com/scholargate/topicdeck/layouts/slideflow"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/topic"
)

// Form is how a section is cut into slides.
type Form string

// The section forms. FormAuto is each section's own form: a statement for
// the definition, numbered questions, concept cards, a slide per theory,
// debate and FAQ item, bullets for long prose.
const (
	FormAuto      Form = "auto"
	FormBullets   Form = "bullets"   // one list of bullets, continued as needed
	FormColumns   Form = "columns"   // the same in two columns
	FormStatement Form = "statement" // each paragraph or item as a large statement
	FormItems     Form = "items"     // one slide per paragraph or item, each a statement, or per titled item
)

// Forms lists the section forms.
var Forms = []Form{FormAuto, FormBullets, FormColumns, FormStatement, FormItems}

// SectionForm is one shown section and its form.
type SectionForm struct {
	Key  string // one of SectionKeys
	Form Form
}

// SectionKeys name the sections a layout can show, in lecture order: each
// known section's topic.SectionKind.LayoutKey, then "other-sections" for
// the entry's sections the model does not know.
var SectionKeys = func() []string {
	var keys []string
	for _, k := range topic.LectureKinds() {
		keys = append(keys, k.LayoutKey())
	}
	return append(keys, otherSections)
}()

// otherSections is the layout-file key of the sections the model does not know.
const otherSections = "other-sections"

// kindByKey finds a known section by its layout-file key.
func kindByKey(key string) (*topic.SectionKind, bool) {
	for _, k := range topic.LectureKinds() {
		if k.LayoutKey() == key {
			return k, true
		}
	}
	return nil, false
}

// bodySections plans the sections the layout shows, in its order and forms.
func (p *planner) bodySections() []section {
	if p.overrides.Sections == nil {
		return p.sections()
	}
	var out []section
	for _, sf := range p.overrides.Sections {
		out = append(out, p.sectionInForm(sf.Key, sf.Form)...)
	}
	return out
}

// sectionInForm plans the one section a layout file's sections: list
// names by key, in the form it asks for. The section's own form (auto) is
// planned by sections() itself over an entry holding only that section, so
// that a layout file listing every section in auto form makes exactly the
// built-in deck.
func (p *planner) sectionInForm(key string, form Form) []section {
	if form == FormAuto || form == "" {
		full := p.e
		p.e = Only(full, key)
		defer func() { p.e = full }()
		return p.sections()
	}
	e := p.e
	if key == otherSections {
		var out []section
		for _, s := range e.Sections {
			heading := s.Heading
			if heading == "" {
				heading = p.labels.Get(locale.Notes)
			}
			if bodyEmpty(s.Body) {
				if s.Heading != "" {
					out = append(out, p.marked(heading, 1, func(flow) []*slideflow.Box { return nil }))
				}
				continue
			}
			out = append(out, p.formBody(heading, s.Body, form)...)
		}
		return out
	}
	k, ok := kindByKey(key)
	if !ok {
		return nil
	}
	label := p.labels.Get(locale.Key(k.Label))
	switch k.Shape {
	case topic.ShapeProse:
		return p.formBody(label, *k.Prose(e), form)
	case topic.ShapeRelevance:
		if r := e.Relevance; r != nil {
			heading := r.Heading
			if heading == "" {
				heading = label
			}
			return p.formBody(heading, r.Body, form)
		}
	case topic.ShapeList:
		return p.formList(label, *k.List(e), form)
	case topic.ShapeReferences:
		ss := p.formList(p.labels.Get(locale.References), *k.List(e), form)
		for i := range ss {
			ss[i].refs = true
		}
		return ss
	case topic.ShapeQuestions:
		return p.formQA(label, qas(*k.Questions(e)), form)
	case topic.ShapeConcepts:
		if concepts := nonEmptyConcepts(e.KeyConcepts); form == FormColumns && len(concepts) > 0 {
			// Concepts in two columns are the cards of their own form, kept side by side.
			s := p.withMark(section{title: p.labels.Get(locale.KeyConcepts), build: func(c flow) []*slideflow.Box { return p.cards(concepts, true, c) }})
			return []section{columns(s, form)}
		}
		var items []qa
		for _, c := range nonEmptyConcepts(e.KeyConcepts) {
			var body topic.Body
			if !empty(c.Definition) {
				body = topic.Body{{Kind: topic.ParagraphBlock, Text: c.Definition}}
			}
			items = append(items, qa{c.Term, body})
		}
		return p.formQA(p.labels.Get(locale.KeyConcepts), items, form)
	case topic.ShapeTheories:
		var items []qa
		for _, t := range e.KeyTheories {
			items = append(items, qa{t.Name, t.Description})
		}
		return p.formQA(p.labels.Get(locale.KeyTheories), items, form)
	}
	return nil
}

// Only returns a copy of e holding nothing but the section a layout
// file's key names (and what every slide needs: title, language,
// authors), so that tests can ask which sentences a custom slide must show.
func Only(e *topic.Entry, key string) *topic.Entry {
	o := &topic.Entry{Title: e.Title, Slug: e.Slug, Subject: e.Subject, Lang: e.Lang, Authors: e.Authors, Updated: e.Updated}
	if key == otherSections {
		o.Sections = e.Sections
		return o
	}
	k, ok := kindByKey(key)
	if !ok {
		return o
	}
	switch k.Shape {
	case topic.ShapeProse:
		*k.Prose(o) = *k.Prose(e)
	case topic.ShapeList, topic.ShapeReferences:
		*k.List(o) = *k.List(e)
	case topic.ShapeQuestions:
		*k.Questions(o) = *k.Questions(e)
	case topic.ShapeConcepts:
		o.KeyConcepts = e.KeyConcepts
	case topic.ShapeTheories:
		o.KeyTheories = e.KeyTheories
	case topic.ShapeRelevance:
		o.Relevance = e.Relevance
	}
	return o
}

// formBody plans prose in a form other than its own.
func (p *planner) formBody(label string, b topic.Body, form Form) []section {
	if bodyEmpty(b) {
		return nil
	}
	switch form {
	case FormBullets, FormColumns:
		body := bulletBody(b)
		s := p.marked(label, 1, func(c flow) []*slideflow.Box { return p.prose(body, c) })
		return []section{columns(s, form)}
	case FormStatement:
		return []section{p.marked(label, 1, func(c flow) []*slideflow.Box { return p.statement(b, c) })}
	default: // FormItems
		var parts []topic.Body
		for _, bl := range b {
			parts = append(parts, topic.Body{bl})
		}
		return p.slidePerPart(label, parts)
	}
}

// slidePerPart gives each part a slide of its own under the section's
// title, paragraphs set as statements; the first slide carries the
// section's outline entry and bookmark.
func (p *planner) slidePerPart(label string, parts []topic.Body) []section {
	var out []section
	for _, part := range parts {
		if bodyEmpty(part) {
			continue
		}
		s := section{title: label, cols: 1, build: func(c flow) []*slideflow.Box { return p.statement(part, c) }}
		if len(out) == 0 {
			s = p.withMark(s)
		}
		out = append(out, s)
	}
	return out
}

// formList plans list items in a form other than their own.
func (p *planner) formList(label string, items []topic.Item, form Form) []section {
	if itemsEmpty(items) {
		return nil
	}
	switch form {
	case FormBullets, FormColumns:
		s := p.marked(label, 1, func(c flow) []*slideflow.Box { return p.list(items, false, 0, 0, c) })
		return []section{columns(s, form)}
	case FormStatement:
		var body topic.Body
		for _, it := range items {
			body = append(body, itemBody(it)...)
		}
		return []section{p.marked(label, 1, func(c flow) []*slideflow.Box { return p.statement(body, c) })}
	default: // FormItems
		var parts []topic.Body
		for _, it := range items {
			parts = append(parts, itemBody(it))
		}
		return p.slidePerPart(label, parts)
	}
}

// formQA plans titled items (theories, debates, FAQ, concepts) in a form
// other than their own.
func (p *planner) formQA(label string, items []qa, form Form) []section {
	var list []topic.Item
	for _, it := range items {
		if empty(it.title) && bodyEmpty(it.body) {
			continue
		}
		item := topic.Item{Text: bold(it.title)}
		if len(it.body) > 0 && it.body[0].Kind == topic.ParagraphBlock && !empty(it.title) {
			// A one-paragraph answer reads on from its title.
			item.Text = append(append(item.Text, topic.Run{Text: ": "}), it.body[0].Text...)
			item.Blocks = it.body[1:]
		} else {
			item.Blocks = it.body
		}
		list = append(list, item)
	}
	if len(list) == 0 {
		return nil
	}
	switch form {
	case FormBullets, FormColumns, FormStatement:
		// In these forms titled items are list items.
		return p.formList(label, list, form)
	}
	return p.qaSections(label, items)
}

// columns forces two columns on a section planned in the columns form.
func columns(s section, form Form) section {
	if form == FormColumns {
		s.cols, s.force = 2, true
	}
	return s
}

// bold returns t with every run in bold.
func bold(t topic.Text) topic.Text {
	out := make(topic.Text, len(t))
	for i, r := range t {
		r.Style |= topic.Bold
		out[i] = r
	}
	return out
}

// bulletBody turns each paragraph into one bullet per sentence; lists,
// code, tables and quotes keep their form.
func bulletBody(b topic.Body) topic.Body {
	var out topic.Body
	for _, bl := range b {
		if bl.Kind != topic.ParagraphBlock || empty(bl.Text) {
			out = append(out, bl)
			continue
		}
		var items []topic.Item
		for _, s := range slideflow.Sentences(bl.Text) {
			items = append(items, topic.Item{Text: s})
		}
		out = append(out, topic.Block{Kind: topic.ListBlock, Items: items})
	}
	return out
}

// itemBody is a list item as blocks: its text as a paragraph, then its
// inner blocks and its sub-list, so nothing of it is lost.
func itemBody(it topic.Item) topic.Body {
	var out topic.Body
	if !empty(it.Text) {
		out = append(out, topic.Block{Kind: topic.ParagraphBlock, Text: it.Text})
	}
	out = append(out, it.Blocks...)
	if len(it.Children) > 0 {
		out = append(out, topic.Block{Kind: topic.ListBlock, Items: it.Children})
	}
	return out
}
