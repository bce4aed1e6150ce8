package glossary

import (
	"archive/zip"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/topic"
)

// Sheet names of the workbook, fixed (not translated) so tools that load a
// sheet by name keep working whatever the course language.
const (
	SheetGlossary   = "Glossary"
	SheetTopics     = "Topics"
	SheetTheories   = "Theories"
	SheetQuestions  = "Questions"
	SheetPeople     = "People"
	SheetReferences = "References"
)

// sheet is one table of the workbook before it is written.
type sheet struct {
	name   string
	header []string
	widths []float64
	rows   [][]any
	// links maps "row,col" (0-based data row, column) to a URL.
	links map[[2]int]string
	// flagged marks cells to highlight (a missing definition).
	flagged map[[2]int]bool
	// rich holds cells whose text has bold, italic or code runs, written
	// as rich text so the formatting survives (APA italics, say).
	rich map[[2]int]topic.Text
	// status is the column holding the review status, or -1.
	status int
}

// xlsxWriter carries the workbook and its styles while it is filled.
type xlsxWriter struct {
	f                                *excelize.File
	header, body, link, flag, number int
	warnings                         []string
}

func (g *Glossary) writeXLSX(w io.Writer, opt WriteOptions) ([]string, error) {
	f := excelize.NewFile()
	defer f.Close()
	stamp := docTime(opt.Time)
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		return &stampedZip{Writer: zip.NewWriter(w), time: stamp}
	})
	x := &xlsxWriter{f: f}
	if err := x.styles(); err != nil {
		return nil, err
	}
	l := locale.For(g.Lang)
	sheets := g.sheets(l)
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return nil, err
		}
	}
	// Rich cells go in before any plain string: SetCellRichText compares
	// each new rich string with every shared string already in the
	// workbook, so written after the plain cells a course's glossary
	// took time quadratic in its size (half a minute for 1,000 entries).
	// Written first, each is compared with the rich strings before it
	// only, which are a fraction of the cells.
	for _, s := range sheets {
		if err := x.richCells(s); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	for _, s := range sheets {
		if err := x.fill(s, l); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	f.SetActiveSheet(0)
	if err := g.properties(f, opt); err != nil {
		return nil, err
	}
	if _, err := f.WriteTo(w); err != nil {
		return nil, err
	}
	return x.warnings, nil
}

func (x *xlsxWriter) styles() error {
	var err error
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	if x.header, err = x.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
	}); err != nil {
		return err
	}
	if x.body, err = x.f.NewStyle(&excelize.Style{Alignment: wrapTop}); err != nil {
		return err
	}
	if x.number, err = x.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}}); err != nil {
		return err
	}
	if x.link, err = x.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Color: "0563C1", Underline: "single"},
		Alignment: wrapTop,
	}); err != nil {
		return err
	}
	// A missing definition: a light red fill, with the word "missing" in
	// the source column beside it so the colour is not the only sign.
	x.flag, err = x.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "9C0006"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}},
		Alignment: wrapTop,
	})
	return err
}

// fill writes one sheet: header, rows, styles, widths, links, the frozen
// header row, a table with filter buttons and the review drop-down.
func (x *xlsxWriter) fill(s sheet, l locale.Labels) error {
	f := x.f
	lastCol, _ := excelize.ColumnNumberToName(len(s.header))
	if err := f.SetSheetRow(s.name, "A1", &s.header); err != nil {
		return err
	}
	for i, r := range s.rows {
		for j, v := range r {
			if str, ok := v.(string); ok {
				v = x.fit(s.name, i+2, j+1, cleanXML(str))
				if str == "" {
					v = nil // a blank cell, which filters list as "(Blanks)"
				}
			}
			if _, ok := s.rich[[2]int{i, j}]; ok {
				continue // written already, by richCells
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
			if err := f.SetCellValue(s.name, cell, v); err != nil {
				return err
			}
		}
	}
	last := len(s.rows) + 1
	if len(s.rows) == 0 {
		last = 2 // a table needs a data row, even an empty one
	}
	if err := f.SetCellStyle(s.name, "A1", lastCol+"1", x.header); err != nil {
		return err
	}
	if err := f.SetCellStyle(s.name, "A2", fmt.Sprintf("%s%d", lastCol, last), x.body); err != nil {
		return err
	}
	for j, wd := range s.widths {
		col, _ := excelize.ColumnNumberToName(j + 1)
		if err := f.SetColWidth(s.name, col, col, wd); err != nil {
			return err
		}
	}
	for i, r := range s.rows {
		for j, v := range r {
			if _, ok := v.(int); ok {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
				if err := f.SetCellStyle(s.name, cell, cell, x.number); err != nil {
					return err
				}
			}
		}
	}
	for _, k := range sortedCells(s.links) {
		cell, _ := excelize.CoordinatesToCellName(k[1]+1, k[0]+2)
		if err := f.SetCellHyperLink(s.name, cell, s.links[k], "External"); err != nil {
			return err
		}
		if err := f.SetCellStyle(s.name, cell, cell, x.link); err != nil {
			return err
		}
	}
	for _, k := range sortedCells(s.flagged) {
		cell, _ := excelize.CoordinatesToCellName(k[1]+1, k[0]+2)
		if err := f.SetCellStyle(s.name, cell, cell, x.flag); err != nil {
			return err
		}
	}
	if err := f.SetPanes(s.name, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	stripes := true
	if err := f.AddTable(s.name, &excelize.Table{
		Range:          fmt.Sprintf("A1:%s%d", lastCol, last),
		Name:           s.name + "Table",
		StyleName:      "TableStyleLight9",
		ShowRowStripes: &stripes,
	}); err != nil {
		return err
	}
	if s.status >= 0 {
		col, _ := excelize.ColumnNumberToName(s.status + 1)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, last)
		if err := dv.SetDropList([]string{l.Get(locale.NeedsReview), l.Get(locale.Approved)}); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, "", "")
		if err := f.AddDataValidation(s.name, dv); err != nil {
			return err
		}
	}
	return nil
}

