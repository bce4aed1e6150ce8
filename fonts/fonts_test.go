package fonts

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/fpdf"
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

// TestAdvanceMatchesFpdf checks every BMP character of every face against
// fpdf's own width table: measuring and drawing must agree exactly.
func TestAdvanceMatchesFpdf(t *testing.T) {
	set, err := Default().WithDir(droidDir(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, face := range set.Faces() {
		t.Run(face.String(), func(t *testing.T) {
			pdf := fpdf.New("P", "pt", "A4", "")
			pdf.AddUTF8FontFromBytes(face.Family, face.Style, face.Data())
			pdf.SetFont(face.Family, face.Style, 1000)
			if err := pdf.Error(); err != nil {
				t.Fatal(err)
			}
			has := 0
			for r := rune(1); r <= 0xFFFF; r++ {
				if r >= 0xD800 && r <= 0xDFFF {
					continue // not encodable in Go strings
				}
				want := pdf.GetStringSymbolWidth(string(r))
				if got := face.Advance(r); got != want {
					t.Fatalf("Advance(%U) = %d, fpdf %d", r, got, want)
				}
				if face.Has(r) {
					has++
				}
			}
			if has < 200 {
				t.Errorf("only %d characters mapped", has)
			}
			if face.Has(0x1F600) {
				t.Error("claims a non-BMP character fpdf cannot draw")
			}
			if face.Ascent() <= 0 || face.Descent() >= 0 {
				t.Errorf("ascent %d descent %d", face.Ascent(), face.Descent())
			}
		})
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

// TestSubset checks that a cut-down character map changes nothing fpdf
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
		pdf := fpdf.New("P", "pt", "A4", "")
		pdf.AddUTF8FontFromBytes("sub", "", sub)
		pdf.SetFont("sub", "", 1000)
		for r := rune(1); r < 0x3000; r++ {
			kept := face.Has(r) && slices.Contains(keep, r)
			if w, _ := m.cov.lookup(r); kept != (w != 0) {
				t.Fatalf("%s: %q kept=%v in subset=%v", face, r, kept, w != 0)
			}
			if kept && pdf.GetStringSymbolWidth(string(r)) != face.Advance(r) {
				t.Fatalf("%s: %q width changed", face, r)
			}
		}
		if err := pdf.Error(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLicenses(t *testing.T) {
	l := Licenses()
	for _, want := range []string{"== Noto fonts ==", "SIL OPEN FONT LICENSE", "== DejaVu fonts ==", "Bitstream"} {
		if !strings.Contains(strings.ToUpper(l), strings.ToUpper(want)) {
			t.Errorf("licences lack %q", want)
		}
	}
}
