package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportForms(t *testing.T) {
	dir := t.TempDir()
	src := "../../samples/plate-tectonics.json"

	// --to defaults from the output's extension.
	out := filepath.Join(dir, "pt.yaml")
	if code, _, errOut := runCLI(t, "", "import", src, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(data), "title: Plate Tectonics\n") {
		t.Fatalf("YAML output: %v\n%.200s", err, data)
	}

	// Without -o the result goes to stdout, as Markdown by default.
	code, stdout, errOut := runCLI(t, "", "import", out)
	if code != 0 || !strings.Contains(stdout, "# Plate Tectonics") {
		t.Fatalf("exit %d, stderr %q, stdout %.200q", code, errOut, stdout)
	}

	// --to wins over the extension; standard input works as "-".
	code, stdout, _ = runCLI(t, string(data), "import", "-", "--to", "json", "-o", "-")
	if code != 0 || !strings.HasPrefix(stdout, "{\n  \"title\": \"Plate Tectonics\",") {
		t.Fatalf("exit %d, stdout %.200q", code, stdout)
	}
	// JSON → YAML → JSON gives what JSON → JSON gives: nothing is lost or
	// changed on the way through YAML.
	code, direct, _ := runCLI(t, "", "import", src, "--to", "json")
	if code != 0 || stdout != direct {
		t.Errorf("JSON via YAML differs from JSON directly:\n%s\n---\n%s", stdout, direct)
	}
	if !strings.Contains(direct, `"[This Dynamic Earth (USGS)](https://pubs.usgs.gov/gip/dynamic/dynamic.html)"`) {
		t.Errorf("link lost in conversion:\n%s", direct)
	}
}

func TestImportErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.json")
	// A bad entry: the problem line on stderr, exit 1, and no output file.
	code, _, errOut := runCLI(t, "", "import", bad+"unknown.json", "-o", out)
	if code != 1 || strings.TrimSpace(errOut) != bad+`unknown.json:7:3: error: unknown field "defintion" (did you mean "definition"?)` {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output file written for a bad entry")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("leftover files: %v", entries)
	}

	checkMistakes(t, dir, []mistake{
		{[]string{"import"}, 2, "topicdeck: import: give exactly one entry file"},
		{[]string{"import", "a.json", "b.json"}, 2, "topicdeck: import: give exactly one entry file"},
		{[]string{"import", "../../samples/plate-tectonics.json", "--to", "txt"}, 2, "topicdeck: --to txt: page text is an input form only"},
		{[]string{"import", "../../samples/plate-tectonics.json", "--to", "docx"}, 2, `topicdeck: --to "docx": use md, json or yaml`},
		{[]string{"import", "../../samples/plate-tectonics.json", "-o", filepath.Join(dir, "x.txt")}, 2, "page text is an input form only; use .md, .json or .yaml"},
	})
}
