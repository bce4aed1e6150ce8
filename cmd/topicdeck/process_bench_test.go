package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkSlidesProcess is the whole `topicdeck slides` process on the
// seed entry, as a lecturer's shell runs it: start, read, plan, draw,
// write, exit (target ≤ 25 ms). The binary is built once, outside the
// timing; starting it from Go adds about a millisecond over hyperfine.
func BenchmarkSlidesProcess(b *testing.B) {
	bin := buildBinary(b)
	deck := filepath.Join(b.TempDir(), "deck.pdf")
	seed := filepath.Join("..", "..", "samples", "neuroadaptation-and-tolerance.md")
	for b.Loop() {
		if out, err := exec.Command(bin, "slides", seed, "-o", deck).CombinedOutput(); err != nil {
			b.Fatalf("topicdeck slides: %v\n%s", err, out)
		}
	}
}

// buildBinary builds the command into a temporary folder and returns the
// binary's path.
func buildBinary(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "topicdeck")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestStackGrownFirst checks that internal/stackstart's initializer runs
// before goldmark's, whose regular expressions need the grown stack: Go
// orders initializers by import path, and a renamed package or a new
// dependency could put one before it.
func TestStackGrownFirst(t *testing.T) {
	cmd := exec.Command(buildBinary(t), "--version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("topicdeck --version: %v\n%s", err, out)
	}
	// Lines read "init PACKAGE @... ms, ... clock, ... bytes, ... allocs".
	var order []string
	for line := range strings.Lines(string(out)) {
		if f := strings.Fields(line); len(f) > 2 && f[0] == "init" {
			order = append(order, f[1])
		}
	}
	first, goldmark := -1, -1
	for i, pkg := range order {
		if pkg == "github.com/scholargate/topicdeck/internal/stackstart" && first < 0 {
			first = i
		}
		if strings.HasPrefix(pkg, "github.com/yuin/goldmark") && goldmark < 0 {
			goldmark = i
		}
	}
	if first < 0 || goldmark < 0 || first > goldmark {
		t.Errorf("initializers run in the order %q: want internal/stackstart's before every goldmark package's", order)
	}
}