// richCells writes the cells of a sheet whose text has bold, italic or
// code runs, as rich text.
func (x *xlsxWriter) richCells(s sheet) error {
	for _, k := range sortedCells(s.rich) {
		cell, _ := excelize.CoordinatesToCellName(k[1]+1, k[0]+2)
		if err := x.f.SetCellRichText(s.name, cell, richRuns(s.rich[k])); err != nil {
			return err
		}
	}
	return nil
}

// maxCell is Excel's limit on the characters (UTF-16 units) of a cell.
const maxCell = 32767

// fit returns v, cut to Excel's cell limit with a warning when it is longer:
// excelize would cut it silently.
func (x *xlsxWriter) fit(sheetName string, row, col int, v string) string {
	if len(v) <= maxCell || len(utf16.Encode([]rune(v))) <= maxCell {
		return v
	}
	cell, _ := excelize.CoordinatesToCellName(col, row)
	x.warnings = append(x.warnings, fmt.Sprintf("xlsx: %s!%s holds more than %d characters, Excel's limit for a cell; the rest was cut", sheetName, cell, maxCell))
	u := utf16.Encode([]rune(v))[:maxCell-1]
	return string(utf16.Decode(u)) + "…"
}

// sortedCells returns the keys of a cell map in row, then column order,
// so cells are written in the same order on every run.
func sortedCells[V any](m map[[2]int]V) [][2]int {
	ks := make([][2]int, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i][0] != ks[j][0] {
			return ks[i][0] < ks[j][0]
		}
		return ks[i][1] < ks[j][1]
	})
	return ks
}

