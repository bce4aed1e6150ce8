package pdfdraw

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/internal/safelink"
	"github.com/scholargate/topicdeck/pdf"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
)

// text draws one measured line: each piece at its offset on the shared
// baseline. Pieces run by run: text with a URL is a Link element of its
// own (marked content and a link annotation), the rest is marked content
// of the item's node, or an artifact.
func (d *drawer) text(v *plan.Text, t transform, sc *scope) {
	l := &v.Line
	if len(l.Segments) == 0 {
		return
	}
	for i := range l.Segments {
		s := &l.Segments[i]
		if d.face(s) == nil {
			d.err = errFace(s)
			return
		}
	}
	owner := sc.elem(v.Tag)
	base := v.Y + l.Ascent
	d.lineLeft = v.X
	if hasRTL(l) {
		d.textRTL(v, t, sc, owner)
		return
	}
	// The line has no right-to-left text: its pieces are its segments,
	// in a buffer the drawer keeps from line to line.
	ps := ltrPieces(d.pieces[:0], l)
	d.pieces = ps
	// The last piece ends with a space in extracted text, so that the
	// next line's first word does not run into this line's last one.
	last := -1
	if owner != nil && needsSpace(l) {
		last = len(ps) - 1
	}
	for i := 0; i < len(ps); {
		url := ps[i].seg.URL
		j := i + 1
		for j < len(ps) && ps[j].seg.URL == url {
			j++
		}
		if !safelink.Allowed(url) {
			url = "" // the text stays; the exporter warned of the target
		}
		e := owner
		var annotElem *pdf.StructElem
		if url != "" && d.tree != nil {
			if sc.none {
				// A link drawn as decoration (an untagged embed) is
				// still an annotation, which PDF/UA wants in the tree.
				annotElem = d.tree.Root.Add("Link")
			} else {
				parent := owner
				if parent == nil {
					parent = d.tree.Root
				}
				e = parent.Add("Link")
				annotElem = e
			}
		}
		d.mark(e, "")
		for k := i; k < j; k++ {
			p := &ps[k]
			if p.text == "" && k != last {
				continue
			}
			d.glyphs(p, t.x(v.X+p.x), d.h-t.y(base), t.s, k == last)
		}
		d.endText()
		d.c.EndMarked()
		if url != "" {
			x0, x1 := v.X+ps[i].x, v.X+ps[j-1].x+ps[j-1].w
			d.link(annotElem, url, linkText(ps[i:j]), [4]float64{t.x(x0), d.h - t.y(v.Y+l.Height), t.x(x1), d.h - t.y(v.Y)})
		}
		i = j
	}
}

func errFace(s *textlayout.Segment) error {
	return fmt.Errorf("pdfdraw: face %s %q is not in the font set the document was measured with", s.Face, s.Style)
}

// link adds a link annotation, in the structure under e when tagged.
func (d *drawer) link(e *pdf.StructElem, url, text string, rect [4]float64) {
	ref := d.out.W.Alloc()
	key := -1
	if d.tree != nil && e != nil {
		key = d.tree.Annotation(e, ref)
	}
	contents := url
	if text = strings.TrimSpace(text); text != "" && text != url {
		contents = text + " (" + url + ")"
	}
	d.out.W.Set(ref, pdf.LinkURI(rect, url, contents, key))
	d.annots = append(d.annots, ref)
}

func linkText(ps []piece) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.text)
	}
	return b.String()
}

