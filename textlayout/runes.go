package textlayout

import (
	"slices"
	"sync"
	"sync/atomic"

	"github.com/scholargate/topicdeck/fonts"
)

// tableRunes bounds the characters a chain table holds: Basic Latin to
// Latin Extended-B, which is nearly every character of the entries
// topicdeck sets (English, Swedish and the other Latin-script languages).
// Other characters are resolved through the chain's faces each time.
const tableRunes = 0x250

// resolved is a character resolved in a chain: the face that draws it (the
// chain's first face when none does), that face's number in the engine's
// faceList, and the character's advance in that face.
type resolved struct {
	face    *fonts.Face
	units   int32
	index   uint16
	missing bool
}

// chainTable is one fallback chain's resolutions of the first tableRunes
// characters, filled once when the chain is first used. Measuring a
// character is then one load instead of a lookup in every face of the
// chain that lacks it followed by one for the advance.
type chainTable struct {
	chain []*fonts.Face
	faces *faceList
	runes [tableRunes]resolved
}

// chainTables holds an engine's tables by chain and the numbering of the
// faces they resolve to; the engines WithKerning and WithContext derive
// from one share them.
type chainTables struct {
	m     sync.Map // chainKey → *chainTable
	faces faceList
}

// chainKey names a chain by its slice: a set's chains are made once and
// never changed, so the same slice is the same chain.
type chainKey struct {
	first **fonts.Face
	n     int
}

// table returns chain's table, filling it on first use.
func (t *chainTables) table(chain []*fonts.Face) *chainTable {
	key := chainKey{&chain[0], len(chain)}
	if v, ok := t.m.Load(key); ok {
		return v.(*chainTable)
	}
	ct := &chainTable{chain: chain, faces: &t.faces}
	for r := range rune(tableRunes) {
		ct.runes[r] = ct.resolve(r)
	}
	v, _ := t.m.LoadOrStore(key, ct)
	return v.(*chainTable)
}

// resolve finds the face of the chain that draws r and its advance there.
func (ct *chainTable) resolve(r rune) resolved {
	f, missing := pick(ct.chain, r)
	return resolved{face: f, units: int32(f.Advance(r)), index: ct.faces.index(f), missing: missing}
}

// lookup resolves r: from the table when it holds r, else through the
// faces.
func (ct *chainTable) lookup(r rune) resolved {
	if r >= 0 && r < tableRunes {
		return ct.runes[r]
	}
	return ct.resolve(r)
}

// faceList numbers the faces an engine's glyphs are drawn with, so that a
// glyph names its face by a small number (see glyph) that means the same
// in every paragraph, and shapes kept in the engine's shapeCache can be
// copied into any paragraph as they are. Faces are only added, never
// removed or moved: a set has a fixed number of faces, so the list stays
// short, and a list read once stays valid for every number given out
// before.
type faceList struct {
	mu   sync.Mutex
	list atomic.Pointer[[]*fonts.Face] // replaced whole on every addition
}

// all returns the faces numbered so far.
func (l *faceList) all() []*fonts.Face {
	if p := l.list.Load(); p != nil {
		return *p
	}
	return nil
}

// index returns f's number, giving it the next one on first use.
func (l *faceList) index(f *fonts.Face) uint16 {
	if i := slices.Index(l.all(), f); i >= 0 {
		return uint16(i)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	faces := l.all()
	if i := slices.Index(faces, f); i >= 0 {
		return uint16(i) // numbered while this call waited for the lock
	}
	faces = append(faces[:len(faces):len(faces)], f)
	l.list.Store(&faces)
	return uint16(len(faces) - 1)
}
