package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/checktool"
)

// copyFile copies a file into dir.
func copyFile(t *testing.T, src, dir string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, filepath.Base(src)), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// layoutsWorkspace makes a working directory with the sample layouts in
// ./layouts and an empty XDG config directory, and changes into it.
func layoutsWorkspace(t *testing.T) (work, xdg string) {
	t.Helper()
	samples, _ := filepath.Abs("../../samples/layouts")
	work, cfg := t.TempDir(), t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	xdg = filepath.Join(cfg, "topicdeck", "layouts")
	for _, d := range []string{filepath.Join(work, "layouts"), xdg} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(samples, "*"))
	for _, f := range files {
		copyFile(t, f, filepath.Join(work, "layouts"))
	}
	t.Chdir(work)
	return work, xdg
}

// TestLayoutsListsFiles lists layout files from ./layouts and the XDG
// directory with their kind, origin and description, and reports a file
// that does not load with its position and exit code 1.
func TestLayoutsListsFiles(t *testing.T) {
	entry, err := filepath.Abs("../../samples/plate-tectonics.json")
	if err != nil {
		t.Fatal(err)
	}
	_, xdg := layoutsWorkspace(t)
	if err := os.WriteFile(filepath.Join(xdg, "dept.yaml"), []byte("description: department house style\nextends: minimal\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, errOut := runCLI(t, "", "layouts")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := map[string]string{
		"nordvik":     filepath.Join("layouts", "nordvik.yaml") + " Nordvik University house style",
		"large-print": filepath.Join("layouts", "large-print.yaml") + " Large print: 4:3",
		"dept":        filepath.Join(xdg, "dept.yaml") + " department house style",
		"lecture":     "built-in Lecture slides: a deck for projecting",
	}
	for _, line := range strings.Split(stdout, "\n") {
		f := strings.Fields(line)
		if len(f) < 4 {
			continue
		}
		if w, ok := want[f[0]]; ok {
			if got := strings.Join(f[2:], " "); f[1] != "slides" || !strings.HasPrefix(got, w) {
				t.Errorf("%s: %q, want slides %q…", f[0], line, w)
			}
			delete(want, f[0])
		}
	}
	if len(want) > 0 {
		t.Errorf("not listed: %v\n%s", want, stdout)
	}

	// A handout layout file is listed with the handouts; a file named like
	// a built-in is not used, and said so, without failing the command.
	if err := os.WriteFile(filepath.Join("layouts", "wide-cornell.yaml"), []byte("description: \"Wide Cornell: Letter, wide lines\"\nextends: cornell\npaper: letter\nnote-line-spacing: 28\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(xdg, "reader.yaml"), []byte("extends: reader\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, errOut = runCLI(t, "", "layouts")
	wantWarn := filepath.Join(xdg, "reader.yaml") + `: warning: not used: the name "reader" means the built-in layout of that name; rename the file to use it` + "\n"
	if code != 0 || errOut != wantWarn {
		t.Errorf("exit %d, stderr %q, want %q", code, errOut, wantWarn)
	}
	if !regexp.MustCompile(`(?m)^guided +handout +built-in .*\n(.*\n)*wide-cornell +handout +` + regexp.QuoteMeta(filepath.Join("layouts", "wide-cornell.yaml")) + ` +Wide Cornell: Letter, wide lines$`).MatchString(stdout) {
		t.Errorf("the handout layout file is not listed with the handouts:\n%s", stdout)
	}
	// Named or given by path, it makes a handout named after the file,
	// on the layout's paper.
	for _, layout := range []string{"wide-cornell", "layouts/wide-cornell.yaml"} {
		if code, _, errOut := runCLI(t, "", "handout", "--layout", layout, entry); code != 0 {
			t.Fatalf("handout --layout %s: exit %d: %s", layout, code, errOut)
		}
		out := "plate-tectonics-handout-wide-cornell.pdf"
		checktool.PDF(t, out, nil, 9.5)
		if size := pdfPageSize(t, out); size != "612 x 792 pts (letter)" {
			t.Errorf("handout --layout %s: page %q, want Letter", layout, size)
		}
		if err := os.Remove(out); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(filepath.Join(xdg, "reader.yaml")); err != nil {
		t.Fatal(err)
	}

	if err := os.WriteFile(filepath.Join(xdg, "broken.yaml"), []byte("colours:\n  text: \"#eeeeee\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, errOut = runCLI(t, "", "layouts")
	wantErr := filepath.Join(xdg, "broken.yaml") + ":2:9: error: colours: text #eeeeee on #ffffff has contrast"
	if code != 1 || !strings.HasPrefix(errOut, wantErr) || !strings.Contains(stdout, "nordvik") {
		t.Errorf("exit %d, stderr %q (want %q…)", code, errOut, wantErr)
	}
}

// TestLayoutsShow prints built-in and file layouts in full; the printed
// text of a file layout, saved as a new file, is a working layout.
func TestLayoutsShow(t *testing.T) {
	seed, err := filepath.Abs("../../samples/plate-tectonics.json")
	if err != nil {
		t.Fatal(err)
	}
	work, _ := layoutsWorkspace(t)
	code, stdout, errOut := runCLI(t, "", "layouts", "show", "contrast")
	if code != 0 || !strings.Contains(stdout, `background: "#10141a"`) || !strings.Contains(stdout, "  - key-theories: auto") {
		t.Fatalf("show contrast: exit %d, %s\n%s", code, errOut, stdout)
	}
	code, stdout, errOut = runCLI(t, "", "layouts", "show", "nordvik")
	if code != 0 || !strings.Contains(stdout, `position: "top-right"`) || !strings.Contains(stdout, "  - definition: statement") {
		t.Fatalf("show nordvik: exit %d, %s\n%s", code, errOut, stdout)
	}
	copyPath := filepath.Join(work, "copy.yaml")
	if err := os.WriteFile(copyPath, []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, layout := range []string{"copy.yaml", "nordvik", "./layouts/large-print.yml"} {
		if layout == "./layouts/large-print.yml" {
			if err := os.Rename(filepath.Join(work, "layouts", "large-print.yaml"), filepath.Join(work, "layouts", "large-print.yml")); err != nil {
				t.Fatal(err)
			}
		}
		code, _, errOut = runCLI(t, "", "slides", seed, "--layout", layout, "-o", "deck.pdf")
		if code != 0 {
			t.Fatalf("slides --layout %s: exit %d: %s", layout, code, errOut)
		}
		checktool.PDF(t, filepath.Join(work, "deck.pdf"), nil, 12)
	}

	// A handout layout prints too, and the printed text, saved under
	// another name, makes the same handout as the built-in.
	code, stdout, errOut = runCLI(t, "", "layouts", "show", "slides-4")
	if code != 0 || !strings.Contains(stdout, `extends: "slides-4"`) || !strings.Contains(stdout, "slides-per-page:\n  columns: 2\n  rows: 2\n") {
		t.Fatalf("show slides-4: exit %d, %s\n%s", code, errOut, stdout)
	}
	if err := os.WriteFile(filepath.Join(work, "four-up.yaml"), []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, layout := range []string{"slides-4", "four-up.yaml"} {
		if code, _, errOut = runCLI(t, "", "handout", seed, "--layout", layout, "-o", layout+".pdf"); code != 0 {
			t.Fatalf("handout --layout %s: exit %d: %s", layout, code, errOut)
		}
	}
	builtin, _ := os.ReadFile(filepath.Join(work, "slides-4.pdf"))
	printed, _ := os.ReadFile(filepath.Join(work, "four-up.yaml.pdf"))
	if len(builtin) == 0 || !bytes.Equal(builtin, printed) {
		t.Errorf("the printed slides-4 makes another handout (%d bytes, want %d)", len(printed), len(builtin))
	}

	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"layouts", "show"}, 2, "layouts show: want one layout NAME or FILE, got 0 arguments"},
		{[]string{"layouts", "show", "nope"}, 1, `unknown layout "nope"`},
		{[]string{"layouts", "show", "missing.yaml"}, 1, "layout file: "},
	} {
		code, _, errOut := runCLI(t, "", tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}

// TestSlidesBadLayoutFile exports with a broken layout file: the problem
// with its position, exit 1, and no file written.
func TestSlidesBadLayoutFile(t *testing.T) {
	seed, err := filepath.Abs("../../samples/plate-tectonics.json")
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	t.Chdir(work)
	if err := os.WriteFile("house.yaml", []byte("extends: lecture\nsizes:\n  minimum-body: 12\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "", "slides", seed, "--layout", "house.yaml", "-o", "deck.pdf")
	want := "topicdeck: house.yaml:3:17: error: sizes.minimum-body: 12 pt is below 16 pt"
	if code != 1 || !strings.HasPrefix(errOut, want) {
		t.Errorf("exit %d, stderr %q, want 1 and %q…", code, errOut, want)
	}
	if _, err := os.Stat("deck.pdf"); err == nil {
		t.Error("deck.pdf written despite the error")
	}
}

// pdfPageSize is the first page's size as pdfinfo says it.
func pdfPageSize(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	m := regexp.MustCompile(`(?m)^Page size:\s+(.*)$`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo %s: no page size in\n%s", path, out)
	}
	return string(m[1])
}