// textRTL draws a line with right-to-left text: glyphs in logical order,
// each at its visual place, so that extraction reads the text as typed.
// Mirrored brackets and Arabic presentation forms are drawn with codes
// that map back to the characters typed; the element holding the line gets
// its text in logical order as /ActualText too.
func (d *drawer) textRTL(v *plan.Text, t transform, sc *scope, owner *pdf.StructElem) {
	l := &v.Line
	gs := placed(l, d.set)
	space := owner != nil && needsSpace(l)
	baseline := d.h - t.y(v.Y+l.Ascent)
	for i := 0; i < len(gs); {
		url := gs[i].seg.URL
		j := i + 1
		for j < len(gs) && gs[j].seg.URL == url {
			j++
		}
		if !safelink.Allowed(url) {
			url = "" // the text stays; the exporter warned of the target
		}
		// The segments drawn, as typed (a segment has one URL, so it
		// lies within one run).
		var text strings.Builder
		var last *textlayout.Segment
		for _, g := range gs[i:j] {
			if g.seg != last {
				text.WriteString(g.seg.Text)
				last = g.seg
			}
		}
		e := owner
		var annotElem *pdf.StructElem
		switch {
		case url != "" && d.tree != nil && sc.none:
			annotElem = d.tree.Root.Add("Link")
		case url != "" && d.tree != nil:
			parent := owner
			if parent == nil {
				parent = d.tree.Root
			}
			e = parent.Add("Link")
			annotElem = e
		case e != nil:
			e = e.Add("Span")
		}
		if e != nil {
			e.ActualText = text.String()
		}
		d.mark(e, "")
		d.placedGlyphs(gs[i:j], t, baseline, space && j == len(gs))
		d.endText()
		d.c.EndMarked()
		if url != "" {
			x0, x1 := gs[i].x, gs[i].x+gs[i].w
			for _, g := range gs[i:j] {
				x0, x1 = min(x0, g.x), max(x1, g.x+g.w)
			}
			d.link(annotElem, url, text.String(), [4]float64{t.x(v.X + x0), d.h - t.y(v.Y+l.Height), t.x(v.X + x1), d.h - t.y(v.Y)})
		}
		i = j
	}
}

// placedGlyphs draws glyphs in the order given, each at its own place:
// one TJ per run of a segment, with adjustments that move the pen from
// one glyph's end to the next one's start.
func (d *drawer) placedGlyphs(gs []glyph, t transform, baseline float64, space bool) {
	lineX := 0.0
	for i := 0; i < len(gs); {
		seg := gs[i].seg
		j := i + 1
		for j < len(gs) && gs[j].seg == seg {
			j++
		}
		face := d.face(seg)
		f := d.font(face)
		size := seg.Size * t.s
		cids, adjust := d.cids[:0], d.adjust[:0]
		var pen float64 // where the pen stands after the last glyph, in plan units
		flush := func() {
			d.show(f, size, seg.Color, lineX, baseline, cids, adjust)
			cids, adjust = cids[:0], adjust[:0]
		}
		for k := i; k < j; k++ {
			g := gs[k]
			x := t.x(d.lineLeft + g.x)
			cid, ok := f.CIDFor(g.r, g.src)
			if !ok {
				flush()
				d.endText()
				w := g.w * t.s
				h := float64(face.Ascent()) * size / 1000 * 0.7
				d.stroke(seg.Color, size/20)
				d.c.Rect(x+w*0.15, baseline, w*0.7, h)
				d.c.Stroke()
				continue
			}
			if len(cids) == 0 {
				lineX = x
			} else {
				adjust = append(adjust[:len(cids)], (pen-x)*1000/size)
			}
			cids = append(cids, cid)
			if len(adjust) < len(cids) {
				adjust = append(adjust, 0)
			}
			pen = x + g.w*t.s
		}
		if space && j == len(gs) {
			if cid, ok := f.CID(' '); ok {
				cids = append(cids, cid)
				adjust = append(adjust, 0)
			}
		}
		flush()
		d.cids, d.adjust = cids, adjust
		i = j
	}
}

// needsSpace reports whether a line's text ends where a word does not
// continue on the next line without a space: after anything but a space
// or an ideograph (Chinese and Japanese lines break without spaces).
func needsSpace(l *textlayout.Line) bool {
	s := l.Segments[len(l.Segments)-1].Text
	if s == "" {
		return false
	}
	c, _ := utf8.DecodeLastRuneInString(s)
	return !unicode.IsSpace(c) && !unicode.In(c, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) &&
		!(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFF00 && c <= 0xFFEF)
}

