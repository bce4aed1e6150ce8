package topic

import (
	"fmt"
	"strings"

	"github.com/scholargate/topicdeck/diag"
)

// The JSON and YAML readers share one decoder. Each reader turns its syntax
// into a tree of nodes that carry positions (encoding/json and yaml.v3 both
// lose them when decoding into structs), and decodeEntry walks that tree
// strictly: unknown fields, wrong types and duplicates are errors with the
// line and column of the offending key or value.

type nodeKind uint8

const (
	nullNode nodeKind = iota
	scalarNode
	listNode
	mapNode
)

// node is one value of a JSON or YAML document.
type node struct {
	kind  nodeKind
	str   bool   // a string scalar (a JSON string or a YAML !!str)
	value string // scalar text
	pos   Pos
	keys  []*node // mapping keys, in source order
	items []*node // list items, or mapping values parallel to keys
}

// describe names the node's type for messages.
func (n *node) describe() string {
	switch n.kind {
	case nullNode:
		return "null"
	case listNode:
		return "a list"
	case mapNode:
		return "an object"
	}
	if n.str {
		return "text"
	}
	if n.value == "true" || n.value == "false" {
		return "true/false"
	}
	return "a number"
}

// decoder holds what every step of decoding needs for its messages.
type decoder struct {
	file string
	// anyScalar accepts unquoted YAML scalars (numbers, dates, yes/no) as
	// text; JSON is strict, so a number where text belongs is an error.
	anyScalar bool
}

func (d *decoder) errorf(pos Pos, format string, args ...any) *diag.Error {
	return errorf(d.file, pos, format, args...)
}

// field is one key of an object with its value.
type field struct {
	name string
	key  *node
	val  *node
}

