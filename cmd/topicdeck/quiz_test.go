package main

import (
	"archive/zip"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestQuizCommand(t *testing.T) {
	samples := absPath(t, "../../samples")
	seed := filepath.Join(samples, "neuroadaptation-and-tolerance.md")
	dir := workIn(t)

	// The default is Moodle XML in quiz.xml; the seed's concepts have only
	// extracted definitions, and the warning says so.
	code, stdout, errOut := runCLI(t, "", "quiz", samples)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, stdout, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, "quiz.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(data, new(struct{})); err != nil {
		t.Errorf("quiz.xml: %v", err)
	}
	for _, want := range []string{`<question type="matching">`, `<question type="multichoice">`, `<question type="shortanswer">`, `<question type="essay">`,
		"$course$/top/Quiz/Ekologisk succession", "Para ihop varje term med dess definition."} {
		if !strings.Contains(string(data), want) {
			t.Errorf("quiz.xml lacks %q", want)
		}
	}
	if !strings.Contains(errOut, "topicdeck: warning: Neuroadaptation and Tolerance: no questions on “Tolerance”") {
		t.Errorf("stderr: %s", errOut)
	}

	// Each format has its own default name; the QTI package opens.
	for format, name := range map[string]string{"gift": "quiz.txt", "qti": "quiz.zip", "moodle": "quiz.xml"} {
		if code, _, errOut := runCLI(t, "", "quiz", "--format", format, "--seed", "3", seed); code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v", format, err)
		}
	}
	if _, err := zip.OpenReader(filepath.Join(dir, "quiz.zip")); err != nil {
		t.Error(err)
	}

	// --include-extracted turns the seed's extracted definitions into
	// questions, tagged; -o - writes to standard output.
	code, stdout, _ = runCLI(t, "", "quiz", "-f", "gift", "--include-extracted", "--course", "Addiction", "-o", "-", seed)
	if code != 0 || !strings.HasPrefix(stdout, "// Addiction\n\n$CATEGORY: $course$/top/Addiction/Neuroadaptation and Tolerance\n") ||
		!strings.Contains(stdout, "[tag:extracted definition]") || !strings.Contains(stdout, "-> Tolerance\n") {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
}

func TestQuizCommandErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "q.xml")
	empty := filepath.Join(dir, "empty.md")
	if err := os.WriteFile(empty, []byte("---\ntitle: Empty\n---\n\nNothing to ask.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	checkMistakes(t, dir, []mistake{
		{[]string{"quiz"}, 2, "want at least one ENTRY"},
		{[]string{"quiz", "--format", "docx", seedPage}, 2, `unknown quiz format "docx"`},
		{[]string{"quiz", "--seed", "x", seedPage}, 2, "flag -seed"},
		{[]string{"quiz", "-o", out, bad + "unknown.json"}, 1, bad + `unknown.json:7:3: error: unknown field "defintion"`},
		{[]string{"quiz", "-o", out, seedPage, filepath.Join(dir, "missing.md")}, 1, "missing.md"},
		{[]string{"quiz", "-o", out, empty}, 1, "no questions"},
	})
}
