package fonts

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// gposReader decodes the GPOS table. Reads outside the table set bad
// instead of panicking; budget counts the glyph entries decoding may still
// visit or allocate, so forged counts and ranges end the work early.
type gposReader struct {
	b         []byte
	scale     float64
	numGlyphs int
	budget    int
	bad       bool
	classes   map[int][]uint16 // decoded class definitions, by offset
}

func (r *gposReader) u16(off int) int {
	if off < 0 || off+2 > len(r.b) {
		r.bad = true
		return 0
	}
	return int(binary.BigEndian.Uint16(r.b[off:]))
}

func (r *gposReader) u32(off int) int {
	if off < 0 || off+4 > len(r.b) {
		r.bad = true
		return 0
	}
	return int(binary.BigEndian.Uint32(r.b[off:]))
}

func (r *gposReader) tag(off int) string {
	if off < 0 || off+4 > len(r.b) {
		r.bad = true
		return ""
	}
	return string(r.b[off : off+4])
}

// spend takes n units of work from the budget.
func (r *gposReader) spend(n int) bool {
	r.budget -= n
	if r.budget < 0 {
		r.bad = true
	}
	return !r.bad
}

// read decodes the pair adjustment lookups of the 'kern' feature.
func (r *gposReader) read() []kernLookup {
	var out []kernLookup
	for _, off := range r.kernLookupOffsets() {
		if r.bad {
			return nil
		}
		if lk, ok := r.lookup(off); ok {
			out = append(out, lk)
		}
	}
	return out
}

// kernLookupOffsets lists the offsets in the table of the 'kern' feature's
// lookups (see kernLookups), or nothing when the table is not GPOS 1.x.
func (r *gposReader) kernLookupOffsets() []int {
	if len(r.b) < 10 || r.u16(0) != 1 {
		return nil
	}
	scripts, features, lookupList := r.u16(4), r.u16(6), r.u16(8)
	nLookups := r.u16(lookupList)
	var out []int
	for _, li := range r.kernLookups(scripts, features) {
		if li < nLookups && !r.bad {
			out = append(out, lookupList+r.u16(lookupList+2+2*li))
		}
	}
	return out
}

// kernLookups lists, in lookup order and each once, the lookups of the
// 'kern' feature of the default language of the DFLT or latn script (the
// ones every script of a common font shares), or of every 'kern' feature
// when those scripts have none.
func (r *gposReader) kernLookups(scripts, features int) []int {
	nFeatures := r.u16(features)
	if !r.spend(nFeatures) {
		return nil
	}
	var indices []int
	nScripts := r.u16(scripts)
	for i := 0; i < nScripts && !r.bad; i++ {
		rec := scripts + 2 + 6*i
		if t := r.tag(rec); t != "DFLT" && t != "latn" {
			continue
		}
		script := scripts + r.u16(rec+4)
		if def := r.u16(script); def != 0 {
			ls := script + def
			n := r.u16(ls + 4)
			if !r.spend(n) {
				return nil
			}
			for j := range n {
				indices = append(indices, r.u16(ls+6+2*j))
			}
		}
	}
	lookups := r.featureLookups(features, nFeatures, indices)
	if len(lookups) == 0 {
		all := make([]int, nFeatures)
		for i := range all {
			all[i] = i
		}
		lookups = r.featureLookups(features, nFeatures, all)
	}
	slices.Sort(lookups)
	return slices.Compact(lookups)
}

// featureLookups collects the lookups of the 'kern' features among indices.
func (r *gposReader) featureLookups(features, nFeatures int, indices []int) []int {
	var out []int
	for _, fi := range indices {
		if fi >= nFeatures || r.bad {
			continue
		}
		rec := features + 2 + 6*fi
		if r.tag(rec) != "kern" {
			continue
		}
		ft := features + r.u16(rec+4)
		n := r.u16(ft + 2)
		if !r.spend(n) {
			return nil
		}
		for j := range n {
			out = append(out, r.u16(ft+4+2*j))
		}
	}
	return out
}

