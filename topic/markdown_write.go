package topic

import (
	"bytes"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// WriteMarkdown writes an entry in the Markdown authoring form: front
// matter with the non-empty metadata, the title as "#", the summary, then
// the sections in e.Order with their headings as written. Sections the
// model holds but Order does not list (an entry built in Go) follow in the
// canonical Fields order with default headings in the entry's language,
// then generic sections not yet written. Reading the output gives the same
// entry, and writing that again gives the same bytes.
func WriteMarkdown(w io.Writer, e *Entry) error {
	var b bytes.Buffer
	fm, err := frontMatter(e)
	if err != nil {
		return err
	}
	if len(fm) > 0 {
		b.WriteString("---\n")
		b.Write(fm)
		b.WriteString("---\n\n")
	}
	// The "# Title" line is for people reading the file; the front matter
	// carries the title. A title a heading cannot hold as written (a line
	// break in it, say) is left to the front matter alone, since the
	// reader rejects a heading that differs from the title.
	if h := formatBlock(Block{Kind: HeadingBlock, Level: 1, Text: Plain(e.Title)}, 1, false); headingHolds(h, e.Title) {
		b.WriteString(h)
		b.WriteString("\n")
	}
	if s := formatBlocks(e.Summary, 3); s != "" {
		b.WriteString("\n" + s + "\n")
	}
	written := map[Field]bool{}
	sections := map[int]bool{}
	section := func(heading, content string) {
		b.WriteString("\n")
		b.WriteString(formatBlock(Block{Kind: HeadingBlock, Level: 2, Text: Plain(heading)}, 2, false))
		b.WriteString("\n")
		if content != "" {
			b.WriteString("\n" + content + "\n")
		}
	}
	for _, r := range e.Order {
		switch {
		case r.Field == FieldSection:
			if r.Index < 0 || r.Index >= len(e.Sections) || sections[r.Index] {
				continue
			}
			sections[r.Index] = true
			s := e.Sections[r.Index]
			section(s.Heading, formatBlocks(s.Body, 3))
		case r.Field == FieldSummary || written[r.Field]:
		default:
			written[r.Field] = true
			h := r.Heading
			if r.Field == FieldRelevance && e.Relevance != nil && e.Relevance.Heading != "" {
				h = e.Relevance.Heading
			}
			if h == "" {
				h = DefaultHeading(r.Field, e.Lang)
			}
			section(h, formatField(e, r.Field))
		}
	}
	for _, f := range Fields {
		if written[f] {
			continue
		}
		if c := formatField(e, f); c != "" {
			h := DefaultHeading(f, e.Lang)
			if f == FieldRelevance && e.Relevance.Heading != "" {
				h = e.Relevance.Heading
			}
			section(h, c)
		}
	}
	for i, s := range e.Sections {
		if !sections[i] {
			section(s.Heading, formatBlocks(s.Body, 3))
		}
	}
	_, err = w.Write(b.Bytes())
	return err
}

// frontMatter encodes the non-empty metadata as YAML, quoting what needs it.
func frontMatter(e *Entry) ([]byte, error) {
	m := &yaml.Node{Kind: yaml.MappingNode}
	add := func(k string, v *yaml.Node) {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, v)
	}
	str := func(s string) *yaml.Node {
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
		return n
	}
	for _, kv := range []struct{ k, v string }{
		{"title", e.Title}, {"slug", e.Slug}, {"subject", e.Subject}, {"lang", e.Lang},
	} {
		if kv.v != "" {
			add(kv.k, str(kv.v))
		}
	}
	if len(e.Authors) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, a := range e.Authors {
			seq.Content = append(seq.Content, str(a))
		}
		add("authors", seq)
	}
	for _, kv := range []struct{ k, v string }{{"updated", e.Updated}, {"bibliography", e.Bibliography}} {
		if kv.v != "" {
			add(kv.k, str(kv.v))
		}
	}
	if len(m.Content) == 0 {
		return nil, nil
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// formatField writes the content of a known section; "" when empty.
func formatField(e *Entry, f Field) string {
	list := func(items []Item) string {
		if len(items) == 0 {
			return ""
		}
		return formatList(Block{Kind: ListBlock, Items: items}, false)
	}
	if b := e.ProseField(f); b != nil {
		return formatBlocks(*b, 3)
	}
	if l := e.ListField(f); l != nil {
		return list(*l)
	}
	switch f {
	case FieldRelevance:
		if e.Relevance == nil {
			return ""
		}
		return formatBlocks(e.Relevance.Body, 3)
	case FieldKeyConcepts:
		var lines []string
		for _, c := range e.KeyConcepts {
			lines = append(lines, "- "+formatConcept(c))
		}
		return strings.Join(lines, "\n")
	case FieldKeyTheories:
		var parts []string
		for _, t := range e.KeyTheories {
			parts = append(parts, subsection(t.Name, t.Description))
		}
		return strings.Join(parts, "\n\n")
	}
	if qs := e.QuestionsField(f); qs != nil {
		return questions(*qs)
	}
	return ""
}

func questions(qs []QA) string {
	var parts []string
	for _, q := range qs {
		parts = append(parts, subsection(q.Question, q.Answer))
	}
	return strings.Join(parts, "\n\n")
}

// subsection writes "### heading" and its blocks; sub-headings in them are
// kept below level 3 so they cannot start a new theory or question.
func subsection(h Text, body Body) string {
	s := formatBlock(Block{Kind: HeadingBlock, Level: 3, Text: h}, 3, false)
	if c := formatBlocks(body, 4); c != "" {
		s += "\n\n" + c
	}
	return s
}

// formatConcept writes "**Term**: definition", or the bare term. A bare
// term that would read back split at a colon is written in bold, which
// keeps it whole.
func formatConcept(c Concept) string {
	if len(c.Definition) == 0 {
		s := formatInline(c.Term, inlineOpts{})
		if _, def := splitConcept(ParseInline(s)); len(def) == 0 {
			return s
		}
		return formatInline(withStyle(c.Term, Bold), inlineOpts{})
	}
	term := formatInline(withStyle(c.Term, Bold), inlineOpts{})
	def := formatInline(c.Definition, inlineOpts{})
	return strings.ReplaceAll(term+": "+def, "\n", "\n  ")
}

// withStyle adds a style to every run.
func withStyle(t Text, s Style) Text {
	out := make(Text, len(t))
	for i, r := range t {
		r.Style |= s
		out[i] = r
	}
	return out
}

// headingHolds reports whether the Markdown heading h reads back as text,
// white space folded as the reader compares it.
func headingHolds(h, text string) bool {
	body := ParseBody(h)
	if len(body) != 1 || body[0].Kind != HeadingBlock {
		return false
	}
	return strings.Join(strings.Fields(body[0].Text.Plain()), " ") == strings.Join(strings.Fields(text), " ")
}
