package pptxdraw_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/internal/pptxread"
	"github.com/scholargate/topicdeck/internal/zipparts"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/pptxdraw"
	"github.com/scholargate/topicdeck/textlayout"
)

var (
	ink    = plan.Color{R: 27, G: 36, B: 51}
	accent = plan.Color{R: 29, G: 92, B: 150}
	card   = plan.Color{R: 236, G: 242, B: 248}
)

// line makes a measured line of one or more segments (text, style, url).
func line(x, y, size float64, tag *plan.Node, segs ...[3]string) *plan.Text {
	l := textlayout.Line{Ascent: size * 1.07, Height: size * 1.3}
	off := 0.0
	for _, s := range segs {
		w := float64(len([]rune(s[0]))) * size * 0.5
		face := "NotoSans"
		if s[1] == "mono" {
			face, s[1] = "NotoSansMono", ""
		}
		l.Segments = append(l.Segments, textlayout.Segment{Text: s[0], Face: face, Style: s[1], Size: size, X: off, Width: w, Color: ink, URL: s[2]})
		off += w
	}
	l.Width = off
	return &plan.Text{X: x, Y: y, Line: l, Tag: tag}
}

func seg(text string) [3]string { return [3]string{text, "", ""} }

// onePixel is a 1×1 PNG.
var onePixel, _ = base64.StdEncoding.DecodeString("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")

// tagged builds a three-slide plan with structure the way the deck layouts
// tag theirs: a title slide, a slide with a list, a link, a figure and a
// logo, a slide with a statement card and code.
func tagged() *plan.Document {
	root := plan.NewRoot()
	doc := &plan.Document{Width: 960, Height: 540, Root: root,
		Meta: plan.Meta{Title: "Memory & Recall", Author: "A. Author", Lang: "en", Creator: "test", Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}}
	// Title slide.
	s0 := root.Add(plan.RoleSection)
	h1 := s0.AddHeading(1)
	lede := s0.Add(plan.RoleParagraph)
	doc.Pages = append(doc.Pages, &plan.Page{Label: "Memory & Recall", Tag: s0, Items: []plan.Item{
		&plan.Rect{X: 0, Y: 0, W: 24, H: 540, Fill: &accent},
		line(64, 120, 48, h1, [3]string{"Memory & Recall", "B", ""}),
		line(64, 220, 24, lede, seg("Memory is the capacity to keep what was learned")),
		line(64, 251.2, 24, lede, seg("and to bring it back when it is needed.")),
	}})
	// A list slide with a link, a figure and a decorative logo.
	s1 := root.Add(plan.RoleSection)
	h2 := s1.AddHeading(2)
	para := s1.Add(plan.RoleParagraph)
	link := para.Add(plan.RoleLink)
	list := s1.Add(plan.RoleList)
	var items []plan.Item
	items = append(items,
		&plan.Rect{X: 0, Y: 0, W: 10, H: 540, Fill: &accent},
		line(56, 44, 36, h2, [3]string{"Stages", "B", ""}),
		line(56, 120, 24, para, seg("Read "), [3]string{"the review", "", "https://example.org/review?a=1&b=2"}),
		line(56, 151.2, 24, link, [3]string{"online.", "", "https://example.org/review?a=1&b=2"}),
	)
	y := 200.0
	for i, s := range []string{"Encoding turns experience into a trace", "Storage keeps it"} {
		li := list.Add(plan.RoleItem)
		lbl := li.Add(plan.RoleLabel)
		body := li.Add(plan.RoleBody)
		items = append(items, line(56, y, 24, lbl, seg("•")), line(82, y, 24, body, seg(s)))
		if i == 0 {
			items = append(items, line(82, y+31.2, 24, body, seg("that lasts.")))
			y += 31.2
		}
		y += 40
	}
	fig := s1.Add(plan.RoleFigure)
	fig.Alt = "A diagram of the three stages of memory"
	items = append(items,
		&plan.Image{X: 700, Y: 300, W: 150, H: 150, Name: "px", Type: "PNG", Data: onePixel, Tag: fig},
		&plan.Image{X: 880, Y: 20, W: 40, H: 40, Name: "px", Type: "PNG", Data: onePixel},
		&plan.Rule{X1: 56, Y1: 496, X2: 904, Y2: 496, Color: ink, Width: 0.5},
		line(56, 505, 13, nil, seg("Memory & Recall")),
		line(870, 505, 13, nil, seg("2 / 3")),
	)
	doc.Pages = append(doc.Pages, &plan.Page{Label: "Stages", Tag: s1, Items: items})
	// A statement card and code, with a kicker above the title.
	s2 := root.Add(plan.RoleSection)
	kicker := s2.Add(plan.RoleParagraph)
	h3 := s2.AddHeading(2)
	st := s2.Add(plan.RoleStatement)
	cd := s2.Add(plan.RoleCode)
	doc.Pages = append(doc.Pages, &plan.Page{Label: "Recall (cont.)", Tag: s2, Items: []plan.Item{
		line(56, 20, 16, kicker, [3]string{"Key theories", "B", ""}),
		line(56, 44, 36, h3, [3]string{"Recall (cont.)", "B", ""}),
		&plan.Rect{X: 56, Y: 120, W: 848, H: 100, Fill: &card, Radius: 4},
		&plan.Rect{X: 56, Y: 120, W: 5, H: 100, Fill: &accent},
		line(76, 140, 30, st, seg("Recall is rebuilding, not replaying.")),
		line(70, 260, 22, cd, [3]string{"x := recall(cue)", "mono", ""}),
		line(100, 288.6, 22, cd, [3]string{"use(x)", "mono", ""}),
	}})
	return doc
}

