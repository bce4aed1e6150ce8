package pptxdraw

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
)

// textBox writes a box of text; in is the filled shape it is drawn in,
// which becomes the shape holding the text (insets keep the plan's
// padding), or nil for a plain text box.
func (w *shapeWriter) textBox(bx *box, in *plan.Rect) {
	b := &w.b
	b.WriteString(`<p:sp><p:nvSpPr>`)
	switch bx.kind {
	case titleBox:
		w.cNvPr("Title", "", false)
		ph := "title"
		if w.s.layout == layoutTitle {
			ph = "ctrTitle"
		}
		b.WriteString(`<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="` + ph + `"/></p:nvPr>`)
	case footerBox:
		if slideNumber(bx) >= 0 {
			if w.p.numberAt == nil {
				w.p.numberAt = bx
			}
			w.cNvPr("Slide Number", "", false)
			b.WriteString(`<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldNum" sz="quarter" idx="12"/></p:nvPr>`)
		} else {
			if w.p.footerAt == nil {
				w.p.footerAt = bx
			}
			w.cNvPr("Footer", "", false)
			b.WriteString(`<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="ftr" sz="quarter" idx="11"/></p:nvPr>`)
		}
	default:
		if in != nil {
			w.cNvPr("Text", "", false)
			b.WriteString(`<p:cNvSpPr/><p:nvPr/>`)
		} else {
			w.cNvPr("TextBox", "", false)
			b.WriteString(`<p:cNvSpPr txBox="1"/><p:nvPr/>`)
		}
	}
	b.WriteString(`</p:nvSpPr><p:spPr>`)
	// A little room below the last line: the plan's line boxes are
	// exact, a renderer's first baseline may sit a point lower.
	slack := 2.0
	var lIns, tIns, rIns, bIns float64
	if in != nil {
		xfrm(b, in.X, in.Y, in.W, in.H, "")
		geometry(b, in)
		rectLook(b, in)
		lIns, tIns = max(bx.left-in.X, 0), max(bx.y0-in.Y, 0)
		rIns, bIns = max(in.X+in.W-bx.right, 0), max(in.Y+in.H-bx.y1-slack, 0)
	} else {
		xfrm(b, bx.left, bx.y0, bx.right-bx.left, bx.y1-bx.y0+slack, "")
		b.WriteString(`<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>`)
	}
	b.WriteString(`</p:spPr><p:txBody>`)
	fmt.Fprintf(b, `<a:bodyPr wrap="square" lIns="%d" tIns="%d" rIns="%d" bIns="%d" rtlCol="0" anchor="t">`, emu(lIns), emu(tIns), emu(rIns), emu(bIns))
	if bx.kind == footerBox {
		b.WriteString(`<a:noAutofit/>`)
	} else {
		b.WriteString(`<a:normAutofit/>`)
	}
	b.WriteString(`</a:bodyPr><a:lstStyle/>`)
	w.paragraphs(bx)
	b.WriteString(`</p:txBody></p:sp>`)
}

// paragraphs writes the box's paragraphs, each with the space the plan
// left above it as space before, so PowerPoint spaces them as planned.
func (w *shapeWriter) paragraphs(bx *box) {
	var prevBottom float64
	for i, q := range bx.paras {
		before := 0.0
		if i > 0 {
			before = max(q.top()-prevBottom, 0)
		}
		prevBottom = q.bottom()
		w.paragraph(bx, q, before)
	}
}

// slideNumber returns the byte offset of the slide number in a footer
// line that shows one ("7", "7 / 18", "Slide 7"), or -1.
func slideNumber(bx *box) int {
	if len(bx.paras) != 1 || len(bx.paras[0].lines) != 1 {
		return -1
	}
	t := lineText(bx.paras[0].lines[0])
	for i, r := range t {
		if unicode.IsDigit(r) {
			j := i
			for j < len(t) && t[j] >= '0' && t[j] <= '9' {
				j++
			}
			rest := strings.TrimSpace(t[j:])
			if rest == "" || strings.HasPrefix(rest, "/") {
				return i
			}
			return -1
		}
	}
	return -1
}

// run is a piece of a paragraph in one face, size, colour and link.
type run struct {
	seg  textlayout.Segment
	text string
	br   bool // a line break before the run
}

