package fonts

import (
	"encoding/binary"
	"slices"
	"sync"
	"testing"
)

// TestKern checks known pairs of the embedded faces. The values are the
// ones HarfBuzz (hb-shape with and without the kern feature) gives for the
// same files, converted to 1/1000 em.
func TestKern(t *testing.T) {
	set := Default()
	for _, c := range []struct {
		family, style string
		pair          string
		want          int
	}{
		{"NotoSans", "", "AV", -40},
		{"NotoSans", "", "To", -70},
		{"NotoSans", "", "Ty", -20},
		{"NotoSans", "", "AA", 0},
		{"NotoSans", "", "r,", -160},
		{"NotoSans", "", "f)", 40}, // kerning can push apart too
		{"NotoSans", "", "ΑΥ", -60},
		{"NotoSans", "", "ГА", -70},
		{"NotoSans", "", "A ", 0},
		{"NotoSans", "I", "AV", -10},
		{"NotoSans", "B", "AV", -40},
		{"DejaVuSans", "", "AV", -64}, // 2048 units per em: -131 units
		{"DejaVuSans", "", "To", -170},
		{"DejaVuSans", "", "Ty", -156},
		{"DejaVuSans", "", "AA", 28}, // DejaVu Sans does move these apart
		{"DejaVuSans", "", "We", -59},
		{"DejaVuSans", "B", "AA", 0},
		{"DejaVuSans", "B", "T.", -152},
		{"NotoSansMono", "", "AV", 0}, // monospaced: no kerning
		{"NotoSans", "", "A\U0001F600", 0},
		{"NotoSans", "", "\uFFFFA", 0},
	} {
		f := set.Face(c.family, c.style)
		rs := []rune(c.pair)
		if got := f.Kern(rs[0], rs[1]); got != c.want {
			t.Errorf("%s: Kern(%q) = %d, want %d", f, c.pair, got, c.want)
		}
	}
}

// TestKernLegacyTable reads DejaVu Sans's 'kern' table, which the font
// also carries as GPOS kerning, and checks that both readers agree on
// every pair of a set of Latin, Greek and Cyrillic characters.
func TestKernLegacyTable(t *testing.T) {
	chars := []rune("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.,;:'\"()-–?«»“”’ΑΓΔΛΥΩαλοАГДЛРТУЯадлорту0147 éÅÖ")
	for _, style := range []string{"", "B", "I", "BI"} {
		f := Default().Face("DejaVuSans", style)
		o := f.outlines()
		legacy := readKerning(nil, o.tables["kern"], int(binary.BigEndian.Uint16(o.tables["head"][18:])), o.numGlyphs)
		if len(legacy.legacy) == 0 || len(legacy.lookups) != 0 {
			t.Fatalf("%s: no legacy kerning read", f)
		}
		m := f.load()
		nonzero := 0
		for _, a := range chars {
			for _, b := range chars {
				_, ga := m.cov.lookup(a)
				_, gb := m.cov.lookup(b)
				got, want := legacy.pair(ga, gb), f.Kern(a, b)
				if got != want {
					t.Errorf("%s %c%c: kern table %d, GPOS %d", f, a, b, got, want)
				}
				if got != 0 {
					nonzero++
				}
			}
		}
		if nonzero < 100 {
			t.Errorf("%s: only %d kerned pairs", f, nonzero)
		}
		// The table of ASCII pairs filled from the legacy pairs.
		legacy.fillASCII(m.cov)
		for a := rune(asciiFirst); a < asciiFirst+asciiN; a++ {
			for b := rune(asciiFirst); b < asciiFirst+asciiN; b++ {
				if got, want := int(legacy.ascii[(a-asciiFirst)*asciiN+b-asciiFirst]), f.Kern(a, b); got != want {
					t.Errorf("%s %c%c: ASCII table from the kern table %d, GPOS %d", f, a, b, got, want)
				}
			}
		}
	}
}

// TestKernASCII checks the table of ASCII pairs against the general
// lookup for every pair of printable ASCII characters.
func TestKernASCII(t *testing.T) {
	for _, f := range Default().Faces() {
		m, k := f.load(), f.kerning()
		kerned := 0
		for a := rune(0x20); a < 0x7F; a++ {
			for b := rune(0x20); b < 0x7F; b++ {
				_, ga := m.cov.lookup(a)
				_, gb := m.cov.lookup(b)
				want := k.pair(ga, gb)
				if got := f.Kern(a, b); got != want {
					t.Errorf("%s %c%c: %d, want %d", f, a, b, got, want)
				}
				if want != 0 {
					kerned++
				}
			}
		}
		if mono := f.Family == "NotoSansMono"; mono != (kerned == 0) {
			t.Errorf("%s kerns %d ASCII pairs", f, kerned)
		}
	}
}

