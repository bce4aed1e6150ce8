package pptxdraw

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scholargate/topicdeck/plan"
)

// slide is one analysed and written slide.
type slide struct {
	xml    []byte
	rels   []rel // besides the layout and the notes page
	layout int   // index into layoutNames
	title  string
	text   []string // the slide's paragraphs, for notes when none are given
}

// rel is one relationship of a slide part.
type rel struct {
	id, typ, target string
	external        bool
}

// analyse groups a page's items into shapes and writes the slide.
func (p *pkg) analyse(idx int, pg *plan.Page) (*slide, error) {
	doc := p.doc
	tagged := pg.Tag != nil
	var texts []*plan.Text
	var rects []*plan.Rect
	var pics []*plan.Image
	at := map[plan.Item]int{}
	for i, it := range pg.Items {
		at[it] = i
		switch v := it.(type) {
		case *plan.Text:
			texts = append(texts, v)
		case *plan.Rect:
			rects = append(rects, v)
		case *plan.Image:
			pics = append(pics, v)
		case *plan.Embed:
			return nil, fmt.Errorf("pptxdraw: slide %d embeds another page, which a PowerPoint slide cannot hold", idx+1)
		}
	}
	used := make([]bool, len(texts))
	s := &slide{layout: layoutBlank}

	// The title: the slide section's heading when tagged, else the first
	// run of lines in the slide's largest size when it reads as the label.
	var title *box
	var titleLines []*plan.Text
	if tagged {
		if h := pg.Tag.First(plan.RoleHeading); h != nil {
			for k, t := range texts {
				if t.Tag != nil && t.Tag.Within(h) {
					titleLines = append(titleLines, t)
					used[k] = true
				}
			}
		}
	} else {
		titleLines = guessTitle(texts, used, pg.Label, doc.Height)
	}
	if len(titleLines) > 0 {
		title = &box{kind: titleBox, paras: []*para{{lines: titleLines}}, first: at[titleLines[0]]}
		s.title = joinLines(titleLines)
		s.layout = layoutContent
		if idx == 0 {
			s.layout = layoutTitle
		}
	}

	// Footers: lines that belong to no structure, at the foot of the slide.
	var boxes []*box
	for k, t := range texts {
		if !used[k] && t.Tag == nil && t.Y >= doc.Height*0.88 {
			used[k] = true
			boxes = append(boxes, &box{kind: footerBox, paras: []*para{{lines: []*plan.Text{t}}}, first: at[t]})
		}
	}

	// Tables take the lines drawn in their cells.
	tables := findTables(rects)
	inTable := map[*plan.Rect]bool{}
	startsTable := map[*plan.Rect]*table{}
	for _, tb := range tables {
		tb.claim(texts, used)
		startsTable[tb.first] = tb
		for _, row := range tb.rows {
			for _, c := range row {
				inTable[c.r] = true
			}
		}
	}

	// Paragraphs, in drawing order.
	var paras []*para
	var cur *para
	var label *plan.Text
	for k, t := range texts {
		if used[k] {
			continue
		}
		if isLabel(texts, k, tagged) {
			label, cur = t, nil
			continue
		}
		if label == nil && cur != nil && continues(cur, t, tagged) {
			cur.lines = append(cur.lines, t)
			continue
		}
		cur = &para{label: label, lines: []*plan.Text{t}, key: blockKey(t)}
		if label != nil && tagged {
			cur.list = listOf(label.Tag)
		}
		label = nil
		paras = append(paras, cur)
	}
	if label != nil {
		// A label with nothing beside it is text of its own.
		paras = append(paras, &para{lines: []*plan.Text{label}, key: blockKey(label)})
	}
	for _, q := range paras {
		q.box = container(rects, left(q.lines[0]), q.top(), maxRight(q), q.bottom(), doc.Width, doc.Height, true)
	}
	var body []*box
	for _, q := range paras {
		if n := len(body); n > 0 && mergeable(body[n-1], q, tagged) {
			body[n-1].paras = append(body[n-1].paras, q)
			continue
		}
		first := at[q.lines[0]]
		if q.label != nil {
			first = at[q.label]
		}
		body = append(body, &box{kind: bodyBox, paras: []*para{q}, first: first, in: q.box})
	}
	if s.layout == layoutContent && len(body) == 0 && len(tables) == 0 && len(pics) == 0 {
		// A title alone: a section divider or a closing slide.
		s.layout = layoutSection
	}
	all := append(boxes, body...)
	if title != nil {
		all = append(all, title)
	}
	lo, hi := doc.Width, 0.0
	for _, b := range all {
		b.bounds()
		b.frame = container(rects, b.x0, b.y0, b.x1, b.y1, doc.Width, doc.Height, false)
		b.alignment()
		lo, hi = min(lo, b.x0), max(hi, b.x1)
	}
	lo, hi = min(lo, doc.Width-hi), max(hi, doc.Width-lo)
	// A filled shape holds its text when the text is all it holds.
	holds := map[*plan.Rect]*box{}
	shared := map[*plan.Rect]bool{}
	for _, b := range body {
		if b.in != nil {
			if holds[b.in] != nil {
				shared[b.in] = true
			}
			holds[b.in] = b
		}
	}
	for r := range shared {
		delete(holds, r)
	}
	widen(all, rects, pics, lo, hi)

	// Shapes in drawing order; the title goes before the first shape that
	// carries meaning, so that it comes first in reading order.
	w := &shapeWriter{p: p, s: s, lang: p.lang()}
	w.begin(pg)
	starts := map[int][]*box{}
	for _, b := range all {
		if b.kind == titleBox {
			continue
		}
		if b.in != nil && holds[b.in] == b {
			continue // written with its shape
		}
		starts[b.first] = append(starts[b.first], b)
	}
	titled := title == nil
	putTitle := func() {
		if !titled {
			titled = true
			w.textBox(title, nil)
		}
	}
	for i, it := range pg.Items {
		switch v := it.(type) {
		case *plan.Rect:
			if tb := startsTable[v]; tb != nil {
				putTitle()
				w.table(tb, tagged)
			} else if inTable[v] {
				// drawn with its table
			} else if b := holds[v]; b != nil {
				putTitle()
				w.textBox(b, v)
			} else {
				w.rect(v)
			}
		case *plan.Rule:
			w.rule(v)
		case *plan.Image:
			if v.Tag != nil {
				putTitle()
			}
			w.picture(v)
		}
		for _, b := range starts[i] {
			if b.kind == bodyBox {
				putTitle()
			}
			w.textBox(b, nil)
		}
	}
	putTitle()
	w.end()
	s.xml = []byte(w.b.String())
	s.text = w.text
	return s, nil
}

