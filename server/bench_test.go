package server

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkCachedSlides measures a download served from the cache: the
// cost of every click after the first.
func BenchmarkCachedSlides(b *testing.B) {
	benchCached(b, "/topics/"+seedSlug+"/slides.pdf")
}

// benchCached measures answering target once it has been rendered and
// cached.
func benchCached(b *testing.B, target string) {
	s := newTestServer(b, Config{})
	if w := do(s, "GET", target, nil); w.Code != http.StatusOK {
		b.Fatal(w.Code)
	}
	b.ReportAllocs()
	for b.Loop() {
		if w := do(s, "GET", target, nil); w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkNotModified measures a revalidation answered with 304.
func BenchmarkNotModified(b *testing.B) {
	s := newTestServer(b, Config{})
	target := "/topics/" + seedSlug + "/slides.pdf"
	etag := do(s, "GET", target, nil).Header().Get("ETag")
	b.ReportAllocs()
	for b.Loop() {
		if w := do(s, "GET", target, nil, "If-None-Match", etag); w.Code != http.StatusNotModified {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkUploadSlides measures a render of an uploaded entry, which is
// never cached: the cost of the first click.
func BenchmarkUploadSlides(b *testing.B) {
	s := newTestServer(b, Config{})
	md, err := os.ReadFile(filepath.Join(s.cfg.Dir, seedSlug+".md"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if w := do(s, "POST", "/render/slides.pdf?name=seed.md", bytes.NewReader(md)); w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkIndex measures the page.
func BenchmarkIndex(b *testing.B) {
	s := newTestServer(b, Config{})
	b.ReportAllocs()
	for b.Loop() {
		if w := do(s, "GET", "/", nil); w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}
