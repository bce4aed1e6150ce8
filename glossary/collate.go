package glossary

import (
	"bytes"
	"sort"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collator orders strings the way a dictionary of the course language
// does (Swedish puts å, ä, ö after z), ignoring case first; ties fall back
// to byte order so the result never depends on the input order.
type collator struct {
	c *collate.Collator
}

func newCollator(lang string) collator {
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.English
	}
	return collator{c: collate.New(tag, collate.IgnoreCase)}
}

// sortBy sorts list stably by the collation of key(item). Keys are
// computed once, as collation keys, since comparing raw strings with a
// collator is far slower than comparing keys.
func sortBy[T any](c collator, list []T, key func(T) string) {
	type keyed struct {
		k   []byte
		raw string
		v   T
	}
	var buf collate.Buffer
	ks := make([]keyed, len(list))
	for i, v := range list {
		raw := key(v)
		ks[i] = keyed{k: append([]byte(nil), c.c.KeyFromString(&buf, raw)...), raw: raw, v: v}
		buf.Reset()
	}
	sort.SliceStable(ks, func(i, j int) bool {
		if r := bytes.Compare(ks[i].k, ks[j].k); r != 0 {
			return r < 0
		}
		return ks[i].raw < ks[j].raw
	})
	for i := range ks {
		list[i] = ks[i].v
	}
}
