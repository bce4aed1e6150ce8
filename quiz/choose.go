package quiz

import (
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// seeded is a random source for one question. It draws from PCG, whose
// output is fixed by its definition, and shuffles with its own
// Fisher–Yates, so a bank does not change with the Go release.
type seeded struct{ pcg *rand.PCG }

// newRand seeds a source with the bank's seed and what the choice is
// for, so adding a question elsewhere does not change this one.
func newRand(seed int64, what string) seeded {
	h := fnv.New64a()
	h.Write([]byte(what))
	return seeded{rand.NewPCG(uint64(seed), h.Sum64())}
}

// below returns a number in [0, n).
func (s seeded) below(n int) int { return int(s.pcg.Uint64() % uint64(n)) }

func (s seeded) shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		swap(i, s.below(i+1))
	}
}

// distractors picks up to 3 wrong terms for concept k of entry i: other
// key concepts of the same entry first (defined or not: they are real
// terms of the topic), then those of the rest of the course. A term that
// is the same as k, or as one already picked, is passed over.
func distractors(ts []topicTerms, i int, k concept, seed int64) []string {
	r := newRand(seed, ts[i].p.slug+"\x00distractors\x00"+k.key)
	seen := map[string]bool{k.key: true}
	var out []string
	pick := func(pool []concept) {
		var names []concept
		for _, c := range pool {
			if !seen[c.key] {
				names = append(names, c)
			}
		}
		r.shuffle(len(names), func(a, b int) { names[a], names[b] = names[b], names[a] })
		for _, c := range names {
			if len(out) == 3 {
				return
			}
			if !seen[c.key] {
				seen[c.key] = true
				out = append(out, c.term)
			}
		}
	}
	pick(ts[i].concepts)
	if len(out) < 3 {
		var rest []concept
		for j := range ts {
			if j != i {
				rest = append(rest, ts[j].concepts...)
			}
		}
		pick(rest)
	}
	return out
}

// accepted lists the answers a short-answer question takes for term: the
// term, and the term without its diacritics when that differs (a student
// without a Swedish keyboard types "Oring" for "Öring"). Case is ignored
// by every platform's setting, so it needs no variants.
func accepted(term string) []string {
	out := []string{term}
	if plain := stripMarks(term); plain != term && strings.TrimSpace(plain) != "" {
		out = append(out, plain)
	}
	return out
}

// stripMarks removes combining marks after canonical decomposition
// ("é" → "e", "ά" → "α").
func stripMarks(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

func itoa(n int) string { return strconv.Itoa(n) }
