package topic

import (
	"bytes"
	"strings"
	"sync"
	"time"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/frontmatter"
	"go.yaml.in/yaml/v3"

	"github.com/scholargate/topicdeck/diag"
)

// rawFrontMatter hands the front matter bytes over untouched: they are
// decoded with go.yaml.in/yaml/v3 as a node tree, which keeps the line of
// every key for error messages and catches unknown keys.
var rawFrontMatter = frontmatter.Format{
	Name:  "YAML",
	Delim: '-',
	Unmarshal: func(b []byte, v any) error {
		*v.(*[]byte) = append([]byte(nil), b...)
		return nil
	},
}

// markdownParser reads whole entries, front matter first. It is made on
// first use, as bodyParser and inlineParser are: commands that read no
// Markdown (--help, JSON and YAML entries) never need it.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(append(blockOptions(),
		parser.WithBlockParsers(util.Prioritized(firstLineFrontMatter{&frontmatter.Parser{Formats: []frontmatter.Format{rawFrontMatter}}}, 0)),
	)...)
})

// firstLineFrontMatter accepts front matter only on the file's first line.
// The extension also takes it after a leading blank line, which would
// shift every line number reported for it.
type firstLineFrontMatter struct {
	*frontmatter.Parser
}

// Open implements parser.BlockParser.
func (p firstLineFrontMatter) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if _, seg := reader.PeekLine(); seg.Start != 0 {
		return nil, parser.NoChildren
	}
	return p.Parser.Open(parent, reader, pc)
}

// ReadMarkdown reads an entry in the Markdown authoring form. How front
// matter, headings, list sections and questions map onto the model, and
// which details are not kept, is in docs/entry-markdown.md.
func ReadMarkdown(name string, data []byte) (*Entry, error) {
	if err := validText(name, data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if err := checkFrontMatterClosed(name, data); err != nil {
		return nil, err
	}
	pc := parser.NewContext()
	doc := markdownParser().Parse(text.NewReader(data), parser.WithContext(pc))
	e := &Entry{Source: name, Format: FormatMarkdown}
	if fm := frontmatter.Get(pc); fm != nil {
		var raw []byte
		if err := fm.Decode(&raw); err != nil {
			return nil, errorf(name, Pos{Line: 1, Col: 1}, "front matter: %v", err)
		}
		if err := decodeFrontMatter(name, raw, e); err != nil {
			return nil, err
		}
	}
	r := &mdReader{mdConv: newConv(data), name: name, e: e, fmTitle: e.Title != ""}
	if err := r.read(doc); err != nil {
		return nil, err
	}
	if e.Title == "" {
		return nil, errorf(name, Pos{Line: 1, Col: 1}, "no title: add `title:` to the front matter or a `# Title` heading")
	}
	return e, nil
}

// validText rejects data that is not UTF-8 text, naming where it stops
// being text.
func validText(name string, data []byte) error {
	if pos, what, found := diag.NotText(data); found {
		return errorf(name, pos, "not a text file: %s; save it as UTF-8 text", what)
	}
	return nil
}

// checkFrontMatterClosed catches front matter whose closing "---" is
// missing: the front matter parser would otherwise swallow the whole file.
func checkFrontMatterClosed(name string, data []byte) error {
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	first = bytes.TrimSuffix(first, []byte("\r"))
	if len(first) < 3 || strings.Trim(string(first), "-") != "" {
		return nil
	}
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if string(bytes.TrimSuffix(line, []byte("\r"))) == string(first) {
			return nil
		}
	}
	return errorf(name, Pos{Line: 1, Col: 1}, "front matter opened with %q is never closed; end it with a %q line", first, first)
}

// frontMatterKeys are the keys front matter may set, in the order
// messages list them.
var frontMatterKeys = []string{"title", "slug", "subject", "lang", "authors", "updated", "bibliography"}

