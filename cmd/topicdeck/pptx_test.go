package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/pptxread"
)

// TestSlidesPowerPoint: the -o extension or --format picks PowerPoint,
// the default name follows the format, a bad format is a usage error that
// writes nothing, and build --formats writes both decks.
func TestSlidesPowerPoint(t *testing.T) {
	seed := absPath(t, seedPage)
	dir := workIn(t)
	readDeck := func(path string) *pptxread.Deck {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := pptxread.Read(b)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return d
	}
	if code, _, errOut := runCLI(t, "", "slides", seed, "-o", "deck.pptx"); code != 0 {
		t.Fatalf("-o deck.pptx: exit %d: %s", code, errOut)
	}
	d := readDeck("deck.pptx")
	if len(d.Slides) < 10 || d.Slides[0].Title != "Neuroadaptation and Tolerance" {
		t.Errorf("deck.pptx: %d slides, first titled %q", len(d.Slides), d.Slides[0].Title)
	}
	if code, _, errOut := runCLI(t, "", "slides", seed, "--format", "pptx"); code != 0 {
		t.Fatalf("--format pptx: exit %d: %s", code, errOut)
	}
	readDeck("neuroadaptation-and-tolerance-slides.pptx")
	code, stdout, _ := runCLI(t, "", "slides", "-o", "-", "--format", "pptx", seed)
	if code != 0 || !strings.HasPrefix(stdout, "PK\x03\x04") {
		t.Errorf("-o - --format pptx: exit %d, output starts %q", code, stdout[:min(len(stdout), 4)])
	}
	// --format wins over the extension.
	if code, _, _ := runCLI(t, "", "slides", seed, "-o", "odd.pptx", "--format", "pdf"); code != 0 {
		t.Fatal("--format pdf -o odd.pptx failed")
	}
	if b, _ := os.ReadFile("odd.pptx"); !strings.HasPrefix(string(b), "%PDF") {
		t.Error("--format pdf did not write a PDF")
	}
	code, _, errOut := runCLI(t, "", "slides", seed, "-o", "x.odp", "--format", "odp")
	if code != 2 || !strings.Contains(errOut, "odp") {
		t.Errorf("--format odp: exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat("x.odp"); err == nil {
		t.Error("a bad format left a file")
	}

	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	src, _ := os.ReadFile(seed)
	os.WriteFile(filepath.Join(in, "seed.txt"), src, 0o644)
	out := filepath.Join(dir, "out")
	if code, _, errOut := runCLI(t, "", "build", in, "-o", out, "--formats", "pdf,pptx", "--handouts", "none", "-q"); code != 0 {
		t.Fatalf("build --formats pdf,pptx: exit %d: %s", code, errOut)
	}
	for _, f := range []string{"neuroadaptation-and-tolerance-slides.pdf", "neuroadaptation-and-tolerance-slides.pptx"} {
		if _, err := os.Stat(filepath.Join(out, "neuroadaptation-and-tolerance", f)); err != nil {
			t.Errorf("build: %v", err)
		}
	}
	readDeck(filepath.Join(out, "neuroadaptation-and-tolerance", "neuroadaptation-and-tolerance-slides.pptx"))
	// Dropping PowerPoint again removes its deck, as a dropped handout's.
	if code, _, errOut := runCLI(t, "", "build", in, "-o", out, "--handouts", "none", "-q"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(out, "neuroadaptation-and-tolerance", "neuroadaptation-and-tolerance-slides.pptx")); err == nil {
		t.Error("a build without pptx kept the old PowerPoint deck")
	}
	if code, _, errOut := runCLI(t, "", "build", in, "-o", out, "--formats", "pdf,key"); code == 0 || !strings.Contains(errOut, "key") {
		t.Errorf("--formats pdf,key: exit %d, stderr %q", code, errOut)
	}
}