// gposWriter builds small GPOS tables for tests.
type tw []byte

func (w tw) u16(vs ...int) tw {
	for _, v := range vs {
		w = binary.BigEndian.AppendUint16(w, uint16(v))
	}
	return w
}

// withSubtables appends a count and offsets (from base, the start of the
// table being written) to subtables appended after headerLen more bytes.
func withSubtables(w tw, base, headerLen int, subs ...tw) tw {
	off := len(w) - base + 2*len(subs) + headerLen
	for _, s := range subs {
		w = w.u16(off)
		off += len(s)
	}
	return w
}

func coverage1(glyphs ...int) tw { return tw{}.u16(1, len(glyphs)).u16(glyphs...) }

// pairs1 is a format 1 PairPos subtable (XAdvance of the first glyph):
// firsts sorted, each with its (second, value) list.
func pairs1(firsts []int, sets [][][2]int) tw {
	var psets []tw
	for _, s := range sets {
		p := tw{}.u16(len(s))
		for _, pv := range s {
			p = p.u16(pv[0], pv[1])
		}
		psets = append(psets, p)
	}
	cov := coverage1(firsts...)
	head := 10 + 2*len(psets)
	w := tw{}.u16(1, head, 4, 0, len(psets))
	off := head + len(cov)
	for _, p := range psets {
		w = w.u16(off)
		off += len(p)
	}
	w = append(w, cov...)
	for _, p := range psets {
		w = append(w, p...)
	}
	return w
}

// pairs2 is a format 2 PairPos subtable with format 1 class definitions.
func pairs2(cov tw, class1, class2 []int, n1, n2 int, vals []int) tw {
	cd1 := tw{}.u16(1, 0, len(class1)).u16(class1...)
	cd2 := tw{}.u16(1, 0, len(class2)).u16(class2...)
	head := 16 + 2*len(vals)
	w := tw{}.u16(2, head, 4, 0, head+len(cov), head+len(cov)+len(cd1), n1, n2).u16(vals...)
	return append(append(append(w, cov...), cd1...), cd2...)
}

func extension(sub tw) tw {
	return append(tw{}.u16(1, 2, 0, 8), sub...)
}

func lookup(typ int, subs ...tw) tw {
	w := tw{}.u16(typ, 0, len(subs))
	w = withSubtables(w, 0, 0, subs...)
	for _, s := range subs {
		w = append(w, s...)
	}
	return w
}

// gposTable is a GPOS table whose latn script's 'kern' feature uses every
// lookup given; a 'liga' feature uses lookup 0 too.
func gposTable(lookups ...tw) tw {
	scripts := tw{}.u16(1).append4("latn").u16(8).u16(4, 0).u16(0, 0xFFFF, 2, 0, 1)
	idx := make([]int, len(lookups))
	for i := range idx {
		idx[i] = i
	}
	feat := tw{}.u16(2).append4("kern").u16(14).append4("liga").u16(14 + 4 + 2*len(lookups))
	feat = feat.u16(0, len(lookups)).u16(idx...).u16(0, 1, 0)
	ll := tw{}.u16(len(lookups))
	ll = withSubtables(ll, 0, 0, lookups...)
	for _, l := range lookups {
		ll = append(ll, l...)
	}
	w := tw{}.u16(1, 0, 10, 10+len(scripts), 10+len(scripts)+len(feat))
	return append(append(append(w, scripts...), feat...), ll...)
}

func (w tw) append4(tag string) tw { return append(w, tag...) }

