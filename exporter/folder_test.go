package exporter

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/topic"
)

// addSpecialFiles puts a named pipe and a link to /dev/zero with entry
// names into dir, as a folder a course shares can hold.
func addSpecialFiles(t *testing.T, dir string) {
	t.Helper()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.yaml")); err != nil {
		t.Fatal(err)
	}
}

// addSparse puts a sparse gigabyte .md into dir.
func addSparse(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "sparse.md")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	return p
}

// within runs fn and fails the test if it has not returned after a
// minute: reading a named pipe used to block for good.
func within(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatalf("%s blocked on a file in the folder", what)
	}
}

// allocated returns the bytes fn allocated.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestLoadEntriesSpecialFiles checks that a folder's named pipe and link
// to a device are passed over with one warning each, and that a sparse
// gigabyte file is refused without being read.
func TestLoadEntriesSpecialFiles(t *testing.T) {
	dir := copySamples(t)
	addSpecialFiles(t, dir)
	var entries []*topic.Entry
	var warnings []string
	var err error
	within(t, "LoadEntries", func() { entries, warnings, err = LoadEntries([]string{dir}, topic.Options{}) })
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 4 {
		t.Errorf("%d entries, want the 4 samples", len(entries))
	}
	want := []string{
		filepath.Join(dir, "pipe.md") + ": not a regular file",
		filepath.Join(dir, "zero.yaml") + ": not a regular file",
	}
	if len(warnings) != len(want) {
		t.Fatalf("warnings %q, want one for each of %q", warnings, want)
	}
	for i, w := range want {
		if !strings.HasPrefix(warnings[i], w) || !strings.HasSuffix(warnings[i], "skipped") {
			t.Errorf("warning %q, want %q… skipped", warnings[i], w)
		}
	}

	big := addSparse(t, dir)
	n := allocated(func() {
		within(t, "LoadEntries", func() { _, _, err = LoadEntries([]string{dir}, topic.Options{}) })
	})
	if err == nil || !strings.HasPrefix(err.Error(), big+": error: file is larger than 8 MiB") {
		t.Errorf("sparse file: %v", err)
	}
	if n > 64<<20 {
		t.Errorf("refusing a sparse gigabyte allocated %d MiB", n>>20)
	}
}

// TestBuildSpecialFiles builds a folder with a named pipe, a link to
// /dev/zero and a sparse gigabyte file beside the samples: the samples
// are built, the first two are warnings, the third one failure that is
// not read whole.
func TestBuildSpecialFiles(t *testing.T) {
	in := copySamples(t)
	addSpecialFiles(t, in)
	big := addSparse(t, in)
	out := filepath.Join(t.TempDir(), "out")
	var r *BuildReport
	var err error
	n := allocated(func() {
		within(t, "Build", func() { r, err = Build([]string{in}, BuildOptions{Out: out}) })
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Built != 4 || r.Failed != 1 {
		t.Fatalf("report %+v, want 4 built and 1 failed", r)
	}
	if msg := r.Failures[0].Error(); !strings.HasPrefix(msg, big+": error: file is larger than 8 MiB") {
		t.Errorf("failure %q", msg)
	}
	var skipped int
	for _, w := range r.Warnings {
		if strings.Contains(w, "not a regular file") {
			skipped++
		}
	}
	if skipped != 2 {
		t.Errorf("warnings %q, want one for each special file", r.Warnings)
	}
	if n > 512<<20 {
		t.Errorf("the build allocated %d MiB: the sparse file was read", n>>20)
	}
}

// TestFindCourseNamedPipe puts a named pipe where a folder's course file
// goes: finding the course fails at once, saying what the file is.
func TestFindCourseNamedPipe(t *testing.T) {
	dir := copySamples(t)
	if err := syscall.Mkfifo(filepath.Join(dir, CourseFile), 0o644); err != nil {
		t.Fatal(err)
	}
	var err error
	within(t, "FindCourse", func() { _, err = FindCourse([]string{dir}) })
	if err == nil || !strings.Contains(err.Error(), "not a regular file (a named pipe)") {
		t.Errorf("FindCourse: %v", err)
	}
}
