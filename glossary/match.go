package glossary

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Key returns the form two spellings of a term share when they name the
// same thing: NFC, lower case, single spaces, and the last word singular
// ("Reward  Circuits" and "reward circuit" give the same key).
func Key(term string) string {
	words := strings.Fields(strings.ToLower(norm.NFC.String(term)))
	if len(words) == 0 {
		return ""
	}
	words[len(words)-1] = singular(words[len(words)-1])
	return strings.Join(words, " ")
}

// singular strips a regular English plural ending. It only has to map a
// word and its plural to the same string, not to produce a real word.
func singular(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") ||
		strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

// variant is one form of a term to look for in prose, with its rank (0 is
// the whole term; higher ranks are weaker, shortened forms).
type variant struct {
	words []string // lower-cased words
	rank  int
	text  string // as the term spells it, for the reviewer's note
}

// prepositions end the core of a term: "Synaptic plasticity in reward
// circuits" has the core "Synaptic plasticity".
var prepositions = map[string]bool{
	"in": true, "of": true, "for": true, "on": true, "with": true, "within": true,
	"between": true, "across": true, "during": true, "after": true, "by": true,
	"i": true, "av": true, "för": true, "på": true, "med": true, "inom": true, "mellan": true,
}

// conjunctions split a coordination: "Physical and psychological
// dependence", "Reward-related learning and memory".
var conjunctions = map[string]bool{"and": true, "or": true, "och": true, "eller": true}

// variants returns the forms of term to match, strongest first: the whole
// term, its core without a trailing prepositional phrase, each part of a
// coordination (a one-word part borrows the shared head noun), and finally
// the head noun alone when only adjectives precede it. Duplicates and forms in skip (other terms of the
// same entry, which have their own rows) are left out.
func variants(term string, skip map[string]bool) []variant {
	orig := strings.Fields(norm.NFC.String(term))
	lower := make([]string, len(orig))
	for i, w := range orig {
		lower[i] = strings.ToLower(w)
	}
	var out []variant
	seen := map[string]bool{}
	add := func(idx []int, words []string, rank int) {
		if len(words) == 0 {
			return
		}
		k := strings.Join(words, " ")
		if seen[k] || (rank > 0 && skip[Key(k)]) {
			return
		}
		// A shortened form of a single short word is too vague to search.
		if rank > 0 && len(words) == 1 && len([]rune(words[0])) < 5 {
			return
		}
		seen[k] = true
		var txt []string
		for _, i := range idx {
			txt = append(txt, orig[i])
		}
		out = append(out, variant{words: words, rank: rank, text: strings.Join(txt, " ")})
	}
	all := make([]int, len(lower))
	for i := range all {
		all[i] = i
	}
	add(all, lower, 0)
	if len(lower) < 2 {
		return out
	}
	core := all
	for i, w := range lower {
		if i > 0 && prepositions[w] {
			core = all[:i]
			break
		}
	}
	pick := func(idx []int) []string {
		var ws []string
		for _, i := range idx {
			ws = append(ws, lower[i])
		}
		return ws
	}
	add(core, pick(core), 1)
	// Split the core at conjunctions.
	var parts [][]int
	start := 0
	for j, i := range core {
		if conjunctions[lower[i]] {
			parts = append(parts, core[start:j])
			start = j + 1
		}
	}
	parts = append(parts, core[start:])
	head := core[len(core)-1]
	if len(parts) > 1 {
		for _, p := range parts {
			if len(p) == 0 {
				continue
			}
			if len(p) == 1 && p[0] != head {
				p = []int{p[0], head}
			}
			add(p, pick(p), 2)
		}
	}
	if len(core) > 1 && modifiersOnly(lower, core[:len(core)-1]) {
		add([]int{head}, []string{lower[head]}, 3)
	}
	return out
}

// adjectiveEndings are the endings of words that modify a noun without
// naming a thing of their own ("behavioral", "synaptic", "working").
var adjectiveEndings = []string{
	"al", "ic", "ive", "ous", "ary", "ory", "ful", "less", "able", "ible", "ed", "ing", "ant", "ent", "ar", "ile",
	"isk", "ig", "lig", "ad", "iv", "ell",
}

// modifiersOnly reports whether the words before a head noun all read as
// adjectives (or conjunctions between them), so the head alone still names
// the concept: "Physical and psychological dependence" → "dependence", but
// not "Allostatic reward set-point" → "set-point", where "reward" is a noun
// that narrows the meaning.
func modifiersOnly(lower []string, idx []int) bool {
	for _, i := range idx {
		w := lower[i]
		if conjunctions[w] {
			continue
		}
		ok := false
		for _, end := range adjectiveEndings {
			if strings.HasSuffix(w, end) && len(w) > len(end)+2 {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// isWordRune reports whether r continues a word: a term must not match
// inside a longer word ("tolerance" in "intolerance").
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\''
}
