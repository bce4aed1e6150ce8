package fonts

import (
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"sort"
)

// Kern is the pair-kerning adjustment between left and right drawn next to
// each other in this face, in thousandths of an em (negative moves right
// closer to left). Zero when the face has no kerning for the pair.
//
// The adjustments come from the GPOS 'kern' feature (pair adjustment
// lookups, also behind extension lookups) or, for a face without one, from
// the legacy 'kern' table. They are read on the first call, once per face;
// every call after that is a few array reads, since layout asks for every
// pair of characters it measures.
func (f *Face) Kern(left, right rune) int {
	if l, r := uint32(left-asciiFirst), uint32(right-asciiFirst); l < asciiN && r < asciiN {
		return int(f.asciiKern()[l*asciiN+r])
	}
	m := f.load()
	_, gl := m.cov.lookup(left)
	if gl == 0 {
		return 0
	}
	_, gr := m.cov.lookup(right)
	if gr == 0 {
		return 0
	}
	if d := f.directKerning(); d != nil && f.directUses.Add(1) <= directLimit {
		return d.pair(gl, gr)
	}
	return f.kerning().pair(gl, gr)
}

// directLimit is how many pairs beyond ASCII a face reads in place before
// it decodes its kerning after all. A lookup in place costs about five
// times one in the decoded tables, and this many of them about what
// decoding does: a deck stays well below it, while a build or a server,
// which measure such pairs by the million, decode once early on.
const directLimit = 2048

// directKerning returns an embedded face's GPOS kerning read in place
// (see directKern), or nil for a face from disk or one without GPOS
// kerning, which use the decoded tables.
func (f *Face) directKerning() *directKern {
	f.directOnce.Do(func() {
		if f.fromDir {
			return
		}
		if o := f.outlines(); o.tables != nil {
			upem := int(binary.BigEndian.Uint16(o.tables["head"][18:]))
			f.direct = newDirectKern(o.tables["GPOS"], upem, o.numGlyphs)
		}
	})
	return f.direct
}

// kerning returns the face's kerning tables, read on first use.
func (f *Face) kerning() *kerning {
	f.kernOnce.Do(func() {
		k := &kerning{}
		if o := f.outlines(); o.tables != nil {
			upem := int(binary.BigEndian.Uint16(o.tables["head"][18:]))
			k = readKerning(o.tables["GPOS"], o.tables["kern"], upem, o.numGlyphs)
		}
		f.kern = k
	})
	return f.kern
}

// asciiKern returns the table of ASCII pairs. An embedded face's comes
// from metrics.bin, so that text in ASCII decodes no GPOS table: decoding
// Noto Sans's took a one-deck process about a quarter of a millisecond per
// face, and filling the table as much again. Other faces fill it from
// their decoded kerning.
func (f *Face) asciiKern() []int16 {
	f.asciiOnce.Do(func() {
		if m := f.load(); m.hasKernASCII {
			f.ascii = decodeASCIIKern(m.kernASCII)
			return
		}
		k := f.kerning()
		k.fillASCII(f.load().cov)
		f.ascii = k.ascii
	})
	return f.ascii
}

// encodeASCIIKern lists the kerned pairs of an ASCII table for
// metrics.bin: per pair the two characters' offsets from asciiFirst and
// the adjustment (int16, little-endian).
func encodeASCIIKern(table []int16) []byte {
	out := []byte{}
	for i, v := range table {
		if v != 0 {
			out = append(out, byte(i/asciiN), byte(i%asciiN))
			out = binary.LittleEndian.AppendUint16(out, uint16(v))
		}
	}
	return out
}

// decodeASCIIKern makes the table of ASCII pairs from encodeASCIIKern's
// list; entries out of range are ignored.
func decodeASCIIKern(b []byte) []int16 {
	table := make([]int16, asciiN*asciiN)
	for ; len(b) >= 4; b = b[4:] {
		if i, j := int(b[0]), int(b[1]); i < asciiN && j < asciiN {
			table[i*asciiN+j] = int16(binary.LittleEndian.Uint16(b[2:]))
		}
	}
	return table
}

// The pairs of printable ASCII characters, most of what a deck sets, are
// looked up in a table of their own (18 KiB per face, made on first use).
const (
	asciiFirst = 0x20
	asciiN     = 0x7F - asciiFirst
)

