package topic

import (
	"strings"
	"testing"
)

// TestYAMLGolden is TestJSONGolden for the YAML form.
func TestYAMLGolden(t *testing.T) {
	formGolden(t, yamlForm)
}

// TestReadYAMLModel checks what YAML adds over JSON: unquoted scalars,
// aliases, folded and literal blocks, null values and positions.
func TestReadYAMLModel(t *testing.T) {
	e, err := ReadFile("testdata/yaml/full.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if e.Updated != "2025-09-01" || e.Lang != "sv" {
		t.Errorf("updated, lang = %q, %q", e.Updated, e.Lang)
	}
	if got := e.Summary.Plain(); got != "Folded text is joined into one paragraph." {
		t.Errorf("folded summary = %q", got)
	}
	if len(e.Definition) != 2 || e.Definition[0].Text[1].Style != Italic {
		t.Errorf("literal definition: %+v", e.Definition)
	}
	if got := e.CoreQuestions[1].Text.Plain(); got != "42" {
		t.Errorf("number as text = %q", got)
	}
	if got := e.RelatedTopics[0].Text.Plain(); got != "Working memory" {
		t.Errorf("alias = %q", got)
	}
	if e.Relevance.Heading != "Educational relevance" || len(e.Relevance.Body) != 2 {
		t.Errorf("relevance: %+v", e.Relevance)
	}
	if th := e.KeyTheories[0]; th.Pos != (Pos{Line: 24, Col: 5}) || len(th.Description) != 2 || th.Description[1].Kind != QuoteBlock {
		t.Errorf("theory: %+v", th)
	}
	if r, _ := e.Ref(FieldScope); r.Pos != (Pos{Line: 14, Col: 1}) || e.Scope != nil {
		t.Errorf("empty scope: %+v", r)
	}
	if e.Sections[0].Body[0].Kind != ListBlock {
		t.Errorf("section body: %+v", e.Sections[0].Body)
	}
}

func TestReadYAMLErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"- title: x\n", `e.yaml:1:1: error: an entry must be an object of fields (title, summary, ...), not a list`},
		{"just text\n", `e.yaml:1:1: error: an entry must be an object of fields (title, summary, ...), not text`},
		{"# only a comment\n", `e.yaml:1:1: error: no fields: the YAML document is empty`},
		{"title: T\ntitle: U\n", `e.yaml:2:1: error: field "title" given twice (first at line 1)`},
		{"title: [a, b]\n", `e.yaml:1:8: error: "title" must be text, not a list`},
		{"title: T\nkey_concepts:\n  - term: A\n    defintion: x\n", `e.yaml:4:5: error: unknown field "defintion" in a key concept (did you mean "definition"?)`},
		{"title: T\nsections:\n  - heading: H\n    body: {a: 1}\n", `e.yaml:4:11: error: "body" must be text or a list of paragraphs, not an object`},
		{"title: T\n<<: {a: 1}\n", `e.yaml:2:1: error: unknown field "<<" (known fields: title, slug, subject, lang, authors, updated, bibliography, summary, definition, scope, core_questions, key_concepts, key_theories, mechanisms, relevance, clinical_relevance, history, debates, key_figures, related_topics, seminal_works, faq, methods, related_concepts, sections)`},
		{"title: T\n  bad: indent\n", `e.yaml:2: error: YAML syntax error: mapping values are not allowed in this context`},
		{"title: T\nTitle: U\n", `e.yaml:2:1: error: unknown field "Title" (did you mean "title"?)`},
		{"title: T\nkey-concepts: []\n", `e.yaml:2:1: error: unknown field "key-concepts" (did you mean "key_concepts"?)`},
	}
	for _, tt := range tests {
		_, err := ReadYAML("e.yaml", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("ReadYAML(%q)\n got: %v\nwant: %s", tt.src, err, tt.want)
		}
	}
}

// TestReadYAMLAliasBomb checks that aliases expanding to a huge tree are
// refused instead of exhausting memory.
func TestReadYAMLAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("title: T\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("x" + itoa(i) + ": &a" + itoa(i) + " [")
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	_, err := ReadYAML("bomb.yaml", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "error: too many values: aliases expand the document to more than") {
		t.Fatalf("alias bomb: %v", err)
	}
}

func FuzzReadYAML(f *testing.F) {
	fuzzSeeds(f, func(name string, data []byte) {
		if strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".json") {
			f.Add(data)
		}
	}, entrySeeds...)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzForm(t, yamlForm, data)
	})
}
