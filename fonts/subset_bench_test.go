package fonts

import (
	"crypto/sha256"
	"fmt"
	"testing"
)

// deckText is the kind of text a deck draws: its glyphs are what a PDF's
// subset of a face holds.
const deckText = "Neuroadaptation and tolerance — Definition, Scope, Core questions: " +
	"How does repeated exposure change receptor density? Key concepts; “Tolerance” (pharmacodynamic), " +
	"0123456789 %&()[]{}<>/\\|+-=*#@!?'\" åäöÅÄÖéüñçß – … • · ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// deckGlyphs are the glyphs of deckText in f, in the order a document
// meets them, after glyph 0.
func deckGlyphs(f *Face) []uint16 {
	gids := []uint16{0}
	seen := map[uint16]bool{0: true}
	for _, r := range deckText {
		if g := f.Glyph(r); !seen[g] {
			seen[g] = true
			gids = append(gids, g)
		}
	}
	return gids
}

// TestSubsetGlyphsBytes pins the subsets of a deck's glyphs in three faces
// to the bytes they had when subsetting was last changed: a PDF embeds
// them, and a change of even a byte changes every deck.
func TestSubsetGlyphsBytes(t *testing.T) {
	for _, tt := range []struct{ family, style, sum string }{
		{"NotoSans", "", "057f0ce5972df0828de132077963a2bc3750066a38d2272486b3a9ebb40948b1"},
		{"NotoSans", "B", "ed37e86a1ba7f856d63fe5edc2ba2dcdebfa48717aa5a7f26b2de5611d900a9a"},
		{"DejaVuSans", "", "b4012f0991c128509ef4eb8c5c804f9e7fa276dbcace78f1ba9b284d0005d02c"},
	} {
		f := Default().faces[tt.family+"/"+tt.style]
		sub, err := f.SubsetGlyphs(deckGlyphs(f))
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprintf("%x", sha256.Sum256(sub)); got != tt.sum {
			t.Errorf("%s: subset of %d bytes has SHA-256 %s, want %s", f, len(sub), got, tt.sum)
		}
	}
}

// BenchmarkSubsetGlyphs is what each PDF does once per face it draws with.
func BenchmarkSubsetGlyphs(b *testing.B) {
	f := Default().faces["NotoSans/"]
	gids := deckGlyphs(f)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.SubsetGlyphs(gids); err != nil {
			b.Fatal(err)
		}
	}
}
