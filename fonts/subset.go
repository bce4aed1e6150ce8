package fonts

import (
	"encoding/binary"
	"errors"
	"slices"
	"sort"
)

// Subset returns a TrueType file holding only the glyphs the face needs to
// draw runes (those of them it has), with their metrics unchanged, for tests and
// tools that want a small face of their own; PDFs use SubsetGlyphs.
func (f *Face) Subset(runes []rune) []byte {
	m, o := f.load(), f.outlines()
	rs := make([]int, 0, len(runes))
	for _, r := range runes {
		if r > 0 && r < 0xFFFF && m.glyph(int(r)) != 0 {
			rs = append(rs, int(r))
		}
	}
	slices.Sort(rs)
	rs = slices.Compact(rs)
	if out, err := subsetGlyphs(m, o, rs); err == nil {
		return out
	}
	// A font whose outlines this reader does not follow still works with
	// its character map cut down, which is most of the saving.
	return subsetCmap(f.Data(), m, rs)
}

// glyph is the glyph index of BMP rune r (0 when unmapped).
func (m *metrics) glyph(r int) int {
	_, g := m.cov.lookup(rune(r))
	return int(g)
}

// subsetCmap keeps the whole file but points the table directory at a new
// character map holding only rs.
func subsetCmap(data []byte, m *metrics, rs []int) []byte {
	cmap := buildCmap4(rs, m.glyph)
	off := (len(data) + 3) &^ 3
	out := make([]byte, off, off+len(cmap)+3)
	copy(out, data)
	out = append(out, cmap...)
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	n := int(binary.BigEndian.Uint16(out[4:]))
	for i := range n {
		rec := out[12+16*i:]
		if string(rec[:4]) == "cmap" {
			binary.BigEndian.PutUint32(rec[4:], checksum(out[off:]))
			binary.BigEndian.PutUint32(rec[8:], uint32(off))
			binary.BigEndian.PutUint32(rec[12:], uint32(len(cmap)))
		}
	}
	return out
}

// Composite glyph flags (TrueType glyf table).
const (
	argsAreWords  = 0x0001
	haveScale     = 0x0008
	moreComponent = 0x0020
	haveXYScale   = 0x0040
	haveTwoByTwo  = 0x0080
)

var errGlyf = errors.New("unsupported glyf data")

// subsetGlyphs builds a font of glyph 0, the glyphs of rs and the
// components of composite glyphs, renumbered in their original order.
func subsetGlyphs(m *metrics, o *outlines, rs []int) ([]byte, error) {
	order := []int{0}
	for _, r := range rs {
		order = append(order, m.glyph(r))
	}
	slices.Sort(order)
	order = slices.Compact(order)
	order, err := closure(o, order)
	if err != nil {
		return nil, err
	}
	slices.Sort(order)
	newID := make(map[int]int, len(order))
	for i, g := range order {
		newID[g] = i
	}
	return buildSubset(o, order, buildCmap4(rs, func(r int) int { return newID[m.glyph(r)] }))
}

// glyfTable is what finding a glyph's data needs, looked up in a face's
// tables once for all the glyphs of a subset rather than for each.
type glyfTable struct {
	loca, glyf []byte
	numGlyphs  int
	long, ok   bool // loca holds 32-bit offsets; head is whole
}

// glyfTable returns the face's glyph locations.
func (o *outlines) glyfTable() glyfTable {
	head := o.tables["head"]
	t := glyfTable{loca: o.tables["loca"], glyf: o.tables["glyf"], numGlyphs: o.numGlyphs, ok: len(head) >= 54}
	t.long = t.ok && binary.BigEndian.Uint16(head[50:]) == 1
	return t
}