// decodeFrontMatter fills the entry's metadata. Front matter starts on
// the file's second line, so YAML line n is file line n+1.
func decodeFrontMatter(name string, raw []byte, e *Entry) error {
	at := func(n *yaml.Node) Pos { return Pos{Line: n.Line + 1, Col: n.Column} }
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		p := Pos{Line: 1, Col: 1}
		line, msg := diag.YAMLSyntax(err)
		if line > 0 {
			p = Pos{Line: line + 1}
		}
		return errorf(name, p, "front matter: %s", msg)
	}
	if len(doc.Content) == 0 {
		return nil
	}
	m := doc.Content[0]
	if m.Kind == yaml.ScalarNode && m.Tag == "!!null" {
		return nil
	}
	if m.Kind != yaml.MappingNode {
		return errorf(name, at(m), "front matter must be `key: value` lines, not a %s", diag.YAMLKind(m))
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if first, dup := seen[k.Value]; dup {
			return errorf(name, at(k), "front matter key %q given twice (first at line %d)", k.Value, first)
		}
		seen[k.Value] = k.Line + 1
		if k.Value == "authors" {
			authors, err := yamlStrings(name, v, at)
			if err != nil {
				return err
			}
			e.Authors = authors
			continue
		}
		dst := map[string]*string{
			"title": &e.Title, "slug": &e.Slug, "subject": &e.Subject, "lang": &e.Lang,
			"updated": &e.Updated, "bibliography": &e.Bibliography,
		}[k.Value]
		if dst == nil {
			return errorf(name, at(k), "unknown front matter key %q%s", k.Value,
				diag.DidYouMean(k.Value, frontMatterKeys, "; known keys are "+strings.Join(frontMatterKeys, ", ")))
		}
		s, err := yamlString(name, k.Value, v, at)
		if err != nil {
			return err
		}
		*dst = s
		if p := map[string]*Pos{"title": &e.TitlePos, "slug": &e.SlugPos}[k.Value]; p != nil {
			*p = at(k)
		}
	}
	if e.Updated != "" {
		if _, err := time.Parse("2006-01-02", e.Updated); err != nil {
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
				return errorf(name, at(m.Content[indexOfKey(m, "updated")+1]), "updated must be an ISO 8601 date like 2024-05-01, not %q", e.Updated)
			}
		}
	}
	return nil
}

func indexOfKey(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return i
		}
	}
	return 0
}

// yamlString reads a text value; numbers and dates are kept as written.
func yamlString(name, key string, v *yaml.Node, at func(*yaml.Node) Pos) (string, error) {
	if v.Kind == yaml.AliasNode && v.Alias != nil {
		v = v.Alias
	}
	if v.Kind != yaml.ScalarNode {
		return "", errorf(name, at(v), "front matter %q must be text, not a %s", key, diag.YAMLKind(v))
	}
	if v.Tag == "!!null" {
		return "", nil
	}
	return strings.TrimSpace(v.Value), nil
}

