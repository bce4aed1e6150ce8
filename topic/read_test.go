package topic

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/diag"
)

// update rewrites the golden files of the reader and writer tests:
// go test ./topic -run Golden -update
var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestReadErrors checks the one-line message, with file, line and column,
// for each kind of bad input.
func TestReadErrors(t *testing.T) {
	tests := []struct {
		file string
		want string
	}{
		{"empty.md", "testdata/bad/empty.md: error: file is empty"},
		{"binary.yaml", "testdata/bad/binary.yaml:1:9: error: not a text file: NUL byte at line 1 col 9"},
		{"latin1.md", "testdata/bad/latin1.md:1:6: error: not a text file: invalid UTF-8 at line 1 col 6"},
		{"syntax.json", "testdata/bad/syntax.json:4:3: error: JSON syntax error: invalid character '\"' after object key:value pair"},
		{"syntax.yaml", "testdata/bad/syntax.yaml:2: error: YAML syntax error: found unexpected end of stream"},
		{"type.json", "testdata/bad/type.json:3:21: error: \"core_questions\" must be a list of text, not text"},
		{"type.yaml", "testdata/bad/type.yaml:5:7: error: \"description\" must be text or a list of paragraphs, not an object"},
		{"unknown.json", "testdata/bad/unknown.json:7:3: error: unknown field \"defintion\" (did you mean \"definition\"?)"},
		{"unknown.yaml", "testdata/bad/unknown.yaml:4:5: error: unknown field \"anwser\" in an item of \"faq\" (did you mean \"answer\"?)"},
		{"notitle.json", "testdata/bad/notitle.json:1:1: error: missing title: add a \"title\" field"},
		{"notitle.yaml", "testdata/bad/notitle.yaml:2:1: error: title is empty"},
		{"multi.yaml", "testdata/bad/multi.yaml:2:1: error: more than one YAML document; an entry file holds one (remove the \"---\" line)"},
		{"mismatch.json", "testdata/bad/mismatch.json:1:1: error: expected a JSON object starting with \"{\", but the file looks like Markdown"},
		{"slug.yaml", "testdata/bad/slug.yaml:2:7: error: invalid slug \"Photo Synthesis\": use lower-case letters, digits and single dashes, e.g. \"photo-synthesis\""},
		{"date.json", "testdata/bad/date.json:2:13: error: invalid date \"1 May 2024\" for \"updated\": use YYYY-MM-DD"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			e, err := ReadFile(filepath.Join("testdata", "bad", tt.file), Options{})
			if err == nil {
				t.Fatalf("read %s: no error, got entry %q", tt.file, e.Title)
			}
			var te *diag.Error
			if !errors.As(err, &te) {
				t.Fatalf("error is %T, want *diag.Error: %v", err, err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
}

// TestReadMarkdownFrontMatterError checks that a broken front matter is
// reported at its line through the dispatch.
func TestReadMarkdownFrontMatterError(t *testing.T) {
	_, err := ReadFile("testdata/bad/frontmatter.md", Options{})
	var te *diag.Error
	if !errors.As(err, &te) {
		t.Fatalf("got %v, want a *diag.Error", err)
	}
	if te.Pos.Line != 2 || !strings.Contains(te.Message, "front matter") {
		t.Errorf("got %q, want a front matter error on line 2", err)
	}
}

func TestReadSizeLimit(t *testing.T) {
	data := []byte(`{"title": "Big", "summary": "` + strings.Repeat("x", 2000) + `"}`)
	_, err := ReadFrom("big.json", bytes.NewReader(data), Options{MaxSize: 1 << 10})
	want := "big.json: error: file is larger than 1 KiB (use --max-size to raise the limit)"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
	e, err := ReadFrom("big.json", bytes.NewReader(data), Options{MaxSize: 4 << 10})
	if err != nil || e.Title != "Big" {
		t.Fatalf("under the limit: %v", err)
	}
	if got := formatSize(DefaultMaxSize); got != "8 MiB" {
		t.Errorf("formatSize(DefaultMaxSize) = %q", got)
	}
}

// TestReadBOMAndCRLF checks that a byte order mark and Windows line ends
// are tolerated and do not shift positions.
func TestReadBOMAndCRLF(t *testing.T) {
	data := []byte("\xEF\xBB\xBFtitle: Osmosis\r\nsummary: Water moves.\r\nbogus: 1\r\n")
	_, err := Read("e.yaml", data, Options{})
	if err == nil || err.Error() != `e.yaml:3:1: error: unknown field "bogus" (known fields: title, slug, subject, lang, authors, updated, bibliography, summary, definition, scope, core_questions, key_concepts, key_theories, mechanisms, relevance, clinical_relevance, history, debates, key_figures, related_topics, seminal_works, faq, methods, related_concepts, sections)` {
		t.Fatalf("got %v", err)
	}
	e, err := Read("e.json", []byte("\xEF\xBB\xBF{\"title\": \"Osmosis\"}\r\n"), Options{})
	if err != nil || e.Title != "Osmosis" || e.Format != FormatJSON || e.Source != "e.json" {
		t.Fatalf("BOM JSON: %v %+v", err, e)
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, data string
		want       Format
		err        string
	}{
		{"a.json", "  {\"title\": \"x\"}", FormatJSON, ""},
		{"a.JSON", "{}", FormatJSON, ""},
		{"a.yaml", "title: x\n", FormatYAML, ""},
		{"a.yml", "# comment\ntitle: x\n", FormatYAML, ""},
		{"a.yaml", "{\"title\": \"x\"}", FormatYAML, ""},
		{"a.md", "# Title\n", FormatMarkdown, ""},
		{"a.markdown", "Just prose.\n", FormatMarkdown, ""},
		{"a.txt", "ScholarGate\n\nTitle\n", FormatPageText, ""},
		{"-", "{\"title\": \"x\"}", FormatJSON, ""},
		{"<stdin>", "---\ntitle: x\n---\n\nLede.\n", FormatMarkdown, ""},
		{"<stdin>", "---\ntitle: x\nsummary: y\n", FormatYAML, ""},
		{"<stdin>", "# Title\n\nLede.\n", FormatMarkdown, ""},
		{"<stdin>", "# a comment\ntitle: x\n", FormatYAML, ""},
		{"entry", "ScholarGate\nAssistent\n\nTitle\n", FormatPageText, ""},
		{"a.json", "title: x\n", "", "a.json:1:1: error: expected a JSON object starting with \"{\", but the file looks like YAML"},
		{"a.md", "\n\n{\"title\": \"x\"}", "", "a.md:3:1: error: expected Markdown, but the file looks like JSON; rename it to .json"},
		{"a.md", "title: x\nsummary: y\n", "", "a.md:1:1: error: expected Markdown, but the file looks like YAML; rename it to .yaml"},
		{"a.yaml", "---\ntitle: x\n---\n\n# X\n", "", "a.yaml:1:1: error: expected YAML, but the file looks like Markdown with front matter; rename it to .md"},
		{"a.txt", "# Title\n", "", "a.txt:1:1: error: expected page text copied from the site, but the file looks like Markdown; rename it to .md"},
	}
	for _, tt := range tests {
		got, err := DetectFormat(tt.name, []byte(tt.data))
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("DetectFormat(%q, %q) error = %v, want %s", tt.name, tt.data, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("DetectFormat(%q, %q) = %q, %v; want %q", tt.name, tt.data, got, err, tt.want)
		}
	}
}

// TestReadFileStdin checks that "-" reads standard input and names it
// "<stdin>" in messages.
func TestReadFileStdin(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old }()
	go func() {
		w.Write([]byte("title: Osmosis\nsumary: typo\n"))
		w.Close()
	}()
	_, err = ReadFile("-", Options{})
	want := `<stdin>:2:1: error: unknown field "sumary" (did you mean "summary"?)`
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
}

func TestReadFileMissing(t *testing.T) {
	_, err := ReadFile("testdata/does-not-exist.json", Options{})
	want := "testdata/does-not-exist.json: error: cannot read file: no such file or directory"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
}

// readTestFile reads file with read, failing the test or benchmark when
// it cannot, and gives the entry and the file's bytes.
func readTestFile(t testing.TB, file string, read func(string, []byte) (*Entry, error)) (*Entry, []byte) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	e, err := read(file, data)
	if err != nil {
		t.Fatal(err)
	}
	return e, data
}

// entrySeeds are the test files every entry reader's fuzzing starts
// from: real entries in all forms and every kind of bad input.
var entrySeeds = []string{"testdata/json/*", "testdata/yaml/*", "testdata/bad/*", "testdata/same/*", "testdata/seed-page.txt"}

// fuzzSeeds calls add with the name and bytes of each file the globs match.
func fuzzSeeds(f *testing.F, add func(name string, data []byte), globs ...string) {
	f.Helper()
	for _, g := range globs {
		files, _ := filepath.Glob(g)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			add(file, data)
		}
	}
}

// addSeeds adds every file the globs match as a seed.
func addSeeds(f *testing.F, globs ...string) {
	f.Helper()
	fuzzSeeds(f, func(_ string, data []byte) { f.Add(data) }, globs...)
}

// readFuzzed reads fuzz input with read. A refusal must be a *diag.Error
// with a message, never a panic or another error; it gives nil.
func readFuzzed(t *testing.T, read func(string, []byte) (*Entry, error), name string, data []byte) *Entry {
	t.Helper()
	e, err := read(name, data)
	if err != nil {
		var de *diag.Error
		if !errors.As(err, &de) || de.Message == "" {
			t.Fatalf("error is not a diag.Error: %#v", err)
		}
		return nil
	}
	return e
}

// fuzzNames are the names FuzzRead reads its input under, so dispatch by
// extension and by sniffing are both exercised.
var fuzzNames = []string{"f.json", "f.yaml", "f.md", "f.txt", "<stdin>", "f"}

func FuzzRead(f *testing.F) {
	fuzzSeeds(f, func(name string, data []byte) {
		for i, n := range fuzzNames {
			if filepath.Ext(n) == filepath.Ext(name) || n == "<stdin>" {
				f.Add(uint8(i), data)
			}
		}
	}, entrySeeds...)
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		name := fuzzNames[int(which)%len(fuzzNames)]
		e, err := Read(name, data, Options{})
		if err != nil {
			var te *diag.Error
			if !errors.As(err, &te) || te.Message == "" || te.File != name {
				t.Fatalf("error is not a positioned diag.Error for %s: %#v", name, err)
			}
			return
		}
		if strings.TrimSpace(e.Title) == "" || e.Format == "" || e.Source != name {
			t.Fatalf("entry without title, format or source: %+v", e)
		}
		Validate(e)
	})
}

