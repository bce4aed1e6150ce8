// Package fonts holds topicdeck's embedded TrueType faces and the fallback
// chains that pick, per character, the face that draws it. Metrics are read
// from the faces' tables once, so text measured here is drawn at the same
// width. The embedded faces' metrics are computed at `go generate` time
// (metrics.bin) so that start-up parses no font; a face's outlines are read
// only when a document draws with it, and --font-dir faces are parsed once
// per process.
package fonts

import (
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/scholargate/topicdeck/internal/filestamp"
)

//go:embed LICENSE-Noto.txt LICENSE-DejaVu.txt
var licences embed.FS

// Face is one TrueType file, registered with the PDF backend under Family
// and Style.
type Face struct {
	Family string // e.g. "NotoSans", "NotoSansMono", "DejaVuSans"
	Style  string // "", "B", "I" or "BI"

	file    string // embedded file name, or path for --font-dir faces
	fromDir bool
	data    []byte // the file: embedded in place, or read from disk

	once sync.Once
	m    *metrics

	outOnce sync.Once
	out     *outlines

	kernOnce sync.Once
	kern     *kerning

	asciiOnce sync.Once
	ascii     []int16 // kerning of ASCII pairs (see asciiKern)
	// asciiTable is ascii once made, read by Kern's inlined fast path
	// without a call.
	asciiTable atomic.Pointer[[asciiN * asciiN]int16]

	directOnce sync.Once
	direct     *directKern
	directUses atomic.Int64 // pairs read in place so far (see directLimit)
}

// load returns the face's metrics: for an embedded face the precomputed
// ones of metrics.bin, which TestMetricsFile keeps equal to a fresh parse.
func (f *Face) load() *metrics {
	f.once.Do(func() {
		if !f.fromDir {
			f.m = embeddedMetrics(metricsFile, f.file)
		}
		if f.m == nil {
			m, o, err := parse(f.Data())
			if err != nil {
				// Embedded faces are known good (a test parses every one);
				// keep a broken face usable (it draws nothing), never panic.
				m, o = &metrics{cov: emptyCoverage, missingWidth: 500}, &outlines{}
			}
			f.m = m
			f.outOnce.Do(func() { f.out = o })
		}
	})
	return f.m
}

// outlines returns the table slices subsetting needs, read on first use.
func (f *Face) outlines() *outlines {
	f.load()
	f.outOnce.Do(func() {
		o, err := readOutlines(f.Data())
		if err != nil {
			o = &outlines{}
		}
		f.out = o
	})
	return f.out
}

// Data is the font file, for registering with the PDF backend; callers
// must not modify it.
func (f *Face) Data() []byte { return f.data }

// Has reports whether the face draws r (beyond U+FFFF too, when the face
// has a format 12 cmap).
func (f *Face) Has(r rune) bool {
	if r > 0xFFFF {
		return f.supplementary().m[r].glyph != 0
	}
	w, _ := f.load().cov.lookup(r)
	return w != 0
}

// Advance is the width of r in 1/1000 em, rounded once per glyph: the PDF
// writer's /W widths are these same numbers, so measured text is drawn at
// exactly its measured width. A character the face lacks counts as the
// missing glyph's advance.
func (f *Face) Advance(r rune) int {
	m := f.load()
	w, _ := m.cov.lookup(r)
	if r > 0xFFFF {
		w = f.supplementary().m[r].width
	}
	switch w {
	case 0:
	case zeroWidth:
		return 0
	default:
		return int(w)
	}
	if m.missingWidth != 0 {
		return m.missingWidth
	}
	return 500
}

// Ascent is the distance from baseline to the top of the line box in
// 1/1000 em (hhea ascender).
func (f *Face) Ascent() int { return f.load().ascent }

// Descent is the (negative) distance from baseline to the bottom in 1/1000 em.
func (f *Face) Descent() int { return f.load().descent }

// String names the face for messages and tests.
func (f *Face) String() string {
	if f.Style == "" {
		return f.Family
	}
	return f.Family + "-" + f.Style
}

