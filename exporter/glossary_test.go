package exporter

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/topic"
)

const seedPage = "../topic/testdata/seed-page.txt"

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// swedishCourse is a course folder of two Swedish entries sharing a term
// with differing definitions, plus files that are not entries.
var swedishCourse = map[string]string{
	"b-tolerans.md": "---\ntitle: Tolerans\nlang: sv\nsubject: Beroendelära\n---\n\n# Tolerans\n\n" +
		"Tolerans är en minskad effekt av samma dos.\n\n## Nyckelbegrepp\n\n- Tolerans\n- Återfall: att börja använda drogen igen.\n" +
		"- Översensitivitet: en ökad känslighet.\n",
	"a-abstinens.md": "---\ntitle: Abstinens\nlang: sv\nsubject: Beroendelära\nbibliography: refs.json\n---\n\n# Abstinens\n\n" +
		"Abstinens är ett tillstånd av obehag när drogen sätts ut.\n\n## Nyckelbegrepp\n\n- Abstinens\n- Ärftlighet: den del av variationen som förklaras av gener.\n" +
		"- Återfall: ett nytt bruk efter uppehåll.\n- Zink: ett grundämne.\n\n## Centrala verk\n\n- berg-2020\n",
	"refs.json":         `[{"id": "berg-2020", "type": "article-journal", "title": "Om beroende", "author": [{"family": "Berg", "given": "Anna"}], "issued": {"date-parts": [[2020]]}, "container-title": "Läkartidningen", "DOI": "10.1000/beroende.2020"}]`,
	"notes.pdf":         "not an entry",
	".draft.md":         "# hidden draft",
	"archive/old.md":    "# Old\n",
	"README.unknownext": "x",
}

func TestLoadEntriesDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, swedishCourse)
	entries, _, err := LoadEntries([]string{dir}, topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range entries {
		titles = append(titles, e.Title)
	}
	if strings.Join(titles, "|") != "Abstinens|Tolerans" {
		t.Fatalf("entries %q: want the two entries, sorted by file name", titles)
	}
	// A file named twice (directly and through its directory) is read once.
	entries, _, err = LoadEntries([]string{filepath.Join(dir, "b-tolerans.md"), dir}, topic.Options{})
	if err != nil || len(entries) != 2 || entries[0].Title != "Tolerans" {
		t.Fatalf("%v %d", err, len(entries))
	}
}

func TestLoadEntriesErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.md": "# A\n", "b.json": "{\n  \"title\": \"B\",\n  \"defintion\": \"x\"\n}\n"})
	_, _, err := LoadEntries([]string{dir}, topic.Options{})
	var te *diag.Error
	if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "b.json")+":3:3: error:") {
		t.Errorf("bad entry: %v", err)
	} else if !asTopicError(err, &te) {
		t.Errorf("want a *diag.Error, got %T", err)
	}
	empty := t.TempDir()
	if _, _, err := LoadEntries([]string{empty}, topic.Options{}); err == nil || !strings.Contains(err.Error(), "no entry files") {
		t.Errorf("empty dir: %v", err)
	}
	if _, _, err := LoadEntries([]string{filepath.Join(dir, "nope.md")}, topic.Options{}); err == nil || !strings.Contains(err.Error(), "nope.md") {
		t.Errorf("missing file: %v", err)
	}
}

func asTopicError(err error, te **diag.Error) bool {
	e, ok := err.(*diag.Error)
	*te = e
	return ok
}

