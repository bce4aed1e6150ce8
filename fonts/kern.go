package fonts

import "encoding/binary"

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
		// Layout and drawing ask for every pair they set: once the table
		// is made, an ASCII pair is one load, without asciiKern's call.
		if t := f.asciiTable.Load(); t != nil {
			return int(t[l*asciiN+r])
		}
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
		} else {
			k := f.kerning()
			k.fillASCII(f.load().cov)
			f.ascii = k.ascii
		}
		f.asciiTable.Store((*[asciiN * asciiN]int16)(f.ascii))
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