func sameLook(a, b *textlayout.Segment) bool {
	return a.Face == b.Face && a.Style == b.Style && a.Size == b.Size && a.Color == b.Color && a.URL == b.URL && a.Kern == b.Kern
}

// paragraph writes one paragraph: its lines joined, its label turned into
// bullet properties, its line spacing and the space before it from the
// plan.
func (w *shapeWriter) paragraph(bx *box, q *para, before float64) {
	if q.label == nil && len(q.lines) > 1 && code(q.lines[0]) {
		// A code listing: one paragraph a line, indented as measured.
		for i, l := range q.lines {
			w.paragraph(bx, &para{lines: []*plan.Text{l}, key: q.key}, before*float64(1-min(i, 1)))
		}
		return
	}
	b := &w.b
	var runs []run
	var plain strings.Builder
	for i, l := range q.lines {
		br := false
		if i > 0 {
			t := lineText(l)
			if spaceBetween(plain.String(), t) {
				plain.WriteByte(' ')
				if n := len(runs); n > 0 {
					runs[n-1].text += " "
				}
			} else {
				// The plan broke a URL after a slash, where PowerPoint
				// and LibreOffice would not: the break is kept.
				br = strings.HasSuffix(plain.String(), "/")
			}
		}
		for _, s := range l.Line.Segments {
			if s.Text == "" {
				continue
			}
			plain.WriteString(s.Text)
			if br {
				runs = append(runs, run{seg: s, text: s.Text, br: true})
				br = false
				continue
			}
			if n := len(runs); n > 0 && sameLook(&runs[n-1].seg, &s) {
				runs[n-1].text += s.Text
				continue
			}
			runs = append(runs, run{seg: s, text: s.Text})
		}
	}
	if q.label != nil {
		w.text = append(w.text, lineText(q.label)+" "+plain.String())
	} else {
		w.text = append(w.text, plain.String())
	}
	b.WriteString(`<a:p><a:pPr`)
	if q.label != nil {
		mar := left(q.lines[0]) - bx.left
		fmt.Fprintf(b, ` marL="%d" indent="%d"`, emu(mar), emu(left(q.label)-left(q.lines[0])))
	} else {
		// Always written: LibreOffice carries a margin over from the
		// paragraph before when a paragraph states none.
		mar := 0.0
		if bx.align == "l" {
			mar = max(left(q.lines[0])-bx.left, 0)
		}
		fmt.Fprintf(b, ` marL="%d" indent="0"`, emu(mar))
	}
	fmt.Fprintf(b, ` algn="%s"`, bx.align)
	if bx.rtl {
		b.WriteString(` rtl="1"`)
	}
	fmt.Fprintf(b, `><a:lnSpc><a:spcPts val="%d"/></a:lnSpc>`, int(math.Round(q.lines[0].Line.Height*100)))
	if before > 0 {
		fmt.Fprintf(b, `<a:spcBef><a:spcPts val="%d"/></a:spcBef>`, int(math.Round(before*100)))
	}
	if q.label != nil {
		w.bullet(q)
	} else if bx.kind == bodyBox {
		b.WriteString(`<a:buNone/>`)
	}
	b.WriteString(`</a:pPr>`)
	num := -1
	if bx.kind == footerBox {
		num = slideNumber(bx)
	}
	off := 0
	for _, r := range runs {
		if r.br {
			fmt.Fprintf(b, `<a:br><a:rPr lang="%s" sz="%d" dirty="0"/></a:br>`, w.langOr(), int(math.Round(r.seg.Size*100)))
		}
		if num >= off && num < off+len(r.text) {
			// The slide number becomes a field PowerPoint keeps current.
			k, j := num-off, num-off
			for j < len(r.text) && r.text[j] >= '0' && r.text[j] <= '9' {
				j++
			}
			w.run(r.seg, r.text[:k], "")
			w.run(r.seg, r.text[k:j], "slidenum")
			w.run(r.seg, r.text[j:], "")
		} else {
			w.run(r.seg, r.text, "")
		}
		off += len(r.text)
	}
	fmt.Fprintf(b, `<a:endParaRPr lang="%s" sz="%d" dirty="0"/></a:p>`, w.langOr(), int(math.Round(size(q.lines[len(q.lines)-1])*100)))
}

func (w *shapeWriter) langOr() string {
	if w.lang == "" {
		return "en-US"
	}
	return w.lang
}

