package deck

import (
	"strings"

	"github.com/scholargate/topicdeck/sentence"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// style is the base look of a piece of text; runs add bold, italic, code
// and links on top of it.
type style struct {
	font  textlayout.Font
	color Color
	link  Color
	mono  string // family for code runs
}

// spans turns styled runs into engine spans. Line breaks inside a run are
// the source's wrapping, not the author's, so they become spaces.
func spans(t topic.Text, st style) []textlayout.Span {
	out := make([]textlayout.Span, 0, len(t))
	for _, r := range t {
		if r.Text == "" {
			continue
		}
		f := st.font
		f.Bold = f.Bold || r.Style&topic.Bold != 0
		f.Italic = f.Italic || r.Style&topic.Italic != 0
		if r.Style&topic.Code != 0 {
			f.Family = st.mono
		}
		c := st.color
		if r.URL != "" {
			c = st.link
		}
		out = append(out, textlayout.Span{Text: flatten(r.Text), Font: f, Color: c, URL: r.URL})
	}
	return out
}

// flatten replaces line breaks and tabs with spaces.
func flatten(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t':
			return ' '
		}
		return r
	}, s)
}

// sentences cuts styled text into its sentences, keeping each run's style
// and link; the white space between sentences stays at the end of the
// earlier one, so the pieces put together give the text back.
func sentences(t topic.Text) []topic.Text {
	plain := t.Plain()
	sp := sentence.Spans(plain)
	if len(sp) == 0 {
		return nil
	}
	if len(sp) == 1 {
		return []topic.Text{trimText(t)}
	}
	cuts := make([]int, 0, len(sp)-1)
	for _, s := range sp[1:] {
		cuts = append(cuts, s[0])
	}
	var out []topic.Text
	var cur topic.Text
	off := 0
	for _, r := range t {
		text := r.Text
		for len(cuts) > 0 && cuts[0] >= off && cuts[0] < off+len(text) {
			k := cuts[0] - off
			if k > 0 {
				cur = append(cur, topic.Run{Text: text[:k], Style: r.Style, URL: r.URL})
			}
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			text = text[k:]
			off += k
			cuts = cuts[1:]
		}
		if text != "" {
			cur = append(cur, topic.Run{Text: text, Style: r.Style, URL: r.URL})
		}
		off += len(text)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	for i := range out {
		out[i] = trimText(out[i])
	}
	return out
}

// trimText drops white space at both ends of styled text.
func trimText(t topic.Text) topic.Text {
	t = append(topic.Text(nil), t...)
	for len(t) > 0 && strings.TrimSpace(t[0].Text) == "" {
		t = t[1:]
	}
	for len(t) > 0 && strings.TrimSpace(t[len(t)-1].Text) == "" {
		t = t[:len(t)-1]
	}
	if len(t) == 0 {
		return nil
	}
	t[0].Text = strings.TrimLeft(t[0].Text, " \t\r\n")
	t[len(t)-1].Text = strings.TrimRight(t[len(t)-1].Text, " \t\r\n")
	return t
}

// join puts sentences back together with a space between them.
func join(parts []topic.Text) topic.Text {
	var out topic.Text
	for i, p := range parts {
		if i > 0 {
			out = append(out, topic.Run{Text: " "})
		}
		out = append(out, p...)
	}
	return out
}

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
