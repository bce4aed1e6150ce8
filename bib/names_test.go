package bib

import (
	"reflect"
	"testing"
)

func TestParseName(t *testing.T) {
	tests := []struct {
		raw  string
		want Name
	}{
		{"Koob, George F.", Name{Given: "George F.", Family: "Koob"}},
		{"George F. Koob", Name{Given: "George F.", Family: "Koob"}},
		{"Koob", Name{Family: "Koob"}},
		// BibTeX reads this as "Last, First"; the suffix form is the next one.
		{"Martin Luther King, Jr.", Name{Given: "Jr.", Family: "Martin Luther King"}},
		{"King, Jr, Martin Luther", Name{Given: "Martin Luther", Family: "King", Suffix: "Jr"}},
		{"King, Jr., Martin Luther", Name{Given: "Martin Luther", Family: "King", Suffix: "Jr."}},
		{"Ludwig van Beethoven", Name{Given: "Ludwig", Particle: "van", Family: "Beethoven"}},
		{"van Beethoven, Ludwig", Name{Given: "Ludwig", Particle: "van", Family: "Beethoven"}},
		{"Jan van der Berg", Name{Given: "Jan", Particle: "van der", Family: "Berg"}},
		{"van der Berg, Jan", Name{Given: "Jan", Particle: "van der", Family: "Berg"}},
		{"Ana de la Cruz", Name{Given: "Ana", Particle: "de la", Family: "Cruz"}},
		{"de la Cruz, Ana", Name{Given: "Ana", Particle: "de la", Family: "Cruz"}},
		{"Jean de La Fontaine", Name{Given: "Jean", Particle: "de", Family: "La Fontaine"}},
		{"de la Vall{\\'e}e Poussin, Charles Louis", Name{Given: "Charles Louis", Particle: "de la", Family: "Vallée Poussin"}},
		{"Gabriel Garc{\\'\\i}a M{\\'a}rquez", Name{Given: "Gabriel García", Family: "Márquez"}},
		{"Garc{\\'\\i}a M{\\'a}rquez, Gabriel", Name{Given: "Gabriel", Family: "García Márquez"}},
		{"{\\\"O}stlund, Karin", Name{Given: "Karin", Family: "Östlund"}},
		// The last word is always family name, even in lower case.
		{"Karin {\\\"o}stlund", Name{Given: "Karin", Family: "östlund"}},
		{"{World Health Organization}", Name{Literal: "World Health Organization"}},
		{"{Barnes and Noble}", Name{Literal: "Barnes and Noble"}},
		{"{van} Gogh, Vincent", Name{Given: "Vincent", Family: "van Gogh"}},
		{"Jean-Paul Sartre", Name{Given: "Jean-Paul", Family: "Sartre"}},
		{"Kalivas, P.~W.", Name{Given: "P.\u00a0W.", Family: "Kalivas"}},
	}
	for _, tt := range tests {
		got := parseName(tt.raw)
		if got != tt.want {
			t.Errorf("parseName(%q)\n got %+v\nwant %+v", tt.raw, got, tt.want)
		}
	}
}

func TestParseNames(t *testing.T) {
	tests := []struct {
		raw  string
		want []string // family names
		more bool
	}{
		{"Koob, George F. and Volkow, Nora D.", []string{"Koob", "Volkow"}, false},
		{"Koob, G. F. AND Volkow, N. D.", []string{"Koob", "Volkow"}, false},
		{"A. Alpha and B. Beta and C. Gamma", []string{"Alpha", "Beta", "Gamma"}, false},
		{"{Simon and Schuster} and Koob, G.", []string{"", "Koob"}, false},
		{"Anderson, Ann and Sanders, Sandy", []string{"Anderson", "Sanders"}, false},
		{"Koob, G. and others", []string{"Koob"}, true},
		{"Koob, G.\n  and\tVolkow, N.", []string{"Koob", "Volkow"}, false},
	}
	for _, tt := range tests {
		names, more := parseNames(tt.raw)
		var got []string
		for _, n := range names {
			got = append(got, n.Family)
		}
		if !reflect.DeepEqual(got, tt.want) || more != tt.more {
			t.Errorf("parseNames(%q) = %q, %v; want %q, %v", tt.raw, got, more, tt.want, tt.more)
		}
	}
}

func TestInitials(t *testing.T) {
	checkEach(t, "initials", initials, map[string]string{
		"George F.":    "G. F.",
		"George Frank": "G. F.",
		"G.F.":         "G. F.",
		"G F":          "G. F.",
		"Jean-Paul":    "J.-P.",
		"Åsa":          "Å.",
		"":             "",
		"nora":         "N.",
	})
}

// checkEach wants f(in) to be the row's value for every row of tests.
func checkEach[V comparable](t *testing.T, name string, f func(string) V, tests map[string]V) {
	t.Helper()
	for in, want := range tests {
		if got := f(in); got != want {
			t.Errorf("%s(%q) = %#v, want %#v", name, in, got, want)
		}
	}
}
