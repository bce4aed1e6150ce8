package exporter

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/topic"
)

// libreOfficePackage is the Debian package that brings a headless
// LibreOffice Calc; CI installs it for TestGlossarySamplesCSVInLibreOffice.
const libreOfficePackage = "libreoffice-calc-nogui"

// sampleEntryFiles lists the entries of samples/ one by one: each sits
// next to its bibliography, so each is a realistic single-topic glossary.
func sampleEntryFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"*.md", "*.json", "*.yaml"} {
		m, err := filepath.Glob(filepath.Join("../samples", pattern))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	if len(files) < 3 {
		t.Fatalf("samples/ holds %d entries, want the Markdown, JSON and YAML samples", len(files))
	}
	return files
}

// readerPhrases is what a reader of the workbook must find: every key
// concept term, theory name, FAQ question and key figure of the entries,
// as plain text.
func readerPhrases(entries []*topic.Entry) []string {
	var out []string
	for _, e := range entries {
		for _, c := range e.KeyConcepts {
			out = append(out, c.Term.Plain())
		}
		for _, th := range e.KeyTheories {
			out = append(out, th.Name.Plain())
		}
		for _, qa := range e.FAQ {
			out = append(out, qa.Question.Plain())
		}
		for _, it := range e.KeyFigures {
			out = append(out, it.Text.Plain())
		}
	}
	return out
}

// sheetLine is one sheet summary line of xlsxcheck's report (the name is
// printed with Python's repr, so in single or double quotes).
var sheetLine = regexp.MustCompile(`^sheet ('[^']*'|"[^"]*"): \d+ row\(s\) x \d+ column\(s\), frozen header: (yes|no), filter/table: (yes|no), formulas: (\d+)$`)

// TestGlossarySamplesWorkbook exports the default workbook of every sample
// and of the whole samples course, and checks it twice: with xlsxcheck (a
// reader that knows nothing of excelize) and with excelize reading it back.
// Every term, theory, FAQ question and key figure must be in some cell,
// no cell may hold a formula, and every sheet's header row must be frozen.
func TestGlossarySamplesWorkbook(t *testing.T) {
	type tc struct {
		name string
		args []string
	}
	var cases []tc
	for _, f := range sampleEntryFiles(t) {
		cases = append(cases, tc{filepath.Base(f), []string{f}})
	}
	cases = append(cases, tc{"course", []string{"../samples"}})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			entries, _, err := LoadEntries(c.args, topic.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if c.name == "course" && len(entries) != len(cases)-1 {
				t.Fatalf("course has %d entries, want the %d samples", len(entries), len(cases)-1)
			}
			var buf bytes.Buffer
			warns, err := Glossary(entries, GlossaryOptions{}, &buf)
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) != 0 {
				t.Errorf("warnings (each sample has its bibliography): %q", warns)
			}
			path := filepath.Join(t.TempDir(), "glossary.xlsx")
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			phrases := readerPhrases(entries)
			if len(phrases) == 0 {
				t.Fatal("no terms, theories, questions or figures to look for")
			}
			report := checktool.XLSX(t, path, phrases)

			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sheets := f.GetSheetList()
			seen := 0
			for _, line := range strings.Split(report, "\n") {
				m := sheetLine.FindStringSubmatch(line)
				if m == nil {
					continue
				}
				seen++
				if m[2] != "yes" || m[4] != "0" {
					t.Errorf("xlsxcheck: want a frozen header and no formulas: %s", line)
				}
			}
			if seen != len(sheets) || seen == 0 {
				t.Errorf("xlsxcheck reported %d sheets, the workbook has %d:\n%s", seen, len(sheets), report)
			}
			for _, sheet := range sheets {
				panes, err := f.GetPanes(sheet)
				if err != nil {
					t.Fatal(err)
				}
				if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
					t.Errorf("%s: want the first row frozen, got %+v", sheet, panes)
				}
				for _, cell := range usedCells(t, f, sheet) {
					formula, err := f.GetCellFormula(sheet, cell)
					if err != nil {
						t.Fatal(err)
					}
					if formula != "" {
						t.Errorf("%s!%s holds the formula %q", sheet, cell, formula)
					}
				}
			}
		})
	}
}

