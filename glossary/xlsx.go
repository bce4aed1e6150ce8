package glossary

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/scholargate/topicdeck/internal/safelink"
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
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newStampedZip(w, stamp) })
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
	// Set before the sheets are streamed: SetActiveSheet reads every sheet
	// back, and a streamed sheet read back after Flush is parsed again and
	// its changes are dropped.
	f.SetActiveSheet(0)
	// Every sheet is streamed: rich cells become inline strings, while
	// SetCellRichText compares each with every shared string before it
	// (qax-os/excelize#978), and a course's sheets stay out of memory.
	// excelize writes streamed sheets in map order; stampedZip puts the
	// archive's members in a fixed order, so the bytes do not change.
	for _, s := range sheets {
		if err := x.stream(s, l); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
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
// stream writes one sheet through excelize's stream writer: the header,
// every cell of the table styled (blank ones too), rich text, links,
// highlighted cells, column widths, frozen header, table and drop-down.
// Links, the drop-down and the dimension go on the worksheet before the
// stream starts: Flush copies them from it, while anything set on the
// sheet after Flush is lost.
func (x *xlsxWriter) stream(s sheet, l locale.Labels) error {
	f := x.f
	lastCol, _ := excelize.ColumnNumberToName(len(s.header))
	last := max(len(s.rows)+1, 2) // a table needs a data row, even an empty one
	for k, u := range s.links {
		if !safelink.Allowed(u) {
			delete(s.links, k) // the cell keeps its text (topic.UnsafeLinks warns)
		}
	}
	for _, k := range sortedCells(s.links) {
		cell, _ := excelize.CoordinatesToCellName(k[1]+1, k[0]+2)
		if err := f.SetCellHyperLink(s.name, cell, s.links[k], "External"); err != nil {
			return err
		}
	}
	if s.status >= 0 {
		dv, err := dropDown(s, l, last)
		if err != nil {
			return err
		}
		if err := f.AddDataValidation(s.name, dv); err != nil {
			return err
		}
	}
	if err := f.SetSheetDimension(s.name, fmt.Sprintf("A1:%s%d", lastCol, last)); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	// Backwards: the stream writer puts each column before those set
	// already and writes them unsorted, and Excel wants them in order.
	for j := len(s.widths) - 1; j >= 0; j-- {
		if err := sw.SetColWidth(j+1, j+1, s.widths[j]); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(frozenHeader()); err != nil {
		return err
	}
	head := make([]any, len(s.header))
	for j, h := range s.header {
		head[j] = excelize.Cell{StyleID: x.header, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for i := 0; i < last-1; i++ {
		// Every cell of the table gets its style, blank ones too, as
		// SetCellStyle over the table's range gives them in fill.
		row := make([]any, max(len(s.header), rowLen(s.rows, i)))
		for j := range row {
			var v any
			if i < len(s.rows) && j < len(s.rows[i]) {
				v = s.rows[i][j]
			}
			style := x.body
			if _, ok := v.(int); ok {
				style = x.number
			}
			if str, ok := v.(string); ok {
				v = x.fit(s.name, i+2, j+1, cleanXML(str))
				if str == "" {
					v = nil // a blank cell, which filters list as "(Blanks)"
				}
			}
			k := [2]int{i, j}
			if t, ok := s.rich[k]; ok {
				v = richRuns(t)
			}
			if _, ok := s.links[k]; ok {
				style = x.link
			}
			if s.flagged[k] {
				style = x.flag
			}
			row[j] = excelize.Cell{StyleID: style, Value: v}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.AddTable(table(s, lastCol, last)); err != nil {
		return err
	}
	return sw.Flush()
}

// rowLen is the length of row i, or 0 past the last row.
func rowLen(rows [][]any, i int) int {
	if i < len(rows) {
		return len(rows[i])
	}
	return 0
}

// frozenHeader keeps the header row in view while the rows scroll.
func frozenHeader() *excelize.Panes {
	return &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}
}

// table is the sheet's Excel table, header row to row last, which gives
// it filter buttons and banded rows.
func table(s sheet, lastCol string, last int) *excelize.Table {
	stripes := true
	return &excelize.Table{
		Range:          fmt.Sprintf("A1:%s%d", lastCol, last),
		Name:           s.name + "Table",
		StyleName:      "TableStyleLight9",
		ShowRowStripes: &stripes,
	}
}

// dropDown is the review status list of the sheet's status column, rows 2
// to last; a warning, not a stop, lets a reviewer type another status.
func dropDown(s sheet, l locale.Labels, last int) (*excelize.DataValidation, error) {
	col, _ := excelize.ColumnNumberToName(s.status + 1)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, last)
	if err := dv.SetDropList([]string{l.Get(locale.NeedsReview), l.Get(locale.Approved)}); err != nil {
		return nil, err
	}
	dv.SetError(excelize.DataValidationErrorStyleWarning, "", "")
	return dv, nil
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
