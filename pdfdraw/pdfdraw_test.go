package pdfdraw

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/internal/cjkfont"
	"github.com/scholargate/topicdeck/pdf"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
)

// builder lays paragraphs out down a page the way a layout would.
type builder struct {
	e    *textlayout.Engine
	page *plan.Page
	x, y float64
	w    float64
}

func (b *builder) para(spans ...textlayout.Span) []textlayout.Line {
	lines := b.e.Lines(textlayout.Paragraph{Spans: spans}, b.w)
	for _, l := range lines {
		b.page.Items = append(b.page.Items, &plan.Text{X: b.x, Y: b.y, Line: l})
		b.y += l.Height
	}
	b.y += 6
	return lines
}

func span(text string, size float64) textlayout.Span {
	return textlayout.Span{Text: text, Font: textlayout.Font{Size: size}, Color: textlayout.Color{R: 20, G: 20, B: 40}}
}

const testURL = "https://doi.org/10.1037/0033-2909.108.3.480/" + "motivated-reasoning-and-the-case-for-a-long-address-that-never-fits-on-one-line-of-a-slide/" + "with/many/segments/and?query=string&more=parameters-than-anyone-would-want-to-type"

var sentences = []string{
	"Motivated reasoning biases how people evaluate evidence.",
	"Räksmörgås och ärtsoppa på torsdag – så är det i Sverige.",
	"Η γνωστική ασυμφωνία είναι ελληνική λέξη.",
	"Когнитивный диссонанс — русский текст.",
	"動機づけられた推論は証拠の評価を歪める。",
}

