package topic

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadContractSectionFields reads sections and relevance written with
// the field names of the input contract (paragraphs, items) in JSON and
// YAML, and checks that import writes them back in the one canonical form
// (body) without losing a word.
func TestReadContractSectionFields(t *testing.T) {
	for _, name := range []string{"sections.json", "sections.yaml"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "contract", name))
			if err != nil {
				t.Fatal(err)
			}
			e, err := Read(name, data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkContractEntry(t, e)
			for _, f := range []Format{FormatJSON, FormatYAML, FormatMarkdown} {
				var out bytes.Buffer
				if err := Write(&out, e, f); err != nil {
					t.Fatal(err)
				}
				if f != FormatMarkdown && (strings.Contains(out.String(), "paragraphs") || strings.Contains(out.String(), "items:") || strings.Contains(out.String(), `"items"`)) {
					t.Errorf("%v: import did not write the canonical body form:\n%s", f, out.String())
				}
				again, err := Read("again"+map[Format]string{FormatJSON: ".json", FormatYAML: ".yaml", FormatMarkdown: ".md"}[f], out.Bytes(), Options{})
				if err != nil {
					t.Fatalf("%v: %v\n%s", f, err, out.String())
				}
				checkContractEntry(t, again)
			}
		})
	}
}

func checkContractEntry(t *testing.T, e *Entry) {
	t.Helper()
	if e.Relevance == nil || e.Relevance.Heading != "Agricultural relevance" {
		t.Fatalf("relevance: %+v", e.Relevance)
	}
	if got := paragraphTexts(e.Relevance.Body); strings.Join(got, "|") != "Irrigated land in dry regions loses yield first.|Leaching with extra water moves the salt below the roots." {
		t.Errorf("relevance paragraphs: %q", got)
	}
	if len(e.Sections) != 3 {
		t.Fatalf("sections: %d, want 3", len(e.Sections))
	}
	if got := paragraphTexts(e.Sections[0].Body); strings.Join(got, "|") != "Electrical conductivity of a saturated paste is the usual measure.|Field sensors read the bulk conductivity instead." {
		t.Errorf("Measurement: %q", got)
	}
	list := e.Sections[1].Body
	if len(list) != 1 || list[0].Kind != ListBlock || len(list[0].Items) != 3 {
		t.Fatalf("Tolerant crops: %+v", list)
	}
	if got := list[0].Items[2]; got.Text.Plain() != "Cotton" || len(got.Children) != 1 || got.Children[0].Text.Plain() != "Upland cotton" {
		t.Errorf("nested item: %+v", got)
	}
	if got := paragraphTexts(e.Sections[2].Body); len(got) != 1 || got[0] != "One Markdown string still works." {
		t.Errorf("Remarks: %q", got)
	}
}

func paragraphTexts(b Body) []string {
	var out []string
	for _, bl := range b {
		if bl.Kind == ParagraphBlock {
			out = append(out, bl.Text.Plain())
		}
	}
	return out
}

// TestReadContractFieldsTwice checks that a section or relevance giving its
// text twice is refused with both field names, in JSON and YAML.
func TestReadContractFieldsTwice(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"s.json", `{"title": "T", "sections": [{"heading": "H", "body": "b", "paragraphs": ["p"]}]}`,
			`s.json:1:59: error: a section has both "body" and "paragraphs"; give one of "body", "paragraphs" or "items"`},
		{"r.json", `{"title": "T", "relevance": {"paragraphs": ["p"], "items": ["i"]}}`,
			`r.json:1:51: error: "relevance" has both "paragraphs" and "items"; give one of "body", "paragraphs" or "items"`},
		{"s.yaml", "title: T\nsections:\n  - heading: H\n    items: [a]\n    body: b\n",
			`s.yaml:5:5: error: a section has both "items" and "body"; give one of "body", "paragraphs" or "items"`},
		{"i.json", `{"title": "T", "sections": [{"heading": "H", "items": "x"}]}`,
			`i.json:1:55: error: "items" must be a list of text, not text`},
	}
	for _, tt := range tests {
		_, err := Read(tt.name, []byte(tt.src), Options{})
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s\n got: %v\nwant: %s", tt.src, err, tt.want)
		}
	}
}

// TestReadIndentedTerms reads key concepts whose terms begin with a tab or
// four spaces (Markdown's indented code): they are trimmed and kept, with
// their definitions, instead of read as empty terms.
func TestReadIndentedTerms(t *testing.T) {
	e, err := ReadFile("testdata/contract/indented-terms.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]string{{"Tabbed term", "Defined after a tab."}, {"Four spaces", "Defined after spaces."}, {"Plain", ""}}
	if len(e.KeyConcepts) != len(want) {
		t.Fatalf("%d concepts", len(e.KeyConcepts))
	}
	for i, c := range e.KeyConcepts {
		if got := [2]string{c.Term.Plain(), c.Definition.Plain()}; got != want[i] {
			t.Errorf("concept %d: %q, want %q", i, got, want[i])
		}
	}
	for _, p := range Validate(e) {
		if strings.Contains(p.Message, "no term") {
			t.Errorf("validate: %s", p)
		}
	}
	for _, s := range []string{"\tTabbed", "    Four", "\n\n  \tx  "} {
		if got := ParseInline(s).Plain(); got != strings.TrimSpace(s) {
			t.Errorf("ParseInline(%q) = %q", s, got)
		}
	}
}