func write(t *testing.T, doc *plan.Document, opt pptxdraw.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := pptxdraw.Write(&b, doc, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestTaggedDeck reads a written deck back: titles in title placeholders,
// the list as bulleted paragraphs of joined lines, the link, the
// figure's alternative text, the logo marked decorative, the slide number
// as a field, the notes pages.
func TestTaggedDeck(t *testing.T) {
	notes := [][]string{{"The whole lede."}, {"Stages: encoding, storage, retrieval.", "Second paragraph."}}
	data := write(t, tagged(), pptxdraw.Options{Notes: notes})
	d, err := pptxread.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Slides) != 3 || d.Width != 960*12700 || d.Height != 540*12700 {
		t.Fatalf("%d slides of %dx%d EMU, want 3 of 12192000x6858000", len(d.Slides), d.Width, d.Height)
	}
	for i, want := range []string{"Memory & Recall", "Stages", "Recall (cont.)"} {
		s := d.Slides[i]
		if s.Title != want || s.TitleShapes != 1 || !s.TitleFirst {
			t.Errorf("slide %d: title %q in %d placeholders (first: %v), want %q in one, first", i+1, s.Title, s.TitleShapes, s.TitleFirst, want)
		}
		if !s.HasNotes {
			t.Errorf("slide %d has no notes page", i+1)
		}
	}
	paras := func(s pptxread.Slide) map[string]pptxread.Para {
		m := map[string]pptxread.Para{}
		for _, p := range s.Paragraphs {
			m[p.Text] = p
		}
		return m
	}
	p0 := paras(d.Slides[0])
	if _, ok := p0["Memory is the capacity to keep what was learned and to bring it back when it is needed."]; !ok {
		t.Errorf("slide 1: the lede's two lines are not one paragraph: %+v", d.Slides[0].Paragraphs)
	}
	p1 := paras(d.Slides[1])
	for _, want := range []string{"Encoding turns experience into a trace that lasts.", "Storage keeps it"} {
		if p, ok := p1[want]; !ok || p.Bullet != "char:•" {
			t.Errorf("slide 2: list item %q: %+v, want a paragraph with a • bullet", want, p)
		}
	}
	if p := p1["Read the review online."]; len(p.Links) == 0 || p.Links[0] != "https://example.org/review?a=1&b=2" {
		t.Errorf("slide 2: link paragraph %+v", p)
	}
	var num pptxread.Para
	for _, p := range d.Slides[1].Paragraphs {
		if p.Placeholder == "sldNum" {
			num = p
		}
	}
	if num.Field != "slidenum" || num.Text != "2 / 3" {
		t.Errorf("slide 2: slide number %+v, want a slidenum field showing 2 / 3", num)
	}
	pics := d.Slides[1].Pictures
	if len(pics) != 2 || pics[0].Descr != "A diagram of the three stages of memory" || pics[0].Decorative || !pics[1].Decorative {
		t.Errorf("slide 2: pictures %+v, want the figure with its alt text and the logo decorative", pics)
	}
	if got := strings.Join(d.Slides[1].Notes, "|"); got != "Stages: encoding, storage, retrieval.|Second paragraph." {
		t.Errorf("slide 2 notes = %q", got)
	}
	// Without notes given, a slide's notes are its own text.
	if got := strings.Join(d.Slides[2].Notes, "|"); !strings.Contains(got, "Recall is rebuilding, not replaying.") {
		t.Errorf("slide 3 notes = %q, want the slide's text", got)
	}
	p2 := paras(d.Slides[2])
	for _, want := range []string{"Key theories", "Recall is rebuilding, not replaying.", "x := recall(cue)", "use(x)"} {
		if _, ok := p2[want]; !ok {
			t.Errorf("slide 3: no paragraph %q in %+v", want, d.Slides[2].Paragraphs)
		}
	}
	// Images are stored once.
	n := 0
	for _, m := range d.Members {
		if strings.HasPrefix(m, "ppt/media/") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d media parts, want 1", n)
	}
}

// TestDeterministic: the same plan gives the same bytes, with every
// member dated by the plan.
func TestDeterministic(t *testing.T) {
	a := write(t, tagged(), pptxdraw.Options{})
	b := write(t, tagged(), pptxdraw.Options{})
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of one plan differ")
	}
	parts := zipparts.All(t, a)
	if parts[0].Name != "[Content_Types].xml" {
		t.Errorf("first member %s, want [Content_Types].xml", parts[0].Name)
	}
	for _, f := range parts {
		if !f.Modified.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s dated %v", f.Name, f.Modified)
		}
	}
}

