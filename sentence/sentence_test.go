package sentence

import (
	"reflect"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "  ", nil},
		{"one", "One sentence.", []string{"One sentence."}},
		{"no stop", "no final stop", []string{"no final stop"}},
		{"two", "First one. Second one!", []string{"First one.", "Second one!"}},
		{"question", "Why? Because.", []string{"Why?", "Because."}},
		{"eg", "Drugs, e.g. opiates, differ. Next.", []string{"Drugs, e.g. opiates, differ.", "Next."}},
		{"eg capital", "Some classes, e.g. Opiates, differ.", []string{"Some classes, e.g. Opiates, differ."}},
		{"ie", "One class, i.e. Opiates here. Then more.", []string{"One class, i.e. Opiates here.", "Then more."}},
		{"dr", "Ask Dr. Koob about it. He knows.", []string{"Ask Dr. Koob about it.", "He knows."}},
		{"initials", "G. F. Koob wrote it. Others followed.", []string{"G. F. Koob wrote it.", "Others followed."}},
		{"decimal", "The dose rose 3.5 times. Then fell.", []string{"The dose rose 3.5 times.", "Then fell."}},
		{"year", "It changed in 2009. Later work agreed.", []string{"It changed in 2009.", "Later work agreed."}},
		{"quote", `He said "stop." Then left.`, []string{`He said "stop."`, "Then left."}},
		{"paren", "It varies (see above). More follows.", []string{"It varies (see above).", "More follows."}},
		{"lower", "Approx. ten subjects. Done.", []string{"Approx. ten subjects.", "Done."}},
		{"et al", "Koob et al. (2009) showed it. Yes.", []string{"Koob et al. (2009) showed it.", "Yes."}},
		{"sv tex", "Vissa droger, t.ex. Opiater, skiljer sig. Nästa mening.", []string{"Vissa droger, t.ex. Opiater, skiljer sig.", "Nästa mening."}},
		{"sv bla", "Det gäller bl.a. Alkohol. Även nikotin.", []string{"Det gäller bl.a. Alkohol.", "Även nikotin."}},
		{"sv capital", "Första meningen. Ärligt talat nästa.", []string{"Första meningen.", "Ärligt talat nästa."}},
		{"url", "See example.org/a.b for more. Next.", []string{"See example.org/a.b for more.", "Next."}},
		{"ellipsis", "Wait... Then go. And…", []string{"Wait...", "Then go.", "And…"}},
		{"cjk", "这是第一句。这是第二句。", []string{"这是第一句。", "这是第二句。"}},
		{"greek", "Η ανοχή μειώνεται. Η εξάρτηση αυξάνεται.", []string{"Η ανοχή μειώνεται.", "Η εξάρτηση αυξάνεται."}},
		{"us", "It was in the U.S. Congress. Yes.", []string{"It was in the U.S. Congress.", "Yes."}},
		{"newlines", "One.\n\nTwo.", []string{"One.", "Two."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzSpans checks that the spans cover all of the text but white space,
// in order, without overlapping.
func FuzzSpans(f *testing.F) {
	for _, s := range []string{"One. Two.", "e.g. X. Y? Z!", "这是。这是。", " . . ", "a.\u00a0B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Spans(s) {
			if sp[0] < prev || sp[1] <= sp[0] || sp[1] > len(s) {
				t.Fatalf("bad span %v after %d in %q", sp, prev, s)
			}
			if strings.TrimSpace(s[prev:sp[0]]) != "" {
				t.Fatalf("lost %q in %q", s[prev:sp[0]], s)
			}
			prev = sp[1]
		}
		if strings.TrimSpace(s[prev:]) != "" {
			t.Fatalf("lost tail %q in %q", s[prev:], s)
		}
	})
}

// BenchmarkSpans splits a paragraph of prose as long as an entry's
// mechanisms section, with abbreviations, decimals and a non-ASCII stop.
func BenchmarkSpans(b *testing.B) {
	s := strings.Repeat("Motivated reasoning, e.g. in politics, shapes how people search for evidence (Kunda, 1990). "+
		"Dr. Koob measured a 3.5-fold rise… Then it fell! Why? Räksmörgås-style Swedish examples show it, t.ex. Här. ", 8)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Spans(s)
	}
}
