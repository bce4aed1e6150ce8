package xmltext

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
)

// TestEscape: markup characters become references, what XML 1.0 cannot
// carry is dropped, and every result reads back through encoding/xml as
// the text it stands for.
func TestEscape(t *testing.T) {
	// in: the text; want: Escape(in); reads: what a reader of want gets.
	tests := []struct{ in, want, reads string }{
		{`a<b>&"'c`, "a&lt;b&gt;&amp;&quot;&apos;c", `a<b>&"'c`},
		{"a\tb\nc", "a\tb\nc", "a\tb\nc"}, // white space kept
		{"a\r\nb", "a&#13;\nb", "a\r\nb"}, // a carriage return kept, as a reference
		{"a\x01\x1fb\x00", "ab", "ab"},    // control characters dropped
		{"a\uFFFEb\uFFFFc", "abc", "abc"}, // non-characters dropped
		{"Ärende – 中文 😀", "Ärende – 中文 😀", "Ärende – 中文 😀"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.in), func(t *testing.T) {
			got := Escape(tt.in)
			if got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
			var v struct {
				Text string `xml:",chardata"`
				Attr string `xml:"a,attr"`
			}
			doc := `<x a="` + got + `">` + got + `</x>`
			if err := xml.NewDecoder(strings.NewReader(doc)).Decode(&v); err != nil {
				t.Fatalf("%s: %v", doc, err)
			}
			if v.Text != tt.reads {
				t.Errorf("text reads back as %q, want %q", v.Text, tt.reads)
			}
		})
	}
}