// TestUntagged: a plan without structure still gets its title into the
// placeholder (the first run of the largest lines, when it reads as the
// page label) and its bullets as bullets.
func TestUntagged(t *testing.T) {
	doc := tagged()
	doc.Root = nil
	for _, pg := range doc.Pages {
		pg.Tag = nil
		for _, it := range pg.Items {
			switch v := it.(type) {
			case *plan.Text:
				v.Tag = nil
			case *plan.Image:
				v.Tag = nil
			}
		}
	}
	d, err := pptxread.Read(write(t, doc, pptxdraw.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"Memory & Recall", "Stages", "Recall (cont.)"} {
		if got := d.Slides[i].Title; got != want {
			t.Errorf("slide %d title %q, want %q", i+1, got, want)
		}
	}
	bullets := 0
	for _, p := range d.Slides[1].Paragraphs {
		if p.Bullet == "char:•" {
			bullets++
		}
	}
	if bullets != 2 {
		t.Errorf("slide 2: %d bulleted paragraphs, want 2: %+v", bullets, d.Slides[1].Paragraphs)
	}
}

// TestNumbering: numeric labels become automatic numbering that starts
// at the label's number, so a list continued on a second column or slide
// keeps counting.
func TestNumbering(t *testing.T) {
	root := plan.NewRoot()
	s := root.Add(plan.RoleSection)
	h := s.AddHeading(2)
	l := s.Add(plan.RoleList)
	items := []plan.Item{line(56, 44, 36, h, seg("Outline"))}
	for i, lab := range []string{"9", "10."} {
		li := l.Add(plan.RoleItem)
		y := 120 + float64(i)*40
		items = append(items, line(60, y, 24, li.Add(plan.RoleLabel), seg(lab)), line(100, y, 24, li.Add(plan.RoleBody), seg("Item")))
	}
	doc := &plan.Document{Width: 960, Height: 540, Root: root, Pages: []*plan.Page{{Tag: s, Items: items}}}
	d, err := pptxread.Read(write(t, doc, pptxdraw.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Slides[0].Paragraphs {
		got = append(got, p.Bullet)
	}
	if strings.Join(got, " ") != "autonum:arabicPlain:9 autonum:arabicPeriod:10" {
		t.Errorf("bullets %v", got)
	}
}

// TestBadPlans: one clear error each, nothing written.
func TestBadPlans(t *testing.T) {
	embed := tagged()
	embed.Pages[1].Items = append(embed.Pages[1].Items, &plan.Embed{Page: embed.Pages[0], W: 10, H: 10, SrcW: 960, SrcH: 540})
	for _, tt := range []struct {
		name string
		doc  *plan.Document
		want string
	}{
		{"nil", nil, "no document"},
		{"no pages", &plan.Document{Width: 960, Height: 540}, "no pages"},
		{"size", &plan.Document{Width: 0, Height: 540, Pages: []*plan.Page{{}}}, "invalid slide size"},
		{"embed", embed, "slide 2 embeds"},
	} {
		var b bytes.Buffer
		err := pptxdraw.Write(&b, tt.doc, pptxdraw.Options{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := pptxdraw.WriteContext(ctx, &bytes.Buffer{}, tagged(), pptxdraw.Options{}); err != context.Canceled {
		t.Errorf("cancelled: err = %v", err)
	}
}

// TestTable: a grid of outlined cells is one table whose cells hold their
// lines, the header row marked.
func TestTable(t *testing.T) {
	rule := plan.Color{R: 184, G: 196, B: 210}
	items := []plan.Item{line(56, 44, 36, nil, [3]string{"Spans", "B", ""})}
	for r, row := range [][]string{{"Measure", "Span"}, {"Digit span", "7 items"}, {"Complex span", "4 chunks"}} {
		for c, text := range row {
			x, y := 56+float64(c)*300, 120+float64(r)*48
			cell := &plan.Rect{X: x, Y: y, W: 300, H: 48, Stroke: &rule, LineWidth: 0.75}
			if r == 0 {
				cell.Fill = &card
			}
			items = append(items, cell, line(x+9.6, y+9.6, 24, nil, seg(text)))
		}
	}
	doc := &plan.Document{Width: 960, Height: 540, Pages: []*plan.Page{{Label: "Spans", Items: items}}}
	data := write(t, doc, pptxdraw.Options{})
	d, err := pptxread.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	s := d.Slides[0]
	if s.Tables != 1 || s.Title != "Spans" {
		t.Fatalf("%d tables, title %q; want 1 and Spans", s.Tables, s.Title)
	}
	var cells []string
	for _, p := range s.Paragraphs {
		cells = append(cells, p.Text)
	}
	if got := strings.Join(cells, "|"); got != "Measure|Span|Digit span|7 items|Complex span|4 chunks" {
		t.Errorf("cells %s", got)
	}
	if !bytes.Contains(zipparts.Member(t, data, "ppt/slides/slide1.xml"), []byte(`<a:tblPr firstRow="1"/>`)) {
		t.Error("header row not marked")
	}
}

// TestLinkTargets: only web and mail addresses become hyperlinks, written
// as valid URIs; the text of any other stays.
func TestLinkTargets(t *testing.T) {
	root := plan.NewRoot()
	s := root.Add(plan.RoleSection)
	p := s.Add(plan.RoleParagraph)
	var items []plan.Item
	for i, u := range []string{"javascript:alert(1)", "https://example.org/a b", "file:///etc/passwd", "mailto:a@example.org", "http://"} {
		items = append(items, line(56, 100+float64(i)*40, 24, p.Add(plan.RoleLink), [3]string{"link " + u, "", u}))
	}
	doc := &plan.Document{Width: 960, Height: 540, Root: root, Pages: []*plan.Page{{Tag: s, Items: items}}}
	d, err := pptxread.Read(write(t, doc, pptxdraw.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	var links []string
	for _, p := range d.Slides[0].Paragraphs {
		links = append(links, p.Links...)
		if !strings.HasPrefix(p.Text, "link ") {
			t.Errorf("paragraph %q", p.Text)
		}
	}
	if got := strings.Join(links, " "); got != "https://example.org/a%20b mailto:a@example.org" {
		t.Errorf("links %s", got)
	}
}
