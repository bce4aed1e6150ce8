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
	var args []string
	if minPt > 0 {
		args = []string{"--min-text-pt", strconv.FormatFloat(minPt, 'f', -1, 64)}
	}
	check(t, "pdfcheck", path, phrases, args...)
}

// PDFUA runs pdfuacheck (the machine checks of PDF/UA-1) on path, with
// --expect phrases (when any) that must be in the structure tree's text,
// and fails the test with its report unless it exits 0. It returns the
// report for further assertions.
func PDFUA(t testing.TB, path string, phrases []string) string {
	t.Helper()
	need(t, "pdfinfo")
	return check(t, "pdfuacheck", path, phrases)
}

// XLSX runs xlsxcheck on path with --expect phrases and fails the test
// unless it exits 0. It returns xlsxcheck's report for further assertions.
func XLSX(t testing.TB, path string, phrases []string) string {
	t.Helper()
	return check(t, "xlsxcheck", path, phrases, "--dump", "0")
}

// check runs the checker tool on path with --expect phrases (when any)
// and its own flags, fails the test with the end of its report unless it
// exits 0, and returns the report.
func check(t testing.TB, tool, path string, phrases []string, flags ...string) string {
	t.Helper()
	args := append([]string{path}, flags...)
	if len(phrases) > 0 {
		args = append(args, "--expect", writeExpect(t, phrases))
	}
	out, err := exec.Command(Tool(tool), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", tool, filepath.Base(path), err, tail(out, 60))
	}
	return string(out)
}

// Output runs one of the PDF readers (pdftotext, pdfinfo, pdffonts,
// pdfimages, qpdf) with args and returns what it prints, failing the test
// with the reader's complaint when it is missing or fails.
func Output(t testing.TB, reader string, args ...string) string {
	t.Helper()
	need(t, reader)
	out, err := exec.Command(reader, args...).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("%s %s: %v\n%s", reader, strings.Join(args, " "), err, tail(stderr, 20))
	}
	return string(out)
}

// Text returns the text of a PDF as pdftotext extracts it (reading order,
// no layout), with white space folded to single spaces.
func Text(t testing.TB, path string) string {
	t.Helper()
	return strings.Join(strings.Fields(Output(t, "pdftotext", "-enc", "UTF-8", path, "-")), " ")
}

// RawText returns the text of a PDF in the order it is drawn (pdftotext
// -raw), line by line as drawn: unlike Text it keeps a hyphen at a line's
// end. Page 0 is the whole file, else only that page (from 1).
func RawText(t testing.TB, path string, page int) string {
	t.Helper()
	args := []string{"-raw", "-enc", "UTF-8"}
	if page > 0 {
		n := strconv.Itoa(page)
		args = append(args, "-f", n, "-l", n)
	}
	return Output(t, "pdftotext", append(args, path, "-")...)
}

// Info returns what pdfinfo says of a PDF (its metadata, page size,
// whether it is tagged), with pdfinfo's flags (-isodates, -struct) when
// given.
func Info(t testing.TB, path string, flags ...string) string {
	t.Helper()
	return Output(t, "pdfinfo", append(flags, path)...)
}

// Font is one font of a PDF as pdffonts lists it.
type Font struct {
	// Name is the font's name with its subset tag ("ABCDEF+NotoSans").
	Name string
	// Embedded, Subset and Unicode say whether the font is in the file,
	// holds only the glyphs used, and has a ToUnicode map (so its text can
	// be copied).
	Embedded, Subset, Unicode bool
	// Row is pdffonts' line, for a message.
	Row string
}

// Fonts returns the fonts of a PDF, from pdffonts.
func Fonts(t testing.TB, path string) []Font {
	t.Helper()
	var fonts []Font
	for _, row := range strings.Split(Output(t, "pdffonts", path), "\n")[2:] {
		f := strings.Fields(row)
		if len(f) == 0 {
			continue
		}
		font := Font{Name: f[0], Row: row}
		// The type may be two words, so the yes/no columns are counted
		// from the end: emb sub uni object ID.
		if len(f) >= 8 {
			font.Embedded, font.Subset, font.Unicode = f[len(f)-5] == "yes", f[len(f)-4] == "yes", f[len(f)-3] == "yes"
		}
		fonts = append(fonts, font)
	}
	return fonts
}

// Expanded returns a PDF with every stream and object stream expanded
// (qpdf --qdf), where its dictionaries and content operators can be
// searched as text.
func Expanded(t testing.TB, path string) string {
	t.Helper()
	return Output(t, "qpdf", "--qdf", "--object-streams=disable", path, "-")
}

// QPDFCheck fails the test unless qpdf --check finds the PDF's syntax and
// streams sound, without a warning.
func QPDFCheck(t testing.TB, path string) {
	t.Helper()
	need(t, "qpdf")
	out, err := exec.Command("qpdf", "--check", path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") || strings.Contains(string(out), "WARNING") {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

// Pages returns the page count of a PDF, from pdfinfo.
func Pages(t testing.TB, path string) int {
	t.Helper()
	out := Info(t, path)
	for _, line := range strings.Split(out, "\n") {
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
