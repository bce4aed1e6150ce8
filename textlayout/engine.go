package textlayout

import (
	"context"
	"math"
	"sync"
	"unicode/utf8"

	"github.com/scholargate/topicdeck/fonts"
)

// Engine breaks and measures text with a font set. It is safe for
// concurrent use: face metrics are parsed once per process by package
// fonts and looked up per character in O(1), and the only state it
// changes, the shapes of recently set text (see shapeCache), is behind a
// lock and bounded in size.
type Engine struct {
	set    *fonts.Set
	noKern bool
	ctx    context.Context // nil: never stops (see WithContext)
	tables *chainTables
	shapes *shapeCache
}

// New returns an engine over set (fonts.Default() when nil) that measures
// with the faces' pair kerning (see WithKerning).
func New(set *fonts.Set) *Engine {
	if set == nil {
		set = fonts.Default()
	}
	return &Engine{set: set, tables: &chainTables{}, shapes: &shapeCache{}}
}

// WithKerning returns an engine over the same set, stopping with the same
// context, that measures with pair kerning (on, the default) or without
// it, every character at its own advance. A layout that turns kerning off
// measures with such an engine.
func (e *Engine) WithKerning(on bool) *Engine {
	if on != e.noKern {
		return e
	}
	c := *e // keeps the context, the chain tables and the shapes
	c.noKern = !on
	return &c
}

// Kerning reports whether the engine measures with pair kerning.
func (e *Engine) Kerning() bool { return !e.noKern }

// Fonts is the set the engine measures with; the PDF backend must draw with
// the same set.
func (e *Engine) Fonts() *fonts.Set { return e.set }

// DefaultLineHeight is the line height, as a multiple of the font size, used
// when Paragraph.LineHeight is 0.
const DefaultLineHeight = 1.25

// epsilon absorbs floating-point noise when comparing a line to its box, so
// text measured to fit exactly is not broken.
const epsilon = 1e-9

// glyph is one input character resolved to the face that draws it. It is
// kept small and holds no pointer (its face is a number in the engine's
// faceList): a deck resolves tens of thousands of them, and a record with
// a pointer costs a write barrier per store while the collector runs.
type glyph struct {
	r       rune
	span    int32
	units   int32  // advance in 1/1000 em
	kern    int16  // kerning with the glyph before, 1/1000 em; 0 at a run's start
	face    uint16 // number in the engine's faceList
	kerned  bool   // the glyph's run is measured with kerning
	missing bool
	space   bool // a breakable space: dropped at a line end
	newline bool
	url     bool // inside a link or a URL-looking token: may break after "/"
	run     bool // shares a run with the glyph before (see sameRun)
	brk     bool // a line may start here (see breakAt)
}

// Width is the advance width of s on one line. Newlines are ignored and
// tabs count as spaces, as in Lines.
func (e *Engine) Width(s Span) float64 {
	if hasArabicString(s.Text) || !e.noKern && hasRTLString(s.Text) {
		// Contextual shapes change widths, and right-to-left text is not
		// kerned: measure as Lines does.
		sc := getScratch()
		defer putScratch(sc)
		var units int
		for _, g := range e.glyphs(sc, []Span{s}) {
			units += int(g.units) + int(g.kern)
		}
		return float64(units) * s.Font.Size / 1000
	}
	ct := e.tables.table(e.set.Chain(s.Font.Family, s.Font.Bold, s.Font.Italic))
	// Sum integer units per face, then scale once, as the PDF's /W
	// widths (and TJ kerning adjustments) add up when drawn, so the
	// result is the drawn width to the last bit for one face.
	var (
		units int
		prev  *fonts.Face
		prevR rune
	)
	for _, r := range s.Text {
		switch r {
		case '\n', '\r':
			prev = nil // a new line: no kerning across it, as in Lines
			continue
		case '\t':
			r = ' '
		}
		v := ct.lookup(r)
		f := v.face
		units += int(v.units)
		if f == prev && !e.noKern {
			units += f.Kern(prevR, r)
		}
		prev, prevR = f, r
	}
	return float64(units) * s.Font.Size / 1000
}

// Height is the total height of lines (sum of Line.Height).
func Height(lines []Line) float64 {
	h := 0.0
	for _, l := range lines {
		h += l.Height
	}
	return h
}

// pick returns the first face of chain that has r, or the first face and
// true when none has it.
func pick(chain []*fonts.Face, r rune) (*fonts.Face, bool) {
	for _, f := range chain {
		if f.Has(r) {
			return f, false
		}
	}
	return chain[0], true
}