// show draws glyphs (with their TJ adjustments) from (x, baseline) in f
// at size, setting font and colour only when they change.
func (d *drawer) show(f *pdf.Font, size float64, c textlayout.Color, x, baseline float64, cids []uint16, adjust []float64) {
	if len(cids) == 0 {
		return
	}
	d.beginText()
	if d.gs.font != f || d.gs.size != size {
		d.c.Font(f.Resource, size)
		d.gs.font, d.gs.size = f, size
	}
	d.fill(c)
	d.c.TextAt(x, baseline)
	d.c.Glyphs(cids, adjust)
}

// face returns the face of s, as fonts.Set.Face does. A line's segments,
// and the next line's, nearly always share a face, so the last one found
// is kept: Set.Face builds its map key from family and style at every
// call, and drawing asked it twice a segment.
func (d *drawer) face(s *textlayout.Segment) *fonts.Face {
	if d.lastFace != nil && s.Face == d.lastFamily && s.Style == d.lastStyle {
		return d.lastFace
	}
	f := d.set.Face(s.Face, s.Style)
	if f != nil {
		d.lastFamily, d.lastStyle, d.lastFace = s.Face, s.Style, f
	}
	return f
}

// font returns the document's font for face, adding it on first use.
func (d *drawer) font(face *fonts.Face) *pdf.Font {
	f, ok := d.fonts[face]
	if !ok {
		name := pdf.Name("F" + strconv.Itoa(len(d.fontOrder)+1))
		f = pdf.NewFont(face, d.out.W.Alloc(), name)
		d.fonts[face] = f
		d.fontOrder = append(d.fontOrder, f)
	}
	return f
}

func (d *drawer) beginText() {
	if !d.gs.inText {
		d.c.BeginText()
		d.gs.inText = true
	}
}

func (d *drawer) endText() {
	if d.gs.inText {
		d.c.EndText()
		d.gs.inText = false
	}
}

// glyphs draws a piece of a line without right-to-left text (textRTL
// draws the others) from (x, baseline) in PDF coordinates, with the
// segment's pair kerning as TJ adjustments. A character the face
// lacks (reported in Line.Missing) is drawn as an empty box of the width
// layout gave it. space appends a space glyph, for text extraction.
func (d *drawer) glyphs(p *piece, x, baseline, scale float64, space bool) {
	s := p.seg
	face := d.face(s)
	f := d.font(face)
	size := s.Size * scale
	cids, adjust := d.cids[:0], d.adjust[:0]
	start, units := x, 0 // start of the pending run; units since x
	flush := func() {
		d.show(f, size, s.Color, start, baseline, cids, adjust)
		cids, adjust = cids[:0], adjust[:0]
	}
	kern := s.Kern
	var prev rune
	for _, r := range p.text {
		cid, ok := f.CID(r)
		if !ok {
			flush()
			d.endText()
			w := float64(face.Advance(r)) * size / 1000
			bx := x + float64(units)*size/1000
			h := float64(face.Ascent()) * size / 1000 * 0.7
			d.stroke(s.Color, size/20)
			d.c.Rect(bx+w*0.15, baseline, w*0.7, h)
			d.c.Stroke()
			units += face.Advance(r)
			start = x + float64(units)*size/1000
			prev = 0
			continue
		}
		a := 0.0
		if kern && prev != 0 {
			k := face.Kern(prev, r)
			a = float64(-k)
			units += k
		}
		cids = append(cids, cid)
		adjust = append(adjust, a)
		units += f.Width(cid)
		prev = r
	}
	if space {
		if cid, ok := f.CID(' '); ok {
			cids = append(cids, cid)
			adjust = append(adjust, 0)
		}
	}
	flush()
	d.cids, d.adjust = cids, adjust
}
