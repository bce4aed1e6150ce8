package pdf

import (
	"crypto/md5"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/scholargate/topicdeck/fonts"
)

// Font is one face as a document uses it: a Type0 font with Identity-H
// encoding over a CIDFontType2 whose CIDs are glyphs of an embedded subset,
// numbered in the order the document first draws them. Widths come from
// the face's Advance, so drawn text is as wide as measured text.
type Font struct {
	// Resource is the font's name in page resources (/F1).
	Resource Name
	face     *fonts.Face
	ref      Ref
	cids     map[uint16]uint16 // face glyph → CID
	// near caches the CIDs of the first runes (Latin, Greek, Cyrillic,
	// Hebrew, Arabic), which make up nearly all text; 0 is not cached.
	near   [0x800]uint16
	alt    map[altKey]uint16 // glyphs standing for other characters
	glyphs []uint16          // CID → face glyph
	widths []int             // CID → advance, 1/1000 em
	text   [][]rune          // CID → characters, for /ToUnicode
	runes  []rune            // the characters of single-character CIDs, one after another
}

// NewFont starts a font for face whose dictionary will be object ref.
func NewFont(face *fonts.Face, ref Ref, resource Name) *Font {
	return &Font{
		Resource: resource, face: face, ref: ref,
		cids:   map[uint16]uint16{0: 0},
		glyphs: []uint16{0}, widths: []int{face.Advance(0xFFFF)}, text: [][]rune{nil},
	}
}

// Ref is the font dictionary's reference.
func (f *Font) Ref() Ref { return f.ref }

// Face is the face the font draws with.
func (f *Font) Face() *fonts.Face { return f.face }

// CID returns the code that draws r, and false when the face lacks r.
func (f *Font) CID(r rune) (uint16, bool) {
	if r >= 0 && r < rune(len(f.near)) {
		if cid := f.near[r]; cid != 0 {
			return cid, true
		}
	}
	cid, ok := f.cid(r)
	if ok && r >= 0 && r < rune(len(f.near)) {
		f.near[r] = cid
	}
	return cid, ok
}

// Width is the advance of the glyph cid draws, in 1/1000 em: the face's
// Advance of the character it was made for, as /W says.
func (f *Font) Width(cid uint16) int { return f.widths[cid] }

func (f *Font) cid(r rune) (uint16, bool) {
	g := f.face.Glyph(r)
	if g == 0 {
		return 0, false
	}
	if cid, ok := f.cids[g]; ok {
		return cid, true
	}
	cid := uint16(len(f.glyphs))
	f.cids[g] = cid
	f.glyphs = append(f.glyphs, g)
	f.widths = append(f.widths, f.face.Advance(r))
	// A glyph's one character is a slice of a shared array, not an
	// allocation of its own (an array outgrown stays as its slices left it).
	f.runes = append(f.runes, r)
	n := len(f.runes)
	f.text = append(f.text, f.runes[n-1:n:n])
	return cid, true
}

// altKey is a glyph drawn for characters other than its own.
type altKey struct {
	glyph uint16
	text  string
}

// CIDFor returns a code that draws the glyph of r but stands for text in
// extraction: a mirrored bracket for the one typed, an Arabic
// presentation form for the letters it shapes. Such a code gets a glyph of
// its own in the subset (a copy), as a CID maps to one glyph and one text.
func (f *Font) CIDFor(r rune, text string) (uint16, bool) {
	if text == string(r) {
		return f.CID(r)
	}
	g := f.face.Glyph(r)
	if g == 0 {
		return 0, false
	}
	k := altKey{g, text}
	if cid, ok := f.alt[k]; ok {
		return cid, true
	}
	if f.alt == nil {
		f.alt = map[altKey]uint16{}
	}
	cid := uint16(len(f.glyphs))
	f.alt[k] = cid
	f.glyphs = append(f.glyphs, g)
	f.widths = append(f.widths, f.face.Advance(r))
	f.text = append(f.text, []rune(text))
	return cid, true
}

