package bib

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/topic"
)

func seedEntry(source string) *topic.Entry {
	return &topic.Entry{
		Title:        "Neuroadaptation and Tolerance",
		Source:       source,
		Bibliography: "neuroadaptation.bib",
		SeminalWorks: []topic.Item{
			{Text: topic.Plain("koob-2009-neurocircuitry"), Pos: diag.Pos{Line: 40, Col: 3}},
			{Text: topic.Plain("hyman-2006"), Pos: diag.Pos{Line: 41, Col: 3}},
			{Text: topic.Plain("nestler-2005-missing"), Pos: diag.Pos{Line: 42, Col: 3}},
			{Text: topic.Text{{Text: "Olds & Milner (1954), "}, {Text: "Positive reinforcement", Style: topic.Italic}}, Pos: diag.Pos{Line: 43, Col: 3}},
		},
	}
}

func TestResolve(t *testing.T) {
	lib, err := LoadFile("testdata/neuroadaptation.bib")
	if err != nil {
		t.Fatal(err)
	}
	e := seedEntry("topics/neuro.md")
	refs, problems := Resolve(e, lib)
	if len(refs) != 4 {
		t.Fatalf("%d references, want 4", len(refs))
	}
	if r := refs[0]; !r.Found || !r.IsKey || r.Key != "koob-2009-neurocircuitry" || markup(r.Text) != seedReferences["koob-2009-neurocircuitry"] {
		t.Errorf("found key: %+v", r)
	}
	if r := refs[2]; r.Found || !r.IsKey || r.Text.Plain() != "Nestler (2005) — missing [unresolved reference]" {
		t.Errorf("unresolved key: %+v", r)
	}
	if r := refs[3]; r.IsKey || r.Found || !reflect.DeepEqual(r.Text, e.SeminalWorks[3].Text) {
		t.Errorf("free text must be printed as written, styles kept: %+v", r)
	}
	want := []string{`topics/neuro.md:42:3: warning: seminal work "nestler-2005-missing" is not in the bibliography`}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}
}

func TestResolveSwedishWithoutLibrary(t *testing.T) {
	e := seedEntry("neuro.md")
	e.Lang = "sv-SE"
	refs, problems := Resolve(e, nil)
	if refs[0].Text.Plain() != "Koob (2009) — neurocircuitry [referensen saknas]" {
		t.Errorf("fallback %q", refs[0].Text.Plain())
	}
	if len(problems) != 3 || !strings.Contains(problems[0].Message, "no bibliography was given") {
		t.Errorf("problems %v", problems)
	}
	for _, r := range refs {
		if r.Text.Plain() == "" {
			t.Errorf("empty reference text for %+v", r)
		}
	}
}

func TestFallbackText(t *testing.T) {
	checkEach(t, "FallbackText", func(key string) string { return FallbackText(key, "en") }, map[string]string{
		"koob-2009-neurocircuitry":    "Koob (2009) — neurocircuitry [unresolved reference]",
		"hyman-2006":                  "Hyman (2006) [unresolved reference]",
		"hyman2006":                   "Hyman (2006) [unresolved reference]",
		"koob-volkow-2010-neuro-circ": "Koob Volkow (2010) — neuro circ [unresolved reference]",
		"doi:10.1038/npp":             "doi:10.1038/npp [unresolved reference]",
		"2009-koob":                   "2009-koob [unresolved reference]",
		"ref_12":                      "ref_12 [unresolved reference]",
	})
}

func TestLooksLikeKey(t *testing.T) {
	checkEach(t, "LooksLikeKey", LooksLikeKey, map[string]bool{
		"koob-2009-neurocircuitry": true,
		"hyman2006":                true,
		"Koob:2010":                true,
		"ref_12":                   true,
		"Leviathan":                false,
		"Koob & Volkow (2010)":     false,
		"Koob 2010":                false,
		"":                         false,
		"-2009":                    false,
		"müller-2009":              false,
	})
}