// usedCells names every cell of the sheet's used range: the range the
// sheet declares, widened to every row and column that holds a value, so
// a cell outside a stale dimension is not missed.
func usedCells(t *testing.T, f *excelize.File, sheet string) []string {
	t.Helper()
	maxCol, maxRow := 0, 0
	if dim, err := f.GetSheetDimension(sheet); err == nil && dim != "" {
		ref := dim
		if i := strings.IndexByte(dim, ':'); i >= 0 {
			ref = dim[i+1:]
		}
		if c, r, err := excelize.CellNameToCoordinates(ref); err == nil {
			maxCol, maxRow = c, r
		}
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	maxRow = max(maxRow, len(rows))
	for _, r := range rows {
		maxCol = max(maxCol, len(r))
	}
	if maxRow == 0 || maxCol == 0 {
		t.Fatalf("%s: empty sheet", sheet)
	}
	var out []string
	for r := 1; r <= maxRow; r++ {
		for c := 1; c <= maxCol; c++ {
			name, err := excelize.CoordinatesToCellName(c, r)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, name)
		}
	}
	return out
}

// multilineCourse is a Swedish course whose three topics define one term
// differently, so the Notes cell of that row holds several lines, and
// whose words carry å, ä and ö.
var multilineCourse = map[string]string{
	"a-aterfall.md": "---\ntitle: Återfall\nlang: sv\nsubject: Beroendelära\n---\n\n# Återfall\n\n" +
		"Återfall är en återgång till bruk efter ett uppehåll.\n\n## Nyckelbegrepp\n\n- Återfall: att börja använda drogen igen.\n" +
		"- Översensitivitet: en ökad känslighet för drogens effekter.\n",
	"b-abstinens.md": "---\ntitle: Abstinens\nlang: sv\nsubject: Beroendelära\n---\n\n# Abstinens\n\n" +
		"Abstinens är ett tillstånd av obehag när drogen sätts ut.\n\n## Nyckelbegrepp\n\n- Återfall: ett nytt bruk efter uppehåll.\n" +
		"- Ärftlighet: den del av variationen som förklaras av gener.\n",
	"c-tolerans.md": "---\ntitle: Tolerans\nlang: sv\nsubject: Beroendelära\n---\n\n# Tolerans\n\n" +
		"Tolerans är en minskad effekt av samma dos.\n\n## Nyckelbegrepp\n\n- Återfall: en återgång till missbruk efter nykterhet.\n- Tolerans\n",
}