// glyph returns glyph g's data from glyf, as loca locates it.
func (t *glyfTable) glyph(g int) ([]byte, error) {
	be := binary.BigEndian
	loca, glyf := t.loca, t.glyf
	if !t.ok || g < 0 || g >= t.numGlyphs {
		return nil, errGlyf
	}
	var a, b int
	if t.long {
		if len(loca) < 4*(g+2) {
			return nil, errGlyf
		}
		a, b = int(be.Uint32(loca[4*g:])), int(be.Uint32(loca[4*g+4:]))
	} else {
		if len(loca) < 2*(g+2) {
			return nil, errGlyf
		}
		a, b = 2*int(be.Uint16(loca[2*g:])), 2*int(be.Uint16(loca[2*g+2:]))
	}
	if a > b || b > len(glyf) {
		return nil, errGlyf
	}
	return glyf[a:b], nil
}

// components calls fn for the offset of each component glyph index inside
// a composite glyph's data.
func components(data []byte, fn func(pos int)) error {
	be := binary.BigEndian
	if len(data) < 10 || int16(be.Uint16(data)) >= 0 {
		return nil // simple glyph or empty
	}
	pos := 10
	for {
		if pos+4 > len(data) {
			return errGlyf
		}
		flags := be.Uint16(data[pos:])
		fn(pos + 2)
		pos += 4
		if flags&argsAreWords != 0 {
			pos += 4
		} else {
			pos += 2
		}
		switch {
		case flags&haveScale != 0:
			pos += 2
		case flags&haveXYScale != 0:
			pos += 4
		case flags&haveTwoByTwo != 0:
			pos += 8
		}
		if flags&moreComponent == 0 {
			return nil
		}
	}
}

// buildSubset writes a font whose glyph i is the face's glyph old[i], with
// composite components renumbered and the given cmap table.
func buildSubset(o *outlines, old []int, cmap []byte) ([]byte, error) {
	be := binary.BigEndian
	old, err := closure(o, old)
	if err != nil {
		return nil, errGlyf
	}
	// The new number of a component is the first place of its glyph in
	// old (closure has put every component there), found by binary search
	// in the places sorted by glyph: a few kilobytes where a map or a
	// table over all the face's glyphs took ten times that.
	places := make([]glyphPlace, len(old))
	for i, g := range old {
		places[i] = glyphPlace{uint16(g), uint16(i)}
	}
	slices.SortStableFunc(places, func(a, b glyphPlace) int { return int(a.glyph) - int(b.glyph) })
	newID := func(g uint16) uint16 {
		i, _ := slices.BinarySearchFunc(places, g, func(p glyphPlace, g uint16) int { return int(p.glyph) - int(g) })
		return places[i].at
	}
	gt := o.glyfTable()
	hmtx := o.tables["hmtx"]
	n := len(old)
	size := 0
	for _, g := range old {
		data, _ := gt.glyph(g)
		size += (len(data) + 3) &^ 3
	}
	newGlyf := make([]byte, 0, size)
	newLoca := make([]byte, 4*(n+1))
	newHmtx := make([]byte, 4*n)
	for i, g := range old {
		data, _ := gt.glyph(g)
		start := len(newGlyf)
		newGlyf = append(newGlyf, data...)
		comp := newGlyf[start:]
		_ = components(comp, func(pos int) {
			be.PutUint16(comp[pos:], newID(be.Uint16(comp[pos:])))
		})
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
		be.PutUint32(newLoca[4*i:], uint32(start))
		// Advance and side bearing, expanding the shared last advance.
		h := min(g, o.numHMetrics-1)
		copy(newHmtx[4*i:], hmtx[4*h:4*h+2])
		if g < o.numHMetrics {
			copy(newHmtx[4*i+2:], hmtx[4*g+2:4*g+4])
		} else if lsb := 4*o.numHMetrics + 2*(g-o.numHMetrics); lsb+2 <= len(hmtx) {
			copy(newHmtx[4*i+2:], hmtx[lsb:lsb+2])
		}
	}
	be.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))

	newHead := slices.Clone(o.tables["head"])
	be.PutUint32(newHead[8:], 0) // checkSumAdjustment
	be.PutUint16(newHead[50:], 1)
	newHhea := slices.Clone(o.tables["hhea"])
	be.PutUint16(newHhea[34:], uint16(n))
	newMaxp := slices.Clone(o.tables["maxp"])
	be.PutUint16(newMaxp[4:], uint16(n))
	post := o.tables["post"]
	if len(post) < 32 {
		return nil, errGlyf
	}
	newPost := slices.Clone(post[:32])
	be.PutUint32(newPost, 0x00030000) // no glyph names

	tables := map[string][]byte{
		"head": newHead, "hhea": newHhea, "maxp": newMaxp, "hmtx": newHmtx,
		"loca": newLoca, "glyf": newGlyf, "post": newPost, "name": o.tables["name"],
		"cmap": cmap,
	}
	// Hinting and OS/2 metrics do not refer to glyph numbers; layout
	// tables (GSUB, GPOS, kern…) do and a PDF does not read them, so they go.
	for _, tag := range []string{"OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if t := o.tables[tag]; len(t) > 0 {
			tables[tag] = t
		}
	}
	return assemble(tables), nil
}