func TestMerge(t *testing.T) {
	a, err := ParseBibTeX("a.bib", []byte("@misc{k, title = {From A}}\n@misc{only-a, title={A}}"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseCSLJSON("b.json", []byte(`[{"id": "k", "title": "From B"}, {"id": "only-b", "title": "B"}]`))
	if err != nil {
		t.Fatal(err)
	}
	lib := NewLibrary()
	if p := lib.Merge(a); len(p) != 0 {
		t.Errorf("first merge: %v", p)
	}
	p := lib.Merge(b)
	if len(p) != 1 || p[0].String() != `b.json:1:2: warning: duplicate citation key "k" ignored; the entry at a.bib:1:1 is used` {
		t.Errorf("merge problems %v", p)
	}
	if e, _ := lib.Lookup("k"); e.Field("title") != "From A" {
		t.Errorf("later source overrode the earlier one: %q", e.Field("title"))
	}
	var keys []string
	for _, e := range lib.Entries() {
		keys = append(keys, e.Key)
	}
	if !reflect.DeepEqual(keys, []string{"k", "only-a", "only-b"}) {
		t.Errorf("keys %v", keys)
	}
	if _, ok := lib.Lookup("ONLY-B"); !ok {
		t.Error("lookup should ignore case as BibTeX does")
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, file, content string
		entries             int
		err                 string
	}{
		{"bib", "a.bib", "@misc{k, title={T}}", 1, ""},
		{"json", "a.json", `[{"id":"k"}]`, 1, ""},
		{"json in .bib", "b.bib", `[{"id":"k"}]`, 0, "b.bib:1:1: error: file has a BibTeX extension but holds JSON"},
		{"bib in .json", "b.json", "@misc{k,}", 0, "b.json:1:1: error: file has a .json extension but is not JSON"},
		{"sniffed json", "refs.txt", `[{"id":"k"}]`, 1, ""},
		{"sniffed bib", "refs", "@misc{k,}", 1, ""},
		{"unknown", "notes.txt", "just notes", 0, "notes.txt: error: not a bibliography"},
		{"missing", "", "", 0, "missing.bib: error: cannot read bibliography: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "missing.bib")
			if tt.file != "" {
				path = write(tt.file, tt.content)
			}
			lib, err := LoadFile(path)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				if _, ok := err.(*diag.Error); !ok {
					t.Errorf("error %T, want *diag.Error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if lib.Len() != tt.entries {
				t.Errorf("%d entries, want %d", lib.Len(), tt.entries)
			}
		})
	}
}

func TestLoadFor(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "topics")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	sample, err := os.ReadFile("testdata/neuroadaptation.bib")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "neuroadaptation.bib"), sample, 0o644); err != nil {
		t.Fatal(err)
	}
	extra := filepath.Join(dir, "extra.json")
	if err := os.WriteFile(extra, []byte(`[{"id": "hyman-2006", "title": "Duplicate"}, {"id": "nestler-2005-missing", "type": "book", "title": "Now found", "issued": {"date-parts": [[2005]]}}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	e := seedEntry(filepath.Join(sub, "neuro.md"))
	lib, problems, err := LoadFor(e, []string{extra})
	if err != nil {
		t.Fatal(err)
	}
	if lib.Len() != 4 {
		t.Errorf("%d entries, want 4", lib.Len())
	}
	if len(problems) != 1 || !strings.Contains(problems[0].String(), `extra.json:1:2: warning: duplicate citation key "hyman-2006" ignored; the entry at `+filepath.Join(sub, "neuroadaptation.bib")+":18:1 is used") {
		t.Errorf("problems %v", problems)
	}
	refs, rp := Resolve(e, lib)
	if len(rp) != 0 || !refs[2].Found || refs[2].Text.Plain() != "Now found. (2005)." {
		t.Errorf("resolve after LoadFor: %v %+v", rp, refs[2])
	}
	if e, _ := lib.Lookup("hyman-2006"); !strings.HasPrefix(e.Field("title"), "Neural") {
		t.Errorf("the entry's own bibliography must win: %q", e.Field("title"))
	}

	e.Bibliography = "nope.bib"
	if _, _, err := LoadFor(e, nil); err == nil || !strings.Contains(err.Error(), "nope.bib: error: cannot read bibliography") || !strings.Contains(err.Error(), "bibliography of "+e.Source) {
		t.Errorf("missing bibliography: %v", err)
	}

	e.Bibliography = ""
	lib, problems, err = LoadFor(e, nil)
	if err != nil || lib.Len() != 0 || len(problems) != 0 {
		t.Errorf("no sources: %v %v %v", lib.Len(), problems, err)
	}
}

func TestEntryBibliographyPath(t *testing.T) {
	tests := []struct{ source, bib, want string }{
		{"topics/neuro.md", "refs.bib", filepath.Join("topics", "refs.bib")},
		{"neuro.md", "../refs.bib", filepath.Join("..", "refs.bib")},
		{"-", "refs.bib", "refs.bib"},
		{"topics/neuro.md", "/abs/refs.bib", "/abs/refs.bib"},
	}
	for _, tt := range tests {
		e := &topic.Entry{Source: tt.source, Bibliography: tt.bib}
		if got := EntryBibliographyPath(e); got != tt.want {
			t.Errorf("EntryBibliographyPath(%q, %q) = %q, want %q", tt.source, tt.bib, got, tt.want)
		}
	}
}
