package topic

import (
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/diag"
)

func TestValidate(t *testing.T) {
	src := `title: Osmosis
definition: ""
core_questions:
  - Why does water move
key_concepts:
  - Osmotic pressure
  - term: Tonicity
    definition: the relative concentration of solutes.
  - osmotic pressure
key_theories:
  - name: Van 't Hoff law
debates:
  - question: Is aquaporin transport the main route?
faq:
  - question: What is a semipermeable membrane?
    answer: A membrane that lets water through but not solutes.
  - question: Why do cells burst?
  - answer: An answer without its question.
sections:
  - heading: Lab notes
    body: Use a potato.
  - heading: lab notes
  - heading: Scope
    body: Only plant cells.
`
	e, err := ReadYAML("osmosis.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range Validate(e) {
		got = append(got, p.String())
	}
	want := []string{
		`osmosis.yaml:2:1: warning: section "Definition" is empty; add content or remove it`,
		`osmosis.yaml:4:5: warning: core question "Why does water move" does not end with "?"`,
		`osmosis.yaml:6:5: warning: key concept "Osmotic pressure" has no definition; the glossary will look for one in the text and mark it for review`,
		`osmosis.yaml:9:5: warning: key concept "osmotic pressure" is listed twice (first at line 6)`,
		`osmosis.yaml:9:5: warning: key concept "osmotic pressure" has no definition; the glossary will look for one in the text and mark it for review`,
		`osmosis.yaml:11:5: warning: key theory "Van 't Hoff law" has no description`,
		`osmosis.yaml:13:5: warning: debate "Is aquaporin transport the main route?" has no answer`,
		`osmosis.yaml:17:5: warning: FAQ item "Why do cells burst?" has no answer`,
		`osmosis.yaml:18:5: warning: FAQ item has no question`,
		`osmosis.yaml:22:5: warning: section "lab notes" appears twice (first at line 20); merge the two`,
		`osmosis.yaml:22:5: warning: section "lab notes" is empty; add content or remove it`,
		`osmosis.yaml:23:5: warning: section "Scope" is a known section; give it as "scope" so layouts treat it as one`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestValidateClean checks that a complete entry has no problems at all,
// and that an entry built in code is held to the readers' rules.
func TestValidateClean(t *testing.T) {
	e, err := ReadFile("testdata/same/entry.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Validate(e) {
		if p.Severity == diag.SeverityError || !strings.Contains(p.Message, "has no definition") && !strings.Contains(p.Message, "Related topics") {
			t.Errorf("unexpected problem: %s", p)
		}
	}
	built := &Entry{Slug: "Bad Slug", Updated: "yesterday", Lang: "english please"}
	var got []string
	for _, p := range Validate(built) {
		got = append(got, p.String())
	}
	want := []string{
		`<input>: error: missing title`,
		`<input>: error: invalid slug "Bad Slug": use lower-case letters, digits and single dashes, e.g. "bad-slug"`,
		`<input>: error: invalid date "yesterday" for "updated": use YYYY-MM-DD`,
		`<input>: warning: lang "english please" is not a language tag such as "en" or "sv"; labels will be in English`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
