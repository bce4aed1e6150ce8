package pptxdraw

import (
	"fmt"
	"strings"
)

// themeXML writes the theme: the plan's colours and faces, the body face
// as the minor font so that text a lecturer adds matches the rest.
func (p *pkg) themeXML(name string) string {
	th := p.theme
	var b strings.Builder
	b.WriteString(xmlHead + `<a:theme ` + nsA + ` name="` + name + `"><a:themeElements><a:clrScheme name="topicdeck">`)
	clr := func(tag string, c string) {
		b.WriteString(`<a:` + tag + `><a:srgbClr val="` + c + `"/></a:` + tag + `>`)
	}
	clr("dk1", hex(th.text))
	clr("lt1", hex(th.ground))
	clr("dk2", hex(th.title))
	clr("lt2", "E7E6E6")
	clr("accent1", hex(th.accent))
	for i, c := range []string{"ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"} {
		clr(fmt.Sprintf("accent%d", 2+i), c)
	}
	clr("hlink", hex(th.link))
	clr("folHlink", hex(th.link))
	b.WriteString(`</a:clrScheme><a:fontScheme name="topicdeck">`)
	b.WriteString(`<a:majorFont><a:latin typeface="` + th.major + `"/><a:ea typeface=""/><a:cs typeface="` + th.major + `"/></a:majorFont>`)
	b.WriteString(`<a:minorFont><a:latin typeface="` + th.minor + `"/><a:ea typeface=""/><a:cs typeface="` + th.minor + `"/></a:minorFont>`)
	b.WriteString(`</a:fontScheme><a:fmtScheme name="topicdeck"><a:fillStyleLst>`)
	for i := 0; i < 3; i++ {
		b.WriteString(`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`)
	}
	b.WriteString(`</a:fillStyleLst><a:lnStyleLst>`)
	for _, w := range []int{6350, 12700, 19050} {
		fmt.Fprintf(&b, `<a:ln w="%d" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>`, w)
	}
	b.WriteString(`</a:lnStyleLst><a:effectStyleLst>`)
	for i := 0; i < 3; i++ {
		b.WriteString(`<a:effectStyle><a:effectLst/></a:effectStyle>`)
	}
	b.WriteString(`</a:effectStyleLst><a:bgFillStyleLst>`)
	for i := 0; i < 3; i++ {
		b.WriteString(`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`)
	}
	b.WriteString(`</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`)
	return b.String()
}

// frame is a placeholder's position in points.
type frame struct{ x, y, w, h float64 }

// frames are the master's placeholder positions: the slides' own margins
// and the first footer and slide number the slides show.
func (p *pkg) frames() (title, body, footer, number frame) {
	W, H := p.doc.Width, p.doc.Height
	m := W * 0.06
	title = frame{m, H * 0.07, W - 2*m, H * 0.15}
	body = frame{m, H * 0.24, W - 2*m, H * 0.64}
	footer = frame{m, H * 0.92, W * 0.5, H * 0.04}
	number = frame{W - m - W*0.15, H * 0.92, W * 0.15, H * 0.04}
	if b := p.footerAt; b != nil {
		footer = frame{b.left, b.y0, b.right - b.left, b.y1 - b.y0 + 2}
	}
	if b := p.numberAt; b != nil {
		number = frame{b.left, b.y0, b.right - b.left, b.y1 - b.y0 + 2}
	}
	return
}

// placeholder writes an empty placeholder of a master or layout.
func placeholder(b *strings.Builder, id int, name, typ, idx string, f frame, text string) {
	fmt.Fprintf(b, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="%s"`, id, name, typ)
	if idx != "" {
		b.WriteString(` idx="` + idx + `"`)
	}
	if typ == "ftr" || typ == "sldNum" {
		b.WriteString(` sz="quarter"`)
	}
	b.WriteString(`/></p:nvPr></p:nvSpPr><p:spPr>`)
	xfrm(b, f.x, f.y, f.w, f.h, "")
	b.WriteString(`</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p>`)
	switch {
	case typ == "sldNum":
		b.WriteString(`<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"><a:rPr lang="en-US"/><a:t>‹#›</a:t></a:fld>`)
	case text != "":
		b.WriteString(`<a:r><a:rPr lang="en-US"/><a:t>` + text + `</a:t></a:r>`)
	}
	b.WriteString(`<a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>`)
}

// level1 writes a text style's first level: size, colour and font.
func level1(b *strings.Builder, algn string, size float64, color, font string, bullet bool) {
	fmt.Fprintf(b, `<a:lvl1pPr algn="%s"><a:lnSpc><a:spcPct val="100000"/></a:lnSpc>`, algn)
	if bullet {
		b.WriteString(`<a:buFont typeface="` + font + `"/><a:buChar char="•"/>`)
	} else {
		b.WriteString(`<a:buNone/>`)
	}
	fmt.Fprintf(b, `<a:defRPr sz="%d"><a:solidFill><a:srgbClr val="%s"/></a:solidFill><a:latin typeface="%s"/><a:ea typeface="%s"/><a:cs typeface="%s"/></a:defRPr></a:lvl1pPr>`,
		int(size*100), color, font, font, font)
}

