package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/checktool"
)

// TestBuildCommand runs `topicdeck build` over the samples with a broken
// entry among them: the good entries are built, the bad one is reported
// with file and line, the exit status is 1, and a second run skips the
// good entries.
func TestBuildCommand(t *testing.T) {
	in := filepath.Join(t.TempDir(), "course")
	if err := os.CopyFS(in, os.DirFS("../../samples")); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(in, "broken.yaml")
	if err := os.WriteFile(bad, []byte("title: Broken\ncolour: blue\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")

	code, stdout, stderr := runCLI(t, "", "build", in, "-o", out, "--jobs", "2", "--course", "Demo course")
	if code != 1 {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "topicdeck: "+bad+":2:") || !strings.Contains(stderr, ": error: ") {
		t.Errorf("stderr does not name the bad entry's file and line:\n%s", stderr)
	}
	for _, want := range []string{
		"] failed    " + bad + "\n",
		"] built     " + filepath.Join(in, "plate-tectonics.json") + " → " + filepath.Join(out, "plate-tectonics") + string(filepath.Separator) + " (3 files written)\n",
		"course glossary → " + filepath.Join(out, "course-glossary.xlsx") + "\n",
		"course quiz → " + filepath.Join(out, "course-quiz.xml") + "\n",
		"5 entries: 4 built, 0 unchanged, 1 failed; 14 files written in ",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	deck := filepath.Join(out, "plate-tectonics", "plate-tectonics-slides.pdf")
	checktool.PDF(t, deck, []string{"Plate Tectonics", "Demo course"}, 0)

	// Fixed, the entry is built alone; --quiet prints nothing at all.
	if err := os.WriteFile(bad, []byte("title: Broken\nsummary: Mended.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runCLI(t, "", "build", in, "-o", out, "--course", "Demo course", "--quiet")
	if code != 0 || stdout != "" || strings.Contains(stderr, "error") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, "", "build", in, "-o", out, "--course", "Demo course")
	if code != 0 || !strings.Contains(stdout, "5 entries: 0 built, 5 unchanged, 0 failed; 0 files written") {
		t.Errorf("exit %d, stdout:\n%s", code, stdout)
	}
}

// TestBuildCommandCourseFile: the input folder's topicdeck.yaml applies,
// a flag overrides it, and an unknown key stops the build with its line.
func TestBuildCommandCourseFile(t *testing.T) {
	in := filepath.Join(t.TempDir(), "course")
	os.MkdirAll(in, 0o755)
	// The entry, and its bibliography if it names one.
	for _, name := range []string{"plate-tectonics.json", "plate-tectonics.bib"} {
		if data, err := os.ReadFile(filepath.Join("../../samples", name)); err == nil {
			os.WriteFile(filepath.Join(in, name), data, 0o644)
		}
	}
	os.WriteFile(filepath.Join(in, "topicdeck.yaml"), []byte("course: Geology 1\nhandouts: [notes, slides-2]\n"), 0o644)
	out := filepath.Join(t.TempDir(), "out")

	code, stdout, stderr := runCLI(t, "", "build", in, "-o", out, "--handouts", "slides-2", "-q")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	for name, want := range map[string]bool{"plate-tectonics-handout-slides-2.pdf": true, "plate-tectonics-handout-notes.pdf": false} {
		if _, err := os.Stat(filepath.Join(out, "plate-tectonics", name)); (err == nil) != want {
			t.Errorf("%s exists: %v, want %v", name, err == nil, want)
		}
	}
	if text := checktool.Text(t, filepath.Join(out, "plate-tectonics", "plate-tectonics-slides.pdf")); !strings.Contains(text, "Geology 1") {
		t.Errorf("the course file's course name is not on the slides")
	}

	course := filepath.Join(in, "topicdeck.yaml")
	os.WriteFile(course, []byte("course: Geology 1\nhandout: notes\n"), 0o644)
	code, _, stderr = runCLI(t, "", "build", in, "-o", out)
	if code != 1 || !strings.HasPrefix(stderr, "topicdeck: "+course+":2:1: error: unknown key \"handout\"") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
}

// TestBuildCommandUsage: bad flags are usage errors (exit 2).
func TestBuildCommandUsage(t *testing.T) {
	checkMistakes(t, t.TempDir(), []mistake{
		{[]string{"build"}, 2, "topicdeck: build: want at least one ENTRY file or DIR"},
		{[]string{"build", "../../samples", "--shard", "3/3"}, 2, "topicdeck: build: --shard"},
		{[]string{"build", "../../samples", "--aspect", "1:1"}, 2, `topicdeck: build: --aspect "1:1"`},
		{[]string{"build", "../../samples", "--jobs", "-1"}, 2, "topicdeck: build: --jobs -1"},
	})
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 entries", 1: "1 entry", 2: "2 entries", 1000: "1000 entries"} {
		if got := count(n, "entry", "entries"); got != want {
			t.Errorf("count(%d) = %q, want %q", n, got, want)
		}
	}
}
