package glossary

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/scholargate/topicdeck/internal/safelink"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/topic"
)

// The workbook is SpreadsheetML written directly (ECMA-376 part 1, the
// parts Excel, LibreOffice and Google Sheets need and nothing else):
// content types, package and workbook relationships, core and app
// properties, one style sheet, and per sheet its worksheet, its
// relationships (links and the table) and its table. Strings are inline,
// so each sheet is written in one pass from its rows.

// xlsxPackage writes the parts of one workbook into its zip archive, in
// the order they are made, each dated with the document's fixed time.
type xlsxPackage struct {
	zw       *zip.Writer
	bw       *bufio.Writer
	time     time.Time
	warnings []string
}

// part starts the member name; what was written before is complete.
func (p *xlsxPackage) part(name string) (*bufio.Writer, error) {
	if err := p.bw.Flush(); err != nil {
		return nil, err
	}
	w, err := p.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: p.time})
	if err != nil {
		return nil, err
	}
	p.bw.Reset(w)
	return p.bw, nil
}

// whole writes a part made as one string.
func (p *xlsxPackage) whole(name, data string) error {
	w, err := p.part(name)
	if err != nil {
		return err
	}
	_, err = w.WriteString(data)
	return err
}

func (g *Glossary) writeXLSX(w io.Writer, opt WriteOptions) ([]string, error) {
	stamp := docTime(opt.Time)
	p := &xlsxPackage{zw: zip.NewWriter(w), bw: bufio.NewWriterSize(io.Discard, 32<<10), time: stamp}
	// One compressor for every part, reset for each and kept for the next
	// workbook: archive/zip's own pool is emptied by every collection, and
	// a course build, collecting often against its heap limit, made a new
	// one (about a megabyte) for most parts.
	fw := flaters.Get().(*flate.Writer)
	defer flaters.Put(fw)
	p.zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw.Reset(out)
		return fw, nil
	})
	l := locale.For(g.Lang)
	sheets := g.sheets(l)
	for _, part := range [][2]string{
		{"[Content_Types].xml", contentTypes(len(sheets))},
		{"_rels/.rels", relationships([]relationship{
			{relDoc, "xl/workbook.xml", false}, {relCore, "docProps/core.xml", false}, {relApp, "docProps/app.xml", false}})},
		{"docProps/app.xml", xmlHeading + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>topicdeck</Application></Properties>`},
		{"docProps/core.xml", g.coreProperties(l, opt.Creator, stamp)},
		{"xl/workbook.xml", workbook(sheets)},
		{"xl/_rels/workbook.xml.rels", workbookRels(len(sheets))},
		{"xl/styles.xml", stylesXML},
	} {
		if err := p.whole(part[0], part[1]); err != nil {
			return nil, err
		}
	}
	for i, s := range sheets {
		if err := p.sheet(i+1, s, l); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	if err := p.bw.Flush(); err != nil {
		return nil, err
	}
	if err := p.zw.Close(); err != nil {
		return nil, err
	}
	return p.warnings, nil
}

// flaters are reusable compressors at archive/zip's level for Deflate,
// so the parts' bytes are those zip's own compressor would write.
var flaters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(io.Discard, zipDeflateLevel)
	return fw
}}

// zipDeflateLevel is the level archive/zip compresses Deflate members at.
const zipDeflateLevel = 5

// sheet writes sheet n: its worksheet, the worksheet's relationships
// (its links, then its table) and its table.
func (p *xlsxPackage) sheet(n int, s sheet, l locale.Labels) error {
	for k, u := range s.links {
		if !safelink.Allowed(u) {
			delete(s.links, k) // the cell keeps its text (topic.UnsafeLinks warns)
		}
	}
	links := sortedCells(s.links)
	last := max(len(s.rows)+1, 2) // a table needs a data row, even an empty one
	ref := "A1:" + cellName(len(s.header), last)
	w, err := p.part(fmt.Sprintf("xl/worksheets/sheet%d.xml", n))
	if err != nil {
		return err
	}
	p.worksheet(w, n, s, l, links, ref, last)
	var rels []relationship
	for _, k := range links {
		rels = append(rels, relationship{relLink, s.links[k], true})
	}
	rels = append(rels, relationship{relTable, fmt.Sprintf("../tables/table%d.xml", n), false})
	if err := p.whole(fmt.Sprintf("xl/worksheets/_rels/sheet%d.xml.rels", n), relationships(rels)); err != nil {
		return err
	}
	return p.whole(fmt.Sprintf("xl/tables/table%d.xml", n), table(n, s, ref))
}

// worksheet writes the sheet's XML: its range, the frozen header row
// (the first sheet selected), column widths, every cell of the table
// styled (blank ones too), the review drop-down, links and the table.
// Errors are the writer's and show when the part is flushed.
func (p *xlsxPackage) worksheet(w *bufio.Writer, n int, s sheet, l locale.Labels, links [][2]int, ref string, last int) {
	w.WriteString(xmlHeading + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	w.WriteString(`<dimension ref="` + ref + `"></dimension><sheetViews><sheetView`)
	if n == 1 {
		w.WriteString(` tabSelected="1"`)
	}
	w.WriteString(` workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
		`<sheetFormatPr defaultRowHeight="15"/><cols>`)
	for j, width := range s.widths {
		fmt.Fprintf(w, `<col min="%d" max="%[1]d" width="%s" customWidth="1"/>`, j+1, strconv.FormatFloat(width, 'f', -1, 64))
	}
	w.WriteString(`</cols><sheetData><row r="1">`)
	for j, h := range s.header {
		writeCell(w, cellName(j+1, 1), styleHeader, h, nil)
	}
	w.WriteString(`</row>`)
	for i := 0; i < last-1; i++ {
		fmt.Fprintf(w, `<row r="%d">`, i+2)
		for j := range max(len(s.header), rowLen(s.rows, i)) {
			var v any
			if i < len(s.rows) && j < len(s.rows[i]) {
				v = s.rows[i][j]
			}
			k := [2]int{i, j}
			style := styleBody
			if _, ok := v.(int); ok {
				style = styleNumber
			}
			if _, ok := s.links[k]; ok {
				style = styleLink
			}
			if s.flagged[k] {
				style = styleFlag
			}
			name := cellName(j+1, i+2)
			if str, ok := v.(string); ok {
				v = p.fit(s.name, name, cleanXML(str))
			}
			var runs []richRun
			if t, ok := s.rich[k]; ok {
				runs = richRuns(t)
			}
			writeCell(w, name, style, v, runs)
		}
		w.WriteString(`</row>`)
	}
	w.WriteString(`</sheetData>`)
	if s.status >= 0 {
		// A warning, not a stop, lets a reviewer type another status.
		col := colName(s.status + 1)
		list := `"` + l.Get(locale.NeedsReview) + "," + l.Get(locale.Approved) + `"`
		fmt.Fprintf(w, `<dataValidations count="1"><dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" sqref="%s2:%[1]s%d"><formula1>%s</formula1></dataValidation></dataValidations>`,
			col, last, escapeText(list))
	}
	if len(links) > 0 {
		w.WriteString(`<hyperlinks>`)
		for i, k := range links {
			fmt.Fprintf(w, `<hyperlink ref="%s" r:id="rId%d"></hyperlink>`, cellName(k[1]+1, k[0]+2), i+1)
		}
		w.WriteString(`</hyperlinks>`)
	}
	fmt.Fprintf(w, `<tableParts count="1"><tablePart r:id="rId%d"/></tableParts></worksheet>`, len(links)+1)
}

