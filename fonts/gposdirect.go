package fonts

import "sort"

// directKern reads a pair's adjustment straight from a GPOS table, with no
// decoding ahead. The embedded faces use it for pairs beyond ASCII (their
// ASCII pairs come from metrics.bin): such pairs are few in most text, and
// decoding a whole GPOS table for them cost a one-deck process more than
// all of its lookups. It trusts the table's order (sorted coverage and
// class ranges, as OpenType requires), which TestKernDirect checks for
// every embedded face against the decoded tables; faces from disk are
// decoded (readKerning), which guards against damaged tables.
type directKern struct {
	gpos  []byte
	scale float64
	// subs lists, per pair adjustment lookup of the 'kern' feature, the
	// offsets in gpos of its format 1 and 2 subtables, in order.
	subs [][]int
}

// newDirectKern finds the kerning lookups of a GPOS table, or returns nil
// when it has none.
func newDirectKern(gpos []byte, unitsPerEm, numGlyphs int) *directKern {
	if unitsPerEm <= 0 || numGlyphs <= 0 {
		return nil
	}
	r := &gposReader{b: gpos, numGlyphs: numGlyphs, budget: 64*len(gpos) + 16*numGlyphs}
	d := &directKern{gpos: gpos, scale: 1000 / float64(unitsPerEm)}
	for _, off := range r.kernLookupOffsets() {
		if subs := r.pairSubtables(off); len(subs) > 0 {
			d.subs = append(d.subs, subs)
		}
	}
	if r.bad || len(d.subs) == 0 {
		return nil
	}
	return d
}

// pair sums, over the lookups, the adjustment of the first subtable that
// decides the pair: a format 1 subtable that lists it, or a format 2
// subtable whose first class covers left.
func (d *directKern) pair(left, right uint16) int {
	r := gposReader{b: d.gpos}
	sum := 0
	for _, subs := range d.subs {
		for _, sub := range subs {
			if v, decided := d.subtable(&r, sub, int(left), int(right)); decided {
				sum += v
				break
			}
		}
	}
	if r.bad {
		return 0
	}
	return sum
}

// subtable reads one pair adjustment subtable for the pair.
func (d *directKern) subtable(r *gposReader, sub, left, right int) (int, bool) {
	idx, ok := coverageIndex(r, sub+r.u16(sub+2), left)
	if !ok {
		return 0, false
	}
	size1, xa := valueSize(r.u16(sub + 4))
	size2, _ := valueSize(r.u16(sub + 6))
	switch r.u16(sub) {
	case 1:
		if idx >= r.u16(sub+8) {
			return 0, false
		}
		set := sub + r.u16(sub+10+2*idx)
		n, rec := r.u16(set), 2+size1+size2
		for j := 0; j < n && !r.bad; j++ {
			if p := set + 2 + j*rec; r.u16(p) == right {
				if xa < 0 {
					return 0, true
				}
				return int(thousandths(int16(r.u16(p+2+xa)), d.scale)), true
			}
		}
	case 2:
		n1, n2 := r.u16(sub+12), r.u16(sub+14)
		c1 := classOf(r, sub+r.u16(sub+8), left)
		if c1 >= n1 {
			return 0, false
		}
		c2 := classOf(r, sub+r.u16(sub+10), right)
		if c2 >= n2 || xa < 0 {
			return 0, true
		}
		return int(thousandths(int16(r.u16(sub+16+(c1*n2+c2)*(size1+size2)+xa)), d.scale)), true
	}
	return 0, false
}

// coverageIndex finds glyph g in a coverage table by binary search.
func coverageIndex(r *gposReader, off, g int) (int, bool) {
	switch r.u16(off) {
	case 1:
		n := r.u16(off + 2)
		i := sort.Search(n, func(i int) bool { return r.u16(off+4+2*i) >= g })
		if i < n && r.u16(off+4+2*i) == g {
			return i, true
		}
	case 2:
		n := r.u16(off + 2)
		i := sort.Search(n, func(i int) bool { return r.u16(off+4+6*i+2) >= g })
		if rec := off + 4 + 6*i; i < n && r.u16(rec) <= g {
			return r.u16(rec+4) + g - r.u16(rec), true
		}
	}
	return 0, false
}

// classOf is glyph g's class in a class definition table (0 when it is
// not listed).
func classOf(r *gposReader, off, g int) int {
	switch r.u16(off) {
	case 1:
		if start, n := r.u16(off+2), r.u16(off+4); g >= start && g < start+n {
			return r.u16(off + 6 + 2*(g-start))
		}
	case 2:
		n := r.u16(off + 2)
		i := sort.Search(n, func(i int) bool { return r.u16(off+4+6*i+2) >= g })
		if rec := off + 4 + 6*i; i < n && r.u16(rec) <= g {
			return r.u16(rec + 4)
		}
	}
	return 0
}
