package topic

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/diag"
)

func TestReadMarkdownErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown key", "---\ntitle: X\ncolour: red\n---\n", `e.md:3:1: error: unknown front matter key "colour"`},
		{"misspelt key", "---\ntitel: X\n---\n", `e.md:2:1: error: unknown front matter key "titel" (did you mean "title"?)`},
		{"unknown key, nothing close", "---\ntitle: X\ncolour: red\n---\n", `e.md:3:1: error: unknown front matter key "colour"; known keys are title, slug, subject, lang, authors, updated, bibliography`},
		{"wrong type", "---\ntitle: [a, b]\n---\n", `e.md:2:8: error: front matter "title" must be text, not a list`},
		{"authors mapping", "---\ntitle: X\nauthors:\n  name: A\n---\n", `e.md:4:3: error: front matter "authors" must be a list of names or one name, not a mapping`},
		{"authors nested list", "---\ntitle: X\nauthors:\n  - [A, B]\n---\n", `e.md:4:5: error: front matter "authors" must be text, not a list`},
		{"bad date", "---\ntitle: X\nupdated: last week\n---\n", `e.md:3:10: error: updated must be an ISO 8601 date`},
		{"yaml syntax", "---\ntitle: X\nsubject: \"open\n---\n", `e.md:3: error: front matter: found unexpected end of stream`},
		{"not a mapping", "---\n- a\n- b\n---\n", `e.md:2:1: error: front matter must be`},
		{"duplicate key", "---\ntitle: X\ntitle: Y\n---\n", `e.md:3:1: error: front matter key "title" given twice (first at line 2)`},
		{"unclosed", "---\ntitle: X\n\n# X\n", `e.md:1:1: error: front matter opened with "---" is never closed`},
		{"no title", "Just a lede.\n\n## Definition\n\nText.\n", "e.md:1:1: error: no title: add `title:` to the front matter or a `# Title` heading"},
		{"empty title", "#\n\nText.\n", "e.md:1:1: error: no title"},
		{"h1 differs from title", "---\ntitle: X\n---\n\n# Y\n", "e.md:5:1: error: the `#` heading \"Y\" differs from the front matter's title \"X\""},
		{"second h1", "# X\n\n## Definition\n\nText.\n\n# Y\n", "e.md:7:1: error: a second `#` heading"},
		{"late h1", "## A\n\nText.\n\n# T\n", "e.md:5:1: error: the `# Title` heading must come before the first `##` section"},
		{"front matter after blank line", "\n---\ntitle: x\n---\n", "e.md:1:1: error: no title"},
		{"second h1 in summary", "# X\n\nLede.\n\n# Y\n", "e.md:5:1: error: a second `#` heading"},
		{"concept with children", "# X\n\n## Key concepts\n\n- Tolerance\n  - nested\n", `e.md:5:1: error: key concept "Tolerance" has nested content`},
		{"theory without heading", "# X\n\n## Key theories\n\nSome intro.\n\n### T\n", "e.md:5:1: error: key theories: give each theory a `### Name` heading"},
		{"faq text first", "# X\n\n## FAQ\n\nIntro.\n\n### Q?\n\nA.\n", "e.md:5:1: error: FAQ: start each question with a `### Question?` heading"},
		{"invalid utf8", "# X\n\nab\xffc\n", "e.md:3:3: error: not a text file: invalid UTF-8"},
		{"nul", "# X\x00\n", "e.md:1:4: error: not a text file: NUL byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadMarkdown("e.md", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; want %q", tt.want)
			}
			if _, ok := err.(*diag.Error); !ok {
				t.Errorf("error is %T, not *diag.Error", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q;\nwant prefix %q", err.Error(), tt.want)
			}
		})
	}
}

func TestReadMarkdownTitle(t *testing.T) {
	tests := []struct{ src, title, summary string }{
		{"# From heading\n\nLede.\n", "From heading", "Lede."},
		{"---\ntitle: From front matter\n---\n\n# From  front matter\n\nLede.\n", "From front matter", "Lede."},
		{"---\ntitle: Only front matter\n---\n\nLede.\n", "Only front matter", "Lede."},
		{"Lede first.\n\n# Late *title*\n", "Late title", "Lede first."},
		{"---\n---\n# Empty front matter\n", "Empty front matter", ""},
		{"---\ntitle: CRLF\r\nlang: sv\r\n---\r\n\r\nLede.\r\n", "CRLF", "Lede."},
		{"\uFEFF# BOM\n", "BOM", ""},
	}
	for _, tt := range tests {
		e, err := ReadMarkdown("t.md", []byte(tt.src))
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		if e.Title != tt.title || e.Summary.Plain() != tt.summary {
			t.Errorf("%q: title %q summary %q; want %q %q", tt.src, e.Title, e.Summary.Plain(), tt.title, tt.summary)
		}
	}
}