// glyphPlace is a glyph of the face and its place in a subset.
type glyphPlace struct{ glyph, at uint16 }

// assemble writes a TrueType file from tables, in tag order, 4-byte aligned.
func assemble(tables map[string][]byte) []byte {
	be := binary.BigEndian
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for tag, t := range tables {
		tags = append(tags, tag)
		size += (len(t) + 3) &^ 3
	}
	sort.Strings(tags)
	out := make([]byte, 12+16*len(tags), size)
	be.PutUint32(out, 0x00010000)
	n := len(tags)
	sr, sel := 1, 0
	for sr*2 <= n {
		sr *= 2
		sel++
	}
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(16*sr))
	be.PutUint16(out[8:], uint16(sel))
	be.PutUint16(out[10:], uint16(16*(n-sr)))
	for i, tag := range tags {
		t := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], checksum(t))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(t)))
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// buildCmap4 makes a cmap table with one (3,1) format 4 subtable mapping
// the sorted runes rs to glyph(r), one segment per run of consecutive
// characters with consecutive glyphs.
func buildCmap4(rs []int, glyph func(r int) int) []byte {
	type seg struct{ start, end, delta int }
	var segs []seg
	for _, r := range rs {
		delta := (glyph(r) - r) & 0xFFFF
		if k := len(segs) - 1; k >= 0 && segs[k].end == r-1 && segs[k].delta == delta {
			segs[k].end = r
			continue
		}
		segs = append(segs, seg{r, r, delta})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	sub := make([]byte, 16+8*n)
	be := binary.BigEndian
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*n))
	sr, sel := 2, 0
	for sr*2 <= 2*n {
		sr *= 2
		sel++
	}
	be.PutUint16(sub[8:], uint16(sr))
	be.PutUint16(sub[10:], uint16(sel))
	be.PutUint16(sub[12:], uint16(2*n-sr))
	for i, s := range segs {
		be.PutUint16(sub[14+2*i:], uint16(s.end))
		be.PutUint16(sub[16+2*n+2*i:], uint16(s.start))
		be.PutUint16(sub[16+4*n+2*i:], uint16(s.delta))
		// idRangeOffset stays 0: glyph = rune + delta.
	}
	head := make([]byte, 12)
	be.PutUint16(head[2:], 1)
	be.PutUint16(head[4:], 3)
	be.PutUint16(head[6:], 1)
	be.PutUint32(head[8:], 12)
	return append(head, sub...)
}

// checksum is the TrueType table checksum (sum of big-endian uint32s, the
// last one padded with zeros).
func checksum(b []byte) uint32 {
	var sum uint32
	whole := len(b) &^ 3
	for i := 0; i < whole; i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	if whole < len(b) {
		var w [4]byte
		copy(w[:], b[whole:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