func writeGlossary(t *testing.T, entries []*topic.Entry, opt GlossaryOptions) (string, []string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "glossary."+string(opt.Format))
	var warns []string
	err := WriteFile(path, nil, func(w io.Writer) error {
		var err error
		warns, err = Glossary(entries, opt, w)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return path, warns
}

func TestGlossarySeedWithBibliography(t *testing.T) {
	entries, _, err := LoadEntries([]string{seedPage}, topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path, warns := writeGlossary(t, entries, GlossaryOptions{Format: glossary.XLSX, Bib: []string{"../samples/neuroadaptation.bib"}})
	if len(warns) != 0 {
		t.Errorf("warnings %q", warns)
	}
	checktool.XLSX(t, path, []string{
		"Tolerance", "The resulting reduction in drug effect at a given dose, requiring escalation to reproduce the original effect.",
		"Physical and psychological dependence", "A brain state, produced by neuroadaptation, in which stopping the drug leads to disturbance and withdrawal.",
		"Behavioral sensitization", "An enhanced response to some drug effects.",
		"Synaptic plasticity in reward circuits", "Allostatic reward set-point", "Reward-related learning and memory",
		"Receptor downregulation and signalling adaptation",
		"Koob, G. F., & Volkow, N. D.", "https://doi.org/10.1038/npp.2009.110", "https://doi.org/10.1038/sj.npp.1301564",
	})
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	props, _ := f.GetDocProps()
	if props.Creator != Creator || props.Created != DocumentTime().Format("2006-01-02T15:04:05Z") {
		t.Errorf("properties %+v", props)
	}
	// Without a bibliography the keys stay as written, with one warning each.
	_, warns = writeGlossary(t, entries, GlossaryOptions{Format: glossary.XLSX})
	if len(warns) != 3 || warns[0] != seedPage+`:75:3: seminal work "koob-2009-neurocircuitry" looks like a citation key, but no bibliography was given (set bibliography: or use --bib)` {
		t.Errorf("warnings %q", warns)
	}
}

func TestGlossarySwedishCourse(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, swedishCourse)
	entries, _, err := LoadEntries([]string{dir}, topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path, warns := writeGlossary(t, entries, GlossaryOptions{Format: glossary.CSV})
	if len(warns) != 0 {
		t.Errorf("warnings %q", warns)
	}
	data, _ := os.ReadFile(path)
	var terms []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\r\n")[1:] {
		terms = append(terms, strings.SplitN(line, ",", 2)[0])
	}
	if got := strings.Join(terms, "|"); got != "Abstinens|Tolerans|Zink|Återfall|Ärftlighet|Översensitivitet" {
		t.Errorf("Swedish order: %s\n%s", got, data)
	}
	for _, want := range []string{"Ett tillstånd av obehag när drogen sätts ut.", "hämtad ur Sammanfattning", "Behöver granskas",
		"Annan definition (Tolerans): att börja använda drogen igen.", "Abstinens; Tolerans"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("missing %q in\n%s", want, data)
		}
	}
	xl, _ := writeGlossary(t, entries, GlossaryOptions{Format: glossary.XLSX})
	checktool.XLSX(t, xl, []string{"Berg, A. (2020). Om beroende.", "https://doi.org/10.1000/beroende.2020", "Översensitivitet", "Återfall"})
}

func TestGlossaryDeterministic(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	entries, _, err := LoadEntries([]string{seedPage, "../samples"}, topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range glossary.Formats() {
		var a, b bytes.Buffer
		if _, err := Glossary(entries, GlossaryOptions{Format: f}, &a); err != nil {
			t.Fatal(err)
		}
		if _, err := Glossary(entries, GlossaryOptions{Format: f}, &b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) || a.Len() == 0 {
			t.Errorf("%s: two runs differ", f)
		}
	}
}

func TestGlossaryBadOptions(t *testing.T) {
	e := &topic.Entry{Title: "T"}
	if _, err := Glossary(nil, GlossaryOptions{}, &bytes.Buffer{}); err == nil {
		t.Error("no entries must be an error")
	}
	if _, err := Glossary([]*topic.Entry{e}, GlossaryOptions{Format: "docx"}, &bytes.Buffer{}); err == nil {
		t.Error("unknown format must be an error")
	}
	if _, err := Glossary([]*topic.Entry{e}, GlossaryOptions{Bib: []string{"nope.bib"}}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "nope.bib") {
		t.Errorf("missing bibliography: %v", err)
	}
}

func TestGlossarySharedBibliography(t *testing.T) {
	dir := t.TempDir()
	entry := func(title string) string {
		return "---\ntitle: " + title + "\nbibliography: refs.bib\n---\n\n# " + title + "\n\n## Key concepts\n\n- Term " + title + ": a definition.\n\n## Seminal works\n\n- doe-2001\n"
	}
	writeFiles(t, dir, map[string]string{
		"a.md": entry("Alpha"), "b.md": entry("Beta"),
		"refs.bib": "@book{doe-2001, author = {Doe, Jane}, title = {One Book}, year = {2001}, publisher = {Press}, doi = {10.1000/one}}\n" +
			"@book{doe-2001, author = {Doe, John}, title = {Other}, year = {2002}, publisher = {Press}}\n",
	})
	entries, _, err := LoadEntries([]string{dir}, topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path, warns := writeGlossary(t, entries, GlossaryOptions{Format: glossary.XLSX})
	if len(warns) != 1 || !strings.Contains(warns[0], `duplicate citation key "doe-2001"`) {
		t.Errorf("the shared file's warning once, got %q", warns)
	}
	checktool.XLSX(t, path, []string{"Doe, J. (2001). One book.", "https://doi.org/10.1000/one", "Alpha; Beta"})
}