// Write writes the font dictionaries, the subset font program and the
// /ToUnicode map.
func (f *Font) Write(w *Writer) error {
	p, err := f.program()
	if err != nil {
		return err
	}
	base := Name(p.tag + "+" + psName(f.face))
	d := f.face.Descriptor()
	flags := 4 // symbolic: glyphs outside the standard Latin set
	if d.Fixed {
		flags |= 1
	}
	if d.Italic {
		flags |= 64
	}
	// The program's bytes are the cache's, never changed: written without
	// a copy.
	file := w.AddStream(Stream{Data: p.deflated, Deflated: true, shared: true, Dict: Dict{{"Length1", Int(p.length)}}})
	desc := w.Add(Dict{
		{"Type", Name("FontDescriptor")}, {"FontName", base}, {"Flags", Int(flags)},
		{"FontBBox", Array{Int(d.BBox[0]), Int(d.BBox[1]), Int(d.BBox[2]), Int(d.BBox[3])}},
		{"ItalicAngle", Real(d.ItalicAngle)}, {"Ascent", Int(d.Ascent)}, {"Descent", Int(d.Descent)},
		{"CapHeight", Int(d.CapHeight)}, {"StemV", Int(d.StemV)}, {"FontFile2", file},
	})
	cid := w.Add(Dict{
		{"Type", Name("Font")}, {"Subtype", Name("CIDFontType2")}, {"BaseFont", base},
		{"CIDSystemInfo", Dict{{"Registry", String("Adobe")}, {"Ordering", String("Identity")}, {"Supplement", Int(0)}}},
		{"FontDescriptor", desc}, {"W", Array{Int(0), intArray(f.widths)}}, {"CIDToGIDMap", Name("Identity")},
	})
	tu := w.AddStream(Stream{Data: p.toUnicode, Deflated: true, shared: true})
	w.Set(f.ref, Dict{
		{"Type", Name("Font")}, {"Subtype", Name("Type0")}, {"BaseFont", base},
		{"Encoding", Name("Identity-H")}, {"DescendantFonts", Array{cid}}, {"ToUnicode", tu},
	})
	return nil
}

// program is a compressed subset font program and its subset tag.
type program struct {
	key       string
	tag       string
	length    int
	deflated  []byte
	toUnicode []byte // deflated
}

// programCache keeps a face's most recent subsets: a server drawing the
// same deck again, or a handout after its deck, reuses the compressed
// program instead of subsetting and compressing it again.
type programCache struct {
	mu     sync.Mutex
	recent []*program
}

// programsKept bounds each face's cache.
const programsKept = 8

var programs sync.Map // *fonts.Face → *programCache

func (f *Font) program() (*program, error) {
	// The key is the glyphs and the characters they stand for.
	key := make([]byte, 0, 6*len(f.glyphs))
	for i, g := range f.glyphs {
		key = append(key, byte(g>>8), byte(g))
		for _, r := range f.text[i] {
			key = append(key, byte(r>>16), byte(r>>8), byte(r))
		}
		key = append(key, 0xFF)
	}
	v, _ := programs.LoadOrStore(f.face, &programCache{})
	c := v.(*programCache)
	c.mu.Lock()
	for i, p := range c.recent {
		if p.key == string(key) {
			copy(c.recent[1:i+1], c.recent[:i])
			c.recent[0] = p
			c.mu.Unlock()
			return p, nil
		}
	}
	c.mu.Unlock()
	data, err := f.face.SubsetGlyphs(f.glyphs)
	if err != nil {
		return nil, fmt.Errorf("pdf: subsetting %s: %w", f.face, err)
	}
	// The subset tag is derived from the glyphs, so the same text gives
	// the same name.
	sum := md5.Sum(key)
	var tag [6]byte
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	p := &program{key: string(key), tag: string(tag[:]), length: len(data), deflated: Deflate(nil, data), toUnicode: Deflate(nil, f.toUnicode())}
	c.mu.Lock()
	c.recent = append([]*program{p}, c.recent[:min(len(c.recent), programsKept-1)]...)
	c.mu.Unlock()
	return p, nil
}

// psName is the face's PostScript-style name: family and style, letters
// and digits only.
func psName(face *fonts.Face) string {
	style := map[string]string{"B": "-Bold", "I": "-Italic", "BI": "-BoldItalic"}[face.Style]
	return strings.Map(func(r rune) rune {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return r
		}
		return -1
	}, face.Family+style)
}

// toUnicode is the CMap mapping every CID back to its characters, so
// copying text and screen readers get characters rather than glyphs.
func (f *Font) toUnicode() []byte {
	b := []byte("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	hex4 := func(b []byte, u uint16) []byte {
		return append(b, hex[u>>12], hex[u>>8&15], hex[u>>4&15], hex[u&15])
	}
	n := len(f.text) - 1
	for start := 1; start <= n; start += 100 {
		end := min(start+100, n+1)
		b = strconv.AppendInt(b, int64(end-start), 10)
		b = append(b, " beginbfchar\n"...)
		for cid := start; cid < end; cid++ {
			b = append(b, '<')
			b = hex4(b, uint16(cid))
			b = append(b, "> <"...)
			for _, u := range utf16.Encode(f.text[cid]) {
				b = hex4(b, u)
			}
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
	}
	return append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"...)
}

// intArray is an array of integers written as an Array of Int is, without
// boxing each one: a width of 256 or more as an Object is an allocation,
// and a font has one for every glyph it draws.
type intArray []int

// AppendPDF implements Object.
func (a intArray) AppendPDF(b []byte) []byte {
	b = append(b, '[')
	for i, v := range a {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(v), 10)
	}
	return append(b, ']')
}
