package topic

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// mdDump is the golden form of an entry: the model as JSON, the section
// order, and the position of everything that carries one, so a golden
// file shows where each concept, theory, question and item came from.
func mdDump(e *Entry) []byte {
	type ref struct {
		Field   Field  `json:"field"`
		Index   int    `json:"index,omitempty"`
		Heading string `json:"heading,omitempty"`
		Pos     string `json:"pos"`
	}
	var order []ref
	for _, r := range e.Order {
		order = append(order, ref{r.Field, r.Index, r.Heading, fmt.Sprintf("%d:%d", r.Pos.Line, r.Pos.Col)})
	}
	var positions []string
	mdPositions(reflect.ValueOf(*e), "", &positions)
	out, err := json.MarshalIndent(struct {
		Entry     *Entry   `json:"entry"`
		Order     []ref    `json:"order"`
		Positions []string `json:"positions"`
	}{e, order, positions}, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(out, '\n')
}

// mdPositions lists "path line:col" for every Pos inside v.
func mdPositions(v reflect.Value, path string, out *[]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			mdPositions(v.Elem(), path, out)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			mdPositions(v.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
	case reflect.Struct:
		if p, ok := v.Interface().(Pos); ok {
			*out = append(*out, fmt.Sprintf("%s %d:%d", path, p.Line, p.Col))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			// The title's and slug's positions have a test of their own
			// (TestTitleSlugPositions); the goldens list the content's.
			if f.Name == "Order" || f.Name == "TitlePos" || f.Name == "SlugPos" || f.Type == reflect.TypeOf(Text{}) || f.Type == reflect.TypeOf([][]Text{}) {
				continue
			}
			p := f.Name
			if path != "" {
				p = path + "." + f.Name
			}
			if f.Name == "Pos" {
				p = path
			}
			mdPositions(v.Field(i), p, out)
		}
	}
}

// TestMarkdownGolden reads each testdata/md/*/input.md and compares the
// model with want.json and the rewritten Markdown with want.md; the
// rewrite must read back to the same model and be byte-stable.
func TestMarkdownGolden(t *testing.T) {
	readGolden(t, "testdata/md", "input.md", ReadMarkdown, func(t *testing.T, in []byte, e *Entry) {
		mdNoWordLost(t, string(in), e)
	})
}

// readGolden reads the input of every case folder under dir with read and
// compares the model (want.json) and its Markdown (want.md) with the
// goldens, then checks the Markdown reads back to the same model; more
// runs checks of the reader's own.
func readGolden(t *testing.T, dir, input string, read func(string, []byte) (*Entry, error), more func(t *testing.T, in []byte, e *Entry)) {
	dirs, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(dirs) == 0 {
		t.Fatal("no golden cases")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join(dir, input))
			if err != nil {
				t.Fatal(err)
			}
			e, err := read(input, in)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join(dir, "want.json"), mdDump(e))
			var out bytes.Buffer
			if err := WriteMarkdown(&out, e); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join(dir, "want.md"), out.Bytes())
			mdRoundTrip(t, e)
			if more != nil {
				more(t, in, e)
			}
		})
	}
}

var mdWord = regexp.MustCompile(`[\p{L}\p{N}]+`)

// mdEntryText gathers every piece of text the entry holds: metadata,
// headings, runs, link URLs, code and code languages.
func mdEntryText(e *Entry) string {
	var b strings.Builder
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			b.WriteString(v.String() + "\n")
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i))
			}
		}
	}
	walk(reflect.ValueOf(*e))
	return b.String()
}

// mdNoWordLost checks that every word of the source outside the front
// matter is somewhere in the entry: nothing was dropped on reading.
func mdNoWordLost(t *testing.T, src string, e *Entry) {
	t.Helper()
	if strings.HasPrefix(src, "---\n") {
		if i := strings.Index(src[4:], "\n---\n"); i >= 0 {
			src = src[4+i+5:]
		}
	}
	// List numbers are kept as the list's start, and a "#" heading is
	// not content when the front matter gives the title.
	src = regexp.MustCompile(`(?m)^\s*\d+[.)]( |$)`).ReplaceAllString(src, "")
	src = regexp.MustCompile(`(?m)^# .*$`).ReplaceAllString(src, e.Title)
	have := map[string]bool{}
	for _, w := range mdWord.FindAllString(mdEntryText(e), -1) {
		have[w] = true
	}
	for _, w := range mdWord.FindAllString(src, -1) {
		if !have[w] && w != "amp" {
			t.Errorf("word %q of the source is not in the entry", w)
		}
	}
}
