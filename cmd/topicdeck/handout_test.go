package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/layouts"
)

// TestHandoutCommand runs `topicdeck handout` as a user would and checks
// the file it writes: default name, chosen layout and paper, text.
func TestHandoutCommand(t *testing.T) {
	seed := absPath(t, seedPage)
	dir := workIn(t)
	code, _, errOut := runCLI(t, "", "handout", seed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	def := filepath.Join(dir, "neuroadaptation-and-tolerance-handout-slides-3.pdf")
	checktool.PDF(t, def, []string{"Neuroadaptation and Tolerance", "Page 1 of"}, 0)

	out := filepath.Join(dir, "reader.pdf")
	code, _, errOut = runCLI(t, "", "handout", seed, "--layout", "reader", "--paper", "letter", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	checktool.PDF(t, out, []string{"Frequently asked questions", "Not exactly."}, 9.5)

	code, _, errOut = runCLI(t, "", "handout", seed, "--layout", "slides-6", "--order", "vertical", "--slides-layout", "minimal")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "neuroadaptation-and-tolerance-handout-slides-6.pdf")); err != nil {
		t.Error(err)
	}
}

// TestHandoutCommandErrors checks the exit codes and messages of mistakes,
// and that none leaves a file behind.
func TestHandoutCommandErrors(t *testing.T) {
	seed, empty := absPath(t, seedPage), absPath(t, bad+"empty.md")
	checkMistakes(t, workIn(t), []mistake{
		{[]string{"handout", seed, "--paper", "a3"}, 2, `--paper "a3": want a4 or letter`},
		{[]string{"handout", seed, "--order", "diagonal"}, 2, `--order "diagonal"`},
		{[]string{"handout"}, 2, "want one ENTRY file"},
		{[]string{"handout", seed, "--layout", "nope"}, 1, `unknown layout "nope"`},
		{[]string{"handout", seed, "--layout", "lecture"}, 1, `layout "lecture" is a slides layout, not a handout layout`},
		{[]string{"handout", seed, "--slides-layout", "reader"}, 1, `layout "reader" is a handout layout, not a slides layout`},
		{[]string{"handout", empty}, 1, "error: file is empty"},
	})
}

// TestHandoutCommandWarnsMissing checks the warning per character no
// font has, and that the handout is still written.
func TestHandoutCommandWarnsMissing(t *testing.T) {
	dir := t.TempDir()
	entry := filepath.Join(dir, "runes.md")
	if err := os.WriteFile(entry, []byte("# Runes\n\nA clef no face has: \U0001D11E.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "runes.pdf")
	code, _, errOut := runCLI(t, "", "handout", entry, "--layout", "reader", "-o", out)
	if code != 0 || !strings.Contains(errOut, "warning: no font has U+1D11E") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	checktool.PDF(t, out, []string{"Runes"}, 0)
}

// TestHandoutHelpListsLayouts: the handout command's help names every
// built-in handout layout with what it is, from the registry, so that a
// new layout is listed without editing the CLI.
func TestHandoutHelpListsLayouts(t *testing.T) {
	code, stdout, errOut := runCLI(t, "", "handout", "--help")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	help := strings.Join(strings.Fields(stdout), " ")
	n := 0
	for _, l := range layouts.List() {
		if l.Kind != layouts.KindHandout {
			continue
		}
		n++
		what, _, _ := strings.Cut(l.Description, ":")
		if !strings.Contains(help, l.Name+" ("+what+")") {
			t.Errorf("help lacks %s (%s):\n%s", l.Name, what, stdout)
		}
	}
	if n < 10 || !strings.Contains(help, "slides-9 (9 slides a page); see topicdeck layouts.") {
		t.Errorf("%d handout layouts; help:\n%s", n, stdout)
	}
}
