package pptxdraw

import (
	"archive/zip"
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/scholargate/topicdeck/plan"
)

// Relationship and content types of the parts a deck holds.
const (
	relBase         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	relHyperlink    = relBase + "hyperlink"
	relImage        = relBase + "image"
	ctBase          = "application/vnd.openxmlformats-officedocument.presentationml."
	layoutTitle     = 0
	layoutContent   = 1
	layoutSection   = 2
	layoutBlank     = 3
	notesMasterPath = "ppt/notesMasters/notesMaster1.xml"
)

// layoutNames are the slide layouts of the master, by index: the type
// PowerPoint knows each by and the name its layout menu shows.
var layoutNames = [...][2]string{
	{"title", "Title Slide"},
	{"obj", "Title and Content"},
	{"secHead", "Section Header"},
	{"blank", "Blank"},
}

// pkg is a deck being written: the plan and what its slides share.
type pkg struct {
	doc   *plan.Document
	opt   Options
	date  time.Time
	media map[string]string // image name → part name
	order []string          // media part names in order of first use
	data  map[string][]byte
	// The placeholders of the master take the first footer and slide
	// number the slides show, so a new slide gets them where the others
	// have them.
	footerAt, numberAt *box
	theme              theme
}

// theme is what the master's theme takes from the plan.
type theme struct {
	text, title, accent, ground, link plan.Color
	major, minor, mono                string
	titleSize, bodySize               float64
}

func newPackage(doc *plan.Document, opt Options) *pkg {
	date := doc.Meta.Date
	if date.IsZero() {
		date = epoch
	}
	p := &pkg{doc: doc, opt: opt, date: date.UTC(), media: map[string]string{}, data: map[string][]byte{}}
	p.theme = themeOf(doc)
	return p
}

// themeOf reads the deck's colours and faces from its plan: the most used
// text colour and face are the body's, the largest text's are the
// titles', the first filled shape's colour is the accent.
func themeOf(doc *plan.Document) theme {
	th := theme{text: plan.Color{}, title: plan.Color{}, accent: plan.Color{R: 0x1D, G: 0x5C, B: 0x96}, ground: plan.White,
		major: "Noto Sans", minor: "Noto Sans", mono: "Noto Sans Mono", titleSize: 36, bodySize: 24}
	colors := map[plan.Color]float64{}
	faces := map[string]float64{}
	big := 0.0
	accent := false
	for _, pg := range doc.Pages {
		for _, it := range pg.Items {
			switch v := it.(type) {
			case *plan.Text:
				for _, s := range v.Line.Segments {
					n := float64(len(s.Text))
					colors[s.Color] += n
					faces[s.Face] += n
					if s.URL != "" {
						th.link = s.Color
					}
					if s.Size > big {
						big = s.Size
						th.title = s.Color
						th.major = typeface(s.Face, "")
					}
				}
			case *plan.Rect:
				if !accent && v.Fill != nil && *v.Fill != plan.White && !(v.W >= doc.Width-1 && v.H >= doc.Height-1) {
					th.accent, accent = *v.Fill, true
				}
			}
		}
	}
	th.text = most(colors)
	if f := mostFace(faces); f != "" {
		th.minor = typeface(f, "")
	}
	if th.link == (plan.Color{}) {
		th.link = th.accent
	}
	if len(doc.Pages) > 0 {
		th.ground = doc.Pages[0].Ground()
	}
	return th
}

func most(m map[plan.Color]float64) plan.Color {
	var best plan.Color
	n := -1.0
	for c, v := range m {
		if v > n || (v == n && hex(c) < hex(best)) {
			best, n = c, v
		}
	}
	return best
}

func mostFace(m map[string]float64) string {
	best, n := "", -1.0
	for f, v := range m {
		if v > n || (v == n && f < best) {
			best, n = f, v
		}
	}
	return best
}

// image registers an image with the deck (once per image name) and the
// slide, returning the slide's relationship id for it.
func (p *pkg) image(s *slide, im *plan.Image) string {
	part, ok := p.media[im.Name]
	if !ok {
		ext := "png"
		if strings.EqualFold(im.Type, "JPG") || strings.EqualFold(im.Type, "JPEG") {
			ext = "jpeg"
		}
		part = fmt.Sprintf("ppt/media/image%d.%s", len(p.order)+1, ext)
		p.media[im.Name] = part
		p.order = append(p.order, part)
		p.data[part] = im.Data
	}
	target := "../media/" + part[len("ppt/media/"):]
	for _, r := range s.rels {
		if r.target == target {
			return r.id
		}
	}
	id := fmt.Sprintf("rId%d", len(s.rels)+3)
	s.rels = append(s.rels, rel{id: id, typ: relImage, target: target})
	return id
}

