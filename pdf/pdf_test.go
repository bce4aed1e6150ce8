package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/internal/checktool"
)

func TestObjects(t *testing.T) {
	tests := []struct {
		obj  Object
		want string
	}{
		{Name("Type"), "/Type"},
		{Name("A B#(x)"), "/A#20B#23#28x#29"},
		{String("plain (nested) \\ back"), `(plain \(nested\) \\ back)`},
		{String("line\nbreak\r\x01"), `(line\nbreak\r\001)`},
		{String("Åsa"), "<FEFF00C500730061>"},
		{String("😀"), "<FEFFD83DDE00>"},
		{Int(-42), "-42"},
		{Real(0.5), "0.5"},
		{Real(1.23456), "1.2346"},
		{Real(-0.00004), "0"},
		{Real(-2.5), "-2.5"},
		{Real(12), "12"},
		{Real(0.0305), "0.0305"},
		{Real(-7.001), "-7.001"},
		{Real(419.99996), "420"},
		{Bool(true), "true"},
		{Ref(7), "7 0 R"},
		{Null{}, "null"},
		{Array{Int(1), Name("X"), Array{}}, "[1 /X []]"},
		{Dict{{"A", Int(1)}, {"Skip", nil}, {"B", Dict{{"C", String("d")}}}}, "<</A 1/B <</C (d)>>>>"},
	}
	for _, tc := range tests {
		if got := string(tc.obj.AppendPDF(nil)); got != tc.want {
			t.Errorf("%#v: %s, want %s", tc.obj, got, tc.want)
		}
	}
}

// writeFile writes a small document exercising every part of the writer
// and returns its path.
func writeFile(t *testing.T, draw func(d *Document, c *Content, page Ref) Page) (string, []byte) {
	t.Helper()
	d := NewDocument()
	d.Info = Info{Title: "Test (with) \\ escapes", Author: "Åsa", Lang: "sv", Producer: "pdf test", Date: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	page := d.NewPage()
	var c Content
	p := draw(d, &c, page)
	p.Width, p.Height, p.Content, p.StructParents = 200, 100, c.Bytes(), -1
	if d.Struct != nil {
		p.StructParents = 0
	}
	d.SetPage(page, p)
	var buf bytes.Buffer
	if err := d.Finish(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	checktool.QPDFCheck(t, path)
	return path, buf.Bytes()
}

// TestFonts draws text through a CID font, with a character beyond the
// BMP and a mirrored code, and reads it back with pdftotext and pdffonts.
func TestFonts(t *testing.T) {
	face := fonts.Default().Face("DejaVuSans", "")
	text := "Smile 😀 Ελληνικά"
	path, _ := writeFile(t, func(d *Document, c *Content, _ Ref) Page {
		f := NewFont(face, d.W.Alloc(), "F1")
		var cids []uint16
		for _, r := range text {
			cid, ok := f.CID(r)
			if !ok {
				t.Fatalf("no glyph for %q", r)
			}
			cids = append(cids, cid)
		}
		// A glyph drawn for another text gets a code of its own.
		alt, _ := f.CIDFor(')', "(")
		if plain, _ := f.CID(')'); plain == alt {
			t.Error("a mirrored bracket shares the code of its glyph")
		}
		c.BeginText()
		c.Font("F1", 12)
		c.TextAt(10, 50)
		c.Glyphs(cids, nil)
		c.EndText()
		if err := f.Write(d.W); err != nil {
			t.Fatal(err)
		}
		return Page{Resources: Dict{{"Font", Dict{{"F1", f.Ref()}}}}}
	})
	if got := checktool.Text(t, path); got != text {
		t.Errorf("pdftotext %q, want %q", got, text)
	}
	// Embedded, subset, with a ToUnicode map.
	if fs := checktool.Fonts(t, path); len(fs) != 1 || !strings.HasSuffix(fs[0].Name, "+DejaVuSans") || !fs[0].Embedded || !fs[0].Subset || !fs[0].Unicode {
		t.Errorf("pdffonts: %+v", fs)
	}
}

func TestImages(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 4, 3))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var pngData, jpegData bytes.Buffer
	if err := png.Encode(&pngData, img); err != nil {
		t.Fatal(err)
	}
	grey := image.NewGray(image.Rect(0, 0, 5, 5))
	grey.Set(1, 1, color.Gray{200})
	if err := jpeg.Encode(&jpegData, grey, nil); err != nil {
		t.Fatal(err)
	}
	var p, j Image
	path, _ := writeFile(t, func(d *Document, c *Content, _ Ref) Page {
		var err error
		if p, err = d.W.AddPNG(pngData.Bytes()); err != nil {
			t.Fatal(err)
		}
		if j, err = d.W.AddJPEG(jpegData.Bytes()); err != nil {
			t.Fatal(err)
		}
		if _, err := d.W.AddPNG([]byte("not a png")); err == nil {
			t.Error("a broken PNG is no error")
		}
		return Page{Resources: Dict{{"XObject", Dict{{"I1", p.Ref}, {"I2", j.Ref}}}}}
	})
	if p.Width != 4 || p.Height != 3 || j.Width != 5 {
		t.Errorf("sizes %+v %+v", p, j)
	}
	if out := checktool.Output(t, "qpdf", "--show-object="+itoa(int(p.Ref)), path); !strings.Contains(out, "/SMask") {
		t.Errorf("PNG with alpha has no soft mask: %s", out)
	}
	if out := checktool.Output(t, "qpdf", "--show-object="+itoa(int(j.Ref)), "--raw-stream-data", path); out != jpegData.String() {
		t.Errorf("the JPEG is not passed through unchanged")
	}
}

