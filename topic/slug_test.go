package topic

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSlugifyCap checks that slugs of long titles are cut to MaxSlugBytes
// at a word boundary, stay valid UTF-8, and stay distinct for titles that
// differ only after the cut; short titles are left as they were.
func TestSlugifyCap(t *testing.T) {
	long := strings.Repeat("neuroadaptation tolerance ", 12)
	tests := []struct {
		name, title, want string
	}{
		{"short", "Neuroadaptation and Tolerance", "neuroadaptation-and-tolerance"},
		{"exactly the cap", strings.Repeat("a", MaxSlugBytes), strings.Repeat("a", MaxSlugBytes)},
		{"long", long + "one", ""},
		{"long twin", long + "two", ""},
		{"one huge word", strings.Repeat("å", 200), ""},
	}
	seen := map[string]string{}
	for _, tt := range tests {
		got := Slugify(tt.title)
		if tt.want != "" && got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
		if len(got) > MaxSlugBytes || !utf8.ValidString(got) || got != Slugify(got) {
			t.Errorf("%s: %q (%d bytes) is not a valid capped slug", tt.name, got, len(got))
		}
		if prev, dup := seen[got]; dup {
			t.Errorf("%s and %s share the slug %q", prev, tt.name, got)
		}
		seen[got] = tt.name
	}
	// The cut falls between words: what is left before the hash is a
	// prefix of the full slug ending just before a dash.
	full := strings.TrimSuffix(strings.ReplaceAll(long, " ", "-"), "-") + "-one"
	got := Slugify(long + "one")
	head := got[:strings.LastIndexByte(got, '-')]
	if !strings.HasPrefix(full, head+"-") {
		t.Errorf("%q is not cut at a word boundary of %q", got, full)
	}
}

// TestReadLongTitle reads an entry whose title is over 230 characters: its
// slug, the base of every file name, is capped.
func TestReadLongTitle(t *testing.T) {
	e, err := ReadFile("testdata/long/long-title.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Title) < 230 {
		t.Fatalf("title is only %d bytes", len(e.Title))
	}
	if s := e.SlugOrDefault(); len(s) > MaxSlugBytes || !strings.HasPrefix(s, "the-long-and-winding-history") {
		t.Errorf("slug %q (%d bytes)", s, len(s))
	}
}
