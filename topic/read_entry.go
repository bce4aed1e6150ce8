package topic

import (
	"strings"
)

// entryFields lists the fields an entry accepts, in canonical order.
// The known sections' keys come from sectionTable.
var entryFields = func() []string {
	fs := []string{"title", "slug", "subject", "lang", "authors", "updated", "bibliography", "summary"}
	for _, s := range sectionTable {
		fs = append(fs, string(s.Field))
		fs = append(fs, s.Aliases...)
	}
	return append(fs, "sections")
}()

// defaultRelevanceHeading is the heading a relevance section gets when the
// author gave only its text; it is the heading the site shows.
const defaultRelevanceHeading = "Clinical relevance"

// readTree reads an entry in a form that holds an object of fields (JSON,
// YAML): parse checks the data is text and turns it into a node tree,
// which is decoded.
func readTree(name string, data []byte, f Format, parse func(name string, data []byte) (*node, error)) (*Entry, error) {
	root, err := parse(name, data)
	if err != nil {
		return nil, err
	}
	// YAML's unquoted scalars (numbers, dates) are the text the author wrote.
	d := &decoder{file: name, anyScalar: f == FormatYAML}
	e, err := d.decodeEntry(root)
	if err != nil {
		return nil, err
	}
	e.Source, e.Format = name, f
	return e, nil
}

// decodeEntry builds an Entry from a document's root node.
func (d *decoder) decodeEntry(root *node) (*Entry, error) {
	if root.kind != mapNode {
		return nil, d.errorf(root.pos, "an entry must be an object of fields (title, summary, ...), not %s", root.describe())
	}
	fs, err := d.fields(root, "the entry", entryFields...)
	if err != nil {
		return nil, err
	}
	e := &Entry{}
	var titlePos Pos
	var relevanceKey string
	for _, f := range fs {
		ref := SectionRef{Field: Field(f.name), Pos: f.key.pos}
		switch f.name {
		case "title":
			titlePos = f.key.pos
			e.TitlePos = f.key.pos
			e.Title, err = d.text(f.val, f.name)
		case "slug":
			e.SlugPos = f.key.pos
			e.Slug, err = d.ruledText(f, slugProblem)
		case "subject":
			e.Subject, err = d.text(f.val, f.name)
		case "lang":
			e.Lang, err = d.text(f.val, f.name)
		case "authors":
			e.Authors, err = d.texts(f.val, f.name)
		case "updated":
			e.Updated, err = d.ruledText(f, dateProblem)
		case "bibliography":
			e.Bibliography, err = d.text(f.val, f.name)
		case "summary":
			e.Summary, err = d.body(f.val, f.name)
			ref.Field = "" // the lede has no heading, so it is not in Order
		case "key_concepts":
			e.KeyConcepts, err = d.concepts(f.val)
		case "key_theories":
			e.KeyTheories, err = d.theories(f.val)
		case "relevance", "clinical_relevance":
			if relevanceKey != "" {
				return nil, d.errorf(f.key.pos, "%q and %q are the same section; give only one", relevanceKey, f.name)
			}
			relevanceKey = f.name
			e.Relevance, err = d.relevance(f.val, f.name)
			ref.Field = FieldRelevance
			if err == nil {
				ref.Heading = e.Relevance.Heading
			}
		case "sections":
			err = d.sections(f.val, e)
			ref.Field = ""
		default:
			ref.Field = ""
			if sec, ok := LookupKind(Field(f.name)); ok {
				ref.Field = sec.Field
				switch sec.Shape {
				case ShapeProse:
					*sec.Prose(e), err = d.body(f.val, f.name)
				case ShapeList, ShapeReferences:
					*sec.List(e), err = d.items(f.val, f.name, sec.Links)
				case ShapeQuestions:
					*sec.Questions(e), err = d.qas(f.val, f.name)
				}
			}
		}
		if err != nil {
			return nil, err
		}
		if ref.Field != "" && isSectionField(ref.Field) {
			e.Order = append(e.Order, ref)
		}
	}
	if strings.TrimSpace(e.Title) == "" {
		if titlePos.IsValid() {
			return nil, d.errorf(titlePos, "title is empty")
		}
		return nil, d.errorf(root.pos, "missing title: add a \"title\" field")
	}
	return e, nil
}

// ruledText reads a text field whose value follows a rule (a slug's
// form, a date's), reporting a breach at the value.
func (d *decoder) ruledText(f field, problem func(string) string) (string, error) {
	s, err := d.text(f.val, f.name)
	if err == nil && s != "" {
		if msg := problem(s); msg != "" {
			return "", d.errorf(f.val.pos, "%s", msg)
		}
	}
	return s, err
}

func isSectionField(f Field) bool {
	for _, k := range Fields {
		if k == f {
			return true
		}
	}
	return false
}