// writeAll writes every part in a fixed order.
func (p *pkg) writeAll(ctx context.Context, zw *zip.Writer, slides []*slide) error {
	n := len(slides)
	type part struct {
		name string
		data []byte
	}
	var parts []part
	add := func(name, data string) { parts = append(parts, part{name, []byte(data)}) }
	add("[Content_Types].xml", p.contentTypes(n))
	add("_rels/.rels", rels([]rel{
		{id: "rId1", typ: relBase + "officeDocument", target: "ppt/presentation.xml"},
		{id: "rId2", typ: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", target: "docProps/core.xml"},
		{id: "rId3", typ: relBase + "extended-properties", target: "docProps/app.xml"},
	}))
	add("docProps/core.xml", p.core())
	add("docProps/app.xml", p.app(n))
	add("ppt/presentation.xml", p.presentation(n))
	prs := []rel{
		{id: "rId1", typ: relBase + "slideMaster", target: "slideMasters/slideMaster1.xml"},
		{id: "rId2", typ: relBase + "notesMaster", target: "notesMasters/notesMaster1.xml"},
		{id: "rId3", typ: relBase + "presProps", target: "presProps.xml"},
		{id: "rId4", typ: relBase + "viewProps", target: "viewProps.xml"},
		{id: "rId5", typ: relBase + "theme", target: "theme/theme1.xml"},
		{id: "rId6", typ: relBase + "tableStyles", target: "tableStyles.xml"},
	}
	for i := range slides {
		prs = append(prs, rel{id: fmt.Sprintf("rId%d", 7+i), typ: relBase + "slide", target: fmt.Sprintf("slides/slide%d.xml", i+1)})
	}
	add("ppt/_rels/presentation.xml.rels", rels(prs))
	add("ppt/presProps.xml", xmlHead+`<p:presentationPr `+nsA+` `+nsR+` `+nsP+`/>`)
	add("ppt/viewProps.xml", xmlHead+`<p:viewPr `+nsA+` `+nsR+` `+nsP+`><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>`)
	add("ppt/tableStyles.xml", xmlHead+`<a:tblStyleLst `+nsA+` def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>`)
	add("ppt/theme/theme1.xml", p.themeXML("topicdeck"))
	add("ppt/theme/theme2.xml", p.themeXML("topicdeck notes"))
	add("ppt/slideMasters/slideMaster1.xml", p.master())
	mr := []rel{}
	for i := range layoutNames {
		mr = append(mr, rel{id: fmt.Sprintf("rId%d", i+1), typ: relBase + "slideLayout", target: fmt.Sprintf("../slideLayouts/slideLayout%d.xml", i+1)})
	}
	mr = append(mr, rel{id: fmt.Sprintf("rId%d", len(layoutNames)+1), typ: relBase + "theme", target: "../theme/theme1.xml"})
	add("ppt/slideMasters/_rels/slideMaster1.xml.rels", rels(mr))
	for i := range layoutNames {
		add(fmt.Sprintf("ppt/slideLayouts/slideLayout%d.xml", i+1), p.layout(i))
		add(fmt.Sprintf("ppt/slideLayouts/_rels/slideLayout%d.xml.rels", i+1), rels([]rel{{id: "rId1", typ: relBase + "slideMaster", target: "../slideMasters/slideMaster1.xml"}}))
	}
	add(notesMasterPath, p.notesMaster())
	add("ppt/notesMasters/_rels/notesMaster1.xml.rels", rels([]rel{{id: "rId1", typ: relBase + "theme", target: "../theme/theme2.xml"}}))
	for _, pt := range parts {
		if err := p.member(zw, pt.name, pt.data, false); err != nil {
			return err
		}
	}
	for i, s := range slides {
		if err := ctx.Err(); err != nil {
			return err
		}
		sr := append([]rel{
			{id: "rId1", typ: relBase + "slideLayout", target: fmt.Sprintf("../slideLayouts/slideLayout%d.xml", s.layout+1)},
			{id: "rId2", typ: relBase + "notesSlide", target: fmt.Sprintf("../notesSlides/notesSlide%d.xml", i+1)},
		}, s.rels...)
		notes := s.text
		if i < len(p.opt.Notes) && len(p.opt.Notes[i]) > 0 {
			notes = p.opt.Notes[i]
		}
		for _, m := range []struct {
			name string
			data []byte
		}{
			{fmt.Sprintf("ppt/slides/slide%d.xml", i+1), s.xml},
			{fmt.Sprintf("ppt/slides/_rels/slide%d.xml.rels", i+1), []byte(rels(sr))},
			{fmt.Sprintf("ppt/notesSlides/notesSlide%d.xml", i+1), []byte(p.notesSlide(notes))},
			{fmt.Sprintf("ppt/notesSlides/_rels/notesSlide%d.xml.rels", i+1), []byte(rels([]rel{
				{id: "rId1", typ: relBase + "notesMaster", target: "../notesMasters/notesMaster1.xml"},
				{id: "rId2", typ: relBase + "slide", target: fmt.Sprintf("../slides/slide%d.xml", i+1)},
			}))},
		} {
			if err := p.member(zw, m.name, m.data, false); err != nil {
				return err
			}
		}
	}
	for _, m := range p.order {
		// Images are compressed already.
		if err := p.member(zw, m, p.data[m], true); err != nil {
			return err
		}
	}
	return nil
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// rels writes a relationships part.
func rels(rs []rel) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, r := range rs {
		b.WriteString(`<Relationship Id="` + r.id + `" Type="` + r.typ + `" Target="`)
		esc(&b, r.target)
		b.WriteString(`"`)
		if r.external {
			b.WriteString(` TargetMode="External"`)
		}
		b.WriteString(`/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

func (p *pkg) contentTypes(n int) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	exts := map[string]bool{}
	for _, m := range p.order {
		exts[m[strings.LastIndexByte(m, '.')+1:]] = true
	}
	var es []string
	for e := range exts {
		es = append(es, e)
	}
	sort.Strings(es)
	for _, e := range es {
		b.WriteString(`<Default Extension="` + e + `" ContentType="image/` + e + `"/>`)
	}
	over := func(part, ct string) {
		b.WriteString(`<Override PartName="/` + part + `" ContentType="` + ct + `"/>`)
	}
	over("ppt/presentation.xml", ctBase+"presentation.main+xml")
	over("ppt/presProps.xml", ctBase+"presProps+xml")
	over("ppt/viewProps.xml", ctBase+"viewProps+xml")
	over("ppt/tableStyles.xml", ctBase+"tableStyles+xml")
	over("ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml")
	over("ppt/theme/theme2.xml", "application/vnd.openxmlformats-officedocument.theme+xml")
	over("ppt/slideMasters/slideMaster1.xml", ctBase+"slideMaster+xml")
	for i := range layoutNames {
		over(fmt.Sprintf("ppt/slideLayouts/slideLayout%d.xml", i+1), ctBase+"slideLayout+xml")
	}
	over(notesMasterPath, ctBase+"notesMaster+xml")
	for i := 0; i < n; i++ {
		over(fmt.Sprintf("ppt/slides/slide%d.xml", i+1), ctBase+"slide+xml")
		over(fmt.Sprintf("ppt/notesSlides/notesSlide%d.xml", i+1), ctBase+"notesSlide+xml")
	}
	over("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
	over("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
	b.WriteString(`</Types>`)
	return b.String()
}

func (p *pkg) core() string {
	m := p.doc.Meta
	var b strings.Builder
	b.WriteString(xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	el := func(tag, v string) {
		if v == "" {
			return
		}
		b.WriteString(`<` + tag + `>`)
		esc(&b, v)
		b.WriteString(`</` + tag + `>`)
	}
	el("dc:title", m.Title)
	el("dc:subject", m.Subject)
	el("dc:creator", m.Author)
	el("cp:keywords", m.Keywords)
	el("dc:language", m.Lang)
	d := p.date.Format("2006-01-02T15:04:05Z")
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + d + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + d + `</dcterms:modified>`)
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

func (p *pkg) app(n int) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	b.WriteString(`<Application>`)
	esc(&b, p.doc.Meta.Creator)
	fmt.Fprintf(&b, `</Application><PresentationFormat>Custom</PresentationFormat><Slides>%d</Slides><Notes>%d</Notes></Properties>`, n, n)
	return b.String()
}

func (p *pkg) presentation(n int) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<p:presentation ` + nsA + ` ` + nsR + ` ` + nsP + ` saveSubsetFonts="1">`)
	b.WriteString(`<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>`)
	b.WriteString(`<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst>`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<p:sldId id="%d" r:id="rId%d"/>`, 256+i, 7+i)
	}
	fmt.Fprintf(&b, `</p:sldIdLst><p:sldSz cx="%d" cy="%d"/><p:notesSz cx="6858000" cy="9144000"/>`, emu(p.doc.Width), emu(p.doc.Height))
	b.WriteString(`<p:defaultTextStyle><a:defPPr><a:defRPr lang="` + p.lang() + `"/></a:defPPr></p:defaultTextStyle></p:presentation>`)
	return b.String()
}

func (p *pkg) lang() string {
	if p.doc.Meta.Lang == "" {
		return "en-US"
	}
	var b strings.Builder
	esc(&b, p.doc.Meta.Lang)
	return b.String()
}
