package topic

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/scholargate/topicdeck/diag"
)

// ReadYAML reads an entry in the YAML form: one document whose top level
// is a mapping of the entry's fields. Unquoted scalars (numbers, dates) are
// taken as the text the author wrote.
func ReadYAML(name string, data []byte) (*Entry, error) {
	return readTree(name, data, FormatYAML, parseYAMLTree)
}

// yamlError turns a yaml.v3 error into a positioned one.
func yamlError(name string, err error) error {
	line, msg := diag.YAMLSyntax(err)
	return errorf(name, Pos{Line: line}, "YAML syntax error: %s", msg)
}

// Aliases may expand a document only so far beyond its written size, so a
// few aliases that refer to each other cannot make a small file take
// unbounded time and memory: at most aliasFactor times the written values,
// plus aliasAllowance for small files that reuse a list or two.
const (
	aliasFactor    = 10
	aliasAllowance = 10000
)

// maxYAMLDepth bounds nesting; an entry needs a handful of levels.
const maxYAMLDepth = 1000

// parseYAMLTree checks that data is text and parses exactly one YAML
// document of it into a node tree.
func parseYAMLTree(name string, data []byte) (root *node, err error) {
	defer func() {
		// yaml.v3 has panicked on malformed input in the past; a reader
		// must report bad input, never crash the program.
		if r := recover(); r != nil {
			root, err = nil, errorf(name, Pos{}, "YAML syntax error: %v", r)
		}
	}()
	text, err := checkText(name, data)
	if err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errorf(name, Pos{Line: 1, Col: 1}, "no fields: the YAML document is empty")
		}
		return nil, yamlError(name, err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		return nil, errorf(name, Pos{Line: next.Line, Col: next.Column}, "more than one YAML document; an entry file holds one (remove the \"---\" line)")
	case !errors.Is(err, io.EOF):
		return nil, yamlError(name, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, errorf(name, Pos{Line: 1, Col: 1}, "no fields: the YAML document is empty")
	}
	c := &yamlConverter{name: name}
	c.budget = aliasFactor*writtenNodes(doc.Content[0]) + aliasAllowance
	return c.convert(doc.Content[0], 0)
}

type yamlConverter struct {
	name   string
	nodes  int
	budget int // most nodes the expanded tree may have
}

// writtenNodes counts the values as written, not following aliases.
func writtenNodes(n *yaml.Node) int {
	count := 1
	for _, c := range n.Content {
		count += writtenNodes(c)
	}
	return count
}

func (c *yamlConverter) convert(n *yaml.Node, depth int) (*node, error) {
	c.nodes++
	if c.nodes > c.budget {
		return nil, errorf(c.name, Pos{Line: n.Line, Col: n.Column}, "too many values: aliases expand the document to more than %d", c.budget)
	}
	if depth > maxYAMLDepth {
		return nil, errorf(c.name, Pos{Line: n.Line, Col: n.Column}, "values nested more than %d levels deep", maxYAMLDepth)
	}
	pos := Pos{Line: n.Line, Col: n.Column}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, errorf(c.name, pos, "YAML alias %q refers to nothing", n.Value)
		}
		return c.convert(n.Alias, depth+1)
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return &node{kind: nullNode, pos: pos}, nil
		}
		return &node{kind: scalarNode, str: n.ShortTag() == "!!str", value: n.Value, pos: pos}, nil
	case yaml.SequenceNode:
		out := &node{kind: listNode, pos: pos, items: make([]*node, 0, len(n.Content))}
		for _, it := range n.Content {
			v, err := c.convert(it, depth+1)
			if err != nil {
				return nil, err
			}
			out.items = append(out.items, v)
		}
		return out, nil
	case yaml.MappingNode:
		out := &node{kind: mapNode, pos: pos}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, err := c.convert(n.Content[i], depth+1)
			if err != nil {
				return nil, err
			}
			v, err := c.convert(n.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			out.keys = append(out.keys, k)
			out.items = append(out.items, v)
		}
		return out, nil
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return &node{kind: nullNode, pos: pos}, nil
		}
		return c.convert(n.Content[0], depth+1)
	}
	return nil, errorf(c.name, pos, "unsupported YAML value")
}

// WriteYAML writes an entry in the YAML form, with the same shape and
// field order as WriteJSON. Multi-line text is written as literal blocks
// (|) so paragraphs stay readable.
func WriteYAML(w io.Writer, e *Entry) error {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(yamlNode(encodeEntry(e))); err != nil {
		return fmt.Errorf("cannot write YAML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("cannot write YAML: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err
}

func yamlNode(v *ovalue) *yaml.Node {
	switch v.kind {
	case ovList:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, it := range v.list {
			n.Content = append(n.Content, yamlNode(it))
		}
		return n
	case ovObject:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for i, k := range v.keys {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, yamlNode(v.vals[i]))
		}
		return n
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.s}
	if strings.Contains(v.s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}
