package glossary

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
)

// TestRelPrefix writes a worksheet's links in pieces of every size, so
// the long relationship prefix is split at every point between two
// writes, and wants it shortened all the same.
func TestRelPrefix(t *testing.T) {
	in := `<hyperlinks><hyperlink ref="B3" ` + string(relLong) + `:id="rId1"></hyperlink>` +
		`<hyperlink ref="B9" ` + string(relLong) + `:id="rId2"></hyperlink></hyperlinks></worksheet>`
	want := `<hyperlinks><hyperlink ref="B3" r:id="rId1"></hyperlink>` +
		`<hyperlink ref="B9" r:id="rId2"></hyperlink></hyperlinks></worksheet>`
	for size := 1; size <= len(in); size++ {
		var out bytes.Buffer
		z := newStampedZip(&out, fixedTime)
		w, err := z.Create("xl/worksheets/sheet1.xml")
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < len(in); i += size {
			if _, err := io.WriteString(w, in[i:min(i+size, len(in))]); err != nil {
				t.Fatal(err)
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		if got := member(t, out.Bytes(), "xl/worksheets/sheet1.xml"); got != want {
			t.Fatalf("pieces of %d bytes: got\n%s\nwant\n%s", size, got, want)
		}
	}
}

// TestStampedZipOrder makes an archive's members in two orders: the
// archives are the same bytes, members in reverse name order, each
// dated with the document's time and read back intact.
func TestStampedZipOrder(t *testing.T) {
	files := map[string]string{
		"[Content_Types].xml":      "<Types/>",
		"xl/worksheets/sheet1.xml": strings.Repeat("<row/>", 500),
		"xl/worksheets/sheet2.xml": "<worksheet/>",
		"docProps/app.xml":         "",
	}
	// archive writes the members in the given order.
	archive := func(order []string) []byte {
		var out bytes.Buffer
		z := newStampedZip(&out, fixedTime)
		for _, name := range order {
			w, err := z.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.WriteString(w, files[name]); err != nil {
				t.Fatal(err)
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	a := archive([]string{"xl/worksheets/sheet2.xml", "xl/worksheets/sheet1.xml", "docProps/app.xml", "[Content_Types].xml"})
	b := archive([]string{"[Content_Types].xml", "xl/worksheets/sheet1.xml", "docProps/app.xml", "xl/worksheets/sheet2.xml"})
	if !bytes.Equal(a, b) {
		t.Fatal("the order members were made in changed the archive")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(fixedTime) {
			t.Errorf("%s dated %v, want %v", f.Name, f.Modified, fixedTime)
		}
		if got := member(t, a, f.Name); got != files[f.Name] {
			t.Errorf("%s: read back %d bytes, want %d", f.Name, len(got), len(files[f.Name]))
		}
	}
	if got := strings.Join(names, " "); got != "xl/worksheets/sheet2.xml xl/worksheets/sheet1.xml docProps/app.xml [Content_Types].xml" {
		t.Errorf("members in the order %s", got)
	}
}

// TestStreamedSheet looks at the XML of the streamed Glossary sheet:
// inline rich text, links named with the r: prefix, columns in order.
func TestStreamedSheet(t *testing.T) {
	data, _ := write(t, FromEntries(courseEntries(), Options{}), XLSX)
	sheet := member(t, data, "xl/worksheets/sheet1.xml")
	if !strings.Contains(sheet, `<hyperlink ref="B3" r:id="rId1">`) {
		t.Errorf("want the link of B3 with an r:id:\n%s", sheet)
	}
	if strings.Contains(sheet, "relationships:") {
		t.Errorf("the long relationship prefix is left:\n%s", sheet)
	}
	if !strings.Contains(sheet, `<r><rPr><family val="2"></family><b val="1"></b><color></color></rPr><t>neurotransmitter</t></r>`) {
		t.Errorf("want the bold run of B2 inline:\n%s", sheet)
	}
	var mins []string
	for _, m := range regexp.MustCompile(`<col min="(\d+)"`).FindAllStringSubmatch(sheet, -1) {
		mins = append(mins, m[1])
	}
	if got := strings.Join(mins, ","); got != "1,2,3,4,5,6,7" {
		t.Errorf("columns in the order %s, want 1 to 7", got)
	}
	if !strings.Contains(sheet, `<dimension ref="A1:G5">`) {
		t.Errorf("want the dimension A1:G5:\n%s", sheet)
	}
}

// member returns the text of one member of a zip archive.
func member(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
