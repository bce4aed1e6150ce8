package deck

import (
	"strings"

	"github.com/scholargate/topicdeck/layouts/slideflow"
	"github.com/scholargate/topicdeck/sentence"
	"github.com/scholargate/topicdeck/topic"
)

// eps absorbs floating-point noise when comparing heights, as the
// paginator does.
const eps = slideflow.Eps

// empty reports whether styled text has no visible character.
func empty(t topic.Text) bool { return strings.TrimSpace(t.Plain()) == "" }

// bodyEmpty reports whether a body holds nothing to show.
func bodyEmpty(b topic.Body) bool {
	for _, bl := range b {
		switch bl.Kind {
		case topic.RuleBlock:
		case topic.FigureBlock:
			return false
		case topic.CodeBlock:
			if strings.TrimSpace(bl.Code) != "" {
				return false
			}
		case topic.QuoteBlock:
			if !bodyEmpty(bl.Blocks) {
				return false
			}
		case topic.ListBlock:
			if !itemsEmpty(bl.Items) {
				return false
			}
		case topic.TableBlock:
			for _, row := range bl.Rows {
				for _, c := range row {
					if !empty(c) {
						return false
					}
				}
			}
		default:
			if !empty(bl.Text) {
				return false
			}
		}
	}
	return true
}

// itemsEmpty reports whether a list holds nothing to show.
func itemsEmpty(items []topic.Item) bool {
	for _, it := range items {
		if !empty(it.Text) || !itemsEmpty(it.Children) || !bodyEmpty(it.Blocks) {
			return false
		}
	}
	return true
}

// sentences is slideflow.Sentences of a text of the entry, cut once a
// deck: arrange sets a body at several sizes and column widths, and where
// its sentences end does not depend on either.
//
// A text is known by the address of its first run and its length. The
// entry's texts do not change while a deck is planned, and the key holds
// the runs, so no other text can take that address while the planner
// lives; a text made anew for each setting only misses.
func (p *planner) sentences(t topic.Text) []topic.Text {
	if len(t) == 0 {
		return slideflow.Sentences(t)
	}
	return remember(&p.sents, textKey{&t[0], len(t)}, func() []topic.Text {
		return slideflow.Sentences(t)
	})
}

// textKey is a text as sentences knows it.
type textKey struct {
	first *topic.Run
	n     int
}

// sentenceCount is countSentences of a body of the entry, counted once a
// deck, as sentences is cut once (the key is the body's first block and
// length).
func (p *planner) sentenceCount(b topic.Body) int {
	if len(b) == 0 {
		return 0
	}
	return remember(&p.counts, bodyKey{&b[0], len(b)}, func() int {
		return countSentences(b)
	})
}

// bodyKey is a body as sentenceCount knows it.
type bodyKey struct {
	first *topic.Block
	n     int
}

// countSentences counts the sentences of a body's paragraphs.
func countSentences(b topic.Body) int {
	n := 0
	for _, bl := range b {
		if bl.Kind == topic.ParagraphBlock {
			n += len(sentence.Spans(bl.Text.Plain()))
		}
	}
	return n
}
