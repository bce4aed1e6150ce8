package fonts

import (
	"encoding/binary"
	"math"
	"sync"
)

// Glyph is the face's glyph index for r, 0 when the face lacks it. The PDF
// writer addresses text by glyph, so characters beyond U+FFFF are drawn
// whenever the face maps them (cmap format 12).
func (f *Face) Glyph(r rune) uint16 {
	if r > 0xFFFF {
		return f.supplementary().m[r].glyph
	}
	w, g := f.load().cov.lookup(r)
	if w == 0 {
		return 0
	}
	return g
}

// supGlyph is one character beyond the BMP: its glyph and advance, stored
// as coverage stores them (0, zeroWidth or 1/1000 em).
type supGlyph struct{ glyph, width uint16 }

// supTable holds a face's characters beyond the BMP. The embedded metrics
// cover the BMP only; these few characters are read from the font's
// format 12 cmap the first time a text asks for one.
type supTable struct {
	once sync.Once
	m    map[rune]supGlyph
}

// maxSupplementary bounds how many characters a damaged cmap can make the
// reader enumerate.
const maxSupplementary = 1 << 17

var supTables sync.Map // *Face → *supTable

func (f *Face) supplementary() *supTable {
	v, _ := supTables.LoadOrStore(f, &supTable{})
	t := v.(*supTable)
	t.once.Do(func() {
		t.m = map[rune]supGlyph{}
		o := f.outlines()
		if o.numGlyphs == 0 {
			return
		}
		scale := 1000 / float64(binary.BigEndian.Uint16(o.tables["head"][18:]))
		hmtx := o.tables["hmtx"]
		advance := func(g int) int {
			w := int(binary.BigEndian.Uint16(hmtx[4*min(g, o.numHMetrics-1):]))
			if w >= 1<<15 {
				w = 0
			}
			return w
		}
		cmap12(o.tables["cmap"], func(r rune, g int) {
			if r <= 0xFFFF || g == 0 || g >= o.numGlyphs || len(t.m) >= maxSupplementary {
				return
			}
			w := int(math.Round(scale * float64(advance(g))))
			if w == 0 || w >= zeroWidth {
				w = zeroWidth
			}
			t.m[r] = supGlyph{uint16(g), uint16(w)}
		})
	})
	return t
}

// cmap12 calls fn for every character of the first Unicode format 12
// subtable (full repertoire), with bounds checks against damaged files.
func cmap12(cmap []byte, fn func(r rune, g int)) {
	be := binary.BigEndian
	if len(cmap) < 4 {
		return
	}
	for i := range int(be.Uint16(cmap[2:])) {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return
		}
		platform, encoding := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:])
		off := int(be.Uint32(cmap[rec+4:]))
		if !(platform == 3 && encoding == 10 || platform == 0 && (encoding == 4 || encoding == 6)) {
			continue
		}
		if off < 0 || off+16 > len(cmap) || be.Uint16(cmap[off:]) != 12 {
			continue
		}
		t := cmap[off:]
		n := int(be.Uint32(t[12:]))
		if n < 0 || n > (len(t)-16)/12 {
			return
		}
		for k := range n {
			grp := t[16+12*k:]
			start, end, g := be.Uint32(grp), be.Uint32(grp[4:]), be.Uint32(grp[8:])
			if end > 0x10FFFF || start > end || end-start > maxSupplementary {
				continue
			}
			for c := start; c <= end; c++ {
				fn(rune(c), int(g+c-start))
			}
		}
		return
	}
}

// Descriptor is what a PDF font descriptor says about a face, in 1/1000 em.
type Descriptor struct {
	BBox        [4]int
	ItalicAngle float64
	Ascent      int
	Descent     int
	CapHeight   int
	StemV       int
	Fixed       bool // monospaced
	Italic      bool
}

// Descriptor reads the face's font descriptor values (head, post, OS/2).
func (f *Face) Descriptor() Descriptor {
	o := f.outlines()
	d := Descriptor{Ascent: f.Ascent(), Descent: f.Descent(), StemV: 80}
	head, post, os2 := o.tables["head"], o.tables["post"], o.tables["OS/2"]
	if len(head) < 54 {
		return d
	}
	be := binary.BigEndian
	scale := 1000 / float64(be.Uint16(head[18:]))
	for i := range 4 {
		d.BBox[i] = int(math.Round(float64(int16(be.Uint16(head[36+2*i:]))) * scale))
	}
	d.CapHeight = d.Ascent
	if len(post) >= 16 {
		d.ItalicAngle = float64(int32(be.Uint32(post[4:]))) / 65536
		d.Fixed = be.Uint32(post[12:]) != 0
	}
	if len(os2) >= 90 && be.Uint16(os2) >= 2 {
		d.CapHeight = int(math.Round(float64(int16(be.Uint16(os2[88:]))) * scale))
	}
	if len(os2) >= 6 {
		// The usual estimate of the dominant stem from the weight class.
		w := float64(be.Uint16(os2[4:])) / 65
		d.StemV = int(50 + w*w)
	}
	d.Italic = d.ItalicAngle != 0
	return d
}

// SubsetGlyphs returns a TrueType file whose glyph i is the face's glyph
// gids[i] (gids[0] should be 0, the missing glyph; a glyph may be listed
// twice, to stand for two texts), followed by the components of composite
// glyphs, with advances unchanged. A PDF addressing
// text by glyph numbers the glyphs it draws as it meets them, so the
// subset's tables are as short as the text is varied.
func (f *Face) SubsetGlyphs(gids []uint16) ([]byte, error) {
	o := f.outlines()
	old := make([]int, len(gids))
	for i, g := range gids {
		old[i] = int(g)
	}
	return buildSubset(o, old, buildCmap4(nil, nil))
}

// closure appends to order every component glyph its composites use that
// it does not hold yet.
func closure(o *outlines, order []int) ([]int, error) {
	if len(order) > 0xFFFF {
		return nil, errGlyf
	}
	// keep is a bit per glyph of the face: a few hundred bytes.
	keep := make([]uint64, (o.numGlyphs+63)/64)
	for _, g := range order {
		if g < 0 || g >= o.numGlyphs {
			return nil, errGlyf
		}
		keep[g/64] |= 1 << (g % 64)
	}
	gt := o.glyfTable()
	for i := 0; i < len(order); i++ {
		g := order[i]
		data, err := gt.glyph(g)
		if err != nil {
			return nil, err
		}
		bad := false
		if err := components(data, func(pos int) {
			c := int(binary.BigEndian.Uint16(data[pos:]))
			if c >= o.numGlyphs {
				bad = true
			} else if keep[c/64]&(1<<(c%64)) == 0 {
				keep[c/64] |= 1 << (c % 64)
				order = append(order, c)
			}
		}); err != nil || bad {
			return nil, errGlyf
		}
	}
	return order, nil
}