// lookup decodes one lookup if it is a pair adjustment (type 2, or type 9
// extension subtables of type 2).
func (r *gposReader) lookup(off int) (kernLookup, bool) {
	typ, n := r.u16(off), r.u16(off+4)
	if typ != 2 && typ != 9 || !r.spend(n+r.numGlyphs) {
		return kernLookup{}, false
	}
	b := &rowBuilder{kernLookup: kernLookup{rows: make([]int32, r.numGlyphs)}}
	for _, sub := range r.pairSubtables(off) {
		if r.bad {
			break
		}
		if r.u16(sub) == 1 {
			r.pairFormat1(sub, b)
		} else {
			r.pairFormat2(sub, b)
		}
	}
	if r.bad {
		return kernLookup{}, false
	}
	return b.finish(), len(b.data) > 0
}

// pairSubtables lists, in order, the offsets of the pair adjustment
// subtables (formats 1 and 2) of the lookup at off, the ones behind its
// extension subtables included; nothing when it is not a pair adjustment
// (type 2) or extension (type 9) lookup.
func (r *gposReader) pairSubtables(off int) []int {
	typ, n := r.u16(off), r.u16(off+4)
	if typ != 2 && typ != 9 {
		return nil
	}
	var subs []int
	for i := 0; i < n && !r.bad; i++ {
		sub := off + r.u16(off+6+2*i)
		if typ == 9 {
			if r.u16(sub) != 1 || r.u16(sub+2) != 2 {
				continue
			}
			sub += r.u32(sub + 4)
		}
		if f := r.u16(sub); f == 1 || f == 2 {
			subs = append(subs, sub)
		}
	}
	return subs
}

// rowBuilder collects a lookup's rows subtable by subtable.
type rowBuilder struct {
	kernLookup
	pending []rowPair // explicit pairs in subtable order, sorted by finish
	closed  []bool    // by row: a class subtable decides every pair after it
}

// rowPair is an explicit pair of a row while the lookup is read.
type rowPair struct {
	row int32
	kernPair
}

// row returns the index of left glyph g's row, made on first use, or -1
// when a class subtable already decides g's pairs.
func (b *rowBuilder) row(g int) int32 {
	if b.rows[g] == 0 {
		b.data = append(b.data, kernRow{})
		b.closed = append(b.closed, false)
		b.rows[g] = int32(len(b.data))
	}
	if b.closed[b.rows[g]-1] {
		return -1
	}
	return b.rows[g] - 1
}

// finish gathers each row's pairs, sorted, keeping the first subtable's
// value for a pair two subtables give.
func (b *rowBuilder) finish() kernLookup {
	slices.SortStableFunc(b.pending, func(x, y rowPair) int {
		if x.row != y.row {
			return int(x.row - y.row)
		}
		return int(x.right) - int(y.right)
	})
	b.pending = slices.CompactFunc(b.pending, func(x, y rowPair) bool { return x.row == y.row && x.right == y.right })
	b.pairs = make([]kernPair, len(b.pending))
	for i, p := range b.pending {
		b.pairs[i] = p.kernPair
		if i == 0 || b.pending[i-1].row != p.row {
			b.data[p.row].pairs = int32(i)
		}
		b.data[p.row].pairsEnd = int32(i + 1)
	}
	return b.kernLookup
}

// valueSize is the size of a value record of format vf; xAdvance is the
// offset of its XAdvance, or -1 when it has none.
func valueSize(vf int) (size, xAdvance int) {
	size = 2 * bits.OnesCount16(uint16(vf&0xFF))
	if vf&4 == 0 {
		return size, -1
	}
	return size, 2 * bits.OnesCount16(uint16(vf&3))
}

