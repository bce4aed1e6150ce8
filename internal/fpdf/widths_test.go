package fpdf_test

import (
	"bytes"
	"testing"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/internal/fpdf"
)

// TestShortWidthTable checks patches 4 and 5 with a face cut down to a few
// characters: widths of characters past its table are the missing width,
// not a panic, and a document drawing it is written.
func TestShortWidthTable(t *testing.T) {
	face := fonts.Default().Chain("sans", false, false)[0]
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddUTF8FontFromBytes("cut", "", face.Subset([]rune("abc")))
	pdf.SetFont("cut", "", 12)
	pdf.AddPage()
	ab := pdf.GetStringSymbolWidth("ab")
	if ab <= 0 {
		t.Fatalf("width of \"ab\" = %d", ab)
	}
	// 'd' and '中' are past the table's end ('c' is its last entry).
	if w := pdf.GetStringSymbolWidth("ab中d"); w <= ab {
		t.Errorf("width with characters past the table = %d, want more than %d", w, ab)
	}
	pdf.Text(20, 40, "abc cab")
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out.Bytes(), []byte("/CIDToGIDMap")) {
		t.Error("the document has no CIDToGIDMap")
	}
}