// fields checks that n is an object whose keys are all in allowed and none
// repeats, and returns its fields in source order. what names the object
// in messages ("the entry", "a key concept").
func (d *decoder) fields(n *node, what string, allowed ...string) ([]field, error) {
	if n.kind != mapNode {
		return nil, d.errorf(n.pos, "%s must be an object, not %s", what, n.describe())
	}
	seen := make(map[string]Pos, len(n.keys))
	out := make([]field, 0, len(n.keys))
	for i, k := range n.keys {
		if k.kind != scalarNode {
			return nil, d.errorf(k.pos, "field names in %s must be text, not %s", what, k.describe())
		}
		name := k.value
		if !contains(allowed, name) {
			msg := fmt.Sprintf("unknown field %q in %s", name, what)
			if what == "the entry" {
				msg = fmt.Sprintf("unknown field %q", name)
			}
			msg += diag.DidYouMean(name, allowed, " (known fields: "+strings.Join(allowed, ", ")+")")
			return nil, d.errorf(k.pos, "%s", msg)
		}
		if p, dup := seen[name]; dup {
			return nil, d.errorf(k.pos, "field %q given twice (first at line %d)", name, p.Line)
		}
		seen[name] = k.pos
		out = append(out, field{name: name, key: k, val: n.items[i]})
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// text reads a text value; null gives "".
func (d *decoder) text(n *node, name string) (string, error) {
	switch {
	case n.kind == nullNode:
		return "", nil
	case n.kind == scalarNode && (n.str || d.anyScalar):
		return n.value, nil
	}
	return "", d.errorf(n.pos, "%q must be text, not %s", name, n.describe())
}

// texts reads a list of text, or one text as a list of one.
func (d *decoder) texts(n *node, name string) ([]string, error) {
	if n.kind != listNode {
		s, err := d.text(n, name)
		if err != nil || s == "" {
			return nil, d.wrapType(err, n, name, "text or a list of text")
		}
		return []string{s}, nil
	}
	var out []string
	for _, it := range n.items {
		s, err := d.text(it, name)
		if err != nil {
			return nil, d.errorf(it.pos, "items of %q must be text, not %s", name, it.describe())
		}
		out = append(out, s)
	}
	return out, nil
}

// wrapType rewrites a type error to name every type the field accepts.
func (d *decoder) wrapType(err error, n *node, name, want string) error {
	if err == nil {
		return nil
	}
	return d.errorf(n.pos, "%q must be %s, not %s", name, want, n.describe())
}

// inline reads inline Markdown text.
func (d *decoder) inline(n *node, name string) (Text, error) {
	s, err := d.text(n, name)
	if err != nil || s == "" {
		return nil, err
	}
	return parseInlineText(s), nil
}

// parseInlineText is ParseInline with a fast path: most list items and
// terms are plain words, and a full Markdown parse of each costs more than
// the rest of reading together. The fast path takes only text in which no
// character can start Markdown syntax, where both give one plain run.
func parseInlineText(s string) Text {
	if isPlainInline(s) {
		return Plain(s)
	}
	return ParseInline(s)
}

func isPlainInline(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for _, r := range s {
		switch r {
		case '*', '_', '`', '[', ']', '<', '>', '&', '\\', '!', '\n', '\r', '\t', '\f', '\v', '\uFFFD', '\x00':
			// NUL too: Markdown replaces it with U+FFFD.
			return false
		case ' ':
			if prevSpace {
				return false
			}
		}
		prevSpace = r == ' '
	}
	return true
}

// body reads prose: one Markdown string, or a list of strings that are
// paragraphs (each may itself hold Markdown blocks).
func (d *decoder) body(n *node, name string) (Body, error) {
	if n.kind == listNode {
		var b Body
		for _, it := range n.items {
			s, err := d.text(it, name)
			if err != nil {
				return nil, d.errorf(it.pos, "paragraphs of %q must be text, not %s", name, it.describe())
			}
			b = append(b, d.parseBody(s, it.pos)...)
		}
		return b, nil
	}
	s, err := d.text(n, name)
	if err != nil {
		return nil, d.wrapType(err, n, name, "text or a list of paragraphs")
	}
	return d.parseBody(s, n.pos), nil
}

// parseBody parses Markdown blocks and places them all at the string's
// position: positions inside a quoted or escaped string do not map back to
// the file, and the string's own position is what an editor can jump to.
func (d *decoder) parseBody(s string, pos Pos) Body {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	b := ParseBody(s)
	placeBlocks(b, pos)
	return b
}

func placeBlocks(b []Block, pos Pos) {
	for i := range b {
		b[i].Pos = pos
		placeItems(b[i].Items, pos)
		placeBlocks(b[i].Blocks, pos)
	}
}

func placeItems(items []Item, pos Pos) {
	for i := range items {
		items[i].Pos = pos
		placeItems(items[i].Children, pos)
		placeBlocks(items[i].Blocks, pos)
	}
}

// list checks n is a list (null is an empty one) and returns its items.
func (d *decoder) list(n *node, name, of string) ([]*node, error) {
	switch n.kind {
	case nullNode:
		return nil, nil
	case listNode:
		return n.items, nil
	}
	return nil, d.errorf(n.pos, "%q must be a list of %s, not %s", name, of, n.describe())
}

// items reads a list of items: text, or {text, children, blocks} objects
// that keep nesting; links lists also take {title, url}.
func (d *decoder) items(n *node, name string, links bool) ([]Item, error) {
	of := "text"
	if links {
		of = "text or {title, url} objects"
	}
	nodes, err := d.list(n, name, of)
	if err != nil {
		return nil, err
	}
	var out []Item
	for _, it := range nodes {
		item, err := d.item(it, name, links)
		if err != nil {
			return nil, err
		}
		out = append(out, item)
	}
	return out, nil
}

func (d *decoder) item(n *node, name string, links bool) (Item, error) {
	if n.kind != mapNode {
		t, err := d.inline(n, name)
		if err != nil {
			return Item{}, d.errorf(n.pos, "items of %q must be text or objects, not %s", name, n.describe())
		}
		return Item{Text: t, Pos: n.pos}, nil
	}
	allowed := []string{"text", "children", "blocks"}
	if links {
		allowed = []string{"title", "url", "text", "children", "blocks"}
	}
	fs, err := d.fields(n, fmt.Sprintf("an item of %q", name), allowed...)
	if err != nil {
		return Item{}, err
	}
	item := Item{Pos: n.pos}
	var title, url string
	for _, f := range fs {
		switch f.name {
		case "text":
			item.Text, err = d.inline(f.val, "text")
		case "children":
			item.Children, err = d.items(f.val, "children", links)
		case "blocks":
			var b Body
			b, err = d.body(f.val, "blocks")
			item.Blocks = b
		case "title":
			title, err = d.text(f.val, "title")
		case "url":
			url, err = d.text(f.val, "url")
		}
		if err != nil {
			return Item{}, err
		}
	}
	if title != "" || url != "" {
		if item.Text != nil {
			return Item{}, d.errorf(n.pos, "an item of %q has both \"text\" and \"title\"; give one", name)
		}
		if title == "" {
			title = url
		}
		item.Text = Text{{Text: title, URL: url}}
	}
	return item, nil
}
