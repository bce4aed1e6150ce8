package pptxdraw

import (
	"encoding/xml"
	"fmt"
	"math"
	"strings"

	"github.com/scholargate/topicdeck/plan"
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
