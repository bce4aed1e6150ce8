// Package checktool runs the reader-side checkers (pdfcheck, pdfuacheck,
// xlsxcheck, pdftotext) from tests, so every test that makes an artifact checks it the
// way a careful reader would.
package checktool

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// root is the repository root, found from this file's location.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Tool returns the path of a checker: the shared copy beside the checkout
// when it exists (the authoritative one), else the copy in tools/.
func Tool(name string) string {
	shared := filepath.Join(root(), "..", "shared", "tools", name)
	if _, err := os.Stat(shared); err == nil {
		return shared
	}
	return filepath.Join(root(), "tools", name)
}

// need fails the test when a command the checks rely on is missing; the
// checks are part of the test's meaning, so they are never skipped.
func need(t testing.TB, cmd string) {
	t.Helper()
	if _, err := exec.LookPath(cmd); err != nil {
		t.Fatalf("%s is not installed (apt-get install poppler-utils qpdf); .ci/run installs it", cmd)
	}
}

// writeExpect writes phrases one per line to a temp file for --expect.
func writeExpect(t testing.TB, phrases []string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "expect.txt")
	var b strings.Builder
	for _, p := range phrases {
		p = strings.Join(strings.Fields(p), " ")
		if p != "" {
			b.WriteString(p + "\n")
		}
	}
	if err := os.WriteFile(f, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// PDF runs pdfcheck on path, with --expect phrases (when any) and
// --min-text-pt minPt (when > 0), and fails the test with pdfcheck's report
// unless it exits 0.
func PDF(t testing.TB, path string, phrases []string, minPt float64) {
	t.Helper()
	need(t, "pdftotext")
	need(t, "qpdf")
	args := []string{path}
	if len(phrases) > 0 {
		args = append(args, "--expect", writeExpect(t, phrases))
	}
	if minPt > 0 {
		args = append(args, "--min-text-pt", strconv.FormatFloat(minPt, 'f', -1, 64))
	}
	cmd := exec.Command(Tool("pdfcheck"), args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("pdfcheck %s: %v\n%s", filepath.Base(path), err, tail(out, 60))
	}
}

// PDFUA runs pdfuacheck (the machine checks of PDF/UA-1) on path, with
// --expect phrases (when any) that must be in the structure tree's text,
// and fails the test with its report unless it exits 0. It returns the
// report for further assertions.
func PDFUA(t testing.TB, path string, phrases []string) string {
	t.Helper()
	need(t, "pdfinfo")
	args := []string{path}
	if len(phrases) > 0 {
		args = append(args, "--expect", writeExpect(t, phrases))
	}
	out, err := exec.Command(Tool("pdfuacheck"), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfuacheck %s: %v\n%s", filepath.Base(path), err, tail(out, 60))
	}
	return string(out)
}

// XLSX runs xlsxcheck on path with --expect phrases and fails the test
// unless it exits 0. It returns xlsxcheck's report for further assertions.
func XLSX(t testing.TB, path string, phrases []string) string {
	t.Helper()
	args := []string{path, "--dump", "0"}
	if len(phrases) > 0 {
		args = append(args, "--expect", writeExpect(t, phrases))
	}
	out, err := exec.Command(Tool("xlsxcheck"), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("xlsxcheck %s: %v\n%s", filepath.Base(path), err, tail(out, 60))
	}
	return string(out)
}

// Text returns the text of a PDF as pdftotext extracts it (reading order,
// no layout), with white space folded to single spaces.
func Text(t testing.TB, path string) string {
	t.Helper()
	need(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// Pages returns the page count of a PDF, from pdfinfo.
func Pages(t testing.TB, path string) int {
	t.Helper()
	need(t, "pdfinfo")
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "Pages:") {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "Pages:")))
			return n
		}
	}
	t.Fatalf("pdfinfo %s: no page count", path)
	return 0
}

func tail(b []byte, n int) string {
	lines := bytes.Split(bytes.TrimSpace(b), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}
