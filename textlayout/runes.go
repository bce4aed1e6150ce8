package textlayout

import (
	"sync"

	"github.com/scholargate/topicdeck/fonts"
)

// tableRunes bounds the characters a chain table holds: Basic Latin to
// Latin Extended-B, which is nearly every character of the entries
// topicdeck sets (English, Swedish and the other Latin-script languages).
// Other characters are resolved through the chain's faces each time.
const tableRunes = 0x250

// resolved is a character resolved in a chain: the face that draws it (the
// chain's first face when none does) and its advance in that face.
type resolved struct {
	face    *fonts.Face
	units   int32
	missing bool
}

// chainTable is one fallback chain's resolutions of the first tableRunes
// characters, filled once when the chain is first used. Measuring a
// character is then one load instead of a lookup in every face of the
// chain that lacks it followed by one for the advance.
type chainTable struct {
	chain []*fonts.Face
	runes [tableRunes]resolved
}

// chainTables holds an engine's tables by chain; the engines WithKerning
// and WithContext derive from one share them.
type chainTables struct {
	m sync.Map // chainKey → *chainTable
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
	ct := &chainTable{chain: chain}
	for r := range rune(tableRunes) {
		ct.runes[r] = resolve(chain, r)
	}
	v, _ := t.m.LoadOrStore(key, ct)
	return v.(*chainTable)
}

// resolve finds the face of chain that draws r and its advance there.
func resolve(chain []*fonts.Face, r rune) resolved {
	f, missing := pick(chain, r)
	return resolved{face: f, units: int32(f.Advance(r)), missing: missing}
}

// lookup resolves r: from the table when it holds r, else through the
// faces.
func (ct *chainTable) lookup(r rune) (face *fonts.Face, units int32, missing bool) {
	var v resolved
	if r >= 0 && r < tableRunes {
		v = ct.runes[r]
	} else {
		v = resolve(ct.chain, r)
	}
	return v.face, v.units, v.missing
}
