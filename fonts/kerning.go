package fonts

import (
	"math"
	"sort"
)

// kerning is a face's pair adjustments in 1/1000 em, decoded into arrays
// indexed by glyph so that a pair costs a few reads and, for explicit
// pairs, a short binary search.
type kerning struct {
	lookups []kernLookup // GPOS pair adjustment lookups, all applied
	legacy  []kernPair2  // 'kern' format 0 pairs, sorted, used without lookups
	ascii   []int16      // pairs of ASCII characters (see fillASCII)
}

// kernLookup is one GPOS lookup: rows[g] is 1 + the index in data of the
// row for left glyph g, or 0 when the lookup does not cover g. The rows
// hold no pointers but ranges of the lookup's shared arrays, so that a
// font's hundreds of rows are few allocations and nothing for the garbage
// collector to scan.
type kernLookup struct {
	rows    []int32
	data    []kernRow
	pairs   []kernPair // the rows' explicit pairs, row after row
	classes [][]uint16 // class of each right glyph, by class subtable
	vals    []int16    // the class subtables' matrices, one after another
}

// kernRow is what one lookup does after one left glyph: the explicit pairs
// of its format 1 subtables (first one wins), then the class matrix row of
// the first format 2 subtable that covers it, which applies to every other
// right glyph.
type kernRow struct {
	pairs, pairsEnd int32 // range in kernLookup.pairs, sorted by right glyph
	class           int32 // 1 + index in kernLookup.classes; 0: no class subtable
	vals, n2        int32 // the class row: offset in kernLookup.vals, length
}

// kernPair is an explicit right glyph and its adjustment.
type kernPair struct {
	right uint16
	val   int16
}

// kernPair2 is a legacy pair: left<<16|right and its adjustment.
type kernPair2 struct {
	key uint32
	val int16
}

// pair sums the adjustments of every lookup for left and right glyphs.
func (k *kerning) pair(left, right uint16) int {
	if len(k.lookups) == 0 {
		if len(k.legacy) == 0 {
			return 0
		}
		key := uint32(left)<<16 | uint32(right)
		i := sort.Search(len(k.legacy), func(i int) bool { return k.legacy[i].key >= key })
		if i < len(k.legacy) && k.legacy[i].key == key {
			return int(k.legacy[i].val)
		}
		return 0
	}
	sum := 0
	for li := range k.lookups {
		lk := &k.lookups[li]
		if int(left) >= len(lk.rows) {
			continue
		}
		ri := lk.rows[left]
		if ri == 0 {
			continue
		}
		row := &lk.data[ri-1]
		if v, ok := explicit(lk.pairs[row.pairs:row.pairsEnd], right); ok {
			sum += int(v)
			continue
		}
		if row.class == 0 {
			continue
		}
		if cls := lk.classes[row.class-1]; int(right) < len(cls) {
			if c := int32(cls[right]); c < row.n2 {
				sum += int(lk.vals[row.vals+c])
			}
		}
	}
	return sum
}

// explicit finds right among a row's pairs.
func explicit(pairs []kernPair, right uint16) (int16, bool) {
	lo, hi := 0, len(pairs)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if pairs[mid].right < right {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(pairs) && pairs[lo].right == right {
		return pairs[lo].val, true
	}
	return 0, false
}

// readKerning decodes GPOS pair kerning, or the legacy 'kern' table when
// GPOS has none. Damaged tables give no kerning (or the part read before
// the damage), never a panic; the work done is bounded by the tables'
// sizes and numGlyphs, however their offsets and counts are forged.
func readKerning(gpos, kern []byte, unitsPerEm, numGlyphs int) *kerning {
	if unitsPerEm <= 0 || numGlyphs <= 0 || numGlyphs > 1<<16 {
		return &kerning{}
	}
	scale := 1000 / float64(unitsPerEm)
	r := &gposReader{
		b:         gpos,
		scale:     scale,
		numGlyphs: numGlyphs,
		budget:    64*len(gpos) + 16*numGlyphs,
		classes:   map[int][]uint16{},
	}
	k := &kerning{lookups: r.read()}
	if r.bad {
		k.lookups = nil
	}
	if len(k.lookups) == 0 {
		k.legacy = readLegacyKern(kern, scale)
	}
	return k
}

// thousandths converts font units to 1/1000 em, rounded as advances are
// and clamped to int16 (no real adjustment comes near).
func thousandths(v int16, scale float64) int16 {
	if scale == 1 {
		return v // 1000 units per em, as Noto's
	}
	f := math.Round(float64(v) * scale)
	return int16(max(math.MinInt16, min(math.MaxInt16, f)))
}

func clamp16(v int) int16 { return int16(max(math.MinInt16, min(math.MaxInt16, v))) }
