package bib

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/diag"
)

// TestLoadLatin1 reads a bibliography saved as Latin-1/Windows-1252: every
// character comes out right, and one warning says how the file was read.
// CSL-JSON stays UTF-8 only, as JSON itself is.
func TestLoadLatin1(t *testing.T) {
	lib, err := LoadFile("testdata/latin1.bib")
	if err != nil {
		t.Fatal(err)
	}
	ws := lib.Warnings()
	if len(ws) != 1 || ws[0].String() != "testdata/latin1.bib:3:17: warning: not UTF-8 (byte 0xFC): read as Windows-1252 (Latin-1); save the bibliography as UTF-8 to be sure of its characters" {
		t.Errorf("warnings: %v", ws)
	}
	e, ok := lib.Lookup("muller-1998")
	if !ok {
		t.Fatal("entry muller-1998 missing")
	}
	want := "Müller, J., & Beaulieu, R. (1998). Les réseaux de l'école – une étude. Éditions du Lac."
	if got := APA(e, "en").Plain(); got != want {
		t.Errorf("APA:\n got %q\nwant %q", got, want)
	}
	if got := e.Field("address"); got != "Genève" {
		t.Errorf("address %q", got)
	}

	data, err := os.ReadFile("testdata/latin1.bib")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		src  []byte
		want string
	}{
		{"json", []byte(`[{"id": "k", "title": "` + "\xe9" + `"}]`), "t.json:1:24: error: invalid UTF-8"},
		{"nul after latin1", append(append([]byte{}, data...), 0), "t.bib:9:1: error: not a text file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			parse := ParseBibTeX
			if tt.name == "json" {
				parse = ParseCSLJSON
			}
			_, err := parse("t."+map[bool]string{true: "json", false: "bib"}[tt.name == "json"], tt.src)
			var te *diag.Error
			if !errors.As(err, &te) || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got %v, want %s", err, tt.want)
			}
		})
	}
}
