// Package phrases lists what an artifact made from an entry must contain:
// every sentence of its prose and every item, term, definition, question
// and answer, so tests can check that nothing was lost on the way to a PDF.
package phrases

import (
	"strings"

	"github.com/scholargate/topicdeck/bib"
	"github.com/scholargate/topicdeck/sentence"
	"github.com/scholargate/topicdeck/topic"
)

// Of returns the phrases of an entry, white space folded, in entry order.
// Prose is cut into sentences, since layouts may set each on its own line
// or slide; everything else is whole.
func Of(e *topic.Entry) []string {
	var c collector
	c.entry(e)
	return c.out
}

// Groups returns the same phrases as Of cut into the parts of the entry
// whose order within is fixed (a field, a theory, a debate, a section),
// while layouts may put the parts themselves in an order of their own.
// Tests of reading order check each group's phrases come in order.
func Groups(e *topic.Entry) [][]string {
	var c collector
	c.entry(e)
	c.next()
	return c.groups
}

// entry collects every phrase of e in entry order, starting a new group
// at each part. Known sections come in the order and by the shape the
// section table gives, so a new section is collected too.
func (c *collector) entry(e *topic.Entry) {
	c.add(e.Title)
	c.next()
	c.add(e.Subject)
	c.next()
	c.body(e.Summary)
	c.next()
	for _, k := range topic.SectionKinds() {
		switch k.Shape {
		case topic.ShapeProse:
			c.body(*k.Prose(e))
		case topic.ShapeList, topic.ShapeReferences:
			c.items(*k.List(e))
		case topic.ShapeConcepts:
			for _, kc := range e.KeyConcepts {
				c.text(kc.Term)
				c.text(kc.Definition)
			}
		case topic.ShapeTheories:
			for _, t := range e.KeyTheories {
				c.text(t.Name)
				c.body(t.Description)
				c.next()
			}
		case topic.ShapeRelevance:
			if e.Relevance != nil {
				c.add(e.Relevance.Heading)
				c.body(e.Relevance.Body)
			}
		case topic.ShapeQuestions:
			for _, q := range *k.Questions(e) {
				c.text(q.Question)
				c.body(q.Answer)
				c.next()
			}
		}
		c.next()
	}
	for _, s := range e.Sections {
		c.add(s.Heading)
		c.body(s.Body)
		c.next()
	}
}

// Printed returns the phrases of an entry as the exporter prints it:
// seminal works given as citation keys resolved through the entry's own
// bibliography into full references (or their fallback form when no
// bibliography has them). Planner-level tests, which see the entry as
// written, use Of.
func Printed(e *topic.Entry) []string {
	if len(e.SeminalWorks) == 0 {
		return Of(e)
	}
	return Of(resolved(e))
}

// PrintedGroups is Groups of the entry as Printed sees it.
func PrintedGroups(e *topic.Entry) [][]string {
	if len(e.SeminalWorks) == 0 {
		return Groups(e)
	}
	return Groups(resolved(e))
}

// resolved is e with its seminal works resolved into full references.
func resolved(e *topic.Entry) *topic.Entry {
	lib, _, err := bib.LoadFor(e, nil)
	if err != nil {
		lib = bib.NewLibrary()
	}
	refs, _ := bib.Resolve(e, lib)
	out := *e
	out.SeminalWorks = make([]topic.Item, len(e.SeminalWorks))
	for i, it := range e.SeminalWorks {
		it.Text = refs[i].Text
		out.SeminalWorks[i] = it
	}
	return &out
}

type collector struct {
	out    []string
	groups [][]string
	from   int // where the open group starts in out
}

// next closes the open group.
func (c *collector) next() {
	if len(c.out) > c.from {
		c.groups = append(c.groups, c.out[c.from:len(c.out):len(c.out)])
	}
	c.from = len(c.out)
}

// add records the sentences of s.
func (c *collector) add(s string) {
	for _, p := range sentence.Split(s) {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			c.out = append(c.out, p)
		}
	}
}

func (c *collector) text(t topic.Text) { c.add(t.Plain()) }

func (c *collector) items(items []topic.Item) {
	for _, it := range items {
		c.text(it.Text)
		c.body(it.Blocks)
		c.items(it.Children)
	}
}

func (c *collector) body(b topic.Body) {
	for _, bl := range b {
		switch bl.Kind {
		case topic.ListBlock:
			c.items(bl.Items)
		case topic.CodeBlock:
			// A run of spaces inside a code line is drawn as a gap that
			// text extraction reads as a column break, so the pieces
			// either side of it are separate phrases.
			for _, line := range strings.Split(bl.Code, "\n") {
				for _, piece := range strings.Split(strings.ReplaceAll(line, "\t", "  "), "  ") {
					if piece = strings.Join(strings.Fields(piece), " "); piece != "" {
						c.out = append(c.out, piece)
					}
				}
			}
		case topic.TableBlock:
			for _, row := range bl.Rows {
				for _, cell := range row {
					c.text(cell)
				}
			}
		case topic.QuoteBlock:
			c.body(bl.Blocks)
		default:
			c.text(bl.Text)
		}
	}
}