func pngData(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range 8 {
		img.Set(i, i, color.RGBA{200, 30, 30, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// testDoc is a three-page document: text in several scripts with a long
// link, shapes and an image, and a page embedding the first at half size.
func testDoc(t testing.TB, set *fonts.Set) (*plan.Document, [][]textlayout.Line) {
	e := textlayout.New(set)
	doc := &plan.Document{Width: 720, Height: 405, Meta: plan.Meta{
		Title: "Motiverat resonerande – test", Author: "Åsa Öberg", Subject: "pdfdraw", Keywords: "test, pdf",
		Creator: "topicdeck test", Lang: "sv-SE", Date: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
	}}
	p1 := &plan.Page{Background: &plan.Color{R: 250, G: 248, B: 240}, Bookmarks: []plan.Bookmark{{Title: "Definition – Ärende", Level: 0}, {Title: "Δεύτερο", Level: 1}}}
	b := &builder{e: e, page: p1, x: 40, y: 30, w: 640}
	var all [][]textlayout.Line
	all = append(all, b.para(textlayout.Span{Text: "Motivated reasoning", Font: textlayout.Font{Bold: true, Size: 28}}))
	for _, s := range sentences {
		all = append(all, b.para(span(s, 16)))
	}
	b.w = 300
	all = append(all, b.para(span("Source: ", 11), textlayout.Span{Text: testURL, Font: textlayout.Font{Family: "mono", Size: 11}, URL: testURL, Color: textlayout.Color{B: 180}}))
	doc.Pages = append(doc.Pages, p1)

	p2 := &plan.Page{Bookmarks: []plan.Bookmark{{Title: "Shapes", Level: 0}}}
	fill, stroke := plan.Color{R: 230, G: 240, B: 255}, plan.Color{R: 40, G: 80, B: 160}
	p2.Items = append(p2.Items,
		&plan.Rect{X: 30, Y: 30, W: 300, H: 120, Fill: &fill, Stroke: &stroke, LineWidth: 1.5, Radius: 10},
		&plan.Rect{X: 360, Y: 30, W: 100, H: 60, Fill: &fill},
		&plan.Rule{X1: 30, Y1: 200, X2: 690, Y2: 200, Color: stroke, Width: 1},
		&plan.Rule{X1: 30, Y1: 220, X2: 690, Y2: 220, Color: stroke, Width: 0.5, Dash: 4},
		&plan.Image{X: 500, Y: 30, W: 64, H: 64, Name: "dot", Type: "PNG", Data: pngData(t)},
		&plan.Image{X: 580, Y: 30, W: 32, H: 32, Name: "dot", Type: "PNG", Data: pngData(t)},
	)
	b = &builder{e: e, page: p2, x: 40, y: 60, w: 280}
	all = append(all, b.para(textlayout.Span{Text: "Inside a rounded box, italic.", Font: textlayout.Font{Italic: true, Size: 14}}))
	doc.Pages = append(doc.Pages, p2)

	p3 := &plan.Page{Bookmarks: []plan.Bookmark{{Title: "Handout", Level: 0}}}
	p3.Items = append(p3.Items, &plan.Embed{X: 20, Y: 20, W: 360, H: 202.5, SrcW: 720, SrcH: 405, Page: p1})
	b = &builder{e: e, page: p3, x: 400, y: 30, w: 300}
	all = append(all, b.para(span("Notes beside the embedded slide.", 12)))
	doc.Pages = append(doc.Pages, p3)
	return doc, all
}

func render(t testing.TB, doc *plan.Document, set *fonts.Set) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, doc, set); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// renderFile draws doc into a file name in a temporary folder, for the
// readers and checkers, and returns its path.
func renderFile(t testing.TB, doc *plan.Document, set *fonts.Set, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, render(t, doc, set), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func lineText(l textlayout.Line) string {
	var b strings.Builder
	for _, s := range l.Segments {
		b.WriteString(s.Text)
	}
	return b.String()
}

func TestWrite(t *testing.T) {
	set := cjkfont.Set(t)
	doc, paras := testDoc(t, set)
	if m := doc.Missing(); len(m) != 0 {
		t.Fatalf("test document has missing characters %q", string(m))
	}
	path := renderFile(t, doc, set, "test.pdf")
	checktool.PDF(t, path, sentences, 0)
	if n := checktool.Pages(t, path); n != 3 {
		t.Errorf("%d pages", n)
	}
	// pdftotext -raw keeps the hyphens at line ends that its default mode
	// takes for hyphenation, so every drawn line must appear exactly.
	rawLines := strings.Split(strings.ReplaceAll(checktool.RawText(t, path, 0), "\f", ""), "\n")
	for _, lines := range paras {
		for _, l := range lines {
			if !slices.Contains(rawLines, lineText(l)) {
				t.Errorf("line %q not extracted", lineText(l))
			}
		}
	}
	// The URL is broken over lines but loses no character.
	if !strings.Contains(strings.Join(rawLines, ""), testURL) {
		t.Errorf("URL not extracted whole")
	}
	text := checktool.Text(t, path)
	// The embedded slide's text is real text too: every sentence twice.
	for _, s := range sentences {
		if strings.Count(text, s) != 2 {
			t.Errorf("%q occurs %d times, want 2 (page and embed)", s, strings.Count(text, s))
		}
	}

	qdf := qpdfJSON(t, path)
	uris := qdf.annotations()
	// One link per URL line on the page, and again in the embed.
	urlLines := len(paras[len(sentences)+1])
	if len(uris) != 2*urlLines {
		t.Errorf("%d links, want %d", len(uris), 2*urlLines)
	}
	for _, u := range uris {
		if u != testURL {
			t.Errorf("link to %q", u)
		}
	}
	titles := qdf.outlineTitles()
	if want := []string{"Definition – Ärende", "Δεύτερο", "Shapes", "Handout"}; !slices.Equal(titles, want) {
		t.Errorf("outline %q, want %q", titles, want)
	}

	info := checktool.Info(t, path)
	for _, want := range []string{"Motiverat resonerande – test", "Åsa Öberg", "topicdeck test", "Fri Jan  2 03:04:05 2026"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if !strings.Contains(checktool.Expanded(t, path), "/Lang (sv-SE)") {
		t.Error("no document language")
	}

	// Only the faces drawn with are embedded.
	var embedded []string
	for _, f := range checktool.Fonts(t, path) {
		embedded = append(embedded, f.Name[strings.Index(f.Name, "+")+1:])
		// Embedded, subset, with a ToUnicode map.
		if !f.Embedded || !f.Subset || !f.Unicode {
			t.Errorf("pdffonts: %s", f.Row)
		}
	}
	slices.Sort(embedded)
	if want := []string{"DirDroidSansFallbackFull", "NotoSans", "NotoSans-Bold", "NotoSans-Italic", "NotoSansMono"}; !slices.Equal(embedded, want) {
		t.Errorf("embedded fonts %q, want %q", embedded, want)
	}
}

func TestDeterministic(t *testing.T) {
	set := cjkfont.Set(t)
	doc, _ := testDoc(t, set)
	a := render(t, doc, set)
	b := render(t, doc, set)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same plan differ")
	}
	doc.Meta.Date = time.Time{}
	if !bytes.Equal(render(t, doc, set), render(t, doc, set)) {
		t.Fatal("renders without a date differ")
	}
}

// TestMissingGlyphs draws characters no face has: the PDF stays valid and
// the text around them stays in place and extractable.
func TestMissingGlyphs(t *testing.T) {
	e := textlayout.New(nil)
	doc := &plan.Document{Width: 400, Height: 200, Meta: plan.Meta{Title: "Missing"}}
	p := &plan.Page{}
	for i, l := range e.Lines(textlayout.Paragraph{Spans: []textlayout.Span{span("Smile \U0001F9A0 please, 中文 here.", 14)}}, 360) {
		p.Items = append(p.Items, &plan.Text{X: 20, Y: 20 + float64(i)*20, Line: l})
	}
	doc.Pages = []*plan.Page{p}
	if got := string(doc.Missing()); got != "\U0001F9A0中文" {
		t.Fatalf("Missing = %q", got)
	}
	path := renderFile(t, doc, nil, "missing.pdf")
	checktool.PDF(t, path, []string{"Smile", "please,", "here."}, 0)
}

// TestBookmarksWithoutText: outline titles need a UTF-8 font even when no
// page draws text.
func TestBookmarksWithoutText(t *testing.T) {
	fill := plan.Color{R: 200}
	doc := &plan.Document{Width: 300, Height: 200, Meta: plan.Meta{Title: "Shapes only"}, Pages: []*plan.Page{{
		Background: &plan.Color{R: 20, G: 20, B: 20},
		Bookmarks:  []plan.Bookmark{{Title: "Översikt", Level: 0}, {Title: "Deep", Level: 3}},
		Items:      []plan.Item{&plan.Rect{X: 10, Y: 10, W: 50, H: 50, Fill: &fill}},
	}}}
	path := renderFile(t, doc, nil, "shapes.pdf")
	checktool.PDF(t, path, nil, 0)
	if got := qpdfJSON(t, path).outlineTitles(); !slices.Equal(got, []string{"Översikt", "Deep"}) {
		t.Errorf("outline %q", got)
	}
}

func TestWriteErrors(t *testing.T) {
	line := textlayout.Line{Segments: []textlayout.Segment{{Text: "x", Face: "NoSuchFace", Size: 10}}, Height: 12}
	tests := []struct {
		name string
		doc  *plan.Document
		want string
	}{
		{"nil", nil, "no document"},
		{"no pages", &plan.Document{Width: 100, Height: 100}, "no pages"},
		{"bad size", &plan.Document{Width: 0, Height: 100, Pages: []*plan.Page{{}}}, "page size"},
		{"unknown face", &plan.Document{Width: 100, Height: 100, Pages: []*plan.Page{{Items: []plan.Item{&plan.Text{Line: line}}}}}, "NoSuchFace"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, tc.doc, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// qpdfDoc is the part of `qpdf --json` output the tests read.
type qpdfDoc struct {
	Outlines []qpdfOutline     `json:"outlines"`
	QPDF     []json.RawMessage `json:"qpdf"`
}

type qpdfOutline struct {
	Title string        `json:"title"`
	Kids  []qpdfOutline `json:"kids"`
}

func qpdfJSON(t *testing.T, path string) *qpdfDoc {
	t.Helper()
	out := checktool.Output(t, "qpdf", "--json=2", "--json-key=outlines", "--json-key=qpdf", path)
	var d qpdfDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	return &d
}

func (d *qpdfDoc) outlineTitles() []string {
	var out []string
	var walk func(os []qpdfOutline)
	walk = func(os []qpdfOutline) {
		for _, o := range os {
			out = append(out, o.Title)
			walk(o.Kids)
		}
	}
	walk(d.Outlines)
	return out
}

// annotations returns the URI of every link annotation.
func (d *qpdfDoc) annotations() []string {
	var out []string
	var objects any
	if len(d.QPDF) < 2 || json.Unmarshal(d.QPDF[1], &objects) != nil {
		return nil
	}
	// Search the whole tree, wherever annotations are written.
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if v["/Subtype"] == "/Link" {
				if a, ok := v["/A"].(map[string]any); ok {
					if u, ok := a["/URI"].(string); ok {
						out = append(out, strings.TrimPrefix(u, "u:"))
					}
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(objects)
	return out
}

// deck is a typical 25-slide deck: a bold title and five bullet
// paragraphs per slide, a mono footer and a rule, like the built-in layouts.
func deck(b testing.TB) *plan.Document {
	e := textlayout.New(nil)
	doc := &plan.Document{Width: 960, Height: 540, Meta: plan.Meta{Title: "Deck", Creator: "bench", Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}}
	accent := plan.Color{R: 30, G: 60, B: 120}
	for i := range 25 {
		p := &plan.Page{Bookmarks: []plan.Bookmark{{Title: "Slide", Level: 0}}}
		bl := &builder{e: e, page: p, x: 60, y: 40, w: 840}
		bl.para(textlayout.Span{Text: "Key concepts of motivated reasoning", Font: textlayout.Font{Bold: true, Size: 36}})
		p.Items = append(p.Items, &plan.Rule{X1: 60, Y1: bl.y, X2: 900, Y2: bl.y, Color: accent, Width: 2})
		bl.y += 12
		for range 5 {
			bl.para(span("Motivated reasoning is the tendency to find arguments in favour of conclusions we want to believe stronger than arguments for conclusions we do not want to believe.", 20))
		}
		bl.y = 500
		bl.para(textlayout.Span{Text: "topicdeck · slide " + string(rune('A'+i)), Font: textlayout.Font{Family: "mono", Size: 10}})
		doc.Pages = append(doc.Pages, p)
	}
	return doc
}

func BenchmarkWriteDeck25(b *testing.B) { benchmarkWrite(b, deck(b)) }

// benchmarkWrite draws doc b.N times and reports the CPU time and the
// size of the file beside the wall time.
func benchmarkWrite(b *testing.B, doc *plan.Document) {
	var buf bytes.Buffer
	cpu := cpuTime()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, doc, nil); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(buf.Len())/1024, "KiB")
}

// cpuTime is the process's user+system CPU time. Benchmarks report CPU
// time per operation beside wall time because wall time on a shared
// machine measures the neighbours as much as the code.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkFontProgram is the fixed cost of one face per document the
// first time a glyph set is drawn: subset by glyph and compress.
func BenchmarkFontProgram(b *testing.B) {
	face := fonts.Default().Face("NotoSans", "")
	gids := []uint16{0}
	for _, r := range "Motivated reasoning is the tendency to find arguments in favour of conclusions" {
		if g := face.Glyph(r); !slices.Contains(gids, g) {
			gids = append(gids, g)
		}
	}
	cpu := cpuTime()
	for b.Loop() {
		sub, err := face.SubsetGlyphs(gids)
		if err != nil {
			b.Fatal(err)
		}
		pdf.Deflate(nil, sub)
	}
	reportCPU(b, cpu)
}
