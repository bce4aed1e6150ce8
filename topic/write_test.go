package topic

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/diag"
)

func TestWriteFormats(t *testing.T) {
	e := &Entry{Title: "Osmosis", Summary: Paragraphs("Water moves.")}
	for _, f := range []Format{FormatMarkdown, FormatJSON, FormatYAML} {
		var b bytes.Buffer
		if err := Write(&b, e, f); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		back, err := Read("out."+string(f), b.Bytes(), Options{})
		if err != nil {
			t.Fatalf("%s does not read back: %v\n%s", f, err, b.Bytes())
		}
		sameEntry(t, string(f), back, e)
	}
	var b bytes.Buffer
	if err := Write(&b, e, FormatPageText); err == nil || !strings.Contains(err.Error(), "input form only") {
		t.Errorf("page text: %v", err)
	}
	if err := Write(&b, e, "docx"); err == nil {
		t.Error("unknown form accepted")
	}
}

// TestSamplesRoundTrip reads every sample and checks that writing it in
// each output form and reading it back gives the same model: no word of a
// sample is lost in conversion.
func TestSamplesRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../samples/*")
	if len(files) == 0 {
		t.Fatal("no samples")
	}
	for _, file := range files {
		if _, ok := FormatOfName(file); !ok {
			continue
		}
		e, err := ReadFile(file, Options{})
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, p := range Validate(e) {
			if p.Severity == diag.SeverityError {
				t.Errorf("%s", p)
			}
		}
		for _, f := range []Format{FormatJSON, FormatYAML, FormatMarkdown} {
			var b bytes.Buffer
			if err := Write(&b, e, f); err != nil {
				t.Fatalf("%s → %s: %v", file, f, err)
			}
			back, err := Read("out."+string(f), b.Bytes(), Options{})
			if err != nil {
				t.Fatalf("%s → %s does not read back: %v\n%s", file, f, err, b.Bytes())
			}
			sameEntry(t, filepath.Base(file)+" → "+string(f), back, e)
		}
	}
}

func BenchmarkReadJSON(b *testing.B) {
	benchmarkReader(b, "../samples/plate-tectonics.json", readDispatched)
}

func BenchmarkReadYAML(b *testing.B) {
	benchmarkReader(b, "../samples/cognitive-load-theory.yaml", readDispatched)
}

// readDispatched reads through Read, which checks the text and picks the
// reader as a command does.
func readDispatched(name string, data []byte) (*Entry, error) {
	return Read(name, data, Options{})
}

func BenchmarkWriteJSON(b *testing.B) {
	e, err := ReadFile("../samples/plate-tectonics.json", Options{})
	if err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	for b.Loop() {
		out.Reset()
		if err := WriteJSON(&out, e); err != nil {
			b.Fatal(err)
		}
	}
}