func itoa(n int) string { return string(Int(n).AppendPDF(nil)) }

// TestStructure writes a tagged page with a link and an outline, and
// checks the file with qpdf and pdfinfo.
func TestStructure(t *testing.T) {
	var tree *StructTree
	path, data := writeFile(t, func(d *Document, c *Content, page Ref) Page {
		tree = NewStructTree()
		d.Struct = tree
		tree.BeginPage(page)
		p := tree.Root.Add("P")
		c.BeginMarked("P", tree.Mark(p), "")
		c.Rect(10, 10, 20, 20)
		c.Fill()
		c.EndMarked()
		c.BeginArtifact()
		c.Rect(0, 0, 5, 5)
		c.Fill()
		c.EndMarked()
		link := p.Add("Link")
		annot := d.W.Alloc()
		d.W.Set(annot, LinkURI([4]float64{10, 10, 30, 30}, "https://example.org/a(b)", "Example", tree.Annotation(link, annot)))
		tree.Root.Add("Div") // empty: left out
		fig := tree.Root.Add("Figure")
		fig.Alt = "kept though empty"
		d.AddBookmark(Bookmark{Title: "One", Page: page, Top: 100})
		d.AddBookmark(Bookmark{Title: "Two", Level: 3, Page: page, Top: 100})
		d.AddBookmark(Bookmark{Title: "Three", Page: page, Top: 100})
		inner := d.W.Add(LinkPage([4]float64{40, 10, 60, 30}, page, 100, "Back to the top", -1))
		return Page{Resources: Dict{}, Annots: []Ref{annot, inner}}
	})
	info := checktool.Info(t, path)
	for _, want := range []string{"Tagged:          yes", "Title:           Test (with) \\ escapes", "Author:          Åsa", "Metadata Stream: yes"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if s := checktool.Info(t, path, "-struct"); !strings.Contains(s, "P") || !strings.Contains(s, "Link") || strings.Contains(s, "Div") || !strings.Contains(s, "Figure") {
		t.Errorf("structure:\n%s", s)
	}
	qdf := checktool.Expanded(t, path)
	for _, want := range []string{"/URI (https://example.org/a\\(b\\))", "/Dest [", "/Contents (Back to the top)", "/Count 1", "/Tabs /S"} {
		if !strings.Contains(qdf, want) {
			t.Errorf("the file lacks %s", want)
		}
	}
	if !bytes.HasPrefix(data, []byte("%PDF-1.7\n")) || !bytes.Contains(data, []byte("/Type/XRef")) && !bytes.Contains(data, []byte("/Type /XRef")) {
		t.Error("no PDF 1.7 header or no cross-reference stream")
	}
}

// TestDeterministic: the same document gives the same bytes, and a
// different one a different file ID.
func TestDeterministic(t *testing.T) {
	draw := func(text string) func(d *Document, c *Content, _ Ref) Page {
		return func(d *Document, c *Content, _ Ref) Page {
			d.Info.Title = text
			c.Rect(0, 0, 1, 1)
			c.Fill()
			return Page{Resources: Dict{}}
		}
	}
	_, a := writeFile(t, draw("a"))
	_, b := writeFile(t, draw("a"))
	_, c := writeFile(t, draw("b"))
	if !bytes.Equal(a, b) {
		t.Error("same input, different bytes")
	}
	id := func(data []byte) []byte {
		i := bytes.Index(data, []byte("/ID"))
		return data[i : i+40]
	}
	if bytes.Equal(id(a), id(c)) {
		t.Error("different content, same file ID")
	}
}

func TestUnsetObject(t *testing.T) {
	w := NewWriter()
	w.Alloc()
	if err := w.Finish(&bytes.Buffer{}, 1, 0); err == nil {
		t.Error("an object reserved and never written is no error")
	}
}

func BenchmarkDeflatePage(b *testing.B) {
	var c Content
	for i := range 200 {
		c.BeginText()
		c.Font("F1", 12)
		c.TextAt(float64(i), 500-float64(i))
		c.Glyphs([]uint16{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, nil)
		c.EndText()
	}
	b.SetBytes(int64(len(c.Bytes())))
	for b.Loop() {
		Deflate(nil, c.Bytes())
	}
}

// TestReusedBuffer: a stream's data is the caller's to reuse once
// written, compressed or not.
func TestReusedBuffer(t *testing.T) {
	w := NewWriter()
	buf := []byte("first stream")
	w.AddStream(Stream{Data: buf})
	copy(buf, "later")
	w.AddStream(Stream{Data: buf, Compress: true})
	root := w.Add(Dict{{"Type", Name("Catalog")}})
	var out bytes.Buffer
	if err := w.Finish(&out, root, 0); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out.Bytes(), []byte("stream\nfirst stream\nendstream")) {
		t.Error("the first stream took the buffer's later content")
	}
}

// TestGlyphs: codes are two bytes each in a literal string, escaped where
// a reader would take them as syntax, and kerning splits the string with
// a TJ adjustment.
func TestGlyphs(t *testing.T) {
	var c Content
	c.Glyphs([]uint16{0x0041, 0x0028, 0x5C0D, 0x0042}, []float64{0, 0, 0, 80})
	want := "[(\x00A\x00\\(\\\\\\r) 80 (\x00B)] TJ\n"
	if got := string(c.Bytes()); got != want {
		t.Errorf("%q, want %q", got, want)
	}
	c.Reset()
	c.FillRGB(51, 51, 51)
	c.StrokeRGB(255, 0, 128)
	if got, want := string(c.Bytes()), "0.200 g\n1.000 0.000 0.502 RG\n"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
