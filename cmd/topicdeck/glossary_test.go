package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/checktool"
)

func TestGlossaryCommand(t *testing.T) {
	seed, samples := absPath(t, seedPage), absPath(t, "../../samples")
	dir := workIn(t)

	// The default output is glossary.xlsx in the working directory.
	code, stdout, errOut := runCLI(t, "", "glossary", seed, samples)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, stdout, errOut)
	}
	report := checktool.XLSX(t, filepath.Join(dir, "glossary.xlsx"), []string{
		"Tolerance", "Behavioral sensitization", "An enhanced response to some drug effects.", "Plate Tectonics",
	})
	if !strings.Contains(report, "sheet 'Glossary'") {
		t.Errorf("report:\n%s", report)
	}
	if !strings.Contains(errOut, "topicdeck: warning: "+seed+`:76:3: seminal work "hyman-2006" looks like a citation key`) {
		t.Errorf("warnings should name file:line:col: %s", errOut)
	}

	// Each format has its own default extension.
	for format, name := range map[string]string{"csv": "glossary.csv", "tsv": "glossary.tsv", "anki": "glossary.txt", "moodle": "glossary.xml"} {
		if code, _, errOut := runCLI(t, "", "glossary", "--format", format, seed); code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v", format, err)
		}
	}

	// -o - writes to standard output.
	code, stdout, _ = runCLI(t, "", "glossary", "-f", "anki", "-o", "-", seed)
	if code != 0 || !strings.HasPrefix(stdout, "#separator:tab\n#html:true\n#columns:Front\tBack\tTags\n#tags column:3\nBehavioral sensitization\t") {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	code, stdout, _ = runCLI(t, "", "glossary", "-f", "csv", "--bom", "--lang", "sv", "-o", "-", seed)
	if code != 0 || !strings.HasPrefix(stdout, "\uFEFFTerm,Definition,") || !strings.Contains(stdout, "hämtad ur Definition") {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
}

func TestGlossaryCommandErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "g.xlsx")
	checkMistakes(t, dir, []mistake{
		{[]string{"glossary"}, 2, "want at least one ENTRY"},
		{[]string{"glossary", "--format", "docx", seedPage}, 2, `unknown glossary format "docx"`},
		{[]string{"glossary", "-o", out, bad + "unknown.json"}, 1, bad + `unknown.json:7:3: error: unknown field "defintion"`},
		{[]string{"glossary", "-o", out, seedPage, filepath.Join(dir, "missing.md")}, 1, "missing.md"},
		{[]string{"glossary", "-o", out, "--bib", filepath.Join(dir, "none.bib"), seedPage}, 1, "none.bib"},
	})
}
