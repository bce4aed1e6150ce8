package textlayout

import (
	"strings"
	"sync"

	"github.com/scholargate/topicdeck/fonts"
)

// A span's shape is what of its layout does not depend on the size it is
// set at or the width it is broken to: each character's face, advance in
// 1/1000 em, kerning with the character before, and whether a line may
// start there. Planners set the same text many times over (a deck tries a
// section at every body size in one column and in two, and cuts long
// paragraphs between sentences, laying the first sentences out again), so
// the engine keeps recent shapes and Lines only scales and breaks them.

// shape is one span's glyphs, as shapeSpan makes them. It is never changed
// once kept: Lines copies the glyphs into its own buffer.
type shape struct {
	gs  []glyph
	rtl bool // holds right-to-left characters (see isRTL)
}

// shapeKey is what a span's shape depends on: its text, the fallback chain
// its font selects, whether it is a link (see markURLs) and whether the
// engine kerns.
type shapeKey struct {
	text   string
	chain  chainKey
	link   bool
	noKern bool
}

// Bounds of a shapeCache. A generation holds up to shapeGeneration glyphs
// (24 bytes each, so 1.5 MiB), each shape counted shapeOverhead glyphs more
// for its map entry and its copy of the text (so that a generation of
// one-character spans is not larger); the cache keeps the current
// generation and the one before, at most about 3 MiB and a slab (see
// shapeCache.slab) however many entries a build or a server sets.
// The shapes a deck sets again are those of the section it is arranging, a
// few thousand glyphs, so hits outlive many sections even with every core
// setting another entry. A span longer than maxShaped is shaped every time:
// it would crowd out hundreds of others.
const (
	shapeGeneration = 1 << 16
	shapeOverhead   = 4
	maxShaped       = 1 << 12
	slabGlyphs      = 1 << 13
)

// shapeCache keeps recently made shapes, safe for concurrent use. It is
// two maps, the current generation and the one before: a new shape goes
// into the current one, and when that is full it becomes the old one and
// the old one is dropped. A shape found in the old generation moves into
// the current one, so shapes in use stay and unused ones age out, without
// the bookkeeping of a least-recently-used list.
//
// The glyphs of kept shapes are copied into slabs of slabGlyphs, one
// allocation for dozens of spans rather than one each: a third of what a
// build sets is text seen for the first time, and allocating its shapes
// one by one cost as much as making them.
type shapeCache struct {
	mu       sync.Mutex
	cur, old map[shapeKey]shape
	glyphs   int     // glyphs held by cur, with shapeOverhead a shape
	slab     []glyph // the slab being filled: its free room is beyond len
}

// get returns the shape kept for k.
func (c *shapeCache) get(k shapeKey) (shape, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.cur[k]; ok {
		return s, true
	}
	s, ok := c.old[k]
	if ok {
		delete(c.old, k)
		c.add(k, s)
	}
	return s, ok
}

// put keeps a copy of gs, the glyphs of a span shaped as k says, which must
// own its text (see span).
func (c *shapeCache) put(k shapeKey, gs []glyph, rtl bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(gs)
	if cap(c.slab)-len(c.slab) < n {
		c.slab = make([]glyph, 0, max(slabGlyphs, n))
	}
	from := len(c.slab)
	c.slab = append(c.slab, gs...)
	// The shape's capacity ends with its glyphs, so that nothing can
	// append into the slab's next shape through it.
	c.add(k, shape{gs: c.slab[from : from+n : from+n], rtl: rtl})
}

// add puts s into the current generation, starting a new one first when
// s would overfill it. c.mu must be held.
func (c *shapeCache) add(k shapeKey, s shape) {
	n := len(s.gs) + shapeOverhead
	if c.glyphs+n > shapeGeneration {
		// The new generation will hold about as many shapes as the one
		// it follows: made that size, it is not grown (and rehashed) ten
		// times over while it fills.
		c.old, c.cur, c.glyphs = c.cur, make(map[shapeKey]shape, len(c.cur)), 0
	}
	if c.cur == nil {
		c.cur = make(map[shapeKey]shape)
	}
	c.cur[k] = s
	c.glyphs += n
}

// span appends the glyphs of s, whose chain's table is ct, to gs: the kept
// shape when the cache has one, else a new one, which it then keeps. It
// also reports whether s holds right-to-left characters.
func (e *Engine) span(gs []glyph, s Span, ct *chainTable, key chainKey) ([]glyph, bool) {
	if s.Text == "" {
		return gs, false
	}
	k := shapeKey{text: s.Text, chain: key, link: s.URL != "", noKern: e.noKern}
	if sh, ok := e.shapes.get(k); ok {
		return append(gs, sh.gs...), sh.rtl
	}
	first := len(gs)
	gs, rtl := shapeSpan(gs, ct, s.Text, k.link, !e.noKern)
	if n := len(gs) - first; n > 0 && n <= maxShaped {
		// The key keeps a copy of the text, not the caller's string, which
		// may be a slice of a whole uploaded file.
		k.text = strings.Clone(k.text)
		e.shapes.put(k, gs[first:], rtl)
	}
	return gs, rtl
}

// shapeSpan appends the glyphs of text, set in ct's chain, to gs, as far as
// they depend on this text alone: every glyph's face, advance in 1/1000 em
// (adv is left for Lines to scale), URL flag and, after its first glyph,
// whether it continues the glyph before's run, its kerning with it (when
// kern is set) and whether a line may start there. The first glyph's run,
// kerning and break, and the second's break, depend on the span before;
// glyphs decides them once spans are put together. It also reports whether
// text holds right-to-left characters.
func shapeSpan(gs []glyph, ct *chainTable, text string, link, kern bool) ([]glyph, bool) {
	first := len(gs)
	rtl := false
	for i, r := range text {
		g := glyph{r: r}
		switch r {
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				continue
			}
			g.newline = true
		case '\n':
			g.newline = true
		case '\t':
			g.r, g.space = ' ', true
		case ' ':
			g.space = true
		}
		if !g.newline {
			v := ct.lookup(g.r)
			g.face, g.units, g.missing = v.index, v.units, v.missing
			rtl = rtl || isRTL(r)
		}
		gs = append(gs, g)
	}
	span := gs[first:]
	// A token that looks like a URL holds "://" or starts "www.": text
	// without either has none, and most text is spared looking for one.
	if link || strings.Contains(text, "://") || strings.Contains(text, "www.") {
		markURLs(span, link)
	}
	var faces []*fonts.Face
	if kern {
		faces = ct.faces.all() // after the lookups, so it holds their faces
	}
	for i := range span {
		g := &span[i]
		if i > 0 {
			prev := &span[i-1]
			g.run = !prev.newline && !g.newline && prev.face == g.face
			g.brk = breakAt(span, i)
		}
		if kern && !g.newline {
			g.kerned = true
			if g.run {
				g.kern = int16(faces[g.face].Kern(span[i-1].r, g.r))
			}
		}
	}
	return gs, rtl
}
