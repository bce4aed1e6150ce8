package glossary

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/topic"
)

// TestDelimitedFormulaInjection writes a glossary whose terms and
// definitions begin like spreadsheet formulas: in CSV and TSV every such
// cell starts with an apostrophe (OWASP), control characters other than
// tab and newline are gone, and the rest of each cell is as written.
func TestDelimitedFormulaInjection(t *testing.T) {
	e, err := topic.ReadFile("testdata/injection/formulas.json", topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := FromEntries([]*topic.Entry{e}, Options{})
	want := map[string]string{
		`'=HYPERLINK("http://x","y")`: "A formula that sends data to another site when clicked.",
		`'+cmd|' /C calc'!A0`:         "A DDE payload that starts a program.",
		`'@SUM(1+1)`:                  "'=1+1 computed by the sheet.",
		`'-2+3`:                       "Arithmetic with a bell character inside.",
		"Plain term":                  "Nothing to neutralise here.",
	}
	for _, f := range []Format{CSV, TSV} {
		t.Run(string(f), func(t *testing.T) {
			data, _ := write(t, g, f)
			r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
			if f == TSV {
				r.Comma = '\t'
			}
			rows, err := r.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, row := range rows[1:] {
				for _, c := range row {
					for _, ch := range c {
						if ch < 0x20 && ch != '\t' && ch != '\n' {
							t.Errorf("control character %U in cell %q", ch, c)
						}
					}
					if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
						t.Errorf("cell %q would run as a formula", c)
					}
				}
				got[row[0]] = row[1]
			}
			for term, def := range want {
				if got[term] != def {
					t.Errorf("term %q: definition %q, want %q", term, got[term], def)
				}
			}
		})
	}
}
