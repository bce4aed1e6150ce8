package server

import (
	"net/http"
	"testing"

	"github.com/scholargate/topicdeck/internal/synth"
)

// BenchmarkIndex300 measures the index of a course of 300 topics, and
// reports its size: the page a lecturer opens first.
func BenchmarkIndex300(b *testing.B) {
	dir := b.TempDir()
	if _, err := synth.WriteDir(dir, 300, synth.Options{Small: true}); err != nil {
		b.Fatal(err)
	}
	s := newTestServer(b, Config{Dir: dir})
	size := 0
	b.ReportAllocs()
	for b.Loop() {
		w := do(s, "GET", "/", nil)
		if w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
		size = w.Body.Len()
	}
	b.ReportMetric(float64(size), "bytes/page")
}

// BenchmarkTopicPageCached measures the seed's topic page once its
// previews and files are rendered: every view after the first.
func BenchmarkTopicPageCached(b *testing.B) {
	benchCached(b, "/topics/"+seedSlug+"/")
}

// BenchmarkSlidePreviews measures drawing every slide of the seed deck
// as SVG, uncached: what the first look at a topic page costs.
func BenchmarkSlidePreviews(b *testing.B) {
	s := newTestServer(b, Config{})
	t := s.catalog.current().bySlug[seedSlug]
	o, err := parseOptions(slidesPDF, nil)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s.cache = newLRU(DefaultCacheBytes)
		if _, err := s.previews(b.Context(), t, previewSlides, o); err != nil {
			b.Fatal(err)
		}
	}
}
