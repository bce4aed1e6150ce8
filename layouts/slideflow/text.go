package slideflow

import (
	"strings"
	"unicode/utf8"

	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/sentence"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// Style is the base look of a piece of text; an entry's runs add bold,
// italic, code and links on top of it, so one Style sets a whole body.
type Style struct {
	Font  textlayout.Font
	Color textlayout.Color
	Link  textlayout.Color // the colour of linked runs
	Mono  string           // the family of code runs
	// LineHeight is the distance between the baselines of a Paragraph's
	// lines, as a multiple of the font size.
	LineHeight float64
}

// Spans turns styled runs into engine spans. Line breaks inside a run are
// the source's wrapping, not the author's, so they become spaces.
func Spans(t topic.Text, st Style) []textlayout.Span {
	return appendSpans(make([]textlayout.Span, 0, len(t)), t, st)
}

// appendSpans appends the spans of t (see Spans) to out.
func appendSpans(out []textlayout.Span, t topic.Text, st Style) []textlayout.Span {
	for _, r := range t {
		if r.Text == "" {
			continue
		}
		f := st.Font
		f.Bold = f.Bold || r.Style&topic.Bold != 0
		f.Italic = f.Italic || r.Style&topic.Italic != 0
		if r.Style&topic.Code != 0 {
			f.Family = st.Mono
		}
		c := st.Color
		if r.URL != "" {
			c = st.Link
		}
		out = append(out, textlayout.Span{Text: Flatten(r.Text), Font: f, Color: c, URL: r.URL})
	}
	return out
}

// Flatten replaces line breaks and tabs with spaces, since a slide's text
// is broken by measurement alone.
func Flatten(s string) string {
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

// Sentences cuts styled text into its sentences, keeping each run's style
// and link; the white space between sentences stays at the end of the
// earlier one, so the pieces put together give the text back. Sentences
// are where a Paragraph prefers to be cut, and what long prose is set as
// one bullet each.
func Sentences(t topic.Text) []topic.Text {
	plain := t.Plain()
	sp := sentence.Spans(plain)
	if len(sp) == 0 {
		return nil
	}
	if len(sp) == 1 {
		return []topic.Text{Trim(t)}
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
		out[i] = Trim(out[i])
	}
	return out
}

// Trim drops white space at both ends of styled text.
func Trim(t topic.Text) topic.Text {
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

// joinedSpans is Spans(join(parts), st) without the joined text: the
// spans of each part with a plain space between two, the span Spans makes
// of the run join puts there. A Paragraph is set at every size arrange
// tries, and the joined copy was only ever read once.
func joinedSpans(parts []topic.Text, st Style) []textlayout.Span {
	n := len(parts)
	for _, p := range parts {
		n += len(p)
	}
	out := make([]textlayout.Span, 0, n)
	for i, p := range parts {
		if i > 0 {
			out = append(out, textlayout.Span{Text: " ", Font: st.Font, Color: st.Color})
		}
		out = appendSpans(out, p, st)
	}
	return out
}

// Lines breaks spans into lines of at most width with the engine, each
// offset by dx, lh apart (a multiple of the size). The engine is the one
// the exporter draws with, so the lines are as wide as the PDF's.
func Lines(eng *textlayout.Engine, sp []textlayout.Span, width, dx, lh float64, align textlayout.Align) []Line {
	if len(sp) == 0 {
		return nil
	}
	ls := eng.Lines(textlayout.Paragraph{Spans: sp, Align: align, LineHeight: lh}, width)
	out := make([]Line, len(ls))
	for i, l := range ls {
		out[i] = Line{Line: l, DX: dx}
	}
	return out
}

// keepBullet is the most lines a bullet may have and still be kept whole
// rather than cut between its sentences across slides.
const keepBullet = 4

// Paragraph sets sentences as one paragraph in frame f, its text width
// wide and starting gutter from the frame's left (the room of a marker).
// It is cut between sentences when it must be, and between lines only
// when one sentence outgrows a slide; a short bullet (marker set, at most
// four lines) moves to the next slide whole rather than be cut in two.
func Paragraph(eng *textlayout.Engine, f Frame, sents []topic.Text, st Style, width, gutter float64, marker bool) *Box {
	lines := Lines(eng, joinedSpans(sents, st), width, gutter, st.LineHeight, textlayout.Left)
	b := LinesBox(f, lines, marker)
	if len(sents) > 1 {
		byLine := b.Split
		b.Split = func(avail float64, fresh bool) (*Box, *Box) {
			if marker && !fresh && len(lines) <= keepBullet {
				// A short bullet (a reference, a definition) reads as one
				// thing: moved whole to the next slide, not cut in two.
				return nil, nil
			}
			var head *Box
			k := 0
			if counts := headLines(eng, sents, lines); counts != nil {
				// The most sentences whose head fits, read off the lines
				// already set; only the chosen head is set again.
				for k+1 < len(sents) && framedHeight(f, lines[:counts[k+1]]) <= avail+Eps {
					k++
				}
				if k > 0 {
					head = Paragraph(eng, f, sents[:k], st, width, gutter, marker)
				}
			} else {
				head, k = setHeads(eng, f, sents, st, width, gutter, marker, avail)
			}
			if head != nil {
				return head, Paragraph(eng, f, sents[k:], st, width, gutter, false)
			}
			if byLine != nil {
				return byLine(avail, fresh)
			}
			return nil, nil
		}
	}
	return b
}

// Item adds a list item with its label (the marker's node) and body (the
// text's) to the draft list l, the shape PDF/UA asks of a list.
func Item(l *plan.Node) (label, body *plan.Node) {
	li := l.Add(plan.RoleItem)
	return li.Add(plan.RoleLabel), li.Add(plan.RoleBody)
}

// setHeads sets the heads of one sentence, two, and so on, until one is
// taller than avail, and returns the last that was not (nil if none) and
// its number of sentences: the split of a paragraph whose heads cannot be
// read off its lines (see headLines).
func setHeads(eng *textlayout.Engine, f Frame, sents []topic.Text, st Style, width, gutter float64, marker bool, avail float64) (*Box, int) {
	var head *Box
	k := 0
	for n := 1; n < len(sents); n++ {
		h := Paragraph(eng, f, sents[:n], st, width, gutter, marker)
		if h.H > avail+Eps {
			break
		}
		head, k = h, n
	}
	return head, k
}

// headLines returns, for n from 1 to len(sents)-1, how many lines the
// first n sentences take when set alone as a paragraph, read off lines,
// the whole paragraph's lines; nil when that cannot be read off (then
// each head must be set to be measured).
//
// Lines breaks greedily, first fit: a line takes characters from its
// start until one does not fit, and ends at the last break before that.
// What it decides for a character depends only on the characters before
// it (their advances, kerning with the one before, break opportunities
// from the two before), as long as nothing depends on the whole
// paragraph: the engine turns kerning off for a paragraph with
// right-to-left characters, and shapes Arabic by its neighbours, so a
// paragraph is read only when its lines are kerned (which also rules out
// right-to-left text). Then a head, the sentences before glyph m joined as
// the paragraph joins them, is set as the paragraph is, line by line, up
// to the first line whose scan reaches m: that line is the head's last.
// A line of the paragraph that starts before m ended at a break before
// m, since a sentence ends at a space and the character after it is a
// break opportunity, and a line that reaches m reaches that break. So
// the head has exactly the paragraph's lines that start before m.
//
// The head's box is as tall as the paragraph's lines it has: every line
// of a Paragraph is as high (one style, one size; checked here), and a
// Box adds the same heights in the same order.
func headLines(eng *textlayout.Engine, sents []topic.Text, lines []Line) []int {
	if len(lines) == 0 || !eng.Kerning() || len(lines[0].Segments) == 0 || !lines[0].Segments[0].Kern {
		return nil
	}
	for _, l := range lines {
		if l.Height != lines[0].Height {
			return nil
		}
	}
	// Where each line starts, in characters of the paragraph: each line
	// but the first starts at the first character after the spaces that
	// ended the one before (Lines drops them).
	text := []rune(Flatten(join(sents).Plain()))
	starts := make([]int, len(lines))
	pos := 0
	for j, l := range lines {
		if j > 0 {
			for pos < len(text) && text[pos] == ' ' {
				pos++
			}
		}
		starts[j] = pos
		for _, sg := range l.Segments {
			pos += utf8.RuneCountInString(sg.Text)
		}
	}
	if pos > len(text) {
		return nil // not the text it was set from: measure each head
	}
	counts := make([]int, len(sents))
	m := 0 // the characters of the first n sentences, joined
	j := 0 // lines starting before m
	for n := 1; n < len(sents); n++ {
		if n > 1 {
			m++ // the space join puts between sentences
		}
		m += utf8.RuneCountInString(Flatten(sents[n-1].Plain()))
		for j < len(starts) && starts[j] < m {
			j++
		}
		counts[n] = j
	}
	return counts
}
