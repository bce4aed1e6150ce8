package glossary

import (
	"fmt"
	"strings"
	"time"

	"github.com/scholargate/topicdeck/locale"
)

// The package-level parts of a workbook (content types, relationships,
// the workbook, its styles and document properties) are small and fixed
// in shape, so each is made as one string; the sheets, which grow with
// the glossary, are streamed by xlsx_write.go.

// Namespaces and relationship types of the parts.
const (
	nsMain     = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRel   = "http://schemas.openxmlformats.org/package/2006/relationships"
	relDoc     = nsRel + "/officeDocument"
	relSheet   = nsRel + "/worksheet"
	relStyles  = nsRel + "/styles"
	relTable   = nsRel + "/table"
	relLink    = nsRel + "/hyperlink"
	relApp     = nsRel + "/extended-properties"
	relCore    = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	ctSheetML  = "application/vnd.openxmlformats-officedocument.spreadsheetml."
	xmlHeading = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// Cell styles: their indexes in styles.xml's cellXfs, in that order.
const (
	styleDefault = iota
	styleHeader
	styleBody
	styleNumber
	styleLink
	styleFlag
)

// stylesXML holds the fonts, fills and cell formats of the styles above.
// A missing definition gets a light red fill and bold dark red text, with
// the word "missing" in the source column beside it so the colour is not
// the only sign.
const stylesXML = xmlHeading + `<styleSheet xmlns="` + nsMain + `">` +
	`<fonts count="4">` +
	`<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
	`<font><b/><color rgb="FFFFFFFF"/><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
	`<font><u/><color rgb="FF0563C1"/><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
	`<font><b/><color rgb="FF9C0006"/><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
	`</fonts>` +
	`<fills count="4">` +
	`<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
	`<fill><patternFill patternType="solid"><fgColor rgb="FF1F4E79"/><bgColor indexed="64"/></patternFill></fill>` +
	`<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill>` +
	`</fills>` +
	`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="6">` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="right" vertical="top"/></xf>` +
	`<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
	`<xf numFmtId="0" fontId="3" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
	`</cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
	`<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
	`</styleSheet>`

// contentTypes names the type of every part of a workbook of n sheets.
func contentTypes(n int) string {
	var b strings.Builder
	b.WriteString(xmlHeading + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="` + ctSheetML + `sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="` + ctSheetML + `styles+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="%sworksheet+xml"/>`, i, ctSheetML)
		fmt.Fprintf(&b, `<Override PartName="/xl/tables/table%d.xml" ContentType="%stable+xml"/>`, i, ctSheetML)
	}
	b.WriteString(`</Types>`)
	return b.String()
}

// relationship is one entry of a relationships part, numbered rId1 on
// in the order given.
type relationship struct {
	kind, target string
	external     bool
}

func relationships(rels []relationship) string {
	var b strings.Builder
	b.WriteString(xmlHeading + `<Relationships xmlns="` + nsPkgRel + `">`)
	for i, r := range rels {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s" Target="%s"`, i+1, r.kind, escapeAttr(r.target))
		if r.external {
			b.WriteString(` TargetMode="External"`)
		}
		b.WriteString(`/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// workbookRels points to the n sheets (rId1 to rIdn) and the styles.
func workbookRels(n int) string {
	var rels []relationship
	for i := 1; i <= n; i++ {
		rels = append(rels, relationship{relSheet, fmt.Sprintf("worksheets/sheet%d.xml", i), false})
	}
	return relationships(append(rels, relationship{relStyles, "styles.xml", false}))
}

// workbook lists the sheets; the first is the one shown on opening.
func workbook(sheets []sheet) string {
	var b strings.Builder
	b.WriteString(xmlHeading + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">` +
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, s := range sheets {
		fmt.Fprintf(&b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, escapeAttr(s.name), i+1, i+1)
	}
	b.WriteString(`</sheets></workbook>`)
	return b.String()
}

// coreProperties holds the title, subject, creator, language and a fixed
// date, so two runs give the same bytes.
func (g *Glossary) coreProperties(l locale.Labels, creator string, t time.Time) string {
	stamp := t.Format(time.RFC3339)
	var b strings.Builder
	b.WriteString(xmlHeading + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, f := range [][2]string{{"dc:title", g.Title}, {"dc:subject", l.Get(locale.Glossary)},
		{"dc:creator", creator}, {"cp:lastModifiedBy", creator}, {"dc:language", g.Lang}} {
		if f[1] != "" {
			fmt.Fprintf(&b, "<%s>%s</%[1]s>", f[0], escapeText(cleanXML(f[1])))
		}
	}
	fmt.Fprintf(&b, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>`, stamp)
	fmt.Fprintf(&b, `<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`, stamp)
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}
