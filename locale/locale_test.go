package locale

import (
	"strings"
	"testing"
)

// TestEveryLanguageCoversEveryKey keeps the Swedish table complete: a
// label added in English only would silently print English in a Swedish
// deck.
func TestEveryLanguageCoversEveryKey(t *testing.T) {
	for _, lang := range Languages() {
		for _, k := range Keys() {
			if !Has(lang, k) {
				t.Errorf("%s has no label for %q", lang, k)
			}
		}
	}
}

func TestLabels(t *testing.T) {
	tests := []struct {
		tag  string
		key  Key
		args []any
		want string
	}{
		{"en", KeyConcepts, nil, "Key concepts"},
		{"sv", KeyConcepts, nil, "Nyckelbegrepp"},
		{"sv-SE", CoreQuestions, nil, "Kärnfrågor"},
		{"SV_fi", Outline, nil, "Översikt"},
		{"", Outline, nil, "Outline"},
		{"de", References, nil, "References"}, // unknown language: English
		{"en", Continued, []any{"Mechanisms"}, "Mechanisms (cont.)"},
		{"sv", Continued, []any{"Mekanismer"}, "Mekanismer (forts.)"},
		{"en", ContinuedN, []any{"Mechanisms", 3}, "Mechanisms (cont. 3)"},
		{"sv", ContinuedN, []any{"Mekanismer", 3}, "Mekanismer (forts. 3)"},
		{"en", SlideOf, []any{3, 20}, "Slide 3 of 20"},
		{"sv", PageOf, []any{2, 5}, "Sida 2 av 5"},
		{"en", PageOf, []any{2, 5}, "Page 2 of 5"},
		{"sv", Editors, nil, "(Red.)"},
	}
	for _, tt := range tests {
		l := For(tt.tag)
		got := l.Get(tt.key)
		if tt.args != nil {
			got = l.Format(tt.key, tt.args...)
		}
		if got != tt.want {
			t.Errorf("For(%q) %s = %q, want %q", tt.tag, tt.key, got, tt.want)
		}
	}
}

// TestFallbackNeverEmpty checks the fallback chain: a key missing in a
// language gives English, and a key unknown even to English gives the key.
func TestFallbackNeverEmpty(t *testing.T) {
	tables["xx"] = map[Key]string{Outline: "Oversikt-xx"}
	defer delete(tables, "xx")
	l := For("xx")
	if got := l.Get(Outline); got != "Oversikt-xx" {
		t.Errorf("own label: %q", got)
	}
	if got := l.Get(References); got != "References" {
		t.Errorf("fallback to English: %q", got)
	}
	if got := l.Get(Key("no_such_label")); got != "no_such_label" {
		t.Errorf("unknown key: %q", got)
	}
	for _, k := range Keys() {
		if strings.TrimSpace(For("xx").Get(k)) == "" {
			t.Errorf("%s is empty", k)
		}
	}
}