// TestKernLookups checks how subtables and lookups combine, on a GPOS
// table written for the test.
func TestKernLookups(t *testing.T) {
	neg := func(v int) int { return int(uint16(int16(v))) }
	a := lookup(2,
		pairs1([]int{1}, [][][2]int{{{2, neg(-50)}, {3, neg(-30)}}}),
		// A later subtable's value for the same pair does not count.
		pairs1([]int{1}, [][][2]int{{{2, neg(-99)}, {4, neg(-10)}}}),
		pairs2(coverage1(1, 5), []int{0, 1, 0, 0, 0, 0}, []int{0, 0, 1, 0, 0, 0, 1, 2}, 2, 3,
			[]int{0, neg(-5), neg(-6), 0, neg(-20), neg(-40)}),
		// Covered by the class subtable before it: never reached for 5.
		pairs1([]int{5, 8}, [][][2]int{{{6, neg(-77)}}, {{9, 12}}}),
	)
	b := lookup(9, extension(pairs1([]int{1, 9}, [][][2]int{{{2, neg(-1)}}, {{10, 25}}})))
	c := lookup(1, tw{}.u16(1, 6, 0).u16(1, 0)) // single adjustment: not kerning
	gpos := gposTable(a, b, c)
	for _, upem := range []int{1000, 2000} {
		k := readKerning(gpos, nil, upem, 100)
		if len(k.lookups) != 2 {
			t.Fatalf("upem %d: %d lookups read, want 2", upem, len(k.lookups))
		}
		for _, c := range []struct{ l, r, want int }{
			{1, 2, -51}, {1, 3, -30}, {1, 4, -10}, {1, 6, -20}, {1, 7, -40}, {1, 8, 0},
			{5, 6, -5}, {5, 7, -6}, {5, 2, -5}, {8, 9, 12}, {8, 6, 0}, {9, 10, 25},
			{2, 1, 0}, {0, 0, 0}, {99, 99, 0},
		} {
			want := c.want
			if upem == 2000 {
				want = int(roundHalfAway(float64(c.want) / 2))
				if c.l == 1 && c.r == 2 {
					want = -25 - 1 // each lookup rounds its own value: -25, -0.5 → -1
				}
			}
			if got := k.pair(uint16(c.l), uint16(c.r)); got != want {
				t.Errorf("upem %d: pair(%d, %d) = %d, want %d", upem, c.l, c.r, got, want)
			}
		}
	}
	// Without the GPOS kerning, the legacy table is read.
	legacy := tw{}.u16(0, 1, 0, 14+6*2, 1, 2, 12, 1, 0).u16(3, 4, neg(-100), 5, 6, 40)
	k := readKerning(nil, legacy, 1000, 100)
	if got := k.pair(3, 4); got != -100 {
		t.Errorf("legacy pair(3, 4) = %d, want -100", got)
	}
	if got := k.pair(5, 6); got != 40 {
		t.Errorf("legacy pair(5, 6) = %d, want 40", got)
	}
	if k := readKerning(gpos, legacy, 1000, 100); k.pair(3, 4) != 0 {
		t.Error("the legacy table is used although GPOS kerns")
	}
}

func roundHalfAway(f float64) float64 { return float64(round(f)) }

// TestKernConcurrent asks a fresh face for pairs from many goroutines at
// once: the tables are read once and every answer is the same.
func TestKernConcurrent(t *testing.T) {
	src := Default().Face("NotoSans", "")
	f := &Face{Family: "NotoSans", file: src.file, data: src.data}
	var wg sync.WaitGroup
	got := make([]int, 16)
	for i := range got {
		wg.Go(func() { got[i] = f.Kern('T', 'o') })
	}
	wg.Wait()
	if slices.ContainsFunc(got, func(v int) bool { return v != -70 }) {
		t.Errorf("concurrent Kern(T, o) = %v, want -70 each", got)
	}
}

// FuzzKerning feeds damaged tables to the kerning reader: it must never
// panic, and every pair asked for afterwards must be answered.
func FuzzKerning(f *testing.F) {
	neg := func(v int) int { return int(uint16(int16(v))) }
	f.Add([]byte(gposTable(lookup(2, pairs1([]int{1}, [][][2]int{{{2, neg(-50)}}})),
		lookup(9, extension(pairs2(coverage1(1, 5), []int{0, 1}, []int{0, 0, 1}, 2, 2, []int{0, 1, 2, 3}))))), 100)
	for _, face := range []string{"NotoSans", "DejaVuSans"} {
		o := Default().Face(face, "").outlines()
		f.Add(o.tables["GPOS"][:2048], 4000)
		f.Add(o.tables["kern"], 6000)
	}
	f.Fuzz(func(t *testing.T, data []byte, numGlyphs int) {
		numGlyphs = 1 + numGlyphs&0xFFFF
		for _, k := range []*kerning{readKerning(data, nil, 1000, numGlyphs), readKerning(nil, data, 2048, numGlyphs)} {
			for _, g := range []uint16{0, 1, 2, 5, 9, 0xFFFF} {
				k.pair(g, 1)
				k.pair(1, g)
			}
		}
	})
}