// sheets lays the glossary out as the workbook's tables.
func (g *Glossary) sheets(l locale.Labels) []sheet {
	gl := sheet{name: SheetGlossary, header: Header(), widths: []float64{28, 70, 26, 30, 30, 17, 50},
		links: map[[2]int]string{}, flagged: map[[2]int]bool{}, rich: map[[2]int]topic.Text{}, status: 5}
	for i, r := range g.rows() {
		if d := g.Terms[i].Definition.Text; styled(d) {
			gl.rich[[2]int{i, 1}] = d
		}
		gl.rows = append(gl.rows, anyRow(r.cells()))
		if r.missing {
			gl.flagged[[2]int{i, 1}] = true
			gl.flagged[[2]int{i, 2}] = true
		}
		if r.link != "" {
			gl.links[[2]int{i, 1}] = r.link
		}
	}
	tp := sheet{name: SheetTopics, status: -1,
		header: []string{"Title", "Subject", "Slug", "Summary", "Concepts", "Theories", "Questions", "References", "People", "Other sections", "Source file"},
		widths: []float64{30, 24, 24, 70, 11, 11, 11, 12, 10, 10, 30}}
	for _, t := range g.Topics {
		tp.rows = append(tp.rows, []any{t.Title, t.Subject, t.Slug, t.Summary, t.Concepts, t.Theories, t.Questions, t.References, t.People, t.Sections, t.Source})
	}
	th := sheet{name: SheetTheories, status: -1, header: []string{"Name", "Topic", "Description"}, widths: []float64{34, 30, 90}}
	for _, t := range g.Theories {
		th.rows = append(th.rows, []any{t.Name, t.Topic, t.Description})
	}
	qs := sheet{name: SheetQuestions, status: -1, header: []string{"Kind", "Question", "Answer", "Topic"}, widths: []float64{14, 50, 80, 30}}
	for _, q := range g.Questions {
		qs.rows = append(qs.rows, []any{kindLabel(l, q.Kind), q.Question, q.Answer, q.Topic})
	}
	pp := sheet{name: SheetPeople, status: -1, header: []string{"Name", "Topics"}, widths: []float64{30, 60}}
	for _, p := range g.People {
		pp.rows = append(pp.rows, []any{p.Name, strings.Join(p.Topics, "; ")})
	}
	rf := sheet{name: SheetReferences, status: -1, header: []string{"Key", "Reference", "DOI link", "Topics"},
		widths: []float64{26, 80, 36, 40}, links: map[[2]int]string{}, rich: map[[2]int]topic.Text{}}
	for i, r := range g.References {
		if styled(r.Text) {
			rf.rich[[2]int{i, 1}] = r.Text
		}
		doi := ""
		if r.DOI != "" {
			doi = "https://doi.org/" + r.DOI
			rf.links[[2]int{i, 2}] = doi
		} else if r.URL != "" {
			rf.links[[2]int{i, 1}] = r.URL
		}
		rf.rows = append(rf.rows, []any{r.Key, oneLine(r.Text.Plain()), doi, strings.Join(r.Topics, "; ")})
	}
	return []sheet{gl, tp, th, qs, pp, rf}
}

// styled reports whether any run of t is bold, italic or code.
func styled(t topic.Text) bool {
	for _, r := range t {
		if r.Style != 0 {
			return true
		}
	}
	return false
}

// richRuns turns styled runs into the workbook's rich text, with white
// space folded as in plain cells.
func richRuns(t topic.Text) []excelize.RichTextRun {
	var out []excelize.RichTextRun
	for i, r := range t {
		txt := cleanXML(strings.Join(strings.Fields(r.Text), " "))
		if strings.HasPrefix(r.Text, " ") || strings.HasPrefix(r.Text, "\n") {
			if i > 0 && txt != "" {
				txt = " " + txt
			}
		}
		if strings.HasSuffix(r.Text, " ") || strings.HasSuffix(r.Text, "\n") {
			if i < len(t)-1 && txt != "" {
				txt += " "
			}
		}
		if txt == "" {
			if strings.TrimSpace(r.Text) == "" && r.Text != "" && i > 0 && i < len(t)-1 {
				txt = " "
			} else {
				continue
			}
		}
		run := excelize.RichTextRun{Text: txt}
		if r.Style != 0 {
			run.Font = &excelize.Font{Bold: r.Style&topic.Bold != 0, Italic: r.Style&topic.Italic != 0}
			if r.Style&topic.Code != 0 {
				run.Font.Family = "Consolas"
			}
		}
		out = append(out, run)
	}
	return out
}

func kindLabel(l locale.Labels, k QuestionKind) string {
	switch k {
	case FAQQuestion:
		return l.Get(locale.KindFAQ)
	case DebateQuestion:
		return l.Get(locale.KindDebate)
	}
	return l.Get(locale.KindCore)
}

func anyRow(cells []string) []any {
	out := make([]any, len(cells))
	for i, c := range cells {
		out[i] = c
	}
	return out
}

// properties writes the document properties: title, creator, language
// and a fixed date, so two runs give the same bytes.
func (g *Glossary) properties(f *excelize.File, opt WriteOptions) error {
	stamp := docTime(opt.Time).Format(time.RFC3339)
	l := locale.For(g.Lang)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          g.Title,
		Subject:        l.Get(locale.Glossary),
		Creator:        opt.Creator,
		LastModifiedBy: opt.Creator,
		Language:       g.Lang,
		Created:        stamp,
		Modified:       stamp,
	}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "topicdeck"})
}

// docTime is the fixed date of the workbook: the given time, or a fixed
// day when none is given (never the clock).
func docTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.UTC()
}

// stampedZip dates every member of the archive with the document's fixed
// time. excelize leaves the date zero, which zip tools show as the
// invalid day 1980-00-00; a fixed real date keeps the output reproducible
// and valid.
type stampedZip struct {
	*zip.Writer
	time time.Time
}

func (z *stampedZip) Create(name string) (io.Writer, error) {
	return z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.time})
}
