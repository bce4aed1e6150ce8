package fonts

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/scholargate/topicdeck/internal/filestamp"
)

// familySetKey identifies a WithFamily result, so that planning the same
// layout again shares the parsed faces and the text engine's caches.
type familySetKey struct {
	base  *Set
	name  string
	files string
}

var (
	familyMu    sync.Mutex
	familySets  = map[familySetKey]*Set{}
	defaultSets = map[familySetKey]*Set{} // WithDefaultFamily's, files unused
)

// FamilyFiles are the paths of a family's TrueType files (regular, bold,
// italic, bold italic), as a slide or handout layout file's fonts: key
// names them; Regular is required.
type FamilyFiles struct {
	Regular, Bold, Italic, BoldItalic string
}

// AddTo returns s with the files added as the named family (WithFamily).
func (f *FamilyFiles) AddTo(s *Set, name string) (*Set, error) {
	return s.WithFamily(name, f.Regular, f.Bold, f.Italic, f.BoldItalic)
}

// WithFamily returns s with a named family made of up to four TrueType
// files (regular, bold, italic, bold italic); text set in that family
// (textlayout.Font.Family == name) uses these faces first and falls back to
// the sans chain for characters they lack. Regular is required; a missing
// bold or italic takes the nearest given style (bold italic → bold →
// regular; italic → regular), so every style draws in the family's design.
//
// Call it after WithDir: WithDir starts from the built-in chains and does
// not carry named families over. Results are cached per file content.
func (s *Set) WithFamily(name, regular, bold, italic, boldItalic string) (*Set, error) {
	if name == "" || name == "sans" || name == "mono" {
		return nil, fmt.Errorf("font family name %q is reserved", name)
	}
	if regular == "" {
		return nil, fmt.Errorf("font family %s: a regular face is required", name)
	}
	paths := [4]string{regular, bold, italic, boldItalic}
	var keys strings.Builder
	for _, p := range paths {
		if p == "" {
			keys.WriteString("\x01")
			continue
		}
		stamp, err := filestamp.Of(p)
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", p, err)
		}
		keys.WriteString(stamp.Key() + "\x01")
	}
	familyMu.Lock()
	defer familyMu.Unlock()
	key := familySetKey{s, name, keys.String()}
	if cached, ok := familySets[key]; ok {
		return cached, nil
	}
	// The PDF family name is derived from the layout's name and kept apart
	// from embedded and --font-dir families.
	pdfName := "Fam" + asciiName(name)
	out := &Set{faces: map[string]*Face{}, sans: s.sans, mono: s.mono, extra: s.extra, named: map[string][4][]*Face{}}
	for k, f := range s.faces {
		out.faces[k] = f
	}
	for k, v := range s.named {
		out.named[k] = v
	}
	for {
		if _, taken := out.faces[pdfName+"/"]; !taken {
			break
		}
		pdfName += "X"
	}
	var faces [4]*Face
	for i, p := range paths {
		if p == "" {
			continue
		}
		df := loadDirFace(p)
		if df.err != nil {
			return nil, df.err
		}
		f := &Face{Family: pdfName, Style: styles[i], file: p, data: df.face.data, fromDir: true}
		f.once.Do(func() { f.m = df.face.load() })
		f.outOnce.Do(func() { f.out = df.face.outlines() })
		faces[i] = f
		out.faces[pdfName+"/"+styles[i]] = f
	}
	// Fill the missing styles from the nearest given one.
	fallback := [4][]int{{0}, {1, 0}, {2, 0}, {3, 1, 2, 0}}
	var chains [4][]*Face
	for i := range styles {
		for _, j := range fallback[i] {
			if faces[j] != nil {
				chains[i] = append([]*Face{faces[j]}, s.sans[i]...)
				break
			}
		}
	}
	out.named[name] = chains
	familySets[key] = out
	return out, nil
}

// WithDefaultFamily returns s with the named family, added by WithFamily,
// in place of the default one: text set in "sans" uses the family's faces
// first and then the sans chain, as text set in the family itself does.
// Every face of s stays in the set, so a document set mostly in the
// family can still draw what others measured with s's faces (the slides a
// handout prints). The result is cached, as WithFamily's.
func (s *Set) WithDefaultFamily(name string) (*Set, error) {
	chains, ok := s.named[name]
	if !ok {
		return nil, fmt.Errorf("font family %s is not in the set", name)
	}
	familyMu.Lock()
	defer familyMu.Unlock()
	key := familySetKey{base: s, name: name}
	if cached, ok := defaultSets[key]; ok {
		return cached, nil
	}
	// The maps are shared: a Set is never changed once built.
	out := &Set{faces: s.faces, sans: chains, mono: s.mono, extra: s.extra, named: s.named}
	defaultSets[key] = out
	return out, nil
}

// asciiName keeps the ASCII letters and digits of a name, for PDF font names.
func asciiName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
