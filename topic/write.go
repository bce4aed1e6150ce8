package topic

import (
	"fmt"
	"io"
)

// Write writes an entry in form f. Page text is what the site shows and
// carries no markup, so it is an input form only.
func Write(w io.Writer, e *Entry, f Format) error {
	switch f {
	case FormatMarkdown:
		return WriteMarkdown(w, e)
	case FormatJSON:
		return WriteJSON(w, e)
	case FormatYAML:
		return WriteYAML(w, e)
	case FormatPageText:
		return fmt.Errorf("page text is an input form only; write md, json or yaml")
	}
	return fmt.Errorf("unknown output form %q; use md, json or yaml", f)
}

// The JSON and YAML writers share one ordered tree, so both forms always
// have the same shape and the same canonical field order.

type ovKind uint8

const (
	ovString ovKind = iota
	ovList
	ovObject
)

// ovalue is a value with object keys kept in order.
type ovalue struct {
	kind ovKind
	s    string
	list []*ovalue
	keys []string
	vals []*ovalue
}

func ovStr(s string) *ovalue { return &ovalue{kind: ovString, s: s} }

func ovObj() *ovalue { return &ovalue{kind: ovObject} }

func (o *ovalue) set(k string, v *ovalue) {
	o.keys = append(o.keys, k)
	o.vals = append(o.vals, v)
}

func ovListOf(n int) *ovalue { return &ovalue{kind: ovList, list: make([]*ovalue, 0, n)} }

// encodeEntry builds the tree of an entry. A section present in the source
// but empty is written as an empty value, so it survives a round trip.
func encodeEntry(e *Entry) *ovalue {
	o := ovObj()
	o.set("title", ovStr(e.Title))
	for _, kv := range []struct{ k, v string }{
		{"slug", e.Slug}, {"subject", e.Subject}, {"lang", e.Lang},
	} {
		if kv.v != "" {
			o.set(kv.k, ovStr(kv.v))
		}
	}
	if len(e.Authors) > 0 {
		l := ovListOf(len(e.Authors))
		for _, a := range e.Authors {
			l.list = append(l.list, ovStr(a))
		}
		o.set("authors", l)
	}
	if e.Updated != "" {
		o.set("updated", ovStr(e.Updated))
	}
	if e.Bibliography != "" {
		o.set("bibliography", ovStr(e.Bibliography))
	}
	if len(e.Summary) > 0 {
		o.set("summary", ovStr(FormatBody(e.Summary)))
	}
	for _, f := range Fields {
		if v := encodeField(e, f); v != nil {
			o.set(string(f), v)
		}
	}
	if len(e.Sections) > 0 {
		l := ovListOf(len(e.Sections))
		for _, s := range e.Sections {
			so := ovObj()
			so.set("heading", ovStr(s.Heading))
			so.set("body", ovStr(FormatBody(s.Body)))
			l.list = append(l.list, so)
		}
		o.set("sections", l)
	}
	return o
}

// encodeField returns the value of one known section, or nil when the
// section is neither present nor filled.
func encodeField(e *Entry, f Field) *ovalue {
	present := e.Has(f)
	body := func(b Body) *ovalue {
		if len(b) == 0 && !present {
			return nil
		}
		return ovStr(FormatBody(b))
	}
	items := func(its []Item) *ovalue {
		if len(its) == 0 && !present {
			return nil
		}
		return encodeItems(its)
	}
	if b := e.ProseField(f); b != nil {
		return body(*b)
	}
	if l := e.ListField(f); l != nil {
		return items(*l)
	}
	if qs := e.QuestionsField(f); qs != nil {
		return encodeQAs(*qs, present)
	}
	switch f {
	case FieldKeyConcepts:
		if len(e.KeyConcepts) == 0 && !present {
			return nil
		}
		l := ovListOf(len(e.KeyConcepts))
		for _, c := range e.KeyConcepts {
			if len(c.Definition) == 0 {
				l.list = append(l.list, ovStr(FormatInline(c.Term)))
				continue
			}
			co := ovObj()
			co.set("term", ovStr(FormatInline(c.Term)))
			co.set("definition", ovStr(FormatInline(c.Definition)))
			l.list = append(l.list, co)
		}
		return l
	case FieldKeyTheories:
		if len(e.KeyTheories) == 0 && !present {
			return nil
		}
		l := ovListOf(len(e.KeyTheories))
		for _, t := range e.KeyTheories {
			l.list = append(l.list, encodePair("name", t.Name, "description", t.Description))
		}
		return l
	case FieldRelevance:
		r := e.Relevance
		if r == nil {
			ref, ok := e.Ref(FieldRelevance)
			if !ok {
				return nil
			}
			r = &Relevance{Heading: ref.Heading}
		}
		if r.Heading == "" || r.Heading == defaultRelevanceHeading {
			return ovStr(FormatBody(r.Body))
		}
		ro := ovObj()
		ro.set("heading", ovStr(r.Heading))
		ro.set("body", ovStr(FormatBody(r.Body)))
		return ro
	}
	return nil
}

func encodeQAs(qs []QA, present bool) *ovalue {
	if len(qs) == 0 && !present {
		return nil
	}
	l := ovListOf(len(qs))
	for _, q := range qs {
		l.list = append(l.list, encodePair("question", q.Question, "answer", q.Answer))
	}
	return l
}

// encodePair writes a titled item, such as a theory's name and
// description: the title always, the text only when there is some.
func encodePair(titleKey string, title Text, textKey string, text Body) *ovalue {
	o := ovObj()
	o.set(titleKey, ovStr(FormatInline(title)))
	if len(text) > 0 {
		o.set(textKey, ovStr(FormatBody(text)))
	}
	return o
}

// encodeItems writes plain items as strings and keeps nesting and extra
// blocks in {text, children, blocks} objects, so nothing is dropped.
func encodeItems(its []Item) *ovalue {
	l := ovListOf(len(its))
	for _, it := range its {
		if len(it.Children) == 0 && len(it.Blocks) == 0 {
			l.list = append(l.list, ovStr(FormatInline(it.Text)))
			continue
		}
		obj := ovObj()
		obj.set("text", ovStr(FormatInline(it.Text)))
		if len(it.Children) > 0 {
			obj.set("children", encodeItems(it.Children))
		}
		if len(it.Blocks) > 0 {
			obj.set("blocks", ovStr(FormatBody(it.Blocks)))
		}
		l.list = append(l.list, obj)
	}
	return l
}
