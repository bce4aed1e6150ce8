package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/checktool"
)

const handoutSeed = "../../topic/testdata/seed-page.txt"

// TestHandoutCommand runs `topicdeck handout` as a user would and checks
// the file it writes: default name, chosen layout and paper, text.
func TestHandoutCommand(t *testing.T) {
	seed, err := filepath.Abs(handoutSeed)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
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
	seed, err := filepath.Abs(handoutSeed)
	if err != nil {
		t.Fatal(err)
	}
	empty, err := filepath.Abs("../../topic/testdata/bad/empty.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{seed, "--paper", "a3"}, 2, `--paper "a3": want a4 or letter`},
		{[]string{seed, "--order", "diagonal"}, 2, `--order "diagonal"`},
		{[]string{}, 2, "want one ENTRY file"},
		{[]string{seed, "--layout", "nope"}, 1, `unknown layout "nope"`},
		{[]string{seed, "--layout", "lecture"}, 1, `layout "lecture" is a slides layout, not a handout layout`},
		{[]string{seed, "--slides-layout", "reader"}, 1, `layout "reader" is a handout layout, not a slides layout`},
		{[]string{empty}, 1, "error: file is empty"},
	} {
		code, _, errOut := runCLI(t, "", append([]string{"handout"}, tc.args...)...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left behind: %v", ents)
	}
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
