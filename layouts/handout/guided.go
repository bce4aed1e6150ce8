package handout

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// planGuided plans guided notes: the reader's text with each key concept
// blanked out as a numbered gap about as long as the word, for the student
// to fill in while listening, set through a gapper, and an answer key on a
// new last page.
func planGuided(e *topic.Entry, env *layouts.Env, st Style) (*plan.Document, error) {
	doc, p, err := newDocument(e, env, st)
	if err != nil {
		return nil, err
	}
	a := readingArea(p)
	ts := newTypesetter(env.Text, env.Labels, a.W)
	g := newGapper(e, env.Text)
	ts.spans = g.spans
	s := &study{e: e, env: env, ts: ts, labels: env.Labels, gaps: g}
	f := newFlow(a)
	f.add(s.titleBlocks()...)
	for _, r := range readingOrder(e) {
		// One gap per term and section: enough to listen for, and the rest
		// of the section stays readable.
		g.used = map[string]bool{}
		f.add(s.sectionBlocks(r, 1)...)
	}
	if len(g.key) > 0 {
		f.add(ts.under(ts.at.Add(plan.RoleSection), func() []block { return answerKey(g, env, ts) })...)
	}
	doc.Pages = f.finish()
	place(doc)
	blanksApart(doc, env.Text.Fonts())
	runningHead(doc, p, env, e.Title)
	return doc, nil
}

// answerKey lists the gaps by number with the words that fill them, in
// two columns read across, so a long key takes half the paper.
func answerKey(g *gapper, env *layouts.Env, ts *typesetter) []block {
	title := env.Labels.Get(locale.AnswerKey)
	h := ts.heading(title, 13.5, 0, 2)
	h.newPage = true
	h.mark = &plan.Bookmark{Title: title, Level: 1}
	out := []block{h}
	const gap = 18.0
	colW := (ts.width - gap) / 2
	// The key is a list of the gaps' answers, read across the columns as
	// it is numbered; number and answer share a line, so each is an
	// item's body.
	l := ts.at.Add(plan.RoleList)
	entry := func(i int) []textlayout.Line {
		return ts.eng.Lines(textlayout.Paragraph{Spans: []textlayout.Span{
			{Text: fmt.Sprintf("(%d) ", i+1), Font: font(bodySize, true, false), Color: ink},
			{Text: g.key[i], Font: font(bodySize, false, false), Color: ink},
		}, LineHeight: leading}, colW)
	}
	for i := 0; i < len(g.key); i += 2 {
		cols := [][]textlayout.Line{entry(i)}
		tags := []*plan.Node{l.Add(plan.RoleItem).Add(plan.RoleBody)}
		if i+1 < len(g.key) {
			cols = append(cols, entry(i+1))
			tags = append(tags, l.Add(plan.RoleItem).Add(plan.RoleBody))
		}
		hgt := 0.0
		for _, c := range cols {
			hgt = max(hgt, textlayout.Height(c))
		}
		out = append(out, block{before: 3, rows: []row{{h: hgt, draw: func(x, y float64) []plan.Item {
			var items []plan.Item
			for ci, c := range cols {
				yy := y
				for _, l := range c {
					items = append(items, &plan.Text{X: x + float64(ci)*(colW+gap), Y: yy, Line: l, Tag: tags[ci]})
					yy += l.Height
				}
			}
			return items
		}}}})
	}
	return out
}

// gapper blanks key concepts out of running text. Gaps are numbered in
// reading order, which is the order the text is set in.
type gapper struct {
	eng   *textlayout.Engine
	terms [][]rune // lower-cased, longest first so a longer term wins
	used  map[string]bool
	key   []string // key[n-1] is the text gap n stands for
}

func newGapper(e *topic.Entry, eng *textlayout.Engine) *gapper {
	g := &gapper{eng: eng, used: map[string]bool{}}
	seen := map[string]bool{}
	for _, c := range e.KeyConcepts {
		t := strings.TrimSpace(c.Term.Plain())
		l := strings.ToLower(t)
		if t == "" || seen[l] {
			continue
		}
		seen[l] = true
		g.terms = append(g.terms, lowerRunes(t))
	}
	sort.SliceStable(g.terms, func(i, j int) bool { return len(g.terms[i]) > len(g.terms[j]) })
	return g
}

func lowerRunes(s string) []rune {
	rs := []rune(s)
	for i, r := range rs {
		rs[i] = unicode.ToLower(r)
	}
	return rs
}

// spans converts inline text, replacing the first occurrence of each term
// in the current section with a numbered gap.
func (g *gapper) spans(t topic.Text, f textlayout.Font) []textlayout.Span {
	var out []textlayout.Span
	for _, r := range t {
		rs := []rune(r.Text)
		low := lowerRunes(r.Text)
		start := 0
		for i := 0; i < len(rs); i++ {
			term := g.match(low, i)
			if term == nil {
				continue
			}
			if start < i {
				out = append(out, runSpan(topic.Run{Text: string(rs[start:i]), Style: r.Style, URL: r.URL}, f))
			}
			word := string(rs[i : i+len(term)])
			g.used[string(term)] = true
			out = append(out, g.gap(word, runSpan(r, f).Font))
			i += len(term) - 1
			start = i + 1
		}
		if start < len(rs) {
			out = append(out, runSpan(topic.Run{Text: string(rs[start:]), Style: r.Style, URL: r.URL}, f))
		}
	}
	return out
}

