package diag

import (
	"fmt"
	"strings"
)

// Closest returns the known name a misspelt one most likely meant: the
// same name in other case or with "-", "_" or spaces, an abbreviation
// ("defn", "desc"), or the nearest by edit distance when it is near enough
// to be the likely intent. It returns "" when none is.
func Closest(name string, known []string) string {
	best, bestDist := "", len(name)/3+2
	lower := strings.ToLower(name)
	for _, a := range known {
		if a == "" {
			continue
		}
		if a == lower || squash(a) == squash(lower) {
			return a
		}
		if len(lower) >= 3 && lower[0] == a[0] && isSubsequence(lower, a) {
			return a // an abbreviation: "defn", "desc", "ans"
		}
		if d := editDistance(lower, a); d < bestDist {
			best, bestDist = a, d
		}
	}
	return best
}

// squash drops the separators authors spell in different ways.
func squash(s string) string {
	return strings.NewReplacer("_", "", "-", "", " ", "").Replace(s)
}

// DidYouMean finishes a message about an unknown name: ` (did you mean
// "x"?)` with the closest known name, or otherwise when none is close (the
// list of known names, in the words of the caller's message).
func DidYouMean(name string, known []string, otherwise string) string {
	if s := Closest(name, known); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return otherwise
}

// isSubsequence reports whether the bytes of s appear in t in order.
func isSubsequence(s, t string) bool {
	i := 0
	for j := 0; i < len(s) && j < len(t); j++ {
		if s[i] == t[j] {
			i++
		}
	}
	return i == len(s)
}

// editDistance is the Levenshtein distance between a and b in bytes; key
// names are ASCII. Long names count as far apart, so a hostile key cannot
// cost quadratic time.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
