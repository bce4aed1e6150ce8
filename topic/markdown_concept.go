package topic

import (
	"strings"
	"unicode"
)

// conceptSeps are what may divide a term from its definition: a colon, an
// em dash, or an en dash with space around it.
var conceptSeps = []string{":", "—", " – "}

// splitConcept divides a key concept item into term and definition.
//
// A leading bold part followed by a separator is the term
// ("**Term**: definition", "**Term** — definition", "**Term:** definition").
// Otherwise the item splits at its first separator when what precedes it
// is a plausible term: short (at most eight words and 80 characters), not
// a sentence (no ".", "?" or "!"), and the separator is outside code and
// links, and a colon is followed by a space or the end. An item wholly in
// bold is one term and never splits (the writer relies on that for terms
// holding a colon). An item that does not split is a term without
// definition. A term loses any bold, since layouts set terms apart anyway.
func splitConcept(t Text) (term, def Text) {
	// Leading bold runs.
	k := 0
	for k < len(t) && t[k].Style&Bold != 0 {
		k++
	}
	if k > 0 && k < len(t) {
		rest := t[k:]
		lead := strings.TrimLeft(rest[0].Text, " \t")
		if rest[0].Style == 0 && rest[0].URL == "" {
			for _, sep := range conceptSeps {
				s := strings.TrimSpace(sep)
				if strings.HasPrefix(lead, s) {
					d := append(Text{{Text: strings.TrimLeft(lead[len(s):], " \t")}}, rest[1:]...)
					return trimText(stripStyle(t[:k], Bold)), trimText(d)
				}
			}
		}
	}
	if k > 0 {
		// "**Term:** definition": the separator inside the bold.
		last := t[k-1].Text
		trimmed := strings.TrimRight(last, " \t")
		for _, sep := range conceptSeps {
			s := strings.TrimSpace(sep)
			if k < len(t) && t[k-1].Style&Code == 0 && t[k-1].URL == "" && strings.HasSuffix(trimmed, s) && len(trimmed) > len(s) {
				head := append(Text{}, t[:k]...)
				head[k-1].Text = strings.TrimSuffix(trimmed, s)
				return trimText(stripStyle(head, Bold)), trimText(t[k:])
			}
		}
	}
	if k == len(t) {
		// Wholly bold: the author marked the whole item as the term.
		return stripStyle(t, Bold), nil
	}
	// A plain separator after a plausible term.
	var before strings.Builder
	for i, r := range t {
		if r.Style&Code == 0 && r.URL == "" {
			if j, n := firstSep(r.Text); j >= 0 {
				candidate := before.String() + r.Text[:j]
				after := r.Text[j+n:]
				colon := r.Text[j:j+n] == ":"
				if plausibleTerm(candidate) && (!colon || after == "" || unicode.IsSpace(firstRune(after))) {
					head := append(append(Text{}, t[:i]...), Run{Text: r.Text[:j], Style: r.Style})
					tail := append(Text{{Text: after, Style: r.Style}}, t[i+1:]...)
					d := trimText(tail)
					if len(d) > 0 {
						return trimText(stripStyle(head, Bold)), d
					}
				}
				return stripStyle(t, Bold), nil
			}
		}
		before.WriteString(r.Text)
	}
	return stripStyle(t, Bold), nil
}

// firstSep finds the first separator in s: its byte index and length.
func firstSep(s string) (int, int) {
	best, n := -1, 0
	for _, sep := range conceptSeps {
		if j := strings.Index(s, sep); j >= 0 && (best < 0 || j < best) {
			best, n = j, len(sep)
		}
	}
	return best, n
}

func plausibleTerm(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len([]rune(s)) > 80 || len(strings.Fields(s)) > 8 {
		return false
	}
	return !strings.ContainsAny(s, ".?!")
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// trimText trims space at both ends of a Text and drops emptied runs.
func trimText(t Text) Text {
	t = normalizeText(append(Text{}, t...))
	if len(t) > 0 {
		t[0].Text = strings.TrimLeftFunc(t[0].Text, unicode.IsSpace)
		t[len(t)-1].Text = strings.TrimRightFunc(t[len(t)-1].Text, unicode.IsSpace)
	}
	return normalizeText(t)
}

// stripStyle removes a style flag from every run.
func stripStyle(t Text, s Style) Text {
	out := make(Text, len(t))
	for i, r := range t {
		r.Style &^= s
		out[i] = r
	}
	return normalizeText(out)
}

// stripWholeStyle removes a style only when every run has it.
func stripWholeStyle(t Text, s Style) Text {
	for _, r := range t {
		if r.Style&s == 0 {
			return t
		}
	}
	return stripStyle(t, s)
}
