package fonts

import (
	"encoding/binary"
	"slices"
)

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
