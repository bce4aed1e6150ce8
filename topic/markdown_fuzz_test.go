package topic

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// mdRoundTrip checks that writing an entry and reading it back gives
// the same entry, and that writing again gives the same bytes.
func mdRoundTrip(t *testing.T, e *Entry) {
	t.Helper()
	var w1 bytes.Buffer
	if err := WriteMarkdown(&w1, e); err != nil {
		t.Fatalf("write: %v", err)
	}
	e2, err := ReadMarkdown("rewritten.md", w1.Bytes())
	if err != nil {
		t.Fatalf("reading the written Markdown: %v\n%s", err, w1.String())
	}
	if !sameMarkdownEntry(t, "Markdown → model → Markdown → model", e2, e) {
		t.Fatalf("written Markdown:\n%s", w1.String())
	}
	var w2 bytes.Buffer
	if err := WriteMarkdown(&w2, e2); err != nil {
		t.Fatalf("write: %v", err)
	}
	if w1.String() != w2.String() {
		t.Fatalf("second write differs:\n%s\n---\n%s", w1.String(), w2.String())
	}
}

func FuzzReadMarkdown(f *testing.F) {
	addSeeds(f, "testdata/md/*/input.md", "../samples/*.md")
	f.Fuzz(func(t *testing.T, data []byte) {
		if e := readFuzzed(t, ReadMarkdown, "fuzz.md", data); e != nil {
			mdRoundTrip(t, e)
		}
	})
}

func FuzzReadPageText(f *testing.F) {
	addSeeds(f, "testdata/seed-page.txt", "testdata/page/*/input.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		e := readFuzzed(t, ReadPageText, "fuzz.txt", data)
		if e == nil {
			return
		}
		// Every word on a line that is not navigation is in the entry.
		have := map[string]bool{}
		for _, w := range mdWord.FindAllString(mdEntryText(e), -1) {
			have[w] = true
		}
		for _, line := range strings.Split(string(data), "\n") {
			if isChrome(strings.TrimSpace(line)) {
				continue
			}
			for _, w := range mdWord.FindAllString(line, -1) {
				if !have[w] {
					t.Fatalf("word %q of line %q is not in the entry", w, line)
				}
			}
		}
		mdRoundTrip(t, e)
	})
}

func FuzzParseBody(f *testing.F) {
	addSeeds(f, "testdata/md/*/input.md")
	f.Fuzz(func(t *testing.T, data []byte) {
		_, b2, out := reparsed(t, string(data), ParseBody, FormatBody)
		if again := FormatBody(b2); again != out {
			t.Fatalf("second format differs:\n%q\n%q", out, again)
		}
	})
}

func FuzzParseInline(f *testing.F) {
	for _, s := range []string{"**a** *b* `c` [d](http://x) <http://y>", "*a **b** c*", "a_b \\* &amp; <b>", "1. not a list", "# not a heading"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		tx, _, out := reparsed(t, src, ParseInline, FormatInline)
		if strings.Contains(out, "\n") && !strings.Contains(tx.Plain(), "\n") {
			t.Fatalf("a single line became several: %q", out)
		}
	})
}

// reparsed parses src, formats it and parses the result, and fails the
// test unless both parses give the same model (compared as JSON); it
// gives both models and the formatted text.
func reparsed[T any](t *testing.T, src string, parse func(string) T, format func(T) string) (first, second T, out string) {
	t.Helper()
	first = parse(src)
	out = format(first)
	second = parse(out)
	j1, _ := json.Marshal(first)
	j2, _ := json.Marshal(second)
	if !bytes.Equal(j1, j2) {
		t.Fatalf("round trip changed the model\nsource: %q\nwritten: %q\n%s\n%s", src, out, j1, j2)
	}
	return first, second, out
}
