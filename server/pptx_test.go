package server

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/pptxread"
)

// TestPowerPoint downloads and uploads decks as PowerPoint: the media
// type and file name, the options of the PDF deck, a deck that reads back
// with the seed's slides and notes, and the page's PowerPoint buttons.
func TestPowerPoint(t *testing.T) {
	s := newTestServer(t, Config{})
	seed := readSeed(t, s.cfg.Dir)
	read := func(w *bytesRecorder, what string) *pptxread.Deck {
		t.Helper()
		if w.code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", what, w.code, w.body)
		}
		if got := w.header.Get("Content-Type"); got != contentTypes[slidesPPTX] {
			t.Errorf("%s: Content-Type %q", what, got)
		}
		d, err := pptxread.Read(w.body)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return d
	}
	w := record(do(s, "GET", "/topics/"+seedSlug+"/slides.pptx", nil))
	if got, want := w.header.Get("Content-Disposition"), `attachment; filename="`+seedSlug+`-slides.pptx"`; got != want {
		t.Errorf("Content-Disposition %q, want %q", got, want)
	}
	d := read(w, "download")
	if len(d.Slides) < 10 || d.Slides[0].Title != seed.Title || len(d.Slides[1].Notes) == 0 {
		t.Errorf("download: %d slides, first titled %q", len(d.Slides), d.Slides[0].Title)
	}
	d43 := read(record(do(s, "GET", "/topics/"+seedSlug+"/slides.pptx?layout=minimal&aspect=4:3&lang=sv", nil)), "4:3")
	if d43.Width*3 != d43.Height*4 {
		t.Errorf("aspect 4:3: slide size %dx%d EMU", d43.Width, d43.Height)
	}
	if w := do(s, "GET", "/topics/"+seedSlug+"/slides.pptx?layout=nope", nil); w.Code != http.StatusBadRequest {
		t.Errorf("unknown layout: status %d", w.Code)
	}
	md, err := os.ReadFile(filepath.Join(s.cfg.Dir, seedSlug+".md"))
	if err != nil {
		t.Fatal(err)
	}
	up := read(record(do(s, "POST", "/render/slides.pptx?name=seed.md", bytes.NewReader(md))), "upload")
	if len(up.Slides) != len(d.Slides) {
		t.Errorf("upload: %d slides, download %d", len(up.Slides), len(d.Slides))
	}
	for path, want := range map[string]string{
		"/topics/" + seedSlug + "/": `formaction="/topics/` + seedSlug + `/slides.pptx"`,
		"/":                         `formaction="/render/slides.pptx"`,
	} {
		if page := do(s, "GET", path, nil).Body.String(); !strings.Contains(page, want) {
			t.Errorf("%s lacks %s", path, want)
		}
	}
}

// bytesRecorder is what a test keeps of a response.
type bytesRecorder struct {
	code   int
	header http.Header
	body   []byte
}

func record(w interface {
	Result() *http.Response
}) *bytesRecorder {
	r := w.Result()
	var b bytes.Buffer
	b.ReadFrom(r.Body)
	return &bytesRecorder{code: r.StatusCode, header: r.Header, body: b.Bytes()}
}
