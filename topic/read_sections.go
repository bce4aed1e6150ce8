package topic

import (
	"fmt"
	"strings"
)

func (d *decoder) concepts(n *node) ([]Concept, error) {
	return readPairs(d, n, pairList{"key_concepts", "text or {term, definition} objects", "a key concept", "term", "definition"},
		func(c *Concept, pos Pos) *Text { c.Pos = pos; return &c.Term },
		func(c *Concept, v *node, key string) (err error) {
			c.Definition, err = d.inline(v, key)
			return err
		})
}

func (d *decoder) theories(n *node) ([]Theory, error) {
	return readPairs(d, n, pairList{"key_theories", "{name, description} objects", "a key theory", "name", "description"},
		func(t *Theory, pos Pos) *Text { t.Pos = pos; return &t.Name },
		func(t *Theory, v *node, key string) (err error) {
			t.Description, err = d.body(v, key)
			return err
		})
}

func (d *decoder) qas(n *node, name string) ([]QA, error) {
	return readPairs(d, n, pairList{name, "{question, answer} objects", fmt.Sprintf("an item of %q", name), "question", "answer"},
		func(q *QA, pos Pos) *Text { q.Pos = pos; return &q.Question },
		func(q *QA, v *node, key string) (err error) {
			q.Answer, err = d.body(v, key)
			return err
		})
}

// pairList describes a list whose items are objects of two fields, such
// as a key concept's term and definition.
type pairList struct {
	key           string // the list's field
	shape         string // what its items must be, for messages
	what          string // what one item is called, for messages
	first, second string // the two fields' keys
}

// readPairs reads a list of two-field objects; an item given as text is
// its first field alone. at places an item and gives where its first
// field goes; second reads its second field. Fields are read in the order
// the source gives them, so the first mistake is the one reported.
func readPairs[T any](d *decoder, n *node, l pairList, at func(*T, Pos) *Text, second func(*T, *node, string) error) ([]T, error) {
	nodes, err := d.list(n, l.key, l.shape)
	if err != nil {
		return nil, err
	}
	var out []T
	for _, it := range nodes {
		var item T
		first := at(&item, it.pos)
		if it.kind != mapNode {
			if *first, err = d.inline(it, l.key); err != nil {
				return nil, d.errorf(it.pos, "items of %q must be %s, not %s", l.key, l.shape, it.describe())
			}
		} else {
			fs, err := d.fields(it, l.what, l.first, l.second)
			if err != nil {
				return nil, err
			}
			for _, f := range fs {
				if f.name == l.first {
					*first, err = d.inline(f.val, f.name)
				} else {
					err = second(&item, f.val, f.name)
				}
				if err != nil {
					return nil, err
				}
			}
		}
		out = append(out, item)
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
