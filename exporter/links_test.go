package exporter

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/internal/zipparts"
	"github.com/scholargate/topicdeck/topic"
)

// unsafeTargets are the link targets of testdata/links/unsafe-links.md no
// artifact may carry, as they appear in a PDF or an XLSX part.
var unsafeTargets = []string{"javascript:", "file:///etc/passwd", "data:text/html", `attacker`, "vbscript:"}

// TestUnsafeLinksDropped exports an entry whose links run code or open
// local and network files: the PDF has no link annotation and the
// workbook no hyperlink to them, their text is printed, the safe link is
// kept, and each dropped link is named in a warning with its position.
func TestUnsafeLinksDropped(t *testing.T) {
	const src = "testdata/links/unsafe-links.md"
	e := readEntry(t, src)
	exports := []struct {
		name string
		run  func(w io.Writer) ([]string, error)
	}{
		{"slides", func(w io.Writer) ([]string, error) {
			res, err := Slides(e, SlideOptions{}, w)
			return res.Warnings, err
		}},
		{"handout", func(w io.Writer) ([]string, error) {
			res, err := Handout(e, HandoutOptions{Layout: "reader"}, w)
			return res.Warnings, err
		}},
		{"glossary", func(w io.Writer) ([]string, error) {
			return Glossary([]*topic.Entry{e}, GlossaryOptions{Format: glossary.XLSX}, w)
		}},
	}
	for _, ex := range exports {
		t.Run(ex.name, func(t *testing.T) {
			var out bytes.Buffer
			warns, err := ex.run(&out)
			if err != nil {
				t.Fatal(err)
			}
			var parts [][]byte
			if ex.name == "glossary" {
				parts = xlsxParts(t, out.Bytes())
			} else {
				path := filepath.Join(t.TempDir(), "out.pdf")
				if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				pdf := expanded(t, path)
				if !bytes.Contains(pdf, []byte("/URI (https://example.org/course)")) {
					t.Error("the safe link was dropped too")
				}
				parts = [][]byte{pdf}
			}
			for _, p := range parts {
				for _, u := range unsafeTargets {
					if bytes.Contains(p, []byte(u)) {
						t.Errorf("%s still links to %s", ex.name, u)
					}
				}
			}
			var dropped []string
			for _, w := range warns {
				if strings.Contains(w, "dropped") {
					dropped = append(dropped, w)
				}
			}
			want := []string{
				src + `:11:1: link "javascript:alert(document.domain)" dropped (javascript: link); its text "harmless looking link" is kept`,
				src + `:15:1: link "file:///etc/passwd" dropped (file: link); its text "the password file" is kept`,
				src + `:16:1: link "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" dropped (data: link); its text "this page" is kept`,
				src + `:20:1: link "\\\\attacker\\share\\paper.pdf" dropped (UNC path (\\host)); its text "Network share" is kept`,
				src + `:21:1: link "vbscript:msgbox" dropped (vbscript: link); its text "VB payload" is kept`,
			}
			if strings.Join(dropped, "\n") != strings.Join(want, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(dropped, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// xlsxParts returns the contents of every part of a workbook.
func xlsxParts(t *testing.T, data []byte) [][]byte {
	t.Helper()
	var out [][]byte
	for _, f := range zipparts.All(t, data) {
		out = append(out, f.Data)
	}
	return out
}
