package topic

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/diag"
)

// mdSameEntry compares two entries ignoring positions, source and format:
// the JSON form holds every field but those, and Order is compared apart.
func mdSameEntry(t *testing.T, a, b *Entry) bool {
	t.Helper()
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Errorf("entries differ:\n%s\n%s", ja, jb)
		return false
	}
	if len(a.Order) != len(b.Order) {
		t.Errorf("order differs: %v vs %v", a.Order, b.Order)
		return false
	}
	for i := range a.Order {
		ra, rb := a.Order[i], b.Order[i]
		ra.Pos, rb.Pos = Pos{}, Pos{}
		if ra != rb {
			t.Errorf("order[%d] differs: %+v vs %+v", i, ra, rb)
			return false
		}
	}
	return true
}

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
	if !mdSameEntry(t, e, e2) {
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

// mdFuzzSeeds adds every file in the given testdata directories as a seed.
func mdFuzzSeeds(f *testing.F, globs ...string) {
	for _, g := range globs {
		files, _ := filepath.Glob(g)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

func FuzzReadMarkdown(f *testing.F) {
	mdFuzzSeeds(f, "testdata/md/*/input.md", "../samples/*.md")
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := ReadMarkdown("fuzz.md", data)
		if err != nil {
			if _, ok := err.(*diag.Error); !ok {
				t.Fatalf("error is not a *diag.Error: %v", err)
			}
			return
		}
		mdRoundTrip(t, e)
	})
}

func FuzzReadPageText(f *testing.F) {
	mdFuzzSeeds(f, "testdata/seed-page.txt", "testdata/page/*/input.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := ReadPageText("fuzz.txt", data)
		if err != nil {
			if _, ok := err.(*diag.Error); !ok {
				t.Fatalf("error is not a *diag.Error: %v", err)
			}
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
	mdFuzzSeeds(f, "testdata/md/*/input.md")
	f.Fuzz(func(t *testing.T, data []byte) {
		src := string(data)
		b := ParseBody(src)
		out := FormatBody(b)
		b2 := ParseBody(out)
		j1, _ := json.Marshal(b)
		j2, _ := json.Marshal(b2)
		if !bytes.Equal(j1, j2) {
			t.Fatalf("round trip changed the body\nsource: %q\nwritten: %q\n%s\n%s", src, out, j1, j2)
		}
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
		tx := ParseInline(src)
		out := FormatInline(tx)
		back := ParseInline(out)
		j1, _ := json.Marshal(tx)
		j2, _ := json.Marshal(back)
		if !bytes.Equal(j1, j2) {
			t.Fatalf("source %q\nwritten %q\n%s\n%s", src, out, j1, j2)
		}
		if strings.Contains(out, "\n") && !strings.Contains(tx.Plain(), "\n") {
			t.Fatalf("a single line became several: %q", out)
		}
	})
}
