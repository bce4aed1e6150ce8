package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const bad = "../../topic/testdata/bad/"

// TestValidateBadInput runs validate on each kind of bad input and checks
// the one problem line (file, line, column, message) and the exit code.
func TestValidateBadInput(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(big, []byte(`{"title": "Big", "summary": "`+strings.Repeat("x", 3000)+`"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		kind string
		args []string
		want string // the whole of stdout
	}{
		{"empty file", []string{bad + "empty.md"}, bad + "empty.md: error: file is empty"},
		{"binary", []string{bad + "binary.yaml"}, bad + "binary.yaml:1:9: error: not a text file: NUL byte at line 1 col 9"},
		{"invalid UTF-8", []string{bad + "latin1.md"}, bad + "latin1.md:1:6: error: not a text file: invalid UTF-8 at line 1 col 6"},
		{"JSON syntax", []string{bad + "syntax.json"}, bad + "syntax.json:4:3: error: JSON syntax error: invalid character '\"' after object key:value pair"},
		{"YAML syntax", []string{bad + "syntax.yaml"}, bad + "syntax.yaml:2: error: YAML syntax error: found unexpected end of stream"},
		{"wrong type JSON", []string{bad + "type.json"}, bad + "type.json:3:21: error: \"core_questions\" must be a list of text, not text"},
		{"wrong type YAML", []string{bad + "type.yaml"}, bad + "type.yaml:5:7: error: \"description\" must be text or a list of paragraphs, not an object"},
		{"unknown field JSON", []string{bad + "unknown.json"}, bad + "unknown.json:7:3: error: unknown field \"defintion\" (did you mean \"definition\"?)"},
		{"unknown field YAML", []string{bad + "unknown.yaml"}, bad + "unknown.yaml:4:5: error: unknown field \"anwser\" in an item of \"faq\" (did you mean \"answer\"?)"},
		{"no title JSON", []string{bad + "notitle.json"}, bad + "notitle.json:1:1: error: missing title: add a \"title\" field"},
		{"no title YAML", []string{bad + "notitle.yaml"}, bad + "notitle.yaml:2:1: error: title is empty"},
		{"two YAML documents", []string{bad + "multi.yaml"}, bad + "multi.yaml:2:1: error: more than one YAML document; an entry file holds one (remove the \"---\" line)"},
		{"wrong form for extension", []string{bad + "mismatch.json"}, bad + "mismatch.json:1:1: error: expected a JSON object starting with \"{\", but the file looks like Markdown"},
		{"over size limit", []string{"--max-size", "2KiB", big}, big + ": error: file is larger than 2 KiB (use --max-size to raise the limit)"},
		{"over size limit (decimal unit)", []string{"--max-size=2kb", big}, big + ": error: file is larger than 2000 bytes (use --max-size to raise the limit)"},
		{"missing file", []string{bad + "nope.json"}, bad + "nope.json: error: cannot read file: no such file or directory"},
		{"directory", []string{"../../topic/testdata/bad"}, "../../topic/testdata/bad: error: is a directory, not an entry file"},
		{"stdin", []string{"-"}, "<stdin>:1:11: error: \"title\" must be text, not a number"},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			stdin := ""
			if tt.kind == "stdin" {
				stdin = `{"title": 1}`
			}
			code, out, errOut := runCLI(t, stdin, append([]string{"validate"}, tt.args...)...)
			if code != 1 {
				t.Errorf("exit code %d, want 1 (stderr %q)", code, errOut)
			}
			if got := strings.TrimSuffix(out, "\n"); got != tt.want {
				t.Errorf("stdout\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
}

// TestValidateBrokenFrontMatter checks the Markdown front matter error
// through the CLI: reported on its line, exit 1.
func TestValidateBrokenFrontMatter(t *testing.T) {
	code, out, _ := runCLI(t, "", "validate", bad+"frontmatter.md")
	if code != 1 || !strings.HasPrefix(out, bad+"frontmatter.md:2") || !strings.Contains(out, "front matter") {
		t.Errorf("exit %d, stdout %q", code, out)
	}
}

func TestValidateWarningsAndStrict(t *testing.T) {
	file := filepath.Join(t.TempDir(), "e.yaml")
	if err := os.WriteFile(file, []byte("title: Osmosis\nkey_concepts:\n  - Tonicity\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := file + `:3:5: warning: key concept "Tonicity" has no definition; the glossary will look for one in the text and mark it for review` + "\n"
	code, out, _ := runCLI(t, "", "validate", file)
	if code != 0 || out != want {
		t.Errorf("warnings alone: exit %d, stdout %q", code, out)
	}
	code, out, _ = runCLI(t, "", "validate", "--strict", file)
	if code != 1 || out != want {
		t.Errorf("--strict: exit %d, stdout %q", code, out)
	}
}

// TestValidateGoodFiles checks that the samples and a clean entry pass
// with exit 0, and that a clean entry prints nothing.
func TestValidateGoodFiles(t *testing.T) {
	code, out, errOut := runCLI(t, "", "validate", "../../samples/plate-tectonics.json", "../../samples/cognitive-load-theory.yaml", "../../topic/testdata/json/minimal.json")
	if code != 0 {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line != "" && !strings.Contains(line, ": warning: ") {
			t.Errorf("unexpected output: %s", line)
		}
	}
	if strings.Contains(out, "minimal.json") {
		t.Errorf("a clean entry printed something: %s", out)
	}
	// Several files: every problem is reported, and one bad file fails the run.
	code, out, _ = runCLI(t, "", "validate", "../../topic/testdata/json/minimal.json", bad+"type.json", bad+"unknown.yaml")
	if code != 1 || strings.Count(out, ": error: ") != 2 {
		t.Errorf("exit %d, stdout %q", code, out)
	}
}

func TestValidateUsage(t *testing.T) {
	checkMistakes(t, t.TempDir(), []mistake{
		{[]string{"validate"}, 2, "topicdeck: validate: give at least one entry file"},
		{[]string{"validate", "--max-size", "lots", "x.json"}, 2, `topicdeck: --max-size: unknown unit "lots"`},
		{[]string{"validate", "--max-size", "8XB", "x.json"}, 2, `topicdeck: --max-size: unknown unit "XB"`},
		{[]string{"validate", "--no-such-flag", "x.json"}, 2, "topicdeck: flag provided but not defined: -no-such-flag"},
	})
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"8MiB", 8 << 20}, {"8mib", 8 << 20}, {"2MB", 2000000}, {"512", 512}, {"1.5KiB", 1536},
		{"100KB", 100000}, {"1G", 1 << 30}, {"16 MiB", 16 << 20},
	}
	for _, tt := range tests {
		if got, err := parseSize(tt.in); err != nil || got != tt.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "MB", "0", "-1", "8XB", "1.2.3MB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) accepted", in)
		}
	}
}

// TestMaxSizeEveryCommand gives --max-size to every command that reads
// entries: each accepts it, and refusing an entry over it names the flag
// the command has.
func TestMaxSizeEveryCommand(t *testing.T) {
	seed := absPath(t, seedPage)
	out := t.TempDir()
	for _, args := range [][]string{
		{"slides", seed, "-o", filepath.Join(out, "s.pdf")},
		{"handout", seed, "-o", filepath.Join(out, "h.pdf")},
		{"validate", seed},
		{"import", seed, "-o", filepath.Join(out, "e.md")},
		{"glossary", seed, "-o", filepath.Join(out, "g.xlsx")},
		{"build", seed, "-o", filepath.Join(out, "build")},
	} {
		t.Run(args[0], func(t *testing.T) {
			code, stdout, errOut := runCLI(t, "", append(args, "--max-size", "1KiB")...)
			if code == 0 || !strings.Contains(stdout+errOut, "file is larger than 1 KiB (use --max-size to raise the limit)") {
				t.Errorf("exit %d: %s%s", code, stdout, errOut)
			}
			if code, _, errOut := runCLI(t, "", append(args, "--max-size", "1MiB")...); code != 0 {
				t.Errorf("with room: exit %d: %s", code, errOut)
			}
		})
	}
}