// TestReadMarkdownListSectionProse checks that prose in a list section is
// kept as items, and blocks after a list join its last item.
func TestReadMarkdownListSectionProse(t *testing.T) {
	src := "# X\n\n## Core questions\n\nWhy is the sky blue?\n\n- Why is grass green?\n\n```\ncode\n```\n\n### Grouped\n"
	e, err := ReadMarkdown("x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range e.CoreQuestions {
		got = append(got, it.Text.Plain())
	}
	if strings.Join(got, "|") != "Why is the sky blue?|Why is grass green?|Grouped" {
		t.Errorf("items = %q", got)
	}
	if b := e.CoreQuestions[1].Blocks; len(b) != 1 || b[0].Code != "code" {
		t.Errorf("code block not kept with its item: %#v", e.CoreQuestions[1])
	}
	if e.CoreQuestions[0].Pos != (Pos{Line: 5, Col: 1}) || e.CoreQuestions[1].Pos != (Pos{Line: 7, Col: 1}) {
		t.Errorf("positions %v %v", e.CoreQuestions[0].Pos, e.CoreQuestions[1].Pos)
	}
}

// TestWriteMarkdownFromGo checks an entry built in Go, without Order:
// sections come in the canonical order with headings in the entry's
// language, and the result reads back to the same content.
func TestWriteMarkdownFromGo(t *testing.T) {
	e := &Entry{
		Title:       "Minne",
		Lang:        "sv",
		Summary:     Paragraphs("Ingress."),
		FAQ:         []QA{{Question: Plain("Varför?"), Answer: Paragraphs("Därför.")}},
		Definition:  Paragraphs("Definitionen."),
		KeyConcepts: []Concept{{Term: Plain("Kodning"), Definition: Plain("att lagra")}, {Term: Plain("Tid: 10:30")}},
		Relevance:   &Relevance{Heading: "Pedagogisk relevans", Body: Paragraphs("Viktigt.")},
		Sections:    []Section{{Heading: "Övning", Body: Paragraphs("Gör så här.")}},
		Order:       []SectionRef{{Field: FieldSection, Index: 0, Heading: "Övning"}},
	}
	var b bytes.Buffer
	if err := WriteMarkdown(&b, e); err != nil {
		t.Fatal(err)
	}
	want := "---\ntitle: Minne\nlang: sv\n---\n\n# Minne\n\nIngress.\n\n## Övning\n\nGör så här.\n\n## Definition\n\nDefinitionen.\n\n" +
		"## Nyckelbegrepp\n\n- **Kodning**: att lagra\n- **Tid: 10:30**\n\n## Pedagogisk relevans\n\nViktigt.\n\n## Vanliga frågor\n\n### Varför?\n\nDärför.\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	back, err := ReadMarkdown("minne.md", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if back.KeyConcepts[1].Term.Plain() != "Tid: 10:30" || len(back.KeyConcepts[1].Definition) != 0 {
		t.Errorf("bare term with a colon split on reading: %#v", back.KeyConcepts[1])
	}
	mdRoundTrip(t, back)
}

// TestMarkdownSamples reads the Markdown samples: each must round-trip and
// keep every word; the neuroadaptation sample must hold exactly the seed
// page's content, and the Swedish sample every known section.
func TestMarkdownSamples(t *testing.T) {
	files, _ := filepath.Glob("../samples/*.md")
	if len(files) < 2 {
		t.Fatalf("Markdown samples: %v", files)
	}
	for _, file := range files {
		e, data := readTestFile(t, file, ReadMarkdown)
		mdRoundTrip(t, e)
		mdNoWordLost(t, string(data), e)
	}

	seed, _ := readTestFile(t, "testdata/seed-page.txt", ReadPageText)
	sample, _ := readTestFile(t, "../samples/neuroadaptation-and-tolerance.md", ReadMarkdown)
	if sample.Subject != "Neuroscience of addiction" || sample.Lang != "en" || sample.Bibliography != "neuroadaptation.bib" {
		t.Errorf("front matter: %q %q %q", sample.Subject, sample.Lang, sample.Bibliography)
	}
	sample.Slug, sample.Subject, sample.Lang, sample.Bibliography = "", "", "", ""
	sameMarkdownEntry(t, "Markdown sample vs the page text", sample, seed)

	sv, _ := readTestFile(t, "../samples/ekologisk-succession.md", ReadMarkdown)
	if sv.Lang != "sv" {
		t.Errorf("lang = %q", sv.Lang)
	}
	for _, f := range Fields {
		r, ok := sv.Ref(f)
		if !ok || formatField(sv, r.Field) == "" {
			t.Errorf("Swedish sample lacks section %q", f)
		}
	}
	if sv.Relevance.Heading != "Pedagogisk relevans" {
		t.Errorf("relevance heading %q", sv.Relevance.Heading)
	}
	defs := 0
	for _, c := range sv.KeyConcepts {
		if len(c.Definition) > 0 {
			defs++
		}
	}
	if defs != 5 || len(sv.KeyConcepts) != 6 || len(sv.KeyTheories) < 2 {
		t.Errorf("concepts %d (with definition %d), theories %d", len(sv.KeyConcepts), defs, len(sv.KeyTheories))
	}
	if len(sv.Sections) != 1 {
		t.Fatalf("generic sections: %d", len(sv.Sections))
	}
	kinds := map[BlockKind]bool{}
	for _, b := range sv.Sections[0].Body {
		kinds[b.Kind] = true
		if b.Kind == ListBlock && len(b.Items[0].Children) != 2 {
			t.Errorf("nested list lost its children: %#v", b.Items[0])
		}
	}
	if !kinds[TableBlock] || !kinds[ListBlock] || !kinds[CodeBlock] {
		t.Errorf("generic section lacks a table, list or code block: %v", kinds)
	}
}