// pairFormat1 adds a subtable's explicit pairs (the first glyph's XAdvance).
func (r *gposReader) pairFormat1(sub int, b *rowBuilder) {
	cov := sub + r.u16(sub+2)
	size1, xa := valueSize(r.u16(sub + 4))
	size2, _ := valueSize(r.u16(sub + 6))
	nSets := r.u16(sub + 8)
	rec := 2 + size1 + size2
	r.coverage(cov, func(g, idx int) {
		if idx >= nSets {
			return
		}
		row := b.row(g)
		if row < 0 {
			return
		}
		set := sub + r.u16(sub+10+2*idx)
		n := r.u16(set)
		if !r.spend(n) || set+2+n*rec > len(r.b) {
			r.bad = true
			return
		}
		for j := range n {
			p := set + 2 + j*rec
			v := int16(0)
			if xa >= 0 {
				v = thousandths(int16(r.u16(p+2+xa)), r.scale)
			}
			b.pending = append(b.pending, rowPair{row, kernPair{uint16(r.u16(p)), v}})
		}
	})
}

// pairFormat2 gives every left glyph the subtable covers, and no earlier
// class subtable decides, its class row.
func (r *gposReader) pairFormat2(sub int, b *rowBuilder) {
	cov := sub + r.u16(sub+2)
	size1, xa := valueSize(r.u16(sub + 4))
	size2, _ := valueSize(r.u16(sub + 6))
	class1 := r.classDef(sub + r.u16(sub+8))
	class2 := r.classDef(sub + r.u16(sub+10))
	n1, n2 := r.u16(sub+12), r.u16(sub+14)
	rec := size1 + size2
	if r.bad || !r.spend(n1*n2) || sub+16+n1*n2*rec > len(r.b) {
		r.bad = true
		return
	}
	base := int32(len(b.vals))
	b.vals = slices.Grow(b.vals, n1*n2)
	for i := range n1 * n2 {
		v := int16(0)
		if xa >= 0 {
			v = thousandths(int16(r.u16(sub+16+i*rec+xa)), r.scale)
		}
		b.vals = append(b.vals, v)
	}
	b.classes = append(b.classes, class2)
	class := int32(len(b.classes))
	r.coverage(cov, func(g, _ int) {
		c := int(class1[g])
		if c >= n1 {
			return // no record for the class: the subtable does not apply
		}
		row := b.row(g)
		if row < 0 {
			return
		}
		b.data[row].class, b.data[row].vals, b.data[row].n2 = class, base+int32(c*n2), int32(n2)
		b.closed[row] = true
	})
}

// coverage calls fn with each glyph of a coverage table and its index.
func (r *gposReader) coverage(off int, fn func(g, idx int)) {
	switch r.u16(off) {
	case 1:
		n := r.u16(off + 2)
		if !r.spend(n) {
			return
		}
		for i := 0; i < n && !r.bad; i++ {
			if g := r.u16(off + 4 + 2*i); g < r.numGlyphs {
				fn(g, i)
			}
		}
	case 2:
		n := r.u16(off + 2)
		for i := 0; i < n && !r.bad; i++ {
			rec := off + 4 + 6*i
			start, end, idx := r.u16(rec), r.u16(rec+2), r.u16(rec+4)
			end = min(end, r.numGlyphs-1)
			if !r.spend(1 + max(0, end-start+1)) {
				return
			}
			for g := start; g <= end && !r.bad; g++ {
				fn(g, idx+g-start)
			}
		}
	}
}

// classDef decodes a class definition into a class per glyph (0 for
// glyphs it does not list), once per table.
func (r *gposReader) classDef(off int) []uint16 {
	if c, ok := r.classes[off]; ok {
		return c
	}
	if !r.spend(r.numGlyphs) {
		return nil
	}
	c := make([]uint16, r.numGlyphs)
	switch r.u16(off) {
	case 1:
		start, n := r.u16(off+2), r.u16(off+4)
		if !r.spend(n) {
			return nil
		}
		for i := 0; i < n && start+i < r.numGlyphs && !r.bad; i++ {
			c[start+i] = uint16(r.u16(off + 6 + 2*i))
		}
	case 2:
		n := r.u16(off + 2)
		for i := 0; i < n && !r.bad; i++ {
			rec := off + 4 + 6*i
			start, end, class := r.u16(rec), min(r.u16(rec+2), r.numGlyphs-1), r.u16(rec+4)
			if !r.spend(1 + max(0, end-start+1)) {
				return nil
			}
			for g := start; g <= end; g++ {
				c[g] = uint16(class)
			}
		}
	}
	r.classes[off] = c
	return c
}