// match returns the unused term that starts at low[i] as a whole word.
func (g *gapper) match(low []rune, i int) []rune {
	if i > 0 && isWordRune(low[i-1]) {
		return nil
	}
	for _, t := range g.terms {
		if g.used[string(t)] || i+len(t) > len(low) {
			continue
		}
		if string(low[i:i+len(t)]) != string(t) {
			continue
		}
		if end := i + len(t); end < len(low) && isWordRune(low[end]) {
			continue
		}
		return t
	}
	return nil
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// gap is "(n) ____" with the line about as long as the word it hides, so
// the student has room to write it.
func (g *gapper) gap(word string, f textlayout.Font) textlayout.Span {
	g.key = append(g.key, word)
	f.Bold, f.Italic, f.Family = false, false, "sans"
	n := 5
	if u := g.eng.Width(textlayout.Span{Text: "_", Font: f}); u > 0 {
		n = max(n, int(math.Ceil(g.eng.Width(textlayout.Span{Text: word, Font: f})/u)))
	}
	return textlayout.Span{Text: fmt.Sprintf("(%d)\u00a0%s", len(g.key), strings.Repeat("_", n)), Font: f, Color: ink}
}

// gapTerm blanks a glossary term outright: the definition beside it is
// the clue.
func (g *gapper) gapTerm(t topic.Text, f textlayout.Font) []textlayout.Span {
	term := strings.TrimSpace(t.Plain())
	g.used[string(lowerRunes(term))] = true
	return []textlayout.Span{g.gap(term, f)}
}

// blank is the text of a gap as gap draws it.
var blank = regexp.MustCompile(`\(\d+\)\x{00a0}_+`)

// blanksApart draws every gap as a text item of its own without a tag:
// the blank is a line to write on, an artifact, while the words around
// it (and the answer key) are read. The engine puts a gap and the words
// beside it in one segment when they share a face and colour, so the
// segment is cut where the gap starts and ends; each piece keeps the
// place it had, from the face's own advances, which are what the engine
// measured, with the kerning between the pieces' neighbouring characters
// moved into their offsets. A line with right-to-left text, reordered for
// drawing as a whole, is left whole.
func blanksApart(doc *plan.Document, set *fonts.Set) {
	for _, pg := range doc.Pages {
		var items []plan.Item
		for _, it := range pg.Items {
			tx, ok := it.(*plan.Text)
			if !ok || tx.Tag == nil || !splittable(tx.Line, set) {
				items = append(items, it)
				continue
			}
			items = append(items, splitBlanks(tx, set)...)
		}
		pg.Items = items
	}
}

// splittable reports whether a line holds a gap and can be cut into
// pieces that draw exactly as it does.
func splittable(l textlayout.Line, set *fonts.Set) bool {
	gap := false
	for _, sg := range l.Segments {
		if set.Face(sg.Face, sg.Style) == nil {
			return false
		}
		for _, r := range sg.Text {
			if unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko) {
				return false
			}
		}
		gap = gap || blank.MatchString(sg.Text)
	}
	return gap
}

// splitBlanks cuts a line into text items: the words with the line's tag,
// each gap without one.
func splitBlanks(tx *plan.Text, set *fonts.Set) []plan.Item {
	type piece struct {
		seg textlayout.Segment
		gap bool
	}
	var ps []piece
	for _, sg := range tx.Line.Segments {
		face := set.Face(sg.Face, sg.Style)
		at := sg.X
		prev := rune(-1) // the last character placed, for kerning
		cut := func(text string, gap bool) {
			if text == "" {
				return
			}
			units := 0
			for i, r := range text {
				if sg.Kern && prev >= 0 {
					k := face.Kern(prev, r)
					if i == 0 {
						// Between two pieces: the drawer kerns only
						// inside a segment, so the offset carries it.
						at += float64(k) * sg.Size / 1000
					} else {
						units += k
					}
				}
				units += face.Advance(r)
				prev = r
			}
			p := sg
			p.Text, p.X, p.Width = text, at, float64(units)*sg.Size/1000
			at += p.Width
			ps = append(ps, piece{p, gap})
		}
		rest := sg.Text
		for _, m := range blank.FindAllStringIndex(sg.Text, -1) {
			done := len(sg.Text) - len(rest)
			cut(rest[:m[0]-done], false)
			cut(sg.Text[m[0]:m[1]], true)
			rest = sg.Text[m[1]:]
		}
		cut(rest, false)
	}
	var out []plan.Item
	for i := 0; i < len(ps); {
		j := i + 1
		for j < len(ps) && ps[j].gap == ps[i].gap {
			j++
		}
		l := textlayout.Line{Ascent: tx.Line.Ascent, Height: tx.Line.Height}
		for _, p := range ps[i:j] {
			l.Segments = append(l.Segments, p.seg)
		}
		last := l.Segments[len(l.Segments)-1]
		l.Width = last.X + last.Width
		if i == 0 {
			l.Missing = tx.Line.Missing
		}
		t := &plan.Text{X: tx.X, Y: tx.Y, Line: l, Tag: tx.Tag}
		if ps[i].gap {
			t.Tag = nil
		}
		out = append(out, t)
		i = j
	}
	return out
}
