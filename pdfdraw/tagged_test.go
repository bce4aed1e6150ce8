package pdfdraw

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
)

// tpara lays out a paragraph tagged with n.
func (b *builder) tpara(n *plan.Node, spans ...textlayout.Span) []textlayout.Line {
	lines := b.e.Lines(textlayout.Paragraph{Spans: spans}, b.w)
	for _, l := range lines {
		b.page.Items = append(b.page.Items, &plan.Text{X: b.x, Y: b.y, Line: l, Tag: n})
		b.y += l.Height
	}
	b.y += 6
	return lines
}

// alphaPNG is a PNG with a transparent half, drawn through a soft mask.
func alphaPNG(t testing.TB) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 16, 16))
	for y := range 16 {
		for x := range 16 {
			a := uint8(255)
			if x < 8 {
				a = 60
			}
			img.Set(x, y, color.NRGBA{20, 120, 200, a})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const longPara = "Motivated reasoning biases how people evaluate evidence, so that arguments for a wanted conclusion seem stronger than they are and arguments against it weaker."

// taggedDoc is a structured document: a slide with a heading, a
// paragraph over several lines and a list whose second item holds a link;
// a slide with a table with header cells, a figure, Arabic and Greek; and
// a handout page embedding both slides (tagged) and the first once more
// as decoration (untagged).
func taggedDoc(t testing.TB) *plan.Document {
	e := textlayout.New(nil)
	root := plan.NewRoot()
	root.Lang = "en"
	doc := &plan.Document{Width: 720, Height: 405, Root: root, Meta: plan.Meta{
		Title: "Tagged test", Author: "Åsa Öberg", Subject: "structure", Lang: "en",
		Creator: "topicdeck test", Date: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
	}}
	footer := func(p *plan.Page, text string) {
		b := &builder{e: e, page: p, x: 40, y: 380, w: 600}
		b.para(span(text, 9))
		p.Items = append(p.Items, &plan.Rule{X1: 40, Y1: 376, X2: 680, Y2: 376, Color: plan.Color{R: 120, G: 120, B: 120}, Width: 0.5})
	}

	s1 := root.Add(plan.RoleSection)
	p1 := &plan.Page{Tag: s1, Bookmarks: []plan.Bookmark{{Title: "Slide one"}}}
	b := &builder{e: e, page: p1, x: 40, y: 30, w: 640}
	b.tpara(s1.AddHeading(1), textlayout.Span{Text: "Motivated reasoning", Font: textlayout.Font{Bold: true, Size: 28}})
	b.w = 300
	if lines := b.tpara(s1.Add(plan.RoleParagraph), span(longPara, 14)); len(lines) < 3 {
		t.Fatalf("paragraph on %d lines, want several", len(lines))
	}
	list := s1.Add(plan.RoleList)
	b.x, b.w, b.y = 380, 300, 80
	for i, text := range []string{"Confirmation bias", "Read more at "} {
		li := list.Add(plan.RoleItem)
		y := b.y
		b.x = 380
		b.tpara(li.Add(plan.RoleLabel), span("•", 14))
		b.x, b.y = 396, y
		spans := []textlayout.Span{span(text, 14)}
		if i == 1 {
			spans = append(spans, textlayout.Span{Text: "example.org/bias", URL: "https://example.org/bias", Font: textlayout.Font{Size: 14}, Color: textlayout.Color{B: 180}})
		}
		b.tpara(li.Add(plan.RoleBody), spans...)
	}
	footer(p1, "Tagged test · 1")
	doc.Pages = append(doc.Pages, p1)

	s2 := root.Add(plan.RoleSection)
	p2 := &plan.Page{Tag: s2, Background: &plan.Color{R: 250, G: 248, B: 240}, Bookmarks: []plan.Bookmark{{Title: "Slide two"}, {Title: "Table", Level: 1}}}
	b = &builder{e: e, page: p2, x: 40, y: 30, w: 640}
	b.tpara(s2.AddHeading(2), textlayout.Span{Text: "Terms and scripts", Font: textlayout.Font{Bold: true, Size: 24}})
	table := s2.Add(plan.RoleTable)
	rows := [][]string{{"Term", "Meaning"}, {"Dissonance", "Discomfort of holding conflicting beliefs"}}
	for r, row := range rows {
		tr := table.Add(plan.RoleRow)
		y := b.y
		for c, cell := range row {
			role := plan.RoleCell
			if r == 0 {
				role = plan.RoleHeaderCell
			}
			n := tr.Add(role)
			if r == 0 {
				n.Scope = plan.ScopeColumn
			}
			b.x, b.y, b.w = 40+float64(c)*150, y, 140
			b.tpara(n, span(cell, 12))
		}
	}
	fig := s2.Add(plan.RoleFigure)
	fig.Alt = "A blue square, half transparent"
	p2.Items = append(p2.Items, &plan.Image{X: 600, Y: 30, W: 64, H: 64, Name: "sq", Type: "PNG", Data: alphaPNG(t), Tag: fig})
	ar := s2.Add(plan.RoleParagraph)
	ar.Lang = "ar"
	b.x, b.y, b.w = 40, 200, 600
	b.tpara(ar, span("Hello (مرحبا) world", 16))
	el := s2.Add(plan.RoleParagraph)
	el.Lang = "el"
	b.tpara(el, span("Η γνωστική ασυμφωνία είναι ελληνική λέξη.", 16))
	footer(p2, "Tagged test · 2")
	doc.Pages = append(doc.Pages, p2)

	s3 := root.Add(plan.RoleSection)
	p3 := &plan.Page{Tag: s3, Bookmarks: []plan.Bookmark{{Title: "Handout"}}}
	b = &builder{e: e, page: p3, x: 40, y: 20, w: 640}
	b.tpara(s3.AddHeading(1), textlayout.Span{Text: "Handout", Font: textlayout.Font{Bold: true, Size: 20}})
	for i, p := range []*plan.Page{p1, p2} {
		p3.Items = append(p3.Items, &plan.Embed{X: 20 + float64(i)*350, Y: 60, W: 330, H: 186, SrcW: 720, SrcH: 405, Page: p, Tag: s3.Add(plan.RoleDiv)})
	}
	p3.Items = append(p3.Items, &plan.Embed{X: 20, Y: 260, W: 160, H: 90, SrcW: 720, SrcH: 405, Page: p1})
	doc.Pages = append(doc.Pages, p3)
	return doc
}

func TestTagged(t *testing.T) {
	doc := taggedDoc(t)
	path := renderFile(t, doc, nil, "tagged.pdf")
	phrases := []string{
		"Motivated reasoning", longPara, "• Confirmation bias", "Read more at example.org/bias",
		"Terms and scripts", "Term Meaning Dissonance Discomfort of holding conflicting beliefs",
		"Hello (مرحبا) world", "Η γνωστική ασυμφωνία είναι ελληνική λέξη.", "Handout",
	}
	report := checktool.PDFUA(t, path, phrases)
	checktool.PDF(t, path, phrases[:4], 0)

	// The structure, as pdfuacheck counts it: the handout repeats both
	// slides' elements; the untagged embed and the footers add none.
	m := regexp.MustCompile(`structure: (.*)`).FindStringSubmatch(report)
	if m == nil {
		t.Fatalf("no structure in the report:\n%s", report)
	}
	for _, want := range []string{"Document 1", "H1 3", "H2 2", "L 2", "LI 4", "Lbl 4", "LBody 4", "Link 3", "TH 4", "TD 4", "TR 4", "Table 2", "Figure 2", "Sect 5", "Div 2", "Span 2"} {
		if !strings.Contains(m[1]+",", want+",") {
			t.Errorf("structure %s lacks %q", m[1], want)
		}
	}
	if strings.Contains(report, "\nwarn ") {
		t.Errorf("pdfuacheck warns:\n%s", report)
	}

	if info := checktool.Info(t, path); !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("pdfinfo does not say tagged:\n%s", info)
	}
	checktool.QPDFCheck(t, path)

	// The right-to-left line reads in logical order (checked above) and
	// carries the characters as typed, not the drawn shapes.
	qdf := checktool.Expanded(t, path)
	for _, want := range []string{
		"/ActualText <feff00480065006c006c006f0020002806450631062d06280627002900200077006f0072006c0064>",
		"/Lang (ar)", "/Lang (el)", "/Alt (A blue square, half transparent)", "/Scope /Column",
		"/Contents (example.org/bias \\(https://example.org/bias\\))", "/Tabs /S",
		"/SMask", "/DisplayDocTitle true", "/Marked true", "<pdfuaid:part>1</pdfuaid:part>",
	} {
		if !strings.Contains(qdf, want) {
			t.Errorf("the PDF lacks %s", want)
		}
	}
}

// TestUntagged draws a plan without structure: every item is an artifact
// and the file is still a valid PDF with all its text.
func TestUntagged(t *testing.T) {
	doc := taggedDoc(t)
	doc.Root = nil
	path := renderFile(t, doc, nil, "untagged.pdf")
	checktool.PDF(t, path, []string{"Motivated reasoning", longPara, "Read more at example.org/bias"}, 0)
	if qdf := checktool.Expanded(t, path); strings.Contains(qdf, "/StructTreeRoot") || strings.Contains(qdf, "/MCID") {
		t.Error("an untagged plan has structure")
	}
}

// BenchmarkWriteTagged draws the tagged test document: three pages, one
// of them two embedded slides, with structure, a link and an image.
func BenchmarkWriteTagged(b *testing.B) { benchmarkWrite(b, taggedDoc(b)) }