// Set is a collection of faces and the fallback chains over them. A Set is
// immutable once built and safe for concurrent use.
type Set struct {
	faces map[string]*Face // by Family+"/"+Style
	sans  [4][]*Face       // by style index: "", "B", "I", "BI"
	mono  [4][]*Face
	extra []*Face               // --font-dir faces, appended to every chain
	named map[string][4][]*Face // families added by WithFamily, by style index
}

var (
	defaultOnce sync.Once
	defaultSet  *Set
)

// Default is the embedded set: sans = NotoSans → DejaVuSans in the same
// style; mono = NotoSansMono (regular or bold; it has no italics) →
// DejaVuSans in the requested style. Styled chains then fall back to the
// upright and regular faces (italic → upright, bold → regular).
func Default() *Set {
	defaultOnce.Do(func() {
		s := &Set{faces: map[string]*Face{}}
		add := func(family, style, file string) *Face {
			data, ok := embeddedFaces[file]
			if !ok {
				panic("fonts: embedded face missing: " + file) // the build is broken
			}
			f := &Face{Family: family, Style: style, file: file, data: data}
			s.faces[family+"/"+style] = f
			return f
		}
		notoFiles := [4]string{"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"}
		dejaFiles := [4]string{"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"}
		monoR := add("NotoSansMono", "", "NotoSansMono-Regular.ttf")
		monoB := add("NotoSansMono", "B", "NotoSansMono-Bold.ttf")
		var noto, deja [4]*Face
		for i, style := range styles {
			noto[i] = add("NotoSans", style, notoFiles[i])
			deja[i] = add("DejaVuSans", style, dejaFiles[i])
		}
		for i := range styles {
			s.sans[i] = []*Face{noto[i], deja[i]}
			mono := monoR
			if i&1 == 1 {
				mono = monoB
			}
			s.mono[i] = []*Face{mono, deja[i]}
			// The slanted and bold faces cover less than the regular ones
			// (DejaVu Sans Oblique has no Arabic, its Bold fewer symbols):
			// an upright or regular glyph reads better than a missing one.
			for _, j := range uprightFallback[i] {
				s.sans[i] = append(s.sans[i], noto[j], deja[j])
				s.mono[i] = append(s.mono[i], deja[j])
			}
		}
		defaultSet = s
	})
	return defaultSet
}

// styles indexes chains: bit 0 bold, bit 1 italic.
var styles = [4]string{"", "B", "I", "BI"}

// uprightFallback lists, by style index, the styles a chain falls back to
// after its own: italic to upright of the same weight, bold to regular.
var uprightFallback = [4][]int{nil, {0}, {0}, {1, 0}}

func styleIndex(bold, italic bool) int {
	i := 0
	if bold {
		i |= 1
	}
	if italic {
		i |= 2
	}
	return i
}

// Chain is the fallback chain for a family ("sans", the default, or
// "mono") in a style: the first face that has a character draws it.
func (s *Set) Chain(family string, bold, italic bool) []*Face {
	i := styleIndex(bold, italic)
	if ch, ok := s.named[family]; ok {
		return ch[i]
	}
	if family == "mono" {
		return s.mono[i]
	}
	return s.sans[i]
}

// Face returns the face registered as family and style, or nil.
func (s *Set) Face(family, style string) *Face {
	return s.faces[family+"/"+style]
}

// Faces lists every face in the set in a stable order (embedded ones
// first), e.g. for checking licences or pre-parsing.
func (s *Set) Faces() []*Face {
	out := make([]*Face, 0, len(s.faces))
	for _, f := range s.faces {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.fromDir != b.fromDir {
			return !a.fromDir
		}
		if a.Family != b.Family {
			return a.Family < b.Family
		}
		return a.Style < b.Style
	})
	return out
}

// dirFace caches a parsed --font-dir file; the key includes size and
// modification time so an edited file is re-read.
type dirFace struct {
	face *Face
	err  error
}

var (
	dirMu    sync.Mutex
	dirFaces = map[string]*dirFace{}
	dirSets  = map[dirSetKey]*Set{}
)

type dirSetKey struct {
	base  *Set
	files string
}

// fontExts are the extensions WithDir treats as font files; anything else
// in the directory (licences, READMEs) is ignored.
var fontExts = map[string]bool{".ttf": true, ".otf": true, ".ttc": true, ".otc": true, ".woff": true, ".woff2": true}

