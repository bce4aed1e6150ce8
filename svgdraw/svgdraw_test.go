package svgdraw_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/pdfdraw"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/svgdraw"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// svgText returns the characters of an SVG's <text> elements in document
// order, and its <title>.
func svgText(t *testing.T, data []byte) (text, title string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var sb, tb strings.Builder
	var in string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			in = v.Name.Local
		case xml.EndElement:
			in = ""
		case xml.CharData:
			switch in {
			case "text":
				sb.Write(v)
			case "title":
				tb.Write(v)
			}
		}
	}
	return sb.String(), tb.String()
}

// squeeze drops white space: pdftotext and the SVG agree on the
// characters, and where a line breaks is the plan's, not the extractor's.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pdfPages writes doc as PDF and returns the text of each page, in content
// order (pdftotext -raw), which is the order the plan draws in.
func pdfPages(t *testing.T, doc *plan.Document, set *fonts.Set) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	var buf bytes.Buffer
	if err := pdfdraw.Write(&buf, doc, set); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(doc.Pages))
	for i := range doc.Pages {
		out[i] = checktool.RawText(t, path, i+1)
	}
	return out
}

// TestSameTextAsPDF draws every slide of the seed deck in every slide
// layout, and the first page of every handout, as SVG and as PDF: each
// SVG holds exactly the PDF page's text, and its title (the accessible
// name) holds the page's words.
func TestSameTextAsPDF(t *testing.T) {
	e, err := topic.ReadFile("../samples/neuroadaptation-and-tolerance.md", topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range layouts.List() {
		var doc *plan.Document
		var set *fonts.Set
		pages := 0
		switch in.Kind {
		case layouts.KindSlides:
			doc, set, err = exporter.PlanSlides(e, exporter.SlideOptions{Layout: in.Name})
		case layouts.KindHandout:
			doc, set, err = exporter.PlanHandout(e, exporter.HandoutOptions{Layout: in.Name})
			pages = 1
		default:
			continue
		}
		t.Run(in.Name, func(t *testing.T) {
			if err != nil {
				t.Fatal(err)
			}
			if pages == 0 || pages > len(doc.Pages) {
				pages = len(doc.Pages)
			}
			want := pdfPages(t, doc, set)
			for i := range pages {
				var buf bytes.Buffer
				if err := svgdraw.Write(&buf, doc, i, set); err != nil {
					t.Fatal(err)
				}
				got, title := svgText(t, buf.Bytes())
				if squeeze(got) != squeeze(want[i]) {
					t.Errorf("page %d: SVG text\n%q\nPDF text\n%q", i+1, got, want[i])
				}
				// The title ends its heading with a full stop.
				noDots := func(s string) string { return strings.ReplaceAll(squeeze(s), ".", "") }
				if squeeze(got) == "" || !strings.HasSuffix(noDots(title), noDots(got)) {
					t.Errorf("page %d: title %q lacks the page's text", i+1, title)
				}
			}
		})
	}
}

// sampleDeck plans the deck of a sample entry in the default slide layout.
func sampleDeck(t *testing.T, name string) (*plan.Document, *fonts.Set) {
	t.Helper()
	e, err := topic.ReadFile(filepath.Join("../samples", name), topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, set, err := exporter.PlanSlides(e, exporter.SlideOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return doc, set
}

// TestWriteDeterministic: the same page gives the same bytes.
func TestWriteDeterministic(t *testing.T) {
	doc, set := sampleDeck(t, "ekologisk-succession.md")
	var a, b bytes.Buffer
	if err := svgdraw.Write(&a, doc, 0, set); err != nil {
		t.Fatal(err)
	}
	if err := svgdraw.Write(&b, doc, 0, set); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of one page differ")
	}
	if !bytes.Contains(a.Bytes(), []byte(`lang="sv"`)) {
		t.Error("a Swedish deck's SVG does not say lang=\"sv\"")
	}
}

// TestWriteBadPage: a page the document does not have is an error.
func TestWriteBadPage(t *testing.T) {
	doc := &plan.Document{Width: 100, Height: 100, Pages: []*plan.Page{{}}}
	for _, n := range []int{-1, 1, 99} {
		if err := svgdraw.Write(io.Discard, doc, n, nil); err == nil {
			t.Errorf("page %d: no error", n)
		}
	}
	if err := svgdraw.Write(io.Discard, &plan.Document{Pages: []*plan.Page{{}}}, 0, nil); err == nil {
		t.Error("zero page size: no error")
	}
}

// TestStructure: an untagged item is hidden from assistive technology, a
// tagged one is not, and a tagged figure keeps its alternative text.
func TestStructure(t *testing.T) {
	doc, set := sampleDeck(t, "neuroadaptation-and-tolerance.md")
	page := doc.Pages[2]
	root := plan.NewRoot()
	fig := root.Add(plan.RoleFigure)
	fig.Alt = "A crest & shield"
	tagged := 0
	for _, it := range page.Items {
		if txt, ok := it.(*plan.Text); ok {
			// One line tagged, the rest decoration, whatever the
			// layout said.
			txt.Tag = nil
			if tagged == 0 {
				txt.Tag = root.Add(plan.RoleParagraph)
				tagged++
			}
		}
	}
	page.Items = append(page.Items, &plan.Image{X: 1, Y: 1, W: 10, H: 10, Name: "i", Type: "PNG", Data: []byte("\x89PNG"), Tag: fig},
		&plan.Image{X: 1, Y: 1, W: 10, H: 10, Name: "j", Type: "PNG", Data: []byte("\x89PNG")})
	var buf bytes.Buffer
	if err := svgdraw.Write(&buf, doc, 2, set); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	texts, hidden := strings.Count(svg, "<text "), strings.Count(svg, `" aria-hidden="true">`)
	if hidden == 0 || texts-hidden != tagged {
		t.Errorf("%d texts, %d hidden, %d tagged", texts, hidden, tagged)
	}
	for _, want := range []string{`role="img" aria-label="A crest &amp; shield"`, `preserveAspectRatio="none" aria-hidden="true"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

// TestRightToLeft: a right-to-left segment keeps its characters in
// logical order for the browser to reorder, fitted to the measured width.
func TestRightToLeft(t *testing.T) {
	e := textlayout.New(fonts.Default())
	lines := e.Lines(textlayout.Paragraph{Spans: []textlayout.Span{{Text: "Ordet שלום betyder fred", Font: textlayout.Font{Size: 20}}}}, 500)
	page := &plan.Page{}
	for i, l := range lines {
		page.Items = append(page.Items, &plan.Text{X: 10, Y: 10 + float64(i)*30, Line: l})
	}
	var buf bytes.Buffer
	if err := svgdraw.Write(&buf, &plan.Document{Width: 600, Height: 200, Pages: []*plan.Page{page}}, 0, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := svgText(t, buf.Bytes())
	if squeeze(got) != squeeze("Ordet שלום betyder fred") {
		t.Errorf("text %q", got)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`lengthAdjust="spacingAndGlyphs"`)) {
		t.Errorf("no fitted right-to-left segment in\n%s", buf.Bytes()[bytes.Index(buf.Bytes(), []byte("</style>")):])
	}
}