// bullet writes a list item's label as bullet properties: numbers as
// automatic numbering starting at the label's number, anything else as
// the label's character, in the label's colour, size and face.
func (w *shapeWriter) bullet(q *para) {
	b := &w.b
	seg := q.label.Line.Segments[0]
	b.WriteString(`<a:buClr><a:srgbClr val="` + hex(seg.Color) + `"/></a:buClr>`)
	if body := size(q.lines[0]); body > 0 {
		fmt.Fprintf(b, `<a:buSzPct val="%d"/>`, int(math.Round(min(max(seg.Size/body, 0.25), 4)*100000)))
	}
	b.WriteString(`<a:buFont typeface="` + typeface(seg.Face, seg.Style) + `"/>`)
	label := strings.TrimSpace(lineText(q.label))
	if scheme, n := numbering(label); scheme != "" {
		fmt.Fprintf(b, `<a:buAutoNum type="%s" startAt="%d"/>`, scheme, n)
		return
	}
	r := []rune(label)
	b.WriteString(`<a:buChar char="`)
	esc(b, string(r[:1]))
	b.WriteString(`"/>`)
}

// numbering reads a numeric label ("3", "3.", "3)") as an automatic
// numbering scheme and its number.
func numbering(label string) (string, int) {
	digits := strings.TrimRight(label, ".)")
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 || n > 32767 {
		return "", 0
	}
	switch label[len(digits):] {
	case "":
		return "arabicPlain", n
	case ".":
		return "arabicPeriod", n
	case ")":
		return "arabicParenR", n
	}
	return "", 0
}

// run writes one run of text; field names a field type ("slidenum").
func (w *shapeWriter) run(s textlayout.Segment, text, field string) {
	if text == "" {
		return
	}
	b := &w.b
	if field != "" {
		b.WriteString(`<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="` + field + `">`)
	} else {
		b.WriteString(`<a:r>`)
	}
	fmt.Fprintf(b, `<a:rPr lang="%s" sz="%d"`, w.langOr(), int(math.Round(s.Size*100)))
	// The master's styles are neither bold nor italic.
	if strings.Contains(s.Style, "B") {
		b.WriteString(` b="1"`)
	}
	if strings.Contains(s.Style, "I") {
		b.WriteString(` i="1"`)
	}
	if s.Kern {
		b.WriteString(` kern="0"`)
	}
	b.WriteString(`>`)
	solid(b, s.Color)
	tf := typeface(s.Face, s.Style)
	b.WriteString(`<a:latin typeface="` + tf + `"/><a:cs typeface="` + tf + `"/>`)
	if target := linkTarget(s.URL); target != "" && field == "" {
		b.WriteString(`<a:hlinkClick r:id="` + w.link(target) + `"/>`)
	}
	b.WriteString(`</a:rPr><a:t>`)
	esc(b, text)
	b.WriteString(`</a:t>`)
	if field != "" {
		b.WriteString(`</a:fld>`)
	} else {
		b.WriteString(`</a:r>`)
	}
}

// linkTarget is the hyperlink a run may carry: a web or mail address,
// written as a valid URI (PowerPoint repairs a file whose relationship
// target is not one). Anything else ("javascript:", a file path) stays
// plain text.
func linkTarget(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return ""
		}
	case "mailto":
	default:
		return ""
	}
	return u.String()
}

// link returns the relationship id of an external hyperlink.
func (w *shapeWriter) link(url string) string {
	if id, ok := w.urls[url]; ok {
		return id
	}
	if w.urls == nil {
		w.urls = map[string]string{}
	}
	id := fmt.Sprintf("rId%d", len(w.s.rels)+3)
	w.s.rels = append(w.s.rels, rel{id: id, typ: relHyperlink, target: url, external: true})
	w.urls[url] = id
	return id
}

// typeface is the family name a font menu shows for a face the plan
// measured with ("NotoSans" → "Noto Sans", "DejaVuSans" → "DejaVu Sans").
func typeface(face, style string) string {
	var b strings.Builder
	rs := []rune(face)
	for i, r := range rs {
		if i > 0 && unicode.IsUpper(r) && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])) && !strings.HasSuffix(string(rs[:i]), "Deja") {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	var out strings.Builder
	esc(&out, b.String())
	return out.String()
}