// TestGlossarySamplesCSVInLibreOffice opens the course CSV the way a
// lecturer would, in LibreOffice Calc (headless, converting it to a
// workbook), and checks that every row and cell arrives unchanged: the
// column split, the UTF-8 letters å, ä and ö, and cells spanning several
// lines. It fails, never skips, when LibreOffice is missing.
func TestGlossarySamplesCSVInLibreOffice(t *testing.T) {
	dir := t.TempDir()
	samples, _, err := LoadEntries([]string{"../samples"}, topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	swedish := filepath.Join(dir, "swedish")
	writeFiles(t, swedish, multilineCourse)
	multiline, _, err := LoadEntries([]string{swedish}, topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	courses := map[string][]*topic.Entry{"samples": samples, "multiline": multiline}
	var csvPaths []string
	for name, entries := range courses {
		var buf bytes.Buffer
		if _, err := Glossary(entries, GlossaryOptions{Format: glossary.CSV}, &buf); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name+".csv")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		csvPaths = append(csvPaths, p)
	}
	sort.Strings(csvPaths)

	// The import options are the Text Import dialog's choices for our
	// files: comma, double quote, Unicode (UTF-8), from row 1. Headless,
	// LibreOffice 7.4 shows no dialog and without them reads any CSV as
	// Windows-1252, byte order mark or not, so å becomes "Ã¥".
	out := convertInLibreOffice(t, dir, []string{"--infilter=CSV:44,34,76,1"}, csvPaths)

	var nordic, multi int
	for _, p := range csvPaths {
		name := strings.TrimSuffix(filepath.Base(p), ".csv")
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		f, err := excelize.OpenFile(filepath.Join(out, name+".xlsx"))
		if err != nil {
			t.Fatalf("LibreOffice made no workbook of %s: %v", filepath.Base(p), err)
		}
		got, err := f.GetRows(f.GetSheetList()[0], excelize.Options{RawCellValue: true})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Errorf("%s: LibreOffice reads %d rows, the CSV has %d", name, len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			w := trimTrailingEmpty(want[i])
			if len(got[i]) != len(w) {
				t.Errorf("%s row %d: LibreOffice reads %d cells %q, want %d %q", name, i+1, len(got[i]), got[i], len(w), w)
				continue
			}
			for j := range w {
				if got[i][j] != w[j] {
					t.Errorf("%s row %d col %d: LibreOffice reads %q, want %q", name, i+1, j+1, got[i][j], w[j])
				}
				if strings.ContainsAny(w[j], "åäöÅÄÖ") {
					nordic++
				}
				if strings.Contains(w[j], "\n") {
					multi++
				}
			}
		}
	}
	// The comparison only proves what the files hold: make sure they hold
	// both of the hard cases.
	if nordic == 0 || multi == 0 {
		t.Errorf("compared %d cells with å/ä/ö and %d multi-line cells; want some of each", nordic, multi)
	}
	t.Logf("LibreOffice read %d cells with å/ä/ö and %d multi-line cells intact", nordic, multi)
}

// convertInLibreOffice has LibreOffice Calc (headless) open each file
// and save it as a workbook of its own making, into a folder it returns.
// It fails, never skips, when LibreOffice is missing.
func convertInLibreOffice(t *testing.T, dir string, filter, paths []string) string {
	t.Helper()
	soffice, err := exec.LookPath("libreoffice")
	if err != nil {
		if soffice, err = exec.LookPath("soffice"); err != nil {
			t.Fatalf("libreoffice is not installed (apt-get install %s); .ci/run must install it", libreOfficePackage)
		}
	}
	// A profile of its own, so parallel runs and a lecturer's open
	// LibreOffice do not share (and lock) one.
	profile := (&url.URL{Scheme: "file", Path: filepath.Join(dir, "profile")}).String()
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	args := append([]string{"-env:UserInstallation=" + profile, "--headless"}, filter...)
	args = append(append(args, "--convert-to", "xlsx", "--outdir", out), paths...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", soffice, strings.Join(args, " "), err, msg)
	}
	return out
}

// TestGlossarySamplesWorkbookInLibreOffice has LibreOffice Calc open the
// course workbook topicdeck writes (its own SpreadsheetML, so a second
// program must read it) and save it again: every sheet, every row and
// every cell must come back as written, the links and the review
// drop-down too. excelize reads both files, a reader independent of the
// writer.
func TestGlossarySamplesWorkbookInLibreOffice(t *testing.T) {
	dir := t.TempDir()
	entries, _, err := LoadEntries([]string{"../samples"}, topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := Glossary(entries, GlossaryOptions{}, &buf); err != nil {
		t.Fatal(err)
	}
	ours := filepath.Join(dir, "course.xlsx")
	if err := os.WriteFile(ours, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	theirs := filepath.Join(convertInLibreOffice(t, dir, nil, []string{ours}), "course.xlsx")
	a, b := openWorkbook(t, ours), openWorkbook(t, theirs)
	g := glossary.FromEntries(entries, glossary.Options{})
	if got, want := strings.Join(b.GetSheetList(), ","), strings.Join(a.GetSheetList(), ","); got != want || len(a.GetSheetList()) != 6 {
		t.Fatalf("LibreOffice reads the sheets %s, we wrote %s", got, want)
	}
	cells := 0
	for _, sheet := range a.GetSheetList() {
		want, err := a.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		got, err := b.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if sheet == glossary.SheetGlossary && len(want) != len(g.Terms)+1 {
			t.Errorf("%s: %d rows, want a header and %d terms", sheet, len(want), len(g.Terms))
		}
		if len(got) != len(want) {
			t.Errorf("%s: LibreOffice reads %d rows, we wrote %d", sheet, len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			w := trimTrailingEmpty(want[i])
			if strings.Join(trimTrailingEmpty(got[i]), "\x00") != strings.Join(w, "\x00") {
				t.Errorf("%s row %d: LibreOffice reads %q, we wrote %q", sheet, i+1, got[i], w)
			}
			cells += len(w)
		}
	}
	for _, sheet := range []string{glossary.SheetGlossary, glossary.SheetReferences} {
		links := 0
		rows, _ := a.GetRows(sheet)
		for i, r := range rows {
			for j := range r {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				okA, linkA, _ := a.GetCellHyperLink(sheet, cell)
				okB, linkB, _ := b.GetCellHyperLink(sheet, cell)
				if okA != okB || linkA != linkB {
					t.Errorf("%s!%s: LibreOffice reads the link %v %q, we wrote %v %q", sheet, cell, okB, linkB, okA, linkA)
				}
				if okA {
					links++
				}
			}
		}
		if sheet == glossary.SheetReferences && links == 0 {
			t.Errorf("%s: no links to compare", sheet)
		}
	}
	dvs, err := b.GetDataValidations(glossary.SheetGlossary)
	if err != nil || len(dvs) != 1 || !strings.Contains(dvs[0].Formula1, "Needs review,Approved") {
		t.Errorf("LibreOffice reads the review drop-down as %v %+v", err, dvs)
	}
	t.Logf("LibreOffice read %d cells of our workbook as written", cells)
}

// openWorkbook opens a workbook with excelize for the rest of the test.
func openWorkbook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// trimTrailingEmpty drops the empty cells at a row's end, which a
// spreadsheet does not store.
func trimTrailingEmpty(row []string) []string {
	for len(row) > 0 && row[len(row)-1] == "" {
		row = row[:len(row)-1]
	}
	return row
}
