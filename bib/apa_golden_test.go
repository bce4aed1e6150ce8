package bib

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/topic"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// markup renders styled runs so a golden file shows them: *italic* and
// <url> for a link run (its text must equal its URL).
func markup(t topic.Text) string {
	var b strings.Builder
	for _, r := range t {
		switch {
		case r.URL != "":
			b.WriteString("<" + r.Text + ">")
		case r.Style&topic.Italic != 0:
			b.WriteString("*" + r.Text + "*")
		default:
			b.WriteString(r.Text)
		}
	}
	return b.String()
}

// render formats every entry of a library in English and Swedish.
func render(lib *Library) string {
	var b strings.Builder
	for _, e := range lib.Entries() {
		b.WriteString(e.Key + "\n")
		for _, lang := range []string{"en", "sv"} {
			b.WriteString("  " + lang + ": " + markup(APA(e, lang)) + "\n")
		}
	}
	for _, w := range lib.Warnings() {
		b.WriteString(w.String() + "\n")
	}
	return b.String()
}

// TestGolden formats every bibliography in testdata and compares with its
// .apa.golden file; go test ./bib -update rewrites them.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.bib")
	more, _ := filepath.Glob("testdata/*.json")
	files = append(files, more...)
	if len(files) < 4 {
		t.Fatalf("expected the testdata bibliographies, found %v", files)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			lib, err := LoadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := render(lib)
			golden := f + ".apa.golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./bib -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n--- got\n%s--- want\n%s", f, golden, got, want)
			}
		})
	}
}

// The seed entry's three works, exactly as APA 7 prints them.
var seedReferences = map[string]string{
	"koob-2009-neurocircuitry": "Koob, G. F., & Volkow, N. D. (2010). Neurocircuitry of addiction. *Neuropsychopharmacology*, *35*(1), 217–238. <https://doi.org/10.1038/npp.2009.110>",
	"hyman-2006":               "Hyman, S. E., Malenka, R. C., & Nestler, E. J. (2006). Neural mechanisms of addiction: The role of reward-related learning and memory. *Annual Review of Neuroscience*, *29*, 565–598. <https://doi.org/10.1146/annurev.neuro.29.051605.113009>",
	"kalivas-2007":             "Kalivas, P. W., & O'Brien, C. (2008). Drug addiction as a pathology of staged neuroplasticity. *Neuropsychopharmacology*, *33*(1), 166–180. <https://doi.org/10.1038/sj.npp.1301564>",
}

func TestSeedReferences(t *testing.T) {
	for _, path := range []string{"../samples/neuroadaptation.bib", "testdata/neuroadaptation.bib", "testdata/neuroadaptation.json"} {
		lib, err := LoadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if lib.Len() != len(seedReferences) {
			t.Errorf("%s: %d entries, want %d", path, lib.Len(), len(seedReferences))
		}
		if w := lib.Warnings(); len(w) > 0 {
			t.Errorf("%s: unexpected warnings %v", path, w)
		}
		for key, want := range seedReferences {
			e, ok := lib.Lookup(key)
			if !ok {
				t.Errorf("%s: %s missing", path, key)
				continue
			}
			text := APA(e, "en")
			if got := markup(text); got != want {
				t.Errorf("%s: %s\n got %s\nwant %s", path, key, got, want)
			}
			last := text[len(text)-1]
			if last.URL == "" || last.URL != last.Text || !strings.HasPrefix(last.URL, "https://doi.org/10.") {
				t.Errorf("%s: %s: last run should be the DOI link, got %+v", path, key, last)
			}
		}
	}
}

// TestSampleMatchesTestdata keeps the testdata copy of the sample identical,
// so the golden tests cover what users get.
func TestSampleMatchesTestdata(t *testing.T) {
	a, err := os.ReadFile("../samples/neuroadaptation.bib")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("testdata/neuroadaptation.bib")
	if err != nil {
		t.Fatal(err)
	}
	if string(a) != string(b) {
		t.Error("samples/neuroadaptation.bib and bib/testdata/neuroadaptation.bib differ")
	}
}

// TestBibTeXAndCSLJSONAgree checks that the same works read from BibTeX and
// from CSL-JSON print identically, runs and all, in both languages.
func TestBibTeXAndCSLJSONAgree(t *testing.T) {
	pairs := [][2]string{
		{"testdata/neuroadaptation.bib", "testdata/neuroadaptation.json"},
		{"testdata/features.bib", "testdata/types.json"},
	}
	for _, p := range pairs {
		bt, err := LoadFile(p[0])
		if err != nil {
			t.Fatal(err)
		}
		js, err := LoadFile(p[1])
		if err != nil {
			t.Fatal(err)
		}
		compared := 0
		for _, je := range js.Entries() {
			be, ok := bt.Lookup(je.Key)
			if !ok {
				continue
			}
			compared++
			for _, lang := range []string{"en", "sv"} {
				b, j := markup(APA(be, lang)), markup(APA(je, lang))
				if b != j {
					t.Errorf("%s [%s]:\nbib  %s\njson %s", je.Key, lang, b, j)
				}
			}
		}
		if compared < 3 {
			t.Errorf("%s and %s share only %d keys", p[0], p[1], compared)
		}
	}
}