// WithDir returns s with every font file of dir appended to every chain,
// after the built-in faces, so they cover what those lack (CJK, Indic…).
// Files are taken in name order. A font file the PDF writer cannot embed (CFF .otf,
// .ttc collections, WOFF, damaged files) is an error naming it. Results are
// cached per directory content, so repeated calls share parsing.
func (s *Set) WithDir(dir string) (*Set, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("font directory: %w", err)
	}
	type file struct {
		path string
		key  string
	}
	var files []file
	var keys strings.Builder
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || !fontExts[ext] {
			continue
		}
		path := filepath.Join(dir, e.Name())
		stamp, err := filestamp.Of(path)
		if err != nil {
			return nil, fmt.Errorf("font directory: %w", err)
		}
		key := stamp.Key()
		files = append(files, file{path, key})
		keys.WriteString(key + "\x01")
	}
	dirMu.Lock()
	defer dirMu.Unlock()
	sk := dirSetKey{s, keys.String()}
	if cached, ok := dirSets[sk]; ok {
		return cached, nil
	}
	out := &Set{faces: map[string]*Face{}, extra: append([]*Face(nil), s.extra...)}
	for k, f := range s.faces {
		out.faces[k] = f
	}
	for _, fl := range files {
		df, ok := dirFaces[fl.key]
		if !ok {
			df = loadDirFace(fl.path)
			dirFaces[fl.key] = df
		}
		if df.err != nil {
			return nil, df.err
		}
		face := df.face
		if existing, dup := out.faces[face.Family+"/"]; dup && existing != face {
			// Same file name in a second directory: give it its own name.
			face = &Face{Family: uniqueFamily(out.faces, face.Family), file: face.file, data: face.data, fromDir: true}
			face.once.Do(func() { face.m = df.face.load() })
			face.outOnce.Do(func() { face.out = df.face.outlines() })
		}
		out.faces[face.Family+"/"] = face
		out.extra = append(out.extra, face)
	}
	for i := range styles {
		out.sans[i] = append(append([]*Face(nil), s.sans[i][:len(s.sans[i])-len(s.extra)]...), out.extra...)
		out.mono[i] = append(append([]*Face(nil), s.mono[i][:len(s.mono[i])-len(s.extra)]...), out.extra...)
	}
	dirSets[sk] = out
	return out, nil
}

// loadDirFace reads and checks one --font-dir file.
func loadDirFace(path string) *dirFace {
	data, err := os.ReadFile(path)
	if err != nil {
		return &dirFace{err: fmt.Errorf("font %s: %w", path, err)}
	}
	m, o, err := parse(data)
	if err != nil {
		return &dirFace{err: fmt.Errorf("font %s: %w", path, err)}
	}
	face := &Face{Family: familyName(path), file: path, data: data, fromDir: true}
	face.once.Do(func() { face.m = m })
	face.outOnce.Do(func() { face.out = o })
	return &dirFace{face: face}
}

// familyName derives a PDF-safe family name from a file name, prefixed so
// it can never clash with an embedded family.
func familyName(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var b strings.Builder
	b.WriteString("Dir")
	for _, r := range base {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func uniqueFamily(faces map[string]*Face, family string) string {
	for n := 2; ; n++ {
		name := fmt.Sprintf("%s%d", family, n)
		if _, ok := faces[name+"/"]; !ok {
			return name
		}
	}
}

// Licenses returns the licence texts of the embedded faces (SIL Open Font
// License for Noto, the Bitstream Vera/DejaVu licence), which must travel
// with any program that embeds the fonts: a CLI can print them on request.
func Licenses() string {
	var b strings.Builder
	for _, name := range []string{"LICENSE-Noto.txt", "LICENSE-DejaVu.txt"} {
		data, err := licences.ReadFile(name)
		if err != nil {
			panic("fonts: embedded licence missing: " + name) // the build is broken
		}
		b.WriteString("== " + strings.TrimSuffix(strings.TrimPrefix(name, "LICENSE-"), ".txt") + " fonts ==\n\n")
		b.Write(data)
		b.WriteString("\n")
	}
	return b.String()
}