func maxRight(q *para) float64 {
	r := 0.0
	for _, l := range q.lines {
		r = max(r, right(l))
	}
	return r
}

// guessTitle finds an untagged slide's title: the first run of lines in
// the largest size above the footer band, when their text is the slide's
// label (or the slide has none).
func guessTitle(texts []*plan.Text, used []bool, label string, height float64) []*plan.Text {
	big := 0.0
	for _, t := range texts {
		if t.Y < height*0.88 {
			big = max(big, size(t))
		}
	}
	var run []*plan.Text
	var ks []int
	for k, t := range texts {
		if near(size(t), big) && (len(run) == 0 || near(t.Y, run[len(run)-1].Y+run[len(run)-1].Line.Height)) {
			run = append(run, t)
			ks = append(ks, k)
		} else if len(run) > 0 {
			break
		}
	}
	if len(run) == 0 || (label != "" && fold(joinLines(run)) != fold(label)) {
		return nil
	}
	for _, k := range ks {
		used[k] = true
	}
	return run
}

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// joinLines is the text of lines read as one paragraph.
func joinLines(lines []*plan.Text) string {
	var b strings.Builder
	for i, l := range lines {
		t := lineText(l)
		if i > 0 && spaceBetween(b.String(), t) {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// spaceBetween reports whether a line break between prev and next stood
// for a space. The line breaker drops the space it breaks at, but breaks
// without one after a hyphen, a dash or a slash and around CJK text.
func spaceBetween(prev, next string) bool {
	a, _ := utf8.DecodeLastRuneInString(prev)
	b, _ := utf8.DecodeRuneInString(next)
	if a == utf8.RuneError || b == utf8.RuneError || unicode.IsSpace(a) || unicode.IsSpace(b) {
		return false
	}
	switch a {
	case '-', '\u2010', '\u2013', '\u2014', '/':
		return false
	}
	return !(cjk(a) || cjk(b))
}

func cjk(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}