// writeCell writes one cell: a number, inline text (rich when runs are
// given), or a blank cell that only carries its style, which filters list
// as "(Blanks)".
func writeCell(w *bufio.Writer, name string, style int, v any, runs []richRun) {
	fmt.Fprintf(w, `<c r="%s" s="%d"`, name, style)
	switch v := v.(type) {
	case int:
		fmt.Fprintf(w, `><v>%d</v></c>`, v)
		return
	case string:
		if v != "" && runs == nil {
			w.WriteString(` t="inlineStr"><is>`)
			writeT(w, v)
			w.WriteString(`</is></c>`)
			return
		}
	}
	if runs == nil {
		w.WriteString(`/>`)
		return
	}
	w.WriteString(` t="inlineStr"><is>`)
	for _, r := range runs {
		w.WriteString(`<r>`)
		if r.bold || r.italic || r.code {
			w.WriteString(`<rPr>`)
			if r.bold {
				w.WriteString(`<b/>`)
			}
			if r.italic {
				w.WriteString(`<i/>`)
			}
			if r.code {
				w.WriteString(`<rFont val="Consolas"/>`)
			}
			w.WriteString(`</rPr>`)
		}
		writeT(w, r.text)
		w.WriteString(`</r>`)
	}
	w.WriteString(`</is></c>`)
}

