package pptxdraw

import (
	"encoding/xml"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
)

// shapeWriter writes one slide's shape tree.
type shapeWriter struct {
	p    *pkg
	s    *slide
	b    strings.Builder
	id   int
	lang string
	text []string
	urls map[string]string // hyperlink target → relationship id
}

const (
	nsA = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"`
	nsR = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	nsP = `xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"`
	// decorative marks a shape that screen readers and the accessibility
	// checker skip (Office 2019's "Mark as decorative").
	decorative = `<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>`
	// groupProps opens every shape tree.
	groupProps = `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`
)

// esc writes s escaped for XML text or an attribute value.
func esc(b *strings.Builder, s string) {
	clean := true
	for _, r := range s {
		if r == '&' || r == '<' || r == '>' || r == '"' || r == '\'' || r < 0x20 || r == 0xFFFE || r == 0xFFFF {
			clean = false
			break
		}
	}
	if clean {
		b.WriteString(s)
		return
	}
	_ = xml.EscapeText(b, []byte(s))
}

func (w *shapeWriter) begin(pg *plan.Page) {
	b := &w.b
	b.WriteString(xml.Header)
	b.WriteString(`<p:sld ` + nsA + ` ` + nsR + ` ` + nsP + `><p:cSld>`)
	if pg.Background != nil && *pg.Background != plan.White {
		b.WriteString(`<p:bg><p:bgPr>`)
		solid(b, *pg.Background)
		b.WriteString(`<a:effectLst/></p:bgPr></p:bg>`)
	}
	b.WriteString(`<p:spTree>` + groupProps)
	w.id = 1
}

func (w *shapeWriter) end() {
	w.b.WriteString(`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`)
}

// nvPr opens a shape's non-visual properties: its id, name, description
// and whether it is decoration.
func (w *shapeWriter) cNvPr(name, descr string, deco bool) {
	w.id++
	b := &w.b
	fmt.Fprintf(b, `<p:cNvPr id="%d" name="%s %d"`, w.id, name, w.id-1)
	if descr != "" {
		b.WriteString(` descr="`)
		esc(b, descr)
		b.WriteByte('"')
	}
	if deco {
		b.WriteString(`>` + decorative + `</p:cNvPr>`)
	} else {
		b.WriteString(`/>`)
	}
}

func xfrm(b *strings.Builder, x, y, wd, ht float64, extra string) {
	fmt.Fprintf(b, `<a:xfrm%s><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm>`, extra, emu(x), emu(y), max(emu(wd), 0), max(emu(ht), 0))
}

func hex(c plan.Color) string { return fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B) }

func solid(b *strings.Builder, c plan.Color) {
	b.WriteString(`<a:solidFill><a:srgbClr val="` + hex(c) + `"/></a:solidFill>`)
}

// geometry writes a rectangle's preset shape, rounded when it has a radius.
func geometry(b *strings.Builder, r *plan.Rect) {
	if r.Radius > 0 && r.W > 0 && r.H > 0 {
		adj := int(math.Round(min(r.Radius/min(r.W, r.H), 0.5) * 100000))
		fmt.Fprintf(b, `<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val %d"/></a:avLst></a:prstGeom>`, adj)
		return
	}
	b.WriteString(`<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>`)
}

// rectLook writes a rectangle's fill and outline.
func rectLook(b *strings.Builder, r *plan.Rect) {
	if r.Fill != nil {
		solid(b, *r.Fill)
	} else {
		b.WriteString(`<a:noFill/>`)
	}
	if r.Stroke != nil && r.LineWidth > 0 {
		fmt.Fprintf(b, `<a:ln w="%d">`, emu(r.LineWidth))
		solid(b, *r.Stroke)
		b.WriteString(`</a:ln>`)
	} else {
		b.WriteString(`<a:ln><a:noFill/></a:ln>`)
	}
}

func (w *shapeWriter) rect(r *plan.Rect) {
	b := &w.b
	b.WriteString(`<p:sp><p:nvSpPr>`)
	w.cNvPr("Rectangle", "", r.Tag == nil)
	b.WriteString(`<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>`)
	xfrm(b, r.X, r.Y, r.W, r.H, "")
	geometry(b, r)
	rectLook(b, r)
	b.WriteString(`</p:spPr></p:sp>`)
}

func (w *shapeWriter) rule(r *plan.Rule) {
	b := &w.b
	b.WriteString(`<p:cxnSp><p:nvCxnSpPr>`)
	w.cNvPr("Line", "", r.Tag == nil)
	b.WriteString(`<p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr><p:spPr>`)
	flip := ""
	if r.X2 < r.X1 {
		flip += ` flipH="1"`
	}
	if r.Y2 < r.Y1 {
		flip += ` flipV="1"`
	}
	xfrm(b, min(r.X1, r.X2), min(r.Y1, r.Y2), math.Abs(r.X2-r.X1), math.Abs(r.Y2-r.Y1), flip)
	fmt.Fprintf(b, `<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="%d">`, emu(max(r.Width, 0.25)))
	solid(b, r.Color)
	if r.Dash > 0 {
		b.WriteString(`<a:prstDash val="dash"/>`)
	}
	b.WriteString(`</a:ln></p:spPr></p:cxnSp>`)
}

func (w *shapeWriter) picture(im *plan.Image) {
	rid := w.p.image(w.s, im)
	alt := ""
	if im.Tag != nil {
		alt = im.Tag.Alt
	}
	b := &w.b
	b.WriteString(`<p:pic><p:nvPicPr>`)
	w.cNvPr("Picture", alt, im.Tag == nil)
	b.WriteString(`<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>`)
	b.WriteString(`<p:blipFill><a:blip r:embed="` + rid + `"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>`)
	xfrm(b, im.X, im.Y, im.W, im.H, "")
	b.WriteString(`<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`)
}

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
	var prevBottom float64
	for i, q := range bx.paras {
		before := 0.0
		if i > 0 {
			before = max(q.top()-prevBottom, 0)
		}
		prevBottom = q.bottom()
		w.paragraph(bx, q, before)
	}
	b.WriteString(`</p:txBody></p:sp>`)
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
