package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// seedPage is the seed entry as copied from its web page: what most
// command tests run on.
const seedPage = "../../topic/testdata/seed-page.txt"

// runCLI runs topicdeck in-process and returns its exit code and output.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), append([]string{"topicdeck"}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// absPath returns path made absolute, so that it still names the file
// once a test has changed the working directory.
func absPath(t *testing.T, path string) string {
	t.Helper()
	p, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// workIn makes a fresh folder the working directory, where commands
// write their default files, and returns it.
func workIn(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	return dir
}

// mistake is a command line that must fail: its exit code and a part of
// what it prints on standard error.
type mistake struct {
	args []string
	code int
	want string
}

// checkMistakes runs each command line and checks its exit code and
// message, and that it leaves nothing in dir: no output, not even a
// temporary file.
func checkMistakes(t *testing.T, dir string, mistakes []mistake) {
	t.Helper()
	before := fileNames(t, dir)
	for _, m := range mistakes {
		code, _, errOut := runCLI(t, "", m.args...)
		if code != m.code || !strings.Contains(errOut, m.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", m.args, code, errOut, m.code, m.want)
		}
		if after := fileNames(t, dir); !slices.Equal(after, before) {
			t.Fatalf("%q: left files in %s: %q, before %q", m.args, dir, after, before)
		}
	}
}

// fileNames lists the names in dir.
func fileNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

// TestUsageMistakes checks that every command answers a mistake on its
// command line the same way: exit 2 and one line on standard error, never
// urfave/cli's help after "Incorrect Usage" (which some commands gave,
// with exit 1), and that an unknown command is a usage error too.
func TestUsageMistakes(t *testing.T) {
	dir := workIn(t)
	var mistakes []mistake
	for _, m := range commandMakers {
		mistakes = append(mistakes, mistake{[]string{m.name, "--no-such-flag"}, 2, "topicdeck: flag provided but not defined: -no-such-flag\n"})
	}
	mistakes = append(mistakes,
		mistake{[]string{"layouts", "show", "--no-such-flag"}, 2, "flag provided but not defined"},
		mistake{[]string{"nosuch"}, 2, `topicdeck: unknown command "nosuch" (topicdeck --help lists the commands)`},
		mistake{[]string{"slide", "x.md"}, 2, `unknown command "slide"; did you mean "slides"?`},
	)
	checkMistakes(t, dir, mistakes)
	for _, m := range mistakes {
		_, out, errOut := runCLI(t, "", m.args...)
		if out != "" || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%q: stdout %q, stderr %q; want nothing and one line", m.args, out, errOut)
		}
	}
}
