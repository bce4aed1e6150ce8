package exporter

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/scholargate/topicdeck/internal/synth"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/topic"
)

// synthEntries writes n full-size synthetic entries and reads them.
func synthEntries(b *testing.B, n int) (dir string, entries []*topic.Entry) {
	b.Helper()
	dir = filepath.Join(b.TempDir(), "course")
	paths, err := synth.WriteDir(dir, n, synth.Options{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range paths {
		e, err := topic.ReadFile(p, topic.Options{})
		if err != nil {
			b.Fatal(err)
		}
		entries = append(entries, e)
	}
	return dir, entries
}

// benchEach renders each of a few varied entries in turn, so one
// iteration's cost is that of an average entry, not of one lucky one.
func benchEach(b *testing.B, render func(e *topic.Entry) error) {
	_, entries := synthEntries(b, 10)
	if _, err := textEngine(""); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		if err := render(entries[i%len(entries)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkBuildSlides is one entry's deck (plan and PDF).
func BenchmarkBuildSlides(b *testing.B) {
	benchEach(b, func(e *topic.Entry) error {
		_, err := Slides(e, SlideOptions{}, io.Discard)
		return err
	})
}

// BenchmarkBuildHandoutSlides3 is one entry's three-slides-a-page handout
// (which plans the deck again).
func BenchmarkBuildHandoutSlides3(b *testing.B) {
	benchEach(b, func(e *topic.Entry) error {
		_, err := Handout(e, HandoutOptions{Layout: "slides-3"}, io.Discard)
		return err
	})
}

// BenchmarkBuildHandoutSlides3Deck is one entry's three-slides-a-page
// handout as a build makes it: the deck is planned once beforehand and
// given in HandoutOptions.Deck, so what is timed is the handout's own
// planning and drawing (mostly pdfdraw redrawing the deck's slides).
func BenchmarkBuildHandoutSlides3Deck(b *testing.B) {
	decks := map[*topic.Entry]*plan.Document{}
	benchEach(b, func(e *topic.Entry) error {
		deck, ok := decks[e]
		if !ok {
			// Each entry's deck is planned once, untimed, on its first turn.
			b.StopTimer()
			var err error
			if deck, _, err = PlanSlides(e, SlideOptions{}); err != nil {
				return err
			}
			decks[e] = deck
			b.StartTimer()
		}
		_, err := Handout(e, HandoutOptions{Layout: "slides-3", Deck: deck}, io.Discard)
		return err
	})
}

// BenchmarkBuildHandoutReader is one entry's study guide.
func BenchmarkBuildHandoutReader(b *testing.B) {
	benchEach(b, func(e *topic.Entry) error {
		_, err := Handout(e, HandoutOptions{Layout: "reader"}, io.Discard)
		return err
	})
}

// BenchmarkBuildGlossary is the course glossary of 100 entries.
func BenchmarkBuildGlossary(b *testing.B) {
	_, entries := synthEntries(b, 100)
	for b.Loop() {
		if _, err := Glossary(entries, GlossaryOptions{}, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(entries))/b.Elapsed().Seconds(), "entries/s")
}

// BenchmarkBuild is a whole forced build of 20 entries: three PDFs each
// and the course glossary, on all CPUs.
func BenchmarkBuild(b *testing.B) {
	dir, _ := synthEntries(b, 20)
	out := filepath.Join(b.TempDir(), "out")
	for b.Loop() {
		r, err := Build([]string{dir}, BuildOptions{Out: out, Force: true})
		if err != nil || r.Failed > 0 {
			b.Fatal(err, r.Failures)
		}
	}
	b.ReportMetric(float64(b.N*20)/b.Elapsed().Seconds(), "entries/s")
}

// BenchmarkBuildNoChange is a build of 200 entries of which none changed:
// hashing the inputs and checking the artifacts are there. (benchbuild
// times the same for 1,000 full-size entries.)
func BenchmarkBuildNoChange(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "course")
	if _, err := synth.WriteDir(dir, 200, synth.Options{Seed: 1, Small: true}); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "out")
	if r, err := Build([]string{dir}, BuildOptions{Out: out, Handouts: []string{}}); err != nil || r.Failed > 0 {
		b.Fatal(err, r.Failures)
	}
	for b.Loop() {
		r, err := Build([]string{dir}, BuildOptions{Out: out, Handouts: []string{}})
		if err != nil || r.Skipped != 200 {
			b.Fatal(err, r)
		}
	}
	b.ReportMetric(float64(b.N*200)/b.Elapsed().Seconds(), "entries/s")
}