// yamlStrings reads authors: a list of names or one name.
func yamlStrings(name string, v *yaml.Node, at func(*yaml.Node) Pos) ([]string, error) {
	if v.Kind == yaml.AliasNode && v.Alias != nil {
		v = v.Alias
	}
	if v.Kind == yaml.ScalarNode {
		s, err := yamlString(name, "authors", v, at)
		if s == "" {
			return nil, err
		}
		return []string{s}, err
	}
	if v.Kind != yaml.SequenceNode {
		return nil, errorf(name, at(v), "front matter \"authors\" must be a list of names or one name, not a %s", diag.YAMLKind(v))
	}
	var out []string
	for _, it := range v.Content {
		s, err := yamlString(name, "authors", it, at)
		if err != nil {
			return nil, err
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return out, nil
}

// mdReader walks a parsed document into an entry.
type mdReader struct {
	*mdConv
	name    string
	e       *Entry
	fmTitle bool // the front matter gave the title
	h1      bool // a "#" title heading has been seen
}

func (r *mdReader) read(doc ast.Node) error {
	n := doc.FirstChild()
	// Before the first "##": the title heading and the summary.
	for ; n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if ok && h.Level == 2 {
			break
		}
		if ok && h.Level == 1 {
			if err := r.title(h); err != nil {
				return err
			}
			continue
		}
		r.e.Summary = append(r.e.Summary, r.blocks(n, n.NextSibling())...)
	}
	for n != nil {
		h := n.(*ast.Heading)
		end := h.NextSibling()
		for end != nil {
			if eh, ok := end.(*ast.Heading); ok && eh.Level <= 2 {
				break
			}
			end = end.NextSibling()
		}
		if err := r.section(h, h.NextSibling(), end); err != nil {
			return err
		}
		if end != nil {
			if eh := end.(*ast.Heading); eh.Level == 1 {
				return r.title(eh)
			}
		}
		n = end
	}
	return nil
}

// title takes the "#" heading's text as title unless the front matter gave
// one. Only one "#" heading is allowed: a second is almost always a section
// written with the wrong level, and guessing would misplace content.
func (r *mdReader) title(h *ast.Heading) error {
	if r.h1 {
		return errorf(r.name, r.nodePos(h), "a second `#` heading; only the title is `#`, start sections with `##`")
	}
	if r.e.Order != nil {
		return errorf(r.name, r.nodePos(h), "the `# Title` heading must come before the first `##` section")
	}
	r.h1 = true
	heading := strings.TrimSpace(r.line(h).Plain())
	if !r.fmTitle {
		r.e.Title = heading
		r.e.TitlePos = Pos{Line: r.nodePos(h).Line, Col: 1}
	} else if strings.Join(strings.Fields(heading), " ") != strings.Join(strings.Fields(r.e.Title), " ") {
		// Ignoring either would silently lose the author's words.
		return errorf(r.name, r.nodePos(h), "the `#` heading %q differs from the front matter's title %q; keep one of them", heading, r.e.Title)
	}
	return nil
}

// section reads the content between an H2 and the next H1/H2.
func (r *mdReader) section(h *ast.Heading, from, to ast.Node) error {
	e := r.e
	heading := strings.TrimSpace(r.line(h).Plain())
	ref := SectionRef{Heading: heading, Pos: r.nodePos(h)}
	f, known := LookupHeading(heading)
	if known && e.Has(f) {
		// The model holds one of each known section; a second copy is
		// kept as a generic section rather than merged or dropped.
		known = false
	}
	if !known {
		ref.Field = FieldSection
		ref.Index = len(e.Sections)
		e.Sections = append(e.Sections, Section{Heading: heading, Body: r.blocks(from, to)})
		e.Order = append(e.Order, ref)
		return nil
	}
	ref.Field = f
	e.Order = append(e.Order, ref)
	if b := e.ProseField(f); b != nil {
		*b = r.blocks(from, to)
		return nil
	}
	if l := e.ListField(f); l != nil {
		*l = r.listItems(from, to)
		return nil
	}
	if qs := e.QuestionsField(f); qs != nil {
		var err error
		*qs, err = r.questions(from, to, heading)
		return err
	}
	var err error
	switch f {
	case FieldRelevance:
		e.Relevance = &Relevance{Heading: heading, Body: r.blocks(from, to)}
	case FieldKeyConcepts:
		e.KeyConcepts, err = r.concepts(from, to)
	case FieldKeyTheories:
		e.KeyTheories, err = r.theories(from, to)
	}
	return err
}

// listItems collects the items of a list section. Lists give their items;
// a paragraph or heading is an item of its own (authors often write one
// question per paragraph); other blocks join the preceding item.
func (r *mdReader) listItems(from, to ast.Node) []Item {
	var items []Item
	for n := from; n != nil && n != to; n = n.NextSibling() {
		switch v := n.(type) {
		case *ast.List:
			items = append(items, r.items(v)...)
		case *ast.Paragraph, *ast.Heading:
			if t := r.inline(n); len(t) > 0 {
				items = append(items, Item{Text: t, Pos: r.nodePos(n)})
			}
		default:
			bl := r.block(n)
			if len(items) == 0 {
				items = append(items, Item{Pos: bl.Pos})
			}
			last := &items[len(items)-1]
			last.Blocks = append(last.Blocks, bl)
		}
	}
	return items
}

// concepts splits each item of the key concepts list into term and
// definition. A concept has no room for sub-items or further blocks, so
// those are an error rather than silently dropped.
func (r *mdReader) concepts(from, to ast.Node) ([]Concept, error) {
	var out []Concept
	for _, it := range r.listItems(from, to) {
		if len(it.Children) > 0 || len(it.Blocks) > 0 {
			return nil, errorf(r.name, it.Pos, "key concept %q has nested content a concept cannot hold; put it in the definition or in a section of its own", it.Text.Plain())
		}
		term, def := splitConcept(it.Text)
		out = append(out, Concept{Term: term, Definition: def, Pos: it.Pos})
	}
	return out, nil
}

// theories reads "### Name" headings with their description. A list
// before the first heading is read item by item as "Name: description".
func (r *mdReader) theories(from, to ast.Node) ([]Theory, error) {
	var out []Theory
	n := from
	for ; n != nil && n != to; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 3 {
			break
		}
		l, ok := n.(*ast.List)
		if !ok {
			return nil, errorf(r.name, r.nodePos(n), "key theories: give each theory a `### Name` heading with its description below it")
		}
		for _, it := range r.items(l) {
			name, desc := splitConcept(it.Text)
			th := Theory{Name: name, Pos: it.Pos}
			if len(desc) > 0 {
				th.Description = Body{{Kind: ParagraphBlock, Text: desc, Pos: it.Pos}}
			}
			if len(it.Children) > 0 {
				th.Description = append(th.Description, Block{Kind: ListBlock, Items: it.Children, Pos: it.Children[0].Pos})
			}
			for _, bl := range it.Blocks {
				// Out of the item, a heading must stay below the
				// "###" that names a theory.
				if bl.Kind == HeadingBlock && bl.Level < 4 {
					bl.Level = 4
				}
				th.Description = append(th.Description, bl)
			}
			out = append(out, th)
		}
	}
	for n != nil && n != to {
		end := r.nextH3(n.NextSibling(), to)
		out = append(out, Theory{Name: r.line(n), Description: r.blocks(n.NextSibling(), end), Pos: r.nodePos(n)})
		n = end
	}
	return out, nil
}

