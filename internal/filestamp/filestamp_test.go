package filestamp

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestStampChanges checks that an edit (another size, or the same size at
// another time) gives another stamp, and a file not touched the same one.
func TestStampChanges(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "face.ttf")
	write := func(data string, mod time.Time) Stamp {
		t.Helper()
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, mod, mod); err != nil {
			t.Fatal(err)
		}
		s, err := Of(path)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	first := write("abc", t0)
	if again, _ := Of(path); again != first || again.Key() != first.Key() {
		t.Errorf("an untouched file: %+v, then %+v", first, again)
	}
	if !filepath.IsAbs(first.Path) || first.Size != 3 {
		t.Errorf("stamp %+v: want an absolute path and size 3", first)
	}
	for name, s := range map[string]Stamp{
		"longer":           write("abcd", t0),
		"same size, later": write("abd", t0.Add(time.Second)),
	} {
		if s == first || s.Key() == first.Key() {
			t.Errorf("%s: the stamp %+v did not change", name, s)
		}
	}
	if _, err := Of(filepath.Join(dir, "missing.ttf")); !os.IsNotExist(err) {
		t.Errorf("a missing file: error %v, want one that says it does not exist", err)
	}
}
