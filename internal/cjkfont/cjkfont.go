// Package cjkfont gives tests the font set of a user who adds Debian's
// Droid CJK fallback font with --font-dir: the embedded faces, and one
// that draws Chinese, Japanese and Korean.
package cjkfont

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/scholargate/topicdeck/fonts"
)

// file is where fonts-droid-fallback installs the font (CI installs it).
const file = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

// Set returns the default set plus the Droid fallback, read from a
// temporary folder that holds only it, as --font-dir would add it. A
// missing font fails the test: what it draws is part of the test.
func Set(t testing.TB) *fonts.Set {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (apt-get install fonts-droid-fallback)", err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, filepath.Base(file)), data, 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := fonts.Default().WithDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return set
}
