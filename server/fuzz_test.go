package server

import (
	"bytes"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"
)

// FuzzUpload sends arbitrary bodies under arbitrary names to POST
// /render/entry.json: whatever arrives, the answer is a success or one of
// the designed refusals, never a 500 and never a panic.
func FuzzUpload(f *testing.F) {
	seeds, _ := filepath.Glob("../topic/testdata/bad/*")
	for _, n := range append(sampleFiles, "../topic/testdata/seed-page.txt") {
		if filepath.Dir(n) == "." {
			n = filepath.Join("../samples", n)
		}
		seeds = append(seeds, n)
	}
	for _, n := range seeds {
		b, err := os.ReadFile(n)
		if err != nil {
			continue
		}
		f.Add(filepath.Base(n), "", b)
	}
	f.Add("", "multipart/form-data; boundary=b", []byte("--b\r\nContent-Disposition: form-data; name=\"entry\"; filename=\"a.md\"\r\n\r\n# A\n\nText.\n\r\n--b--\r\n"))
	f.Add("../../etc/passwd", "application/json", []byte(`{"title": "T", "bibliography": "/etc/passwd"}`))
	s := newTestServer(f, Config{MaxUpload: 64 << 10})
	f.Fuzz(func(t *testing.T, name, ctype string, body []byte) {
		w := do(s, "POST", "/render/entry.json?name="+url.QueryEscape(name), bytes.NewReader(body), "Content-Type", ctype)
		switch w.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity:
		default:
			t.Fatalf("status %d for %q (%q): %s", w.Code, name, ctype, w.Body)
		}
	})
}