// TestPlainInlineFastPath checks that the fast path for plain strings gives
// exactly what ParseInline gives, on every string of the samples and on
// strings at the edges of what it accepts.
func TestPlainInlineFastPath(t *testing.T) {
	cases := []string{
		"Tolerance", "What is it?", "1. Why?", "# tag", "- item", "+ x", "> quote", "a  b", " a", "a ",
		"x:y", "see http://example.org", "a -- b", "\"quoted\" and 'single'", "100% (approx.)",
		"Ünïcödé — dash", "a|b", "~~x~~", "a\u00a0b", "C4", "= = =", "---", "term: definition",
	}
	for _, file := range []string{"../samples/plate-tectonics.json", "../samples/cognitive-load-theory.yaml", "testdata/same/entry.json"} {
		e, err := ReadFile(file, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range append(append(e.CoreQuestions, e.KeyFigures...), e.Methods...) {
			cases = append(cases, it.Text.Plain())
		}
		for _, c := range e.KeyConcepts {
			cases = append(cases, c.Term.Plain(), c.Definition.Plain())
		}
	}
	fast := 0
	for _, s := range cases {
		if !isPlainInline(s) {
			continue
		}
		fast++
		if got, want := Plain(s), ParseInline(s); !reflect.DeepEqual(got, want) {
			t.Errorf("fast path for %q gives %+v, ParseInline gives %+v", s, got, want)
		}
	}
	if fast < 30 {
		t.Errorf("fast path taken for only %d strings", fast)
	}
}
