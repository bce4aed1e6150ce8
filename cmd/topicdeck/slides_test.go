package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/internal/phrases"
	"github.com/scholargate/topicdeck/topic"
)

func TestSlidesCommand(t *testing.T) {
	seed := absPath(t, seedPage)
	e, err := topic.ReadFile(seed, topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// A copied page cannot name its bibliography: --bib gives it, and the
	// references slide must then hold the full references.
	bibFile := absPath(t, "../../samples/neuroadaptation.bib")
	e.Bibliography = bibFile
	src, err := os.ReadFile("../../layouts/deck/testdata/greek.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := workIn(t)

	// The default output is <slug>-slides.pdf in the working directory.
	code, stdout, errOut := runCLI(t, "", "slides", seed, "--bib", bibFile, "--course", "NEU101", "--author", "A. Lecturer", "--date", "3 February 2026")
	if code != 0 || stdout != "" || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, errOut)
	}
	out := filepath.Join(dir, "neuroadaptation-and-tolerance-slides.pdf")
	checktool.PDF(t, out, append(phrases.Printed(e), "NEU101", "A. Lecturer", "3 February 2026"), 12)

	// -o names the file; flags may follow the entry.
	code, _, errOut = runCLI(t, "", "slides", seed, "-o", "deck.pdf", "--layout", "contrast", "--aspect", "4:3", "--lang", "sv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	text := checktool.Text(t, filepath.Join(dir, "deck.pdf"))
	for _, want := range []string{"Översikt", "Kärnfrågor", "Repetition"} {
		if !strings.Contains(text, want) {
			t.Errorf("--lang sv: deck lacks %q", want)
		}
	}

	// -o - writes the PDF to standard output; ENTRY - reads standard input.
	code, stdout, _ = runCLI(t, "", "slides", "-o", "-", seed)
	if code != 0 || !strings.HasPrefix(stdout, "%PDF-") {
		t.Errorf("exit %d, stdout starts %q", code, stdout[:min(len(stdout), 8)])
	}
	code, _, errOut = runCLI(t, string(src), "slides", "-")
	if code != 0 {
		t.Fatalf("stdin: exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "νευροπροσαρμογή-και-ανοχή-slides.pdf")); err != nil {
		t.Errorf("stdin entry: %v", err)
	}
}

func TestSlidesCommandWarnings(t *testing.T) {
	cjk, _ := filepath.Abs("../../layouts/deck/testdata/cjk.md")
	out := filepath.Join(t.TempDir(), "cjk.pdf")
	code, _, errOut := runCLI(t, "", "slides", cjk, "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "topicdeck: warning: no font has U+4E2D '中' (add one with --font-dir)\n"
	if strings.Count(errOut, want) != 1 {
		t.Errorf("stderr should warn once about 中:\n%s", errOut)
	}
	code, _, errOut = runCLI(t, "", "slides", cjk, "-o", out, "--font-dir", "/usr/share/fonts/truetype/droid")
	if code != 0 || errOut != "" {
		t.Errorf("with --font-dir: exit %d, stderr %q", code, errOut)
	}
}

func TestSlidesCommandErrors(t *testing.T) {
	seed := absPath(t, seedPage)
	checkMistakes(t, workIn(t), []mistake{
		{[]string{"slides"}, 2, "topicdeck: slides: want one ENTRY"},
		{[]string{"slides", seed, seed}, 2, "topicdeck: slides: want one ENTRY"},
		{[]string{"slides", seed, "--aspect", "3:2"}, 2, `topicdeck: slides: --aspect "3:2"`},
		{[]string{"slides", seed, "--layout", "fancy"}, 1, `topicdeck: unknown layout "fancy"`},
		{[]string{"slides", "no-such-entry.md"}, 1, "topicdeck: no-such-entry.md: error: cannot read file"},
		{[]string{"slides", seed, "--font-dir", "/no/such/fonts"}, 1, "topicdeck: font directory: open /no/such/fonts"},
	})
}

func TestLayoutsCommand(t *testing.T) {
	code, stdout, errOut := runCLI(t, "", "layouts")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if f := strings.Fields(lines[0]); strings.Join(f, " ") != "NAME KIND ORIGIN DESCRIPTION" {
		t.Errorf("header = %q", lines[0])
	}
	for _, name := range []string{"lecture", "contrast", "minimal"} {
		found := false
		for _, l := range lines[1:] {
			f := strings.Fields(l)
			if len(f) > 3 && f[0] == name && f[1] == "slides" && f[2] == "built-in" {
				found = true
			}
		}
		if !found {
			t.Errorf("layouts lacks %s as a built-in slides layout:\n%s", name, stdout)
		}
	}
	if code, _, _ := runCLI(t, "", "layouts", "extra"); code != 2 {
		t.Errorf("layouts with an argument: exit %d, want 2", code)
	}
}

// TestSlidesLongTitleFileName makes the default file name of an entry
// whose title is over 230 characters: it is capped, so the file system
// takes it (a 255-byte name limit refused it before).
func TestSlidesLongTitleFileName(t *testing.T) {
	src := absPath(t, "../../topic/testdata/long/long-title.md")
	dir := workIn(t)
	code, _, errOut := runCLI(t, "", "slides", src)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*-slides.pdf"))
	if len(names) != 1 || len(filepath.Base(names[0])) > topic.MaxSlugBytes+len("-slides.pdf") {
		t.Fatalf("files %q", names)
	}
	checktool.PDF(t, names[0], []string{"Repeated drug exposure changes the brain in ways that outlast the drug."}, 0)
}
