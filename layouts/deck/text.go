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

// sentenceCount counts the sentences of a body's paragraphs.
func sentenceCount(b topic.Body) int {
	n := 0
	for _, bl := range b {
		if bl.Kind == topic.ParagraphBlock {
			n += len(sentence.Spans(bl.Text.Plain()))
		}
	}
	return n
}
