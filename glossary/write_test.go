package glossary

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/internal/synth"
	"github.com/scholargate/topicdeck/topic"
)

var fixedTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func write(t testing.TB, g *Glossary, f Format) ([]byte, []string) {
	t.Helper()
	var buf bytes.Buffer
	warns, err := g.Write(&buf, WriteOptions{Format: f, Creator: "topicdeck test", Time: fixedTime})
	if err != nil {
		t.Fatalf("write %s: %v", f, err)
	}
	return buf.Bytes(), warns
}

// expectations lists every term and every definition of g, and what the
// other sheets must show.
func expectations(g *Glossary) []string {
	var out []string
	for _, tm := range g.Terms {
		out = append(out, tm.Name)
		if tm.Definition.Origin != Missing {
			out = append(out, tm.Definition.Text.Plain())
		}
	}
	for _, tp := range g.Topics {
		out = append(out, tp.Title)
	}
	for _, th := range g.Theories {
		out = append(out, th.Name)
	}
	for _, q := range g.Questions {
		out = append(out, q.Question)
	}
	for _, p := range g.People {
		out = append(out, p.Name)
	}
	return out
}

func TestXLSXSeed(t *testing.T) {
	g := FromEntries([]*topic.Entry{seedEntry(t)}, Options{})
	data, warns := write(t, g, XLSX)
	if len(warns) != 0 {
		t.Errorf("warnings %q", warns)
	}
	path := filepath.Join(t.TempDir(), "seed.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	want := append(expectations(g),
		"The resulting reduction in drug effect at a given dose, requiring escalation to reproduce the original effect.",
		"extracted from Definition", "extracted from Mechanisms", "missing", "Needs review", `matched as “dependence”.`,
		"koob-2009-neurocircuitry", "Staged neuroplasticity of addiction", "George Koob")
	report := checktool.XLSX(t, path, want)
	for _, name := range []string{SheetGlossary, SheetTopics, SheetTheories, SheetQuestions, SheetPeople, SheetReferences} {
		if !strings.Contains(report, fmt.Sprintf("sheet '%s':", name)) {
			t.Errorf("xlsxcheck does not list sheet %s:\n%s", name, report)
		}
	}
	if strings.Count(report, "frozen header: yes, filter/table: yes") != 6 {
		t.Errorf("every sheet needs a frozen header and a table:\n%s", report)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	wantRows := map[string]int{SheetGlossary: 7, SheetTopics: 1, SheetTheories: 2, SheetQuestions: 4 + 1 + 2, SheetPeople: 5, SheetReferences: 3}
	for name, n := range wantRows {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != n+1 {
			t.Errorf("%s: %d rows, want header + %d", name, len(rows), n)
		}
		panes, _ := f.GetPanes(name)
		if !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header not frozen: %+v", name, panes)
		}
		tables, _ := f.GetTables(name)
		if len(tables) != 1 || !strings.HasPrefix(tables[0].Range, "A1:") {
			t.Errorf("%s: tables %+v", name, tables)
		}
	}
	dvs, err := f.GetDataValidations(SheetGlossary)
	if err != nil || len(dvs) != 1 || dvs[0].Sqref != "F2:F8" || !strings.Contains(dvs[0].Formula1, "Needs review,Approved") {
		t.Errorf("review drop-down: %v %+v", err, dvs)
	}
	// The missing definitions are highlighted.
	rows, _ := f.GetRows(SheetGlossary)
	flagged := 0
	for i, r := range rows[1:] {
		if len(r) > 2 && r[2] == "missing" {
			style, _ := f.GetCellStyle(SheetGlossary, fmt.Sprintf("B%d", i+2))
			st, _ := f.GetStyle(style)
			if st.Fill.Type != "pattern" || len(st.Fill.Color) == 0 {
				t.Errorf("row %d: missing definition not highlighted", i+2)
			}
			flagged++
		}
	}
	if flagged != 4 {
		t.Errorf("%d missing rows, want 4", flagged)
	}
	props, _ := f.GetDocProps()
	if props.Creator != "topicdeck test" || props.Title != "Neuroadaptation and Tolerance" || props.Language != "en" ||
		!strings.HasPrefix(props.Created, "2026-01-01T00:00:00") {
		t.Errorf("properties %+v", props)
	}
}

