package topic

import (
	"fmt"
	"strings"
)

func (d *decoder) concepts(n *node) ([]Concept, error) {
	nodes, err := d.list(n, "key_concepts", "text or {term, definition} objects")
	if err != nil {
		return nil, err
	}
	var out []Concept
	for _, it := range nodes {
		c := Concept{Pos: it.pos}
		if it.kind != mapNode {
			if c.Term, err = d.inline(it, "key_concepts"); err != nil {
				return nil, d.errorf(it.pos, "items of \"key_concepts\" must be text or {term, definition} objects, not %s", it.describe())
			}
		} else {
			fs, err := d.fields(it, "a key concept", "term", "definition")
			if err != nil {
				return nil, err
			}
			for _, f := range fs {
				if f.name == "term" {
					c.Term, err = d.inline(f.val, f.name)
				} else {
					c.Definition, err = d.inline(f.val, f.name)
				}
				if err != nil {
					return nil, err
				}
			}
		}
		out = append(out, c)
	}
	return out, nil
}

func (d *decoder) theories(n *node) ([]Theory, error) {
	nodes, err := d.list(n, "key_theories", "{name, description} objects")
	if err != nil {
		return nil, err
	}
	var out []Theory
	for _, it := range nodes {
		t := Theory{Pos: it.pos}
		if it.kind != mapNode {
			if t.Name, err = d.inline(it, "key_theories"); err != nil {
				return nil, d.errorf(it.pos, "items of \"key_theories\" must be {name, description} objects, not %s", it.describe())
			}
		} else {
			fs, err := d.fields(it, "a key theory", "name", "description")
			if err != nil {
				return nil, err
			}
			for _, f := range fs {
				if f.name == "name" {
					t.Name, err = d.inline(f.val, f.name)
				} else {
					t.Description, err = d.body(f.val, f.name)
				}
				if err != nil {
					return nil, err
				}
			}
		}
		out = append(out, t)
	}
	return out, nil
}

func (d *decoder) qas(n *node, name string) ([]QA, error) {
	nodes, err := d.list(n, name, "{question, answer} objects")
	if err != nil {
		return nil, err
	}
	var out []QA
	for _, it := range nodes {
		q := QA{Pos: it.pos}
		if it.kind != mapNode {
			if q.Question, err = d.inline(it, name); err != nil {
				return nil, d.errorf(it.pos, "items of %q must be {question, answer} objects, not %s", name, it.describe())
			}
		} else {
			fs, err := d.fields(it, fmt.Sprintf("an item of %q", name), "question", "answer")
			if err != nil {
				return nil, err
			}
			for _, f := range fs {
				if f.name == "question" {
					q.Question, err = d.inline(f.val, f.name)
				} else {
					q.Answer, err = d.body(f.val, f.name)
				}
				if err != nil {
					return nil, err
				}
			}
		}
		out = append(out, q)
	}
	return out, nil
}

func (d *decoder) relevance(n *node, name string) (*Relevance, error) {
	r := &Relevance{Heading: defaultRelevanceHeading}
	if n.kind != mapNode {
		b, err := d.body(n, name)
		if err != nil {
			return nil, d.wrapType(err, n, name, "text or a {heading, body/paragraphs/items} object")
		}
		r.Body = b
		return r, nil
	}
	what := fmt.Sprintf("%q", name)
	fs, err := d.fields(n, what, "heading", "body", "paragraphs", "items")
	if err != nil {
		return nil, err
	}
	var content *field
	for i, f := range fs {
		if f.name == "heading" {
			var h string
			if h, err = d.text(f.val, f.name); err != nil {
				return nil, err
			}
			if strings.TrimSpace(h) != "" {
				r.Heading = strings.TrimSpace(h)
			}
			continue
		}
		if content, err = d.oneContent(content, &fs[i], what); err != nil {
			return nil, err
		}
	}
	if content != nil {
		if r.Body, err = d.content(*content); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// sectionContent names the fields a section's text may be given in: the
// contract's paragraphs or list items, or body (one Markdown string).
const sectionContent = `"body", "paragraphs" or "items"`

// oneContent returns f as the content field, refusing a second one: a
// section with both "body" and "items" would otherwise lose one of them.
func (d *decoder) oneContent(prev, f *field, what string) (*field, error) {
	if prev != nil {
		return nil, d.errorf(f.key.pos, "%s has both %q and %q; give one of %s", what, prev.name, f.name, sectionContent)
	}
	return f, nil
}

// content reads a section's text: body and paragraphs are prose (one
// Markdown string or a list of paragraphs), items is one bulleted list.
func (d *decoder) content(f field) (Body, error) {
	if f.name != "items" {
		return d.body(f.val, f.name)
	}
	items, err := d.items(f.val, f.name, false)
	if err != nil || len(items) == 0 {
		return nil, err
	}
	return Body{{Kind: ListBlock, Items: items, Pos: f.val.pos}}, nil
}

// sections reads the generic sections, adding each to e.Order.
func (d *decoder) sections(n *node, e *Entry) error {
	nodes, err := d.list(n, "sections", "{heading, body} objects")
	if err != nil {
		return err
	}
	for _, it := range nodes {
		fs, err := d.fields(it, "a section", "heading", "body", "paragraphs", "items")
		if err != nil {
			return err
		}
		var s Section
		var content *field
		for i, f := range fs {
			if f.name == "heading" {
				s.Heading, err = d.text(f.val, f.name)
				s.Heading = strings.TrimSpace(s.Heading)
			} else {
				content, err = d.oneContent(content, &fs[i], "a section")
			}
			if err != nil {
				return err
			}
		}
		if content != nil {
			if s.Body, err = d.content(*content); err != nil {
				return err
			}
		}
		if s.Heading == "" {
			return d.errorf(it.pos, "a section needs a \"heading\"")
		}
		e.Order = append(e.Order, SectionRef{Field: FieldSection, Index: len(e.Sections), Heading: s.Heading, Pos: it.pos})
		e.Sections = append(e.Sections, s)
	}
	return nil
}
