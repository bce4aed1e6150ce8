package bib

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/scholargate/topicdeck/diag"
)

// addSeeds adds every testdata file with one of the extensions to the
// fuzz corpus, so the fuzzers start from realistic bibliographies.
func addSeeds(f *testing.F, exts ...string) {
	for _, ext := range exts {
		files, _ := filepath.Glob(filepath.Join("testdata", "*"+ext))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

// checkLibrary asserts what must hold for any library a reader returns.
func checkLibrary(t *testing.T, lib *Library, err error) {
	if err != nil {
		var te *diag.Error
		if !errors.As(err, &te) {
			t.Fatalf("error %T is not a *diag.Error: %v", err, err)
		}
		if lib != nil {
			t.Fatal("library returned with an error")
		}
		return
	}
	for _, e := range lib.Entries() {
		if e.Key == "" || !e.Pos.IsValid() {
			t.Fatalf("entry without key or position: %+v", e)
		}
		if got, ok := lib.Lookup(e.Key); !ok || got == nil {
			t.Fatalf("entry %q cannot be looked up", e.Key)
		}
		for field, spans := range e.Protected {
			for _, sp := range spans {
				if sp.Start < 0 || sp.End > len(e.Fields[field]) || sp.Start > sp.End {
					t.Fatalf("span %v outside %s %q", sp, field, e.Fields[field])
				}
			}
		}
		for _, lang := range []string{"en", "sv"} {
			text := APA(e, lang)
			if text.Plain() == "" {
				t.Fatalf("empty APA reference for %q", e.Key)
			}
			if !utf8.ValidString(text.Plain()) {
				t.Fatalf("invalid UTF-8 in reference for %q", e.Key)
			}
		}
	}
}

func FuzzParseBibTeX(f *testing.F) {
	addSeeds(f, ".bib")
	for _, s := range []string{
		"@misc{k, title = {A {B} \\\"o \\'{\\i} -- --- ~}}",
		"@string{x = \"a\" # {b}} @misc(k, note = x # jan)",
		"@comment{ {nested} } @preamble{\"x\"} @article{a, author = {von der A, Jr, B and others}}",
		"@misc{k, title = {\\", "@misc{k, title = \"{\"}\"}", "@", "@misc{", "{}}}@misc{k,}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lib, err := ParseBibTeX("fuzz.bib", data)
		checkLibrary(t, lib, err)
	})
}

func FuzzParseCSLJSON(f *testing.F) {
	addSeeds(f, ".json")
	for _, s := range []string{
		`[]`, `[{"id": 1, "issued": {"date-parts": [[]]}}]`, `[{"id": "a", "author": [{}], "title": "<span class=\"nocase\">x</span"}]`,
		`[{"id": "a", "issued": {"raw": "c. 1999"}, "type": "thesis", "genre": "Master's thesis"}]`, `[{"id": "a"},`, `{`, "\ufeff[]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lib, err := ParseCSLJSON("fuzz.json", data)
		checkLibrary(t, lib, err)
	})
}

// FuzzSentenceCase checks that sentence-casing any decoded LaTeX keeps the
// text's letters (only their case may change) and never panics.
func FuzzSentenceCase(f *testing.F) {
	for _, s := range []string{"Neural Mechanisms of Addiction: The Role", "{DNA} of {\\\"O}", "ǅ ß İ ﬁ", "a:b?c!"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		text, spans := decodeLaTeX(raw)
		out := sentenceCase(text, spans)
		if utf8.RuneCountInString(out) != utf8.RuneCountInString(text) {
			t.Fatalf("sentenceCase changed the length of %q: %q", text, out)
		}
	})
}