// BenchmarkKern measures a lookup per character pair of English text, as
// layout does it.
func BenchmarkKern(b *testing.B) {
	text := []rune("To understand how Types of Theory vary, we look at AVERAGE values. \"Yes,\" they said, \"we'll try.\" Räksmörgås, Ελληνικά, Русский.")
	for _, face := range []string{"NotoSans", "DejaVuSans"} {
		f := Default().Face(face, "")
		b.Run(face, func(b *testing.B) {
			sum := 0
			for b.Loop() {
				for i := 1; i < len(text); i++ {
					sum += f.Kern(text[i-1], text[i])
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*(len(text)-1)), "ns/pair")
			_ = sum
		})
	}
}

// BenchmarkKernFirstUse measures the first Kern call of a face: reading
// its table directory and kerning tables and filling the ASCII table,
// which a process pays once for each face it sets text in.
func BenchmarkKernFirstUse(b *testing.B) {
	for _, face := range []string{"NotoSans", "DejaVuSans"} {
		src := Default().Face(face, "")
		b.Run(face, func(b *testing.B) {
			for b.Loop() {
				f := &Face{Family: src.Family, file: src.file, data: src.data}
				f.Kern('A', 'V')
			}
		})
	}
}

// TestKernASCIIFromMetrics checks that kerning with an embedded face
// decodes no GPOS table: ASCII pairs come from metrics.bin, the others are
// read in place.
func TestKernASCIIFromMetrics(t *testing.T) {
	f := &Face{Family: "NotoSans", file: "NotoSans-Regular.ttf", data: embeddedFaces["NotoSans-Regular.ttf"]}
	if k := f.Kern('A', 'V'); k >= 0 {
		t.Errorf("A V kern %d, want a negative adjustment", k)
	}
	if k := f.Kern('Α', 'Υ'); k >= 0 {
		t.Errorf("Α Υ kern %d, want a negative adjustment", k)
	}
	if f.kern != nil {
		t.Error("kerning with an embedded face decoded its GPOS table")
	}
}

// TestKernDirect checks the in-place GPOS reading of every embedded face
// against its decoded tables, for every pair of a set of Latin, Greek,
// Cyrillic, Arabic and punctuation characters.
func TestKernDirect(t *testing.T) {
	var chars []rune
	for r := rune(0x20); r < 0x250; r++ {
		chars = append(chars, r)
	}
	chars = append(chars, []rune("ΑΓΔΛΥΩαλοАГДЛРТУЯадлорту–—‘’“”…•·€مرحبا")...)
	for _, f := range Default().Faces() {
		o := f.outlines()
		upem := int(binary.BigEndian.Uint16(o.tables["head"][18:]))
		d := newDirectKern(o.tables["GPOS"], upem, o.numGlyphs)
		k := readKerning(o.tables["GPOS"], o.tables["kern"], upem, o.numGlyphs)
		if (d == nil) != (len(k.lookups) == 0) {
			t.Fatalf("%s: in place %v, decoded %d lookups", f, d != nil, len(k.lookups))
		}
		if d == nil {
			continue
		}
		m := f.load()
		kerned := 0
		for _, a := range chars {
			_, ga := m.cov.lookup(a)
			if ga == 0 {
				continue
			}
			for _, b := range chars {
				_, gb := m.cov.lookup(b)
				if gb == 0 {
					continue
				}
				got, want := d.pair(ga, gb), k.pair(ga, gb)
				if got != want {
					t.Errorf("%s %q%q: in place %d, decoded %d", f, a, b, got, want)
				}
				if want != 0 {
					kerned++
				}
			}
		}
		if kerned < 100 {
			t.Errorf("%s: only %d kerned pairs", f, kerned)
		}
	}
}

// TestKernDirectThenDecoded checks that a face reading many pairs beyond
// ASCII decodes its tables after directLimit of them, with the same
// adjustments before and after.
func TestKernDirectThenDecoded(t *testing.T) {
	f := &Face{Family: "NotoSans", file: "NotoSans-Regular.ttf", data: embeddedFaces["NotoSans-Regular.ttf"]}
	want := f.Kern('\u0391', '\u03a5') // the first pair read in place
	for range directLimit - 1 {
		f.Kern('\u0393', '\u03b1')
	}
	if f.kern != nil {
		t.Fatal("decoded before directLimit pairs")
	}
	if got := f.Kern('\u0391', '\u03a5'); got != want || f.kern == nil {
		t.Errorf("after directLimit pairs: Α Υ kern %d (want %d), decoded %v", got, want, f.kern != nil)
	}
}