func TestXLSXLinksAndCourse(t *testing.T) {
	g := FromEntries(courseEntries(), Options{})
	data, _ := write(t, g, XLSX)
	path := filepath.Join(t.TempDir(), "course.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	checktool.XLSX(t, path, append(expectations(g), "Other definition (Pharmacology basics): The need for a larger dose to get the same effect.",
		"https://doi.org/10.1152/jn.1998.80.1.1", "from the entry (Reward circuits)"))
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetGlossary)
	for i, r := range rows {
		if r[0] == "Half-life" {
			ok, link, _ := f.GetCellHyperLink(SheetGlossary, fmt.Sprintf("B%d", i+1))
			if !ok || link != "https://example.org/half-life" {
				t.Errorf("half-life link %v %q", ok, link)
			}
		}
	}
	refs, _ := f.GetRows(SheetReferences)
	for i, r := range refs {
		if len(r) > 2 && strings.HasPrefix(r[2], "https://doi.org/") {
			if ok, link, _ := f.GetCellHyperLink(SheetReferences, fmt.Sprintf("C%d", i+1)); !ok || link != r[2] {
				t.Errorf("doi link %v %q", ok, link)
			}
		}
	}
}

func TestXLSXSwedishAndBig(t *testing.T) {
	for _, e := range []*topic.Entry{swedishEntry(), bigEntry(500, "big")} {
		g := FromEntries([]*topic.Entry{e}, Options{})
		data, _ := write(t, g, XLSX)
		path := filepath.Join(t.TempDir(), e.Title+".xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		checktool.XLSX(t, path, expectations(g))
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(SheetGlossary)
		if len(rows) != len(g.Terms)+1 {
			t.Errorf("%s: %d rows", e.Title, len(rows))
		}
		if e.Lang == "sv" {
			dvs, _ := f.GetDataValidations(SheetGlossary)
			if len(dvs) != 1 || !strings.Contains(dvs[0].Formula1, "Behöver granskas,Godkänd") {
				t.Errorf("sv drop-down %+v", dvs)
			}
			if rows[1][0] != "Abstinens" || rows[6][0] != "Översensitivitet" {
				t.Errorf("sv order %q", rows)
			}
		}
		f.Close()
	}
}

func TestDeterministic(t *testing.T) {
	for _, f := range Formats() {
		a, _ := write(t, FromEntries(courseEntries(), Options{}), f)
		b, _ := write(t, FromEntries(courseEntries(), Options{}), f)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two runs differ", f)
		}
	}
}

func TestCSVAndTSV(t *testing.T) {
	g := FromEntries(courseEntries(), Options{})
	for _, tc := range []struct {
		f   Format
		sep rune
	}{{CSV, ','}, {TSV, '\t'}} {
		data, _ := write(t, g, tc.f)
		r := csv.NewReader(bytes.NewReader(data))
		r.Comma = tc.sep
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s does not parse: %v", tc.f, err)
		}
		if len(recs) != len(g.Terms)+1 || strings.Join(recs[0], "|") != strings.Join(Header(), "|") {
			t.Fatalf("%s: %q", tc.f, recs)
		}
		for i, tm := range g.Terms {
			rec := recs[i+1]
			if rec[0] != tm.Name || rec[1] != oneLine(tm.Definition.Text.Plain()) {
				t.Errorf("%s row %d: %q", tc.f, i+1, rec)
			}
		}
		if tc.f == CSV && !bytes.Contains(data, []byte("\r\n")) {
			t.Error("csv needs CRLF line ends")
		}
	}
	var buf bytes.Buffer
	if _, err := g.Write(&buf, WriteOptions{Format: CSV, BOM: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\xef\xbb\xbfTerm,")) {
		t.Errorf("bom: %q", buf.Bytes()[:10])
	}
}

func TestAnki(t *testing.T) {
	g := FromEntries(courseEntries(), Options{})
	data, warns := write(t, g, Anki)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if strings.Join(lines[:4], "\n")+"\n" != "#separator:tab\n#html:true\n#columns:Front\tBack\tTags\n#tags column:3\n" {
		t.Errorf("header:\n%s", strings.Join(lines[:4], "\n"))
	}
	notes := lines[4:]
	if len(notes) != 3 {
		t.Fatalf("notes %q", notes)
	}
	if notes[0] != "Dopamine\tA <b>neurotransmitter</b> central to reward.\treward-circuits pharmacology-basics" {
		t.Errorf("dopamine note %q", notes[0])
	}
	if !strings.Contains(notes[1], `(<a href="https://example.org/half-life">see source</a>).`) {
		t.Errorf("half-life note %q", notes[1])
	}
	for _, n := range notes {
		if strings.Count(n, "\t") != 2 || strings.Contains(n, `"`) && !strings.Contains(n, `href="`) {
			t.Errorf("note is not three plain fields: %q", n)
		}
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "Withdrawal syndrome") {
		t.Errorf("warnings %q", warns)
	}
}