// master writes the slide master: background, the four placeholders and
// the text styles in the theme's faces and the plan's sizes.
func (p *pkg) master() string {
	th := p.theme
	title, body, footer, number := p.frames()
	var b strings.Builder
	b.WriteString(xmlHead + `<p:sldMaster ` + nsA + ` ` + nsR + ` ` + nsP + `><p:cSld><p:bg><p:bgPr>`)
	solid(&b, th.ground)
	b.WriteString(`<a:effectLst/></p:bgPr></p:bg><p:spTree>` + groupProps)
	placeholder(&b, 2, "Title Placeholder 1", "title", "", title, "")
	placeholder(&b, 3, "Text Placeholder 2", "body", "1", body, "")
	placeholder(&b, 4, "Footer Placeholder 3", "ftr", "11", footer, "")
	placeholder(&b, 5, "Slide Number Placeholder 4", "sldNum", "12", number, "")
	b.WriteString(`</p:spTree></p:cSld>`)
	b.WriteString(`<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>`)
	b.WriteString(`<p:sldLayoutIdLst>`)
	for i := range layoutNames {
		fmt.Fprintf(&b, `<p:sldLayoutId id="%d" r:id="rId%d"/>`, 2147483649+i, i+1)
	}
	b.WriteString(`</p:sldLayoutIdLst><p:hf hdr="0" dt="0"/><p:txStyles><p:titleStyle>`)
	level1(&b, "l", 36, hex(th.title), th.major, false)
	b.WriteString(`</p:titleStyle><p:bodyStyle>`)
	level1(&b, "l", 24, hex(th.text), th.minor, true)
	b.WriteString(`</p:bodyStyle><p:otherStyle>`)
	level1(&b, "l", 18, hex(th.text), th.minor, false)
	b.WriteString(`</p:otherStyle></p:txStyles></p:sldMaster>`)
	return b.String()
}

// layout writes slide layout i of layoutNames.
func (p *pkg) layout(i int) string {
	title, body, footer, number := p.frames()
	var b strings.Builder
	fmt.Fprintf(&b, xmlHead+`<p:sldLayout `+nsA+` `+nsR+` `+nsP+` type="%s" preserve="1"><p:cSld name="%s"><p:spTree>`+groupProps, layoutNames[i][0], layoutNames[i][1])
	switch i {
	case layoutTitle:
		placeholder(&b, 2, "Title 1", "ctrTitle", "", frame{title.x, p.doc.Height * 0.25, title.w, p.doc.Height * 0.2}, "")
		placeholder(&b, 3, "Subtitle 2", "subTitle", "1", frame{title.x, p.doc.Height * 0.47, title.w, p.doc.Height * 0.3}, "")
	case layoutContent:
		placeholder(&b, 2, "Title 1", "title", "", title, "")
		placeholder(&b, 3, "Content Placeholder 2", "body", "1", body, "")
	case layoutSection:
		placeholder(&b, 2, "Title 1", "title", "", frame{title.x, p.doc.Height * 0.35, title.w, p.doc.Height * 0.2}, "")
		placeholder(&b, 3, "Text Placeholder 2", "body", "1", frame{title.x, p.doc.Height * 0.57, title.w, p.doc.Height * 0.15}, "")
	}
	placeholder(&b, 4, "Footer Placeholder 3", "ftr", "11", footer, "")
	placeholder(&b, 5, "Slide Number Placeholder 4", "sldNum", "12", number, "")
	b.WriteString(`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`)
	return b.String()
}

// notesFrames are where the slide picture and the notes sit on a notes
// page (the portrait notes size of presentation.xml, in points).
func (p *pkg) notesFrames() (img, body frame) {
	const w, h = 540.0, 720.0
	iw := w * 0.75
	ih := iw * p.doc.Height / p.doc.Width
	return frame{(w - iw) / 2, 54, iw, ih}, frame{54, 54 + ih + 27, w - 108, h - ih - 54 - 27 - 54}
}

func (p *pkg) notesMaster() string {
	img, body := p.notesFrames()
	var b strings.Builder
	b.WriteString(xmlHead + `<p:notesMaster ` + nsA + ` ` + nsR + ` ` + nsP + `><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>` + groupProps)
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr>`)
	xfrm(&b, img.x, img.y, img.w, img.h, "")
	b.WriteString(`<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="12700"><a:solidFill><a:prstClr val="black"/></a:solidFill></a:ln></p:spPr></p:sp>`)
	placeholder(&b, 3, "Notes Placeholder 2", "body", "3", body, "")
	b.WriteString(`</p:spTree></p:cSld>`)
	b.WriteString(`<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>`)
	b.WriteString(`<p:notesStyle>`)
	fmt.Fprintf(&b, `<a:lvl1pPr marL="0" algn="l"><a:defRPr sz="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr>`)
	b.WriteString(`</p:notesStyle></p:notesMaster>`)
	return b.String()
}

// notesSlide writes a slide's notes page: the slide's picture and the
// notes, one paragraph each.
func (p *pkg) notesSlide(notes []string) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<p:notes ` + nsA + ` ` + nsR + ` ` + nsP + `><p:cSld><p:spTree>` + groupProps)
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>`)
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>`)
	lang := p.lang()
	if len(notes) == 0 {
		b.WriteString(`<a:p><a:endParaRPr lang="` + lang + `" dirty="0"/></a:p>`)
	}
	for _, n := range notes {
		b.WriteString(`<a:p><a:r><a:rPr lang="` + lang + `" dirty="0"/><a:t>`)
		esc(&b, n)
		b.WriteString(`</a:t></a:r></a:p>`)
	}
	b.WriteString(`</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`)
	return b.String()
}
