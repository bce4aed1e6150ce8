package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestValidateFigures checks that validate names a figure without alt
// text and a picture it cannot read, at their lines, without failing.
func TestValidateFigures(t *testing.T) {
	file := filepath.Join(t.TempDir(), "e.md")
	src := "---\ntitle: Osmosis\n---\n\nWater moves.\n\n![](cell.png)\n\n![A cell](../cell.png)\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	want := file + `:7:1: warning: image "cell.png" has no alt text: a screen reader will say nothing of it; write ![what it shows](cell.png)` + "\n" +
		file + `:7:1: warning: image "cell.png" not shown: no such file in the entry's folder; its alt text is shown instead` + "\n" +
		file + `:9:1: warning: image "../cell.png" not shown: it lies outside the entry's folder; its alt text is shown instead` + "\n"
	code, out, _ := runCLI(t, "", "validate", file)
	if code != 0 || out != want {
		t.Errorf("exit %d, stdout:\n%s\nwant:\n%s", code, out, want)
	}
}