// Lines breaks p into lines no wider than width (points), greedily, first
// fit. Break opportunities are after spaces, after hyphens and dashes
// inside words, after "/" in URLs, and around CJK characters, never before
// closing punctuation; a token wider than the line is broken at the last
// character that fits. "\n" forces a break. Spaces at a soft line end are
// not drawn and not counted; every other character is kept.
func (e *Engine) Lines(p Paragraph, width float64) []Line {
	if e.stopped() {
		return nil
	}
	sc := getScratch()
	defer putScratch(sc)
	gs := e.glyphs(sc, p.Spans)
	if len(gs) == 0 {
		return nil
	}
	cuts := sc.cuts[:0] // each line's first glyph and the one after its last
	start := 0
	for start < len(gs) {
		w, ink := 0.0, false
		lastBreak := -1
		end := len(gs)
		next := len(gs)
		for i := start; i < len(gs); i++ {
			g := &gs[i]
			if g.newline {
				end, next = i, i+1
				break
			}
			if i > start && g.brk {
				lastBreak = i
			}
			// The advance is scaled here, where it is needed, rather than
			// kept in every glyph: a glyph of 24 bytes instead of 32 is a
			// quarter less to copy out of the shape cache.
			size := p.Spans[g.span].Font.Size
			adv := float64(g.units) * size / 1000
			if g.kern != 0 && i > start {
				adv += float64(g.kern) * size / 1000
			}
			if !g.space && ink && w+adv > width+epsilon {
				if lastBreak > start {
					end, next = lastBreak, lastBreak
				} else {
					end, next = i, i
				}
				break
			}
			w += adv
			if !g.space {
				ink = true
			}
		}
		for end > start && gs[end-1].space {
			end-- // a soft line end's spaces are not drawn
		}
		cuts = append(cuts, int32(start), int32(end))
		start = next
	}
	sc.cuts = cuts
	// The lines' texts are slices of one string and their segments of one
	// array: three allocations a paragraph rather than three a line.
	buf := sc.text[:0]
	nsegs := 0
	for k := 0; k < len(cuts); k += 2 {
		for i := cuts[k]; i < cuts[k+1]; i++ {
			buf = utf8.AppendRune(buf, gs[i].r)
			if i == cuts[k] || !gs[i].run {
				nsegs++
			}
		}
	}
	sc.text = buf
	text := string(buf)
	segs := make([]Segment, nsegs)
	lines := make([]Line, len(cuts)/2)
	for k := range lines {
		var n int
		lines[k], n = e.line(sc, gs, int(cuts[2*k]), int(cuts[2*k+1]), p, width, text, segs[:0])
		text, segs = text[n:], segs[len(lines[k].Segments):]
	}
	return lines
}

