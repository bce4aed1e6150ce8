package fonts

import (
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

// droidDir is a directory holding only the Droid CJK fallback font (CI
// installs fonts-droid-fallback).
func droidDir(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(droid)
	if err != nil {
		t.Fatalf("%v (apt-get install fonts-droid-fallback)", err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "DroidSansFallbackFull.ttf"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "README.txt"), []byte("not a font, ignored"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestAdvanceMatchesHmtx checks every BMP character of every face against
// its advance read straight from cmap and hmtx: the PDF's /W widths are
// these advances, so measuring and drawing agree exactly.
func TestAdvanceMatchesHmtx(t *testing.T) {
	set, err := Default().WithDir(droidDir(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, face := range set.Faces() {
		t.Run(face.String(), func(t *testing.T) {
			o, err := readOutlines(face.Data())
			if err != nil {
				t.Fatal(err)
			}
			be := binary.BigEndian
			upem := float64(be.Uint16(o.tables["head"][18:]))
			hmtx := o.tables["hmtx"]
			byGlyph, err := cmap4(o.tables["cmap"])
			if err != nil {
				t.Fatal(err)
			}
			has := 0
			for g, rs := range byGlyph {
				if g == 0 || g >= o.numGlyphs {
					continue
				}
				want := int(math.Round(float64(be.Uint16(hmtx[4*min(g, o.numHMetrics-1):])) * 1000 / upem))
				for _, r := range rs {
					if r == 0 || r == 0xFFFF {
						continue
					}
					if got := face.Advance(rune(r)); got != want && !(want == 0 && got == 0) {
						t.Fatalf("Advance(%U) = %d, hmtx %d", r, got, want)
					}
					if int(face.Glyph(rune(r))) != g {
						t.Fatalf("Glyph(%U) = %d, cmap %d", r, face.Glyph(rune(r)), g)
					}
					has++
				}
			}
			if has < 200 {
				t.Errorf("only %d characters mapped", has)
			}
			if face.Ascent() <= 0 || face.Descent() >= 0 {
				t.Errorf("ascent %d descent %d", face.Ascent(), face.Descent())
			}
		})
	}
}

// TestBeyondBMP reads characters past U+FFFF from format 12 cmaps:
// DejaVu Sans has the emoticons, Noto Sans none of them.
func TestBeyondBMP(t *testing.T) {
	s := Default()
	tests := []struct {
		family, style string
		r             rune
		has           bool
	}{
		{"DejaVuSans", "", 0x1F600, true},
		{"DejaVuSans", "B", 0x10300, true},
		{"NotoSans", "", 0x1F600, false},
		{"DejaVuSans", "", 0x1F9A0, false},
	}
	for _, tc := range tests {
		f := s.Face(tc.family, tc.style)
		if got := f.Has(tc.r); got != tc.has {
			t.Errorf("%s Has(%U) = %v, want %v", f, tc.r, got, tc.has)
		}
		if tc.has && (f.Glyph(tc.r) == 0 || f.Advance(tc.r) <= 0) {
			t.Errorf("%s %U: glyph %d advance %d", f, tc.r, f.Glyph(tc.r), f.Advance(tc.r))
		}
		if !tc.has && f.Glyph(tc.r) != 0 {
			t.Errorf("%s %U: glyph %d for a character it lacks", f, tc.r, f.Glyph(tc.r))
		}
	}
}

// TestSubsetGlyphs renumbers glyphs in the order given and keeps every
// advance; composite glyphs bring their components.
func TestSubsetGlyphs(t *testing.T) {
	f := Default().Face("DejaVuSans", "")
	text := []rune("Åäö ﻻ é\U0001F600")
	gids := []uint16{0}
	for _, r := range text {
		if g := f.Glyph(r); g != 0 && !slices.Contains(gids, g) {
			gids = append(gids, g)
		}
	}
	sub, err := f.SubsetGlyphs(gids)
	if err != nil {
		t.Fatal(err)
	}
	o, err := readOutlines(sub)
	if err != nil {
		t.Fatalf("subset does not parse: %v", err)
	}
	if o.numGlyphs < len(gids) || len(sub) > len(f.Data())/20 {
		t.Fatalf("subset of %d glyphs has %d glyphs, %d bytes", len(gids), o.numGlyphs, len(sub))
	}
	upem := float64(binary.BigEndian.Uint16(o.tables["head"][18:]))
	for _, r := range text {
		g := slices.Index(gids, f.Glyph(r))
		adv := int(math.Round(float64(binary.BigEndian.Uint16(o.tables["hmtx"][4*min(g, o.numHMetrics-1):])) * 1000 / upem))
		if adv != f.Advance(r) {
			t.Errorf("%q: subset advance %d, face %d", r, adv, f.Advance(r))
		}
	}
	twice, err := f.SubsetGlyphs([]uint16{0, 5, 5})
	if err != nil {
		t.Fatal(err)
	}
	if o, err := readOutlines(twice); err != nil || o.numGlyphs != 3 {
		t.Errorf("a glyph listed twice: %v", err)
	}
	if _, err := f.SubsetGlyphs([]uint16{0, 65000}); err == nil {
		t.Error("a glyph past the face's last is not an error")
	}
}

func TestChains(t *testing.T) {
	s := Default()
	tests := []struct {
		family       string
		bold, italic bool
		want         string
	}{
		{"", false, false, "NotoSans DejaVuSans"},
		{"sans", true, false, "NotoSans-B DejaVuSans-B NotoSans DejaVuSans"},
		{"sans", false, true, "NotoSans-I DejaVuSans-I NotoSans DejaVuSans"},
		{"sans", true, true, "NotoSans-BI DejaVuSans-BI NotoSans-B DejaVuSans-B NotoSans DejaVuSans"},
		{"mono", false, false, "NotoSansMono DejaVuSans"},
		{"mono", true, false, "NotoSansMono-B DejaVuSans-B DejaVuSans"},
		{"mono", false, true, "NotoSansMono DejaVuSans-I DejaVuSans"},
		{"mono", true, true, "NotoSansMono-B DejaVuSans-BI DejaVuSans-B DejaVuSans"},
	}
	for _, tc := range tests {
		var names []string
		for _, f := range s.Chain(tc.family, tc.bold, tc.italic) {
			names = append(names, f.String())
		}
		if got := strings.Join(names, " "); got != tc.want {
			t.Errorf("Chain(%q, %v, %v) = %s, want %s", tc.family, tc.bold, tc.italic, got, tc.want)
		}
	}
	if s.Face("DejaVuSans", "BI") == nil || s.Face("NotoSans", "X") != nil {
		t.Error("Face lookup wrong")
	}
}

func TestCoverage(t *testing.T) {
	s := Default()
	noto, deja := s.Face("NotoSans", ""), s.Face("DejaVuSans", "")
	for _, r := range "åäöÅÄÖαβγΩжЖ€–—“”" {
		if !noto.Has(r) {
			t.Errorf("NotoSans lacks %q", r)
		}
	}
	for _, r := range "שלוםمرحبا" {
		if noto.Has(r) || !deja.Has(r) {
			t.Errorf("%q: want DejaVu only (noto %v, dejavu %v)", r, noto.Has(r), deja.Has(r))
		}
	}
	if noto.Has('中') || deja.Has('中') {
		t.Error("built-ins should not cover CJK")
	}
}

// TestStyledChainsCoverRegular: whatever the style, a character one of the
// regular faces has is drawn, if need be upright or not bold (DejaVu Sans
// Oblique has no Arabic; before, italic Arabic was reported missing).
func TestStyledChainsCoverRegular(t *testing.T) {
	s := Default()
	for _, family := range []string{"sans", "mono"} {
		regular := s.Chain(family, false, false)
		for _, style := range [][2]bool{{true, false}, {false, true}, {true, true}} {
			chain := s.Chain(family, style[0], style[1])
			for r := rune(0x20); r < 0x3000; r++ {
				if !hasAny(regular, r) || hasAny(chain, r) {
					continue
				}
				t.Errorf("%s bold=%v italic=%v: no face for %U %q, which the regular chain has", family, style[0], style[1], r, r)
				break
			}
		}
	}
}

func hasAny(chain []*Face, r rune) bool {
	for _, f := range chain {
		if f.Has(r) {
			return true
		}
	}
	return false
}

func TestWithDir(t *testing.T) {
	dir := droidDir(t)
	s1, err := Default().WithDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := Default().WithDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if s1 != s2 {
		t.Error("repeated WithDir did not share the parsed set")
	}
	for _, family := range []string{"sans", "mono"} {
		for _, bold := range []bool{false, true} {
			chain := s1.Chain(family, bold, false)
			last := chain[len(chain)-1]
			if last.Family != "DirDroidSansFallbackFull" || !last.Has('中') || !last.Has('の') {
				t.Errorf("%s bold=%v: last face %s lacks CJK", family, bold, last)
			}
			if want := len(Default().Chain(family, bold, false)) + 1; len(chain) != want {
				t.Errorf("%s: chain length %d, want %d (the default's and the dir's face)", family, len(chain), want)
			}
		}
	}
	if s1.Face("DirDroidSansFallbackFull", "") == nil {
		t.Error("dir face not registered")
	}
	if len(Default().Chain("sans", false, false)) != 2 {
		t.Error("WithDir changed the default set")
	}
}

func TestWithDirErrors(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"cff", "Bad.otf", append([]byte("OTTO"), make([]byte, 40)...), "CFF"},
		{"collection", "Bad.ttc", append([]byte("ttcf"), make([]byte, 40)...), "collection"},
		{"text", "Bad.ttf", []byte("this is not a font at all, really"), "not a TrueType font"},
		{"truncated", "Bad.ttf", []byte{0, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 1}, "truncated"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tc.file), tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Default().WithDir(dir)
			if err == nil || !strings.Contains(err.Error(), tc.file) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one naming %s and saying %q", err, tc.file, tc.want)
			}
		})
	}
	if _, err := Default().WithDir(filepath.Join(t.TempDir(), "nope")); err == nil {
		t.Error("missing directory accepted")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("OTTO"))
	f.Add([]byte{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 'h', 'e', 'a', 'd', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4})
	f.Add(Default().Face("NotoSansMono", "").Data()[:4096])
	f.Add(Default().Face("NotoSansMono", "").Subset([]rune("Aa 1é")))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, _, err := parse(data)
		if err != nil {
			return
		}
		if len(m.cov) < covIndex || (len(m.cov)-covIndex)%covBlock != 0 {
			t.Fatal("bad coverage table")
		}
		// Whatever parses must subset into something that parses again.
		face := &Face{Family: "F", file: "fuzz", data: data, fromDir: true}
		if _, _, err := parse(face.Subset([]rune("Aa 1é"))); err != nil {
			t.Fatalf("subset does not parse: %v", err)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	data := Default().Face("NotoSans", "").Data()
	for b.Loop() {
		if _, _, err := parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSubset checks that a cut-down character map changes nothing layout
// measures for the kept characters and drops the rest.
func TestSubset(t *testing.T) {
	set, err := Default().WithDir(droidDir(t))
	if err != nil {
		t.Fatal(err)
	}
	keep := []rune("Räksmörgås Ελληνικά Русский שלום 中文の€–—\U0001F600 Aa")
	for _, face := range set.Faces() {
		sub := face.Subset(keep)
		m, _, err := parse(sub)
		if err != nil {
			t.Fatalf("%s: subset does not parse: %v", face, err)
		}
		if len(sub) > len(face.Data())/10 {
			t.Errorf("%s: subset is %d of %d bytes", face, len(sub), len(face.Data()))
		}
		for r := rune(1); r < 0x3000; r++ {
			kept := face.Has(r) && slices.Contains(keep, r)
			w, _ := m.cov.lookup(r)
			if kept != (w != 0) {
				t.Fatalf("%s: %q kept=%v in subset=%v", face, r, kept, w != 0)
			}
			if kept && m.advance(r) != face.Advance(r) {
				t.Fatalf("%s: %q width changed", face, r)
			}
		}
	}
}

// advance is r's advance as Face.Advance reports it, from parsed metrics.
func (m *metrics) advance(r rune) int {
	w, _ := m.cov.lookup(r)
	if w == zeroWidth {
		return 0
	}
	return int(w)
}

func TestLicenses(t *testing.T) {
	l := Licenses()
	for _, want := range []string{"== Noto fonts ==", "SIL OPEN FONT LICENSE", "== DejaVu fonts ==", "Bitstream"} {
		if !strings.Contains(strings.ToUpper(l), strings.ToUpper(want)) {
			t.Errorf("licences lack %q", want)
		}
	}
}
