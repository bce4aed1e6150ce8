package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// metrics is what layout needs from a TrueType file: which BMP characters it
// maps and their advances, rounded once per glyph so that a measured width is exactly the drawn width.
type metrics struct {
	cov          coverage // advance and glyph index per mapped BMP rune
	missingWidth int      // advance drawn for characters the font lacks
	ascent       int
	descent      int
	// kernASCII, for an embedded face, is its kerned ASCII pairs from
	// metrics.bin (see encodeASCIIKern); hasKernASCII tells an empty list
	// from none computed.
	kernASCII    []byte
	hasKernASCII bool
}

// outlines is what subsetting needs: slices of the file's tables. It is
// read separately from metrics so that embedded faces, whose metrics come
// precomputed, read their table directory only when a document draws them.
type outlines struct {
	tables      map[string][]byte
	numGlyphs   int
	numHMetrics int
}

// zeroWidth marks a mapped character whose rounded advance is zero (the
// stored width 0 means "not mapped").
const zeroWidth = math.MaxUint16

// coverage is a two-level table over the BMP, little-endian: 256 page
// numbers (0 = no character of that page is mapped, k = block k-1), then per
// block 256 advances (1/1000 em; 0 = not mapped, zeroWidth = mapped with no
// advance) and 256 glyph indices. It is read in place, so the precomputed
// tables of the embedded faces (metrics.bin) need no decoding at start-up
// and only the pages a document uses are ever touched.
type coverage []byte

const (
	covIndex = 2 * 256 // size of the page index
	covBlock = 4 * 256 // size of one block: advances then glyphs
)

// emptyCoverage maps nothing.
var emptyCoverage = coverage(make([]byte, covIndex))

// lookup returns the advance (as stored: 0, zeroWidth or 1/1000 em) and the
// glyph index of r.
func (c coverage) lookup(r rune) (width, glyph uint16) {
	if r < 0 || r > 0xFFFF {
		return 0, 0
	}
	k := int(binary.LittleEndian.Uint16(c[2*(r>>8):]))
	if k == 0 {
		return 0, 0
	}
	off := covIndex + (k-1)*covBlock + 2*int(r&0xFF)
	return binary.LittleEndian.Uint16(c[off:]), binary.LittleEndian.Uint16(c[off+covBlock/2:])
}

// valid reports whether every page number points at a block of c, so that
// lookup cannot read outside it.
func (c coverage) valid() bool {
	if len(c) < covIndex || (len(c)-covIndex)%covBlock != 0 {
		return false
	}
	blocks := (len(c) - covIndex) / covBlock
	for page := range 256 {
		if int(binary.LittleEndian.Uint16(c[2*page:])) > blocks {
			return false
		}
	}
	return true
}

// encodeCoverage builds the table from per-rune advances and glyphs
// (65,536 entries each).
func encodeCoverage(widths, glyphs []uint16) coverage {
	out := make([]byte, covIndex, covIndex+8*covBlock)
	blocks := 0
	for page := range 256 {
		ws := widths[page<<8 : (page+1)<<8]
		if !slices.ContainsFunc(ws, func(w uint16) bool { return w != 0 }) {
			continue
		}
		blocks++
		binary.LittleEndian.PutUint16(out[2*page:], uint16(blocks))
		for _, w := range ws {
			out = binary.LittleEndian.AppendUint16(out, w)
		}
		for _, g := range glyphs[page<<8 : (page+1)<<8] {
			out = binary.LittleEndian.AppendUint16(out, g)
		}
	}
	return out
}

// errNotTrueType explains the one font format the PDF writer embeds.
var errNotTrueType = errors.New("only TrueType outlines (.ttf) can be embedded")

// sniff names the container format of font data, or returns an error
// explaining why it cannot be embedded.
func sniff(data []byte) error {
	if len(data) < 12 {
		return errors.New("not a font file (too short)")
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true":
		return nil
	case "OTTO":
		return fmt.Errorf("OpenType font with CFF outlines: %w", errNotTrueType)
	case "ttcf":
		return fmt.Errorf("font collection (.ttc): %w; extract a single face", errNotTrueType)
	case "wOFF", "wOF2":
		return fmt.Errorf("WOFF web font: %w", errNotTrueType)
	}
	return fmt.Errorf("not a TrueType font: %w", errNotTrueType)
}

// readOutlines reads the table directory and checks the tables metrics and subsets read,
// with bounds checks so that a damaged file is an error rather than a panic later.
func readOutlines(data []byte) (*outlines, error) {
	if err := sniff(data); err != nil {
		return nil, err
	}
	tables := map[string][]byte{}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if 12+16*n > len(data) {
		return nil, errors.New("truncated table directory")
	}
	for i := range n {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off := int(binary.BigEndian.Uint32(rec[8:]))
		size := int(binary.BigEndian.Uint32(rec[12:]))
		if off < 0 || size < 0 || off > len(data) || size > len(data)-off {
			return nil, fmt.Errorf("table %q lies outside the file", tag)
		}
		tables[tag] = data[off : off+size]
	}
	// Subsets copy name and post and need loca and glyf; a file without
	// them cannot be embedded.
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "cmap", "name", "post", "loca", "glyf"} {
		if len(tables[tag]) == 0 {
			return nil, fmt.Errorf("missing %q table (%w)", tag, errNotTrueType)
		}
	}
	head, hhea, maxp := tables["head"], tables["hhea"], tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("truncated head, hhea or maxp table")
	}
	if binary.BigEndian.Uint16(head[18:]) == 0 {
		return nil, errors.New("unitsPerEm is 0")
	}
	o := &outlines{
		tables:      tables,
		numHMetrics: int(binary.BigEndian.Uint16(hhea[34:])),
		numGlyphs:   int(binary.BigEndian.Uint16(maxp[4:])),
	}
	if o.numHMetrics == 0 || 4*o.numHMetrics > len(tables["hmtx"]) {
		return nil, errors.New("hmtx table shorter than hhea says")
	}
	return o, nil
}