// scratch holds the per-call buffers of Lines, reused through a pool: they
// are most of what breaking a paragraph allocates, and nothing of them
// outlives the call (Line copies what it keeps).
type scratch struct {
	gs     []glyph
	text   []byte        // the lines' text (see Lines)
	cuts   []int32       // where lines start and end (see Lines)
	starts []int32       // where each span's glyphs start in gs
	faces  []*fonts.Face // the engine's faceList, for the glyphs of gs
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

// putScratch returns sc to the pool unless a huge paragraph grew it, so
// the pool does not pin that memory.
func putScratch(sc *scratch) {
	if cap(sc.gs) > 1<<14 {
		return
	}
	sc.faces = nil // a pooled scratch keeps no face of a set alive
	scratchPool.Put(sc)
}

// glyphs resolves every character of spans to its face and advance, in
// sc's buffer, from each span's shape (see span) and what joins the spans.
func (e *Engine) glyphs(sc *scratch, spans []Span) []glyph {
	n := 0
	for _, s := range spans {
		n += len(s.Text)
	}
	gs := sc.gs[:0]
	if cap(gs) < n {
		gs = make([]glyph, 0, n)
	}
	defer func() { sc.gs = gs[:0] }()
	starts := sc.starts[:0]
	rtl := false
	for si, s := range spans {
		chain := e.set.Chain(s.Font.Family, s.Font.Bold, s.Font.Italic)
		first := len(gs)
		var r bool
		gs, r = e.span(gs, s, e.tables.table(chain), chainKey{&chain[0], len(chain)})
		rtl = rtl || r
		for i := first; i < len(gs); i++ {
			gs[i].span = int32(si)
		}
		starts = append(starts, int32(first))
	}
	sc.starts = starts
	sc.faces = e.tables.faces.all() // after the spans, so it holds their faces
	// A glyph is kerned with the one before it within a run: the glyphs a
	// line's segment can hold (one face, size, colour and link, no newline
	// between). The PDF backend applies the same adjustments between the
	// characters of a segment marked Kern, so line breaks fall where the
	// drawn text ends. Paragraphs with right-to-left characters are not
	// kerned: their lines are drawn reordered and shaped, character by
	// character, so the pairs drawn are not the pairs of the text.
	kern := !e.noKern && !rtl
	for _, b := range starts {
		i := int(b)
		if i == 0 || i >= len(gs) {
			continue
		}
		g := &gs[i]
		g.run = sameRun(gs, spans, i)
		if kern && g.run {
			g.kern = int16(sc.faces[g.face].Kern(gs[i-1].r, g.r))
		}
		g.brk = breakAt(gs, i)
		if i+1 < len(gs) {
			gs[i+1].brk = breakAt(gs, i+1)
		}
	}
	if rtl {
		shapeArabic(gs, spans, sc.faces)
		if !e.noKern {
			// The spans' shapes were kerned; this paragraph is not (see
			// above).
			for i := range gs {
				gs[i].kern, gs[i].kerned = 0, false
			}
		}
	}
	return gs
}

// sameRun reports whether gs[i] would share a segment with gs[i-1] were
// they on one line: the same face, size, colour and link, no newline
// between.
func sameRun(gs []glyph, spans []Span, i int) bool {
	a, b := &gs[i-1], &gs[i]
	if a.newline || b.newline || a.face != b.face {
		return false
	}
	if a.span == b.span {
		return true
	}
	sa, sb := &spans[a.span], &spans[b.span]
	return sa.Font.Size == sb.Font.Size && sa.Color == sb.Color && sa.URL == sb.URL
}

// isRTL reports characters of right-to-left scripts (Hebrew, Arabic and
// their presentation forms), the ranges the PDF backend reorders.
func isRTL(r rune) bool {
	return r >= 0x0590 && r <= 0x08FF || r >= 0xFB1D && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF
}

func hasRTLString(s string) bool {
	for _, r := range s {
		if isRTL(r) {
			return true
		}
	}
	return false
}

// shapeArabic measures Arabic letters by the contextual forms the PDF
// backend will draw (see ArabicForms); the glyphs keep their own text.
func shapeArabic(gs []glyph, spans []Span, faces []*fonts.Face) {
	arabic := false
	for i := range gs {
		if r := gs[i].r; r >= 0x0621 && r <= 0x064A {
			arabic = true
			break
		}
	}
	if !arabic {
		return
	}
	rs := make([]rune, len(gs))
	for i := range gs {
		rs[i] = gs[i].r
	}
	forms := ArabicForms(rs, func(i int, form rune) bool {
		return !gs[i].missing && faces[gs[i].face].Has(form)
	})
	for i, f := range forms {
		if f == rs[i] {
			continue
		}
		g := &gs[i]
		g.units = 0
		if f != 0 {
			g.units = int32(faces[g.face].Advance(f))
		}
	}
}

// line builds the Line for gs[start:end] (trailing spaces already
// dropped). text starts with the line's characters, which the segments'
// texts are slices of; the segments go into segs' array, which has room
// for them. It returns the line and the bytes of text it took.
func (e *Engine) line(sc *scratch, gs []glyph, start, end int, p Paragraph, width float64, text string, segs []Segment) (Line, int) {
	lh := p.LineHeight
	if lh == 0 {
		lh = DefaultLineHeight
	}
	var l Line
	if end == start {
		// An empty line (blank line between newlines) still takes the
		// height of the font it is written in.
		s := p.Spans[gs[min(start, len(gs)-1)].span]
		f := e.set.Chain(s.Font.Family, s.Font.Bold, s.Font.Italic)[0]
		l.Ascent = float64(f.Ascent()) * s.Font.Size / 1000
		l.Height = s.Font.Size * lh
		return l, 0
	}
	l.Segments = segs
	var (
		units  int
		x      float64
		seg    Segment
		from   int // where seg's text starts in text
		pos    int // where gs[i]'s character starts in text
		seen   map[rune]bool
		maxSz  float64
		ascent float64
	)
	flush := func() {
		seg.Text = text[from:pos]
		seg.Width = float64(units) * seg.Size / 1000
		seg.X = x
		x += seg.Width
		l.Segments = append(l.Segments, seg)
		units = 0
	}
	for i := start; i < end; i++ {
		g := &gs[i]
		if i == start || !g.run {
			if i > start {
				flush()
			}
			s := &p.Spans[g.span]
			from = pos
			f := sc.faces[g.face]
			seg = Segment{Face: f.Family, Style: f.Style, Size: s.Font.Size, Color: s.Color, URL: s.URL, Kern: g.kerned}
			maxSz = max(maxSz, s.Font.Size)
			ascent = max(ascent, float64(f.Ascent())*s.Font.Size/1000)
		}
		pos += utf8.RuneLen(g.r)
		units += int(g.units)
		if i > start {
			units += int(g.kern) // 0 at a segment's start: it starts a run
		}
		if g.missing {
			if seen == nil {
				seen = map[rune]bool{}
			}
			if !seen[g.r] {
				seen[g.r] = true
				l.Missing = append(l.Missing, g.r)
			}
		}
	}
	flush()
	l.Segments = l.Segments[:len(l.Segments):len(l.Segments)] // an append copies, not into the next line's
	l.Width = x
	l.Ascent = ascent
	l.Height = maxSz * lh
	if off := offset(p.Align, width, l.Width); off != 0 {
		for i := range l.Segments {
			l.Segments[i].X += off
		}
	}
	return l, pos
}

// offset is the alignment shift of a line of ink width w in a box of width
// box; an unbounded box (measuring) aligns left.
func offset(a Align, box, w float64) float64 {
	if math.IsInf(box, 0) || math.IsNaN(box) || box <= w {
		return 0
	}
	switch a {
	case Center:
		return (box - w) / 2
	case Right:
		return box - w
	}
	return 0
}