// fillASCII fills the table of ASCII pairs, visiting only the pairs the
// face kerns: most characters start no pair at all.
func (k *kerning) fillASCII(cov coverage) {
	k.ascii = make([]int16, asciiN*asciiN)
	var glyphs [asciiN]uint16
	byGlyph := map[uint16][]int{}
	for i := range glyphs {
		_, glyphs[i] = cov.lookup(rune(asciiFirst + i))
		if glyphs[i] != 0 {
			byGlyph[glyphs[i]] = append(byGlyph[glyphs[i]], i)
		}
	}
	if len(k.lookups) == 0 {
		for _, p := range k.legacy {
			for _, i := range byGlyph[uint16(p.key>>16)] {
				for _, j := range byGlyph[uint16(p.key)] {
					k.ascii[i*asciiN+j] = p.val
				}
			}
		}
		return
	}
	for i, gl := range glyphs {
		if !k.starts(gl) {
			continue
		}
		for j, gr := range glyphs {
			if gr != 0 {
				k.ascii[i*asciiN+j] = clamp16(k.pair(gl, gr))
			}
		}
	}
}

// starts reports whether a GPOS lookup has pairs that start with glyph g.
func (k *kerning) starts(g uint16) bool {
	for _, lk := range k.lookups {
		if g != 0 && int(g) < len(lk.rows) && lk.rows[g] != 0 {
			return true
		}
	}
	return false
}

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

// readLegacyKern reads the horizontal format 0 subtables of a 'kern' table
// (version 0, as Microsoft defines it), adding up the subtables.
func readLegacyKern(t []byte, scale float64) []kernPair2 {
	be := binary.BigEndian
	if len(t) < 4 || be.Uint16(t) != 0 {
		return nil
	}
	n := int(be.Uint16(t[2:]))
	var out []kernPair2
	off := 4
	for i := 0; i < n && off+14 <= len(t); i++ {
		length := int(be.Uint16(t[off+2:]))
		coverage := be.Uint16(t[off+4:])
		// Format 0, horizontal, real kerning (not minimum values, not
		// cross-stream).
		if coverage>>8 == 0 && coverage&0x7 == 1 {
			pairs := int(be.Uint16(t[off+6:]))
			// A big table overflows its 16-bit length; the pair count
			// bounded by the data says where the pairs end.
			pairs = min(pairs, (len(t)-off-14)/6)
			for p := range pairs {
				rec := t[off+14+6*p:]
				v := thousandths(int16(be.Uint16(rec[4:])), scale)
				out = append(out, kernPair2{be.Uint32(rec), v})
			}
			if coverage&0x8 != 0 {
				// Override: this subtable replaces what came before.
				out = slices.Delete(out, 0, len(out)-pairs)
			}
		}
		if length < 14 {
			break
		}
		off += length
	}
	// Sort by pair, adding up the subtables' values for the same pair.
	slices.SortStableFunc(out, func(a, b kernPair2) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	merged := out[:0]
	for _, p := range out {
		if n := len(merged); n > 0 && merged[n-1].key == p.key {
			merged[n-1].val = clamp16(int(merged[n-1].val) + int(p.val))
			continue
		}
		merged = append(merged, p)
	}
	return merged
}

func clamp16(v int) int16 { return int16(max(math.MinInt16, min(math.MaxInt16, v))) }

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
	if len(r.b) < 10 || r.u16(0) != 1 {
		return nil
	}
	scripts, features, lookupList := r.u16(4), r.u16(6), r.u16(8)
	nLookups := r.u16(lookupList)
	var out []kernLookup
	for _, li := range r.kernLookups(scripts, features) {
		if r.bad {
			return nil
		}
		if li >= nLookups {
			continue
		}
		off := lookupList + r.u16(lookupList+2+2*li)
		if lk, ok := r.lookup(off); ok {
			out = append(out, lk)
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
	for i := 0; i < n && !r.bad; i++ {
		sub := off + r.u16(off+6+2*i)
		if typ == 9 {
			if r.u16(sub) != 1 || r.u16(sub+2) != 2 {
				continue
			}
			sub += r.u32(sub + 4)
		}
		switch r.u16(sub) {
		case 1:
			r.pairFormat1(sub, b)
		case 2:
			r.pairFormat2(sub, b)
		}
	}
	if r.bad {
		return kernLookup{}, false
	}
	return b.finish(), len(b.data) > 0
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
