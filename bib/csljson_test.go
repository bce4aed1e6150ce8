package bib

import (
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/diag"
)

func TestCSLJSONItems(t *testing.T) {
	src := `[
  {"id": "a", "type": "article-journal", "title": "T <i>in vivo</i>", "author": [{"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}, {"literal": "WHO"}, {"given": "Plato"}],
   "issued": {"date-parts": [["2001", "3", 1]]}, "volume": 4, "issue": "2", "page": "1-3", "container-title": "J", "DOI": "10.1/x"},
  {"id": 42, "type": "chapter", "title": "C", "container-title": "B", "editor": [{"family": "Ed", "given": "E"}], "issued": {"literal": "circa 1999"}},
  {"id": "t", "type": "thesis", "genre": "Licentiate thesis", "title": "L", "publisher": "KTH", "issued": {"raw": "2020-05"}},
  {"id": "d", "type": "dataset", "title": "D", "edition": 2}
]`
	lib, err := ParseCSLJSON("refs.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if lib.Len() != 4 {
		t.Fatalf("%d entries, want 4", lib.Len())
	}
	a, _ := lib.Lookup("a")
	if a.Type != "article" || a.Field("volume") != "4" || a.Field("number") != "2" || a.Field("year") != "2001" || a.Field("month") != "March" {
		t.Errorf("article fields %+v", a.Fields)
	}
	if a.Field("title") != "T in vivo" {
		t.Errorf("rich-text tags not removed: %q", a.Field("title"))
	}
	want := []Name{{Given: "Vincent", Particle: "van", Family: "Gogh"}, {Literal: "WHO"}, {Literal: "Plato"}}
	if len(a.Authors) != 3 || a.Authors[0] != want[0] || a.Authors[1] != want[1] || a.Authors[2] != want[2] {
		t.Errorf("authors %+v, want %+v", a.Authors, want)
	}
	if a.Pos != (diag.Pos{Line: 2, Col: 3}) || a.File != "refs.json" {
		t.Errorf("position %s:%v", a.File, a.Pos)
	}
	if got := APA(a, "en").Plain(); got != "van Gogh, V., WHO, & Plato. (2001). T in vivo. J, 4(2), 1–3. https://doi.org/10.1/x" {
		t.Errorf("APA %q", got)
	}
	c, ok := lib.Lookup("42")
	if !ok || c.Type != "incollection" || c.Field("booktitle") != "B" || c.Field("year") != "1999" || c.Pos.Line != 4 {
		t.Errorf("numeric id / chapter: %+v", c)
	}
	th, _ := lib.Lookup("t")
	// No author: the title moves to the front; a genre that is not generic
	// is printed as written.
	if got := markup(APA(th, "sv")); got != "*L* [Licentiate thesis, KTH]. (2020)." {
		t.Errorf("thesis %q", got)
	}
	d, _ := lib.Lookup("d")
	if d.Type != "misc" || d.SourceType != "dataset" || d.Field("edition") != "2" {
		t.Errorf("dataset %+v", d)
	}
}

func TestCSLJSONErrors(t *testing.T) {
	checkParseErrors(t, "r.json", ParseCSLJSON, []parseError{
		{"object not array", `{"id": "a"}`, "r.json:1:1: error: CSL-JSON must be an array of items, found an object"},
		{"syntax", "[\n  {\"id\": \"a\",}\n]", "r.json:2:14: error: JSON syntax: invalid character '}'"},
		{"wrong type", "[\n  {\"id\": \"a\", \"author\": \"Koob\"}\n]", "r.json:2:25: error: field \"author\": expected an array, found string"},
		{"missing id", "[{\"title\": \"T\"}]", "r.json:1:2: error: CSL-JSON item has no \"id\""},
		{"item not object", "[\n  \"koob\"\n]", "r.json:2:3: error: each CSL-JSON item must be an object"},
		{"not closed", "[{\"id\": \"a\"}", "r.json:1:13: error: unexpected end of file"},
		{"trailing text", "[] x", "r.json:1:4: error: unexpected text after the CSL-JSON array"},
		{"bad volume", "[{\"id\": \"a\", \"volume\": true}]", "r.json:1:24: error: field \"volume\": expected a string, found bool"},
		{"bad nested", "[{\"id\": \"a\",\n \"author\": [{\"family\": 3}]}]", "r.json:2:12: error: field \"author.family\": expected a string, found number"},
		{"empty", "", "r.json:1:1: error: unexpected end of file"},
	})
}

func TestCSLJSONDuplicateKey(t *testing.T) {
	lib, err := ParseCSLJSON("r.json", []byte(`[{"id": "a", "title": "One"}, {"id": "a", "title": "Two"}]`))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := lib.Lookup("a")
	w := lib.Warnings()
	if e.Field("title") != "One" || len(w) != 1 || !strings.Contains(w[0].String(), `r.json:1:31: warning: duplicate citation key "a"`) {
		t.Errorf("title %q, warnings %v", e.Field("title"), w)
	}
}