// questions reads debates or FAQ: "### Question?" headings each answered
// by the blocks below. A section without such headings may instead give
// each question as a paragraph ending in "?".
func (r *mdReader) questions(from, to ast.Node, heading string) ([]QA, error) {
	var out []QA
	first := r.nextH3(from, to)
	byHeading := first != to
	for n := from; n != nil && n != to; n = n.NextSibling() {
		if byHeading && n == first {
			break
		}
		if p, ok := n.(*ast.Paragraph); ok && !byHeading {
			if t := r.inline(p); strings.HasSuffix(strings.TrimSpace(t.Plain()), "?") {
				out = append(out, QA{Question: stripWholeStyle(t, Bold), Pos: r.nodePos(n)})
				continue
			}
		}
		if len(out) == 0 {
			return nil, errorf(r.name, r.nodePos(n), "%s: start each question with a `### Question?` heading and put the answer below it", heading)
		}
		last := &out[len(out)-1]
		last.Answer = append(last.Answer, r.blocks(n, n.NextSibling())...)
	}
	for n := first; byHeading && n != nil && n != to; {
		end := r.nextH3(n.NextSibling(), to)
		out = append(out, QA{Question: r.line(n), Answer: r.blocks(n.NextSibling(), end), Pos: r.nodePos(n)})
		n = end
	}
	return out, nil
}

func (r *mdReader) nextH3(n, to ast.Node) ast.Node {
	for ; n != nil && n != to; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 3 {
			return n
		}
	}
	return to
}
