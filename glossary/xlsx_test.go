package glossary

import (
	"archive/zip"
	"bytes"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPackageParts reads the archive back: every member dated with the
// document's time, in the order written (content types first, as some
// readers want), every part a relationship names present, and the same
// bytes from a second run.
func TestPackageParts(t *testing.T) {
	data, _ := write(t, FromEntries(courseEntries(), Options{}), XLSX)
	again, _ := write(t, FromEntries(courseEntries(), Options{}), XLSX)
	if !bytes.Equal(data, again) {
		t.Fatal("two runs differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		have[f.Name] = true
		if !f.Modified.Equal(fixedTime) {
			t.Errorf("%s dated %v, want %v", f.Name, f.Modified, fixedTime)
		}
	}
	if names[0] != "[Content_Types].xml" || len(names) != 7+3*6 {
		t.Errorf("members %q", names)
	}
	target := regexp.MustCompile(`Target="([^"]+)"`)
	for _, rels := range []string{"_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/worksheets/_rels/sheet1.xml.rels"} {
		dir := strings.TrimSuffix(strings.TrimSuffix(rels, filepath.Base(rels)), "_rels/")
		for _, m := range target.FindAllStringSubmatch(member(t, data, rels), -1) {
			if strings.HasPrefix(m[1], "https://") {
				continue
			}
			if p := filepath.Clean(filepath.Join(dir, m[1])); !have[p] {
				t.Errorf("%s names %s, which the archive does not hold", rels, p)
			}
		}
	}
	types := member(t, data, "[Content_Types].xml")
	for _, name := range names {
		if strings.HasSuffix(name, ".xml") && name != "[Content_Types].xml" && !strings.Contains(types, `"/`+name+`"`) {
			t.Errorf("no content type for %s", name)
		}
	}
}

// TestColName names the columns at the ends of one, two and three letters.
func TestColName(t *testing.T) {
	for n, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		if got := colName(n); got != want {
			t.Errorf("column %d: %s, want %s", n, got, want)
		}
	}
}

// TestStreamedSheet looks at the XML of the Glossary sheet:
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
	if !strings.Contains(sheet, `<r><rPr><b/></rPr><t>neurotransmitter</t></r>`) {
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