// parse reads the tables and computes the metrics.
func parse(data []byte) (*metrics, *outlines, error) {
	o, err := readOutlines(data)
	if err != nil {
		return nil, nil, err
	}
	head, hhea, hmtx := o.tables["head"], o.tables["hhea"], o.tables["hmtx"]
	unitsPerEm := int(binary.BigEndian.Uint16(head[18:]))
	scale := 1000.0 / float64(unitsPerEm)
	m := &metrics{
		ascent:  int(float64(int16(binary.BigEndian.Uint16(hhea[4:]))) * scale),
		descent: int(float64(int16(binary.BigEndian.Uint16(hhea[6:]))) * scale),
	}
	if os2 := o.tables["OS/2"]; len(os2) >= 72 {
		if m.ascent == 0 {
			m.ascent = int(float64(int16(binary.BigEndian.Uint16(os2[68:]))) * scale)
		}
		if m.descent == 0 {
			m.descent = int(float64(int16(binary.BigEndian.Uint16(os2[70:]))) * scale)
		}
	}
	numGlyphs, numHMetrics := o.numGlyphs, o.numHMetrics
	glyphToRunes, err := cmap4(o.tables["cmap"])
	if err != nil {
		return nil, nil, err
	}
	widths := make([]uint16, 1<<16)
	glyphs := make([]uint16, 1<<16)
	advance := func(g int) int {
		w := int(binary.BigEndian.Uint16(hmtx[4*g:]))
		if w >= 1<<15 {
			w = 0
		}
		return w
	}
	m.missingWidth = round(scale * float64(advance(0)))
	last := advance(numHMetrics - 1)
	for g, runes := range glyphToRunes {
		if g == 0 || g >= numGlyphs && g >= numHMetrics {
			continue
		}
		adv := last
		if g < numHMetrics {
			adv = advance(g)
		}
		w := int(math.Round(scale * float64(adv)))
		if w == 0 || w >= zeroWidth {
			w = zeroWidth
		}
		for _, r := range runes {
			if r != 0 && r != 0xFFFF {
				widths[r] = uint16(w)
				glyphs[r] = uint16(g)
			}
		}
	}
	m.cov = encodeCoverage(widths, glyphs)
	return m, o, nil
}

// cmap4 maps glyphs to the characters of the first Unicode format 4 subtable,
// which covers the BMP (cmap12 reads the characters beyond it).
func cmap4(cmap []byte) (map[int][]int, error) {
	if len(cmap) < 4 {
		return nil, errors.New("truncated cmap table")
	}
	sub := -1
	for i := range int(binary.BigEndian.Uint16(cmap[2:])) {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		platform := binary.BigEndian.Uint16(cmap[rec:])
		encoding := binary.BigEndian.Uint16(cmap[rec+2:])
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if (platform == 3 && encoding == 1) || platform == 0 {
			if off+2 <= len(cmap) && binary.BigEndian.Uint16(cmap[off:]) == 4 {
				sub = off
				break
			}
		}
	}
	if sub < 0 {
		return nil, errors.New("no Unicode format 4 cmap (needed for the BMP)")
	}
	t := cmap[sub:]
	if len(t) < 14 {
		return nil, errors.New("truncated cmap subtable")
	}
	length := int(binary.BigEndian.Uint16(t[2:]))
	segs := int(binary.BigEndian.Uint16(t[6:])) / 2
	if 16+8*segs > len(t) {
		return nil, errors.New("truncated cmap subtable")
	}
	ends := t[14:]
	starts := t[16+2*segs:]
	deltas := t[16+4*segs:]
	offsets := t[16+6*segs:]
	u16 := func(b []byte, i int) int { return int(binary.BigEndian.Uint16(b[2*i:])) }
	out := map[int][]int{}
	for s := range segs {
		end, start := u16(ends, s), u16(starts, s)
		delta, ro := int(int16(u16(deltas, s))), u16(offsets, s)
		for c := start; c <= end; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				// Bounded by the subtable's declared length.
				pos := 16 + 6*segs + 2*s + ro + 2*(c-start)
				if pos >= length || pos+2 > len(t) {
					g = 0
				} else if g = u16(t[pos:], 0); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			out[g] = append(out[g], c)
		}
	}
	return out, nil
}

// round rounds half away from zero.
func round(f float64) int {
	if f < 0 {
		return -int(math.Floor(-f + 0.5))
	}
	return int(math.Floor(f + 0.5))
}
