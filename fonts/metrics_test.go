package fonts

import (
	"bytes"
	"flag"
	"os"
	"slices"
	"testing"
)

var updateMetrics = flag.Bool("update-metrics", false, "rewrite metrics.bin from the embedded faces (go generate ./fonts)")

// TestMetricsFile checks that metrics.bin, which start-up reads instead of
// parsing the faces, equals a fresh parse of every embedded face, so it
// cannot go stale; -update-metrics (go generate ./fonts) rewrites it.
func TestMetricsFile(t *testing.T) {
	names := make([]string, 0, len(embeddedFaces))
	for name := range embeddedFaces {
		names = append(names, name)
	}
	slices.Sort(names)
	ms := make([]*metrics, len(names))
	for i, name := range names {
		m, err := metricsOf(embeddedFaces[name])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ms[i] = m
	}
	want := encodeMetrics(names, ms)
	if *updateMetrics {
		if err := os.WriteFile("metrics.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(metricsFile, want) {
		t.Fatal("metrics.bin is stale: run go generate ./fonts")
	}
	for i, name := range names {
		got := embeddedMetrics(metricsFile, name)
		if got == nil || got.ascent != ms[i].ascent || got.descent != ms[i].descent ||
			got.missingWidth != ms[i].missingWidth || !bytes.Equal(got.cov, ms[i].cov) ||
			!got.hasKernASCII || !bytes.Equal(got.kernASCII, ms[i].kernASCII) {
			t.Errorf("%s: metrics.bin record differs from a fresh parse", name)
		}
	}
	for _, f := range Default().Faces() {
		if !bytes.Equal(f.load().cov, embeddedMetrics(metricsFile, f.file).cov) {
			t.Errorf("%s does not use its precomputed metrics", f)
		}
	}
}

// TestCoverageLookup checks the two-level table against the flat arrays it
// is built from.
func TestCoverageLookup(t *testing.T) {
	widths := make([]uint16, 1<<16)
	glyphs := make([]uint16, 1<<16)
	for i, r := range []rune{'A', 'é', 0x3000, 0x30FF, 0xFFFD, 0xFFFE} {
		widths[r] = uint16(100 * (i + 1))
		glyphs[r] = uint16(i + 1)
	}
	widths[0x2000] = zeroWidth
	glyphs[0x2000] = 9
	cov := encodeCoverage(widths, glyphs)
	if got, want := len(cov), covIndex+4*covBlock; got != want {
		t.Errorf("table is %d bytes, want %d (one block per used page)", got, want)
	}
	for r := rune(-1); r <= 0x10000; r++ {
		w, g := cov.lookup(r)
		var ww, wg uint16
		if r >= 0 && r <= 0xFFFF {
			ww, wg = widths[r], glyphs[r]
		}
		if w != ww || g != wg {
			t.Fatalf("lookup(%U) = %d, %d; want %d, %d", r, w, g, ww, wg)
		}
	}
}

// TestEmbeddedMetricsNeedNoParsing checks that measuring with an embedded
// face reads metrics.bin in place: a parse would allocate its tables.
func TestEmbeddedMetricsNeedNoParsing(t *testing.T) {
	allocs := testing.AllocsPerRun(20, func() {
		f := &Face{Family: "NotoSans", file: "NotoSans-Regular.ttf", data: embeddedFaces["NotoSans-Regular.ttf"]}
		if f.Advance('A') == 0 || !f.Has('é') {
			t.Fatal("no metrics")
		}
	})
	if allocs > 2 {
		t.Errorf("loading an embedded face allocates %v times; it should not parse", allocs)
	}
	if embeddedMetrics(metricsFile, "nope.ttf") != nil || embeddedMetrics([]byte("XXXX"), "NotoSans-Regular.ttf") != nil {
		t.Error("found metrics that do not exist")
	}
	if coverage(make([]byte, covIndex+1)).valid() || !emptyCoverage.valid() {
		t.Error("coverage validity check is wrong")
	}
	bad := encodeCoverage(make([]uint16, 1<<16), make([]uint16, 1<<16))
	bad[0] = 1 // points at a block that does not exist
	if bad.valid() {
		t.Error("a page number past the blocks is accepted")
	}
}

// BenchmarkEmbeddedMetrics is the start-up cost of measuring with an
// embedded face (compare BenchmarkParse, what it replaces).
func BenchmarkEmbeddedMetrics(b *testing.B) {
	for b.Loop() {
		f := &Face{Family: "NotoSans", file: "NotoSans-Regular.ttf", data: embeddedFaces["NotoSans-Regular.ttf"]}
		f.Advance('A')
	}
}