// writeT writes a text element, marked to keep its white space where it
// begins or ends with some (Excel trims it otherwise).
func writeT(w *bufio.Writer, s string) {
	if s != strings.TrimSpace(s) {
		w.WriteString(`<t xml:space="preserve">`)
	} else {
		w.WriteString(`<t>`)
	}
	w.WriteString(escapeText(s))
	w.WriteString(`</t>`)
}

// table is the sheet's Excel table over ref (header row to the last),
// which gives it filter buttons and banded rows. Its columns are named as
// the header cells, as Excel requires.
func table(n int, s sheet, ref string) string {
	var b strings.Builder
	fmt.Fprintf(&b, xmlHeading+`<table xmlns="%s" id="%d" name="%sTable" displayName="%[3]sTable" ref="%s">`, nsMain, n, s.name, ref)
	fmt.Fprintf(&b, `<autoFilter ref="%s"/><tableColumns count="%d">`, ref, len(s.header))
	for j, h := range s.header {
		fmt.Fprintf(&b, `<tableColumn id="%d" name="%s"/>`, j+1, escapeAttr(h))
	}
	b.WriteString(`</tableColumns><tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`)
	return b.String()
}

// rowLen is the length of row i, or 0 past the last row.
func rowLen(rows [][]any, i int) int {
	if i < len(rows) {
		return len(rows[i])
	}
	return 0
}

// colName is the letters of column n (1 is A, 27 is AA).
func colName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// cellName is a cell's A1 name from its column and row, both from 1.
func cellName(col, row int) string { return colName(col) + strconv.Itoa(row) }

// maxCell is Excel's limit on the characters (UTF-16 units) of a cell.
const maxCell = 32767

// fit returns v, cut to Excel's cell limit with a warning when it is
// longer: Excel would refuse or cut it silently.
func (p *xlsxPackage) fit(sheetName, cell, v string) string {
	if len(v) <= maxCell || len(utf16.Encode([]rune(v))) <= maxCell {
		return v
	}
	p.warnings = append(p.warnings, fmt.Sprintf("xlsx: %s!%s holds more than %d characters, Excel's limit for a cell; the rest was cut", sheetName, cell, maxCell))
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

// richRun is one run of a rich text cell.
type richRun struct {
	text               string
	bold, italic, code bool
}

// richRuns turns styled runs into the workbook's rich text, with white
// space folded as in plain cells.
func richRuns(t topic.Text) []richRun {
	var out []richRun
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
		out = append(out, richRun{text: txt, bold: r.Style&topic.Bold != 0, italic: r.Style&topic.Italic != 0, code: r.Style&topic.Code != 0})
	}
	return out
}

// escapeText escapes s for element content. A carriage return is written
// as a reference, since an XML reader turns a literal one into a newline.
func escapeText(s string) string {
	if !strings.ContainsAny(s, "&<>\r") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\r':
			b.WriteString("&#13;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escapeAttr escapes s for a double-quoted attribute value, white space
// characters included, which an XML reader would fold to spaces.
func escapeAttr(s string) string {
	s = escapeText(s)
	if !strings.ContainsAny(s, "\"\n\t") {
		return s
	}
	return strings.NewReplacer(`"`, "&quot;", "\n", "&#10;", "\t", "&#9;").Replace(s)
}
