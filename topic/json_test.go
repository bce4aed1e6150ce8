package topic

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestJSONGolden reads each testdata/json/*.json, writes it back and
// compares with the .golden file; the golden output must read back into
// the same model and write back byte for byte.
func TestJSONGolden(t *testing.T) {
	formGolden(t, jsonForm)
}

// objectForm is an entry form that holds the model as an object of fields
// (JSON, YAML): the same golden and fuzz checks run on each.
type objectForm struct {
	name  string // as in messages: "JSON"
	ext   string // the test files' extension, also the folder under testdata
	read  func(name string, data []byte) (*Entry, error)
	write func(io.Writer, *Entry) error
}

var (
	jsonForm = objectForm{"JSON", "json", ReadJSON, WriteJSON}
	yamlForm = objectForm{"YAML", "yaml", ReadYAML, WriteYAML}
)

// formGolden runs TestJSONGolden's checks on every test file of form.
func formGolden(t *testing.T, form objectForm) {
	files, _ := filepath.Glob("testdata/" + form.ext + "/*." + form.ext)
	if len(files) == 0 {
		t.Fatalf("no %s test files", form.name)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			e, err := ReadFile(file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := form.write(&out, e); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, strings.TrimSuffix(file, "."+form.ext)+".golden", out.Bytes())

			again, err := form.read("golden."+form.ext, out.Bytes())
			if err != nil {
				t.Fatalf("written %s does not read back: %v\n%s", form.name, err, out.Bytes())
			}
			sameEntry(t, form.ext+" → model → "+form.ext+" → model", again, inCanonicalOrder(e))
			var out2 bytes.Buffer
			if err := form.write(&out2, again); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), out2.Bytes()) {
				t.Errorf("second round trip changed the %s:\n%s\n---\n%s", form.name, out.Bytes(), out2.Bytes())
			}
		})
	}
}

// fuzzForm reads fuzz input in form; whatever it reads must write and
// read back with its title and sections.
func fuzzForm(t *testing.T, form objectForm, data []byte) {
	e := readFuzzed(t, form.read, "f."+form.ext, data)
	if e == nil {
		return
	}
	var out bytes.Buffer
	if err := form.write(&out, e); err != nil {
		t.Fatal(err)
	}
	again, err := form.read("out."+form.ext, out.Bytes())
	if err != nil {
		t.Fatalf("written %s does not read back: %v\n%s", form.name, err, out.Bytes())
	}
	if again.Title != e.Title || len(again.Order) != len(e.Order) {
		t.Fatalf("round trip changed title or sections:\n%s", out.Bytes())
	}
}

// checkGolden compares got with a golden file, or rewrites it with -update.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update if the change is intended):\n--- got\n%s\n--- want\n%s", golden, got, want)
	}
}

// TestReadJSONModel checks the decoded model of testdata/json/full.json in
// the places the golden file cannot show: positions, Order and link runs.
func TestReadJSONModel(t *testing.T) {
	e, err := ReadFile("testdata/json/full.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if e.Format != FormatJSON || e.Source != "testdata/json/full.json" {
		t.Errorf("Format, Source = %q, %q", e.Format, e.Source)
	}
	if len(e.Authors) != 1 || e.Authors[0] != "A. Botanist" {
		t.Errorf("authors given as one string: %q", e.Authors)
	}
	var order []string
	for _, r := range e.Order {
		order = append(order, string(r.Field)+"@"+itoa(r.Pos.Line))
	}
	want := "definition@10 scope@14 core_questions@15 key_concepts@19 key_theories@24 mechanisms@28 relevance@29 history@30 debates@31 key_figures@35 related_topics@36 seminal_works@40 faq@41 methods@44 related_concepts@45 sections@47 sections@48"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("Order\n got: %s\nwant: %s", got, want)
	}
	if e.Relevance == nil || e.Relevance.Heading != "Clinical relevance" || e.Relevance.Body.Plain() != "Crop yields depend on it." {
		t.Errorf("clinical_relevance: %+v", e.Relevance)
	}
	link := e.RelatedTopics[1].Text
	if len(link) != 1 || link[0].Text != "Carbon cycle" || link[0].URL != "https://example.org/carbon-cycle" {
		t.Errorf("related topic link: %+v", link)
	}
	if c := e.KeyConcepts[1]; c.Pos != (Pos{Line: 21, Col: 5}) || c.Definition.Plain() != "the light-independent reactions that fix CO₂." {
		t.Errorf("key concept: %+v", c)
	}
	if q := e.CoreQuestions[1]; len(q.Children) != 2 || q.Children[1].Text.Plain() != "Calvin cycle" {
		t.Errorf("nested item: %+v", q)
	}
	if len(e.Definition) != 2 || e.Definition[1].Text.Plain() != "Oxygen is released as a by-product." {
		t.Errorf("definition as a list of paragraphs: %+v", e.Definition)
	}
	if e.Scope != nil || !e.Has(FieldScope) || !e.Has(FieldRelatedConcepts) {
		t.Errorf("empty sections must be present in Order with no content")
	}
	if len(e.Sections) != 2 || e.Sections[1].Heading != "Notes for teachers" || e.Sections[1].Body != nil {
		t.Errorf("sections: %+v", e.Sections)
	}
}

func itoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}

// TestReadJSONErrors covers type and structure errors beyond the files in
// testdata/bad, with their exact positions.
func TestReadJSONErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{`{"title": 12}`, `e.json:1:11: error: "title" must be text, not a number`},
		{`{"title": "T", "title": "U"}`, `e.json:1:16: error: field "title" given twice (first at line 1)`},
		{"{\"title\": \"T\",\n \"key_concepts\": [{\"term\": \"A\", \"defn\": \"x\"}]}", `e.json:2:33: error: unknown field "defn" in a key concept (did you mean "definition"?)`},
		{`{"title": "T", "faq": {"question": "q"}}`, `e.json:1:23: error: "faq" must be a list of {question, answer} objects, not an object`},
		{`{"title": "T", "debates": [true]}`, `e.json:1:28: error: items of "debates" must be {question, answer} objects, not true/false`},
		{`{"title": "T", "sections": [{"body": "b"}]}`, `e.json:1:29: error: a section needs a "heading"`},
		{`{"title": "T", "relevance": "a", "clinical_relevance": "b"}`, `e.json:1:34: error: "relevance" and "clinical_relevance" are the same section; give only one`},
		{`{"title": "T", "authors": [1]}`, `e.json:1:28: error: items of "authors" must be text, not a number`},
		{`{"title": "T"} {}`, `e.json:1:16: error: JSON syntax error: invalid character '{' after top-level value`},
		{`{"title": "T"`, `e.json:1:14: error: JSON syntax error: unexpected end of JSON input`},
		{`[1, 2]`, `e.json:1:1: error: expected a JSON object starting with "{"`},
		{"{\n  \"title\": \"Ünïcödé\", \"x\": 1}", `e.json:2:23: error: unknown field "x" (known fields: title, slug, subject, lang, authors, updated, bibliography, summary, definition, scope, core_questions, key_concepts, key_theories, mechanisms, relevance, clinical_relevance, history, debates, key_figures, related_topics, seminal_works, faq, methods, related_concepts, sections)`},
	}
	for _, tt := range tests {
		_, err := ReadJSON("e.json", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("ReadJSON(%s)\n got: %v\nwant: %s", tt.src, err, tt.want)
		}
	}
}

func FuzzReadJSON(f *testing.F) {
	fuzzSeeds(f, func(name string, data []byte) {
		if strings.HasSuffix(name, ".json") {
			f.Add(data)
		}
	}, entrySeeds...)
	f.Fuzz(func(t *testing.T, data []byte) {
		if s := string(data); isPlainInline(s) && !reflect.DeepEqual(Plain(s), ParseInline(s)) {
			t.Fatalf("inline fast path differs from ParseInline for %q", s)
		}
		fuzzForm(t, jsonForm, data)
	})
}