func TestMoodle(t *testing.T) {
	g := FromEntries(append(courseEntries(), swedishEntry()), Options{})
	data, warns := write(t, g, Moodle)
	var doc struct {
		XMLName xml.Name `xml:"GLOSSARY"`
		Info    struct {
			Name    string `xml:"NAME"`
			Entries []struct {
				Concept    string   `xml:"CONCEPT"`
				Definition string   `xml:"DEFINITION"`
				Format     int      `xml:"FORMAT"`
				Aliases    []string `xml:"ALIASES>ALIAS>NAME"`
				Categories []string `xml:"CATEGORIES>CATEGORY>NAME"`
			} `xml:"ENTRIES>ENTRY"`
		} `xml:"INFO"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("moodle xml: %v\n%s", err, data)
	}
	defined := 0
	for _, tm := range g.Terms {
		if tm.Definition.Origin != Missing {
			defined++
		}
	}
	if len(doc.Info.Entries) != defined || len(warns) != 1 {
		t.Fatalf("%d entries for %d defined terms; warnings %q", len(doc.Info.Entries), defined, warns)
	}
	i := 0
	for _, tm := range g.Terms {
		if tm.Definition.Origin == Missing {
			continue
		}
		en := doc.Info.Entries[i]
		i++
		if en.Concept != tm.Name || en.Definition != "<p>"+HTML(tm.Definition.Text)+"</p>" || en.Format != 1 ||
			strings.Join(en.Categories, "|") != strings.Join(tm.Topics, "|") {
			t.Errorf("entry %+v for %+v", en, tm)
		}
		if tm.Name == "Tolerance" && strings.Join(en.Aliases, "|") != "tolerances" {
			t.Errorf("aliases %q", en.Aliases)
		}
	}
	if !bytes.HasPrefix(data, []byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<GLOSSARY>\n  <INFO>\n    <NAME>")) {
		t.Errorf("layout:\n%s", data[:120])
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range Formats() {
		if got, err := ParseFormat(strings.ToUpper(string(f))); err != nil || got != f {
			t.Errorf("%s: %v %v", f, got, err)
		}
	}
	if _, err := ParseFormat("docx"); err == nil || !strings.Contains(err.Error(), "xlsx, csv, tsv, anki, moodle") {
		t.Errorf("bad format error: %v", err)
	}
}

func BenchmarkCourse40(b *testing.B) {
	var entries []*topic.Entry
	for i := 0; i < 40; i++ {
		entries = append(entries, bigEntry(25, fmt.Sprintf("T%02d", i)))
	}
	entries = append(entries, seedEntry(b))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g := FromEntries(entries, Options{})
		if _, err := g.Write(&bytes.Buffer{}, WriteOptions{Format: XLSX, Time: fixedTime}); err != nil {
			b.Fatal(err)
		}
	}
}

// synthCourse reads the first n entries of the synthetic catalogue the
// course benchmarks share (internal/synth, seed 1).
func synthCourse(b *testing.B, n int) []*topic.Entry {
	b.Helper()
	entries := make([]*topic.Entry, 0, n)
	for i := range n {
		name, data := synth.Entry(i, synth.Options{Seed: 1})
		e, err := topic.Read(name, data, topic.Options{})
		if err != nil {
			b.Fatal(err)
		}
		entries = append(entries, e)
	}
	return entries
}

// BenchmarkCourse1000 is the workbook of a 1,000-entry synthetic course
// (internal/synth): about a third of its definitions carry bold or
// italic runs, so it shows what the rich-text cells cost at scale.
func BenchmarkCourse1000(b *testing.B) {
	g := FromEntries(synthCourse(b, 1000), Options{})
	for b.Loop() {
		if _, err := g.Write(io.Discard, WriteOptions{Format: XLSX, Time: fixedTime}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(g.Terms)), "terms")
}

// BenchmarkBuild1000 is the glossary of the same course without writing
// it: extracting each entry's terms, merging them and linking related
// concepts.
func BenchmarkBuild1000(b *testing.B) {
	entries := synthCourse(b, 1000)
	terms := 0
	for b.Loop() {
		terms = len(FromEntries(entries, Options{}).Terms)
	}
	b.ReportMetric(float64(terms), "terms")
}

// BenchmarkCourse1000Total is the whole course glossary of the same
// course, FromEntries and the workbook together: the work the target of 5 s
// for 1,000 entries on two cores covers.
func BenchmarkCourse1000Total(b *testing.B) {
	entries := synthCourse(b, 1000)
	terms := 0
	for b.Loop() {
		g := FromEntries(entries, Options{})
		if _, err := g.Write(io.Discard, WriteOptions{Format: XLSX, Time: fixedTime}); err != nil {
			b.Fatal(err)
		}
		terms = len(g.Terms)
	}
	b.ReportMetric(float64(terms), "terms")
}
