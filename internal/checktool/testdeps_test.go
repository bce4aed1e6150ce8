package checktool

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTestDeps runs scripts/test-deps, the step `make test` and .ci/run
// take first: with every tool present it says nothing and succeeds; on a
// machine where it can neither find the tools nor install them it stops
// with one line naming the packages.
func TestTestDeps(t *testing.T) {
	script := filepath.Join(root(), "scripts", "test-deps")
	tests := []struct {
		name    string
		path    string
		ok      bool
		mention []string
	}{
		{name: "everything installed", path: os.Getenv("PATH"), ok: true},
		{name: "nothing on PATH", path: t.TempDir(), mention: []string{"poppler-utils", "qpdf", "libreoffice-calc-nogui"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command("/bin/bash", script)
			cmd.Env = append(os.Environ(), "PATH="+tt.path)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			if tt.ok {
				if err != nil || stdout.Len()+stderr.Len() > 0 {
					t.Fatalf("test-deps: %v\n%s%s", err, stdout.String(), stderr.String())
				}
				return
			}
			if err == nil {
				t.Fatal("test-deps succeeded with no tools on PATH")
			}
			msg := strings.TrimSuffix(stderr.String(), "\n")
			if strings.Contains(msg, "\n") || stdout.Len() > 0 {
				t.Errorf("want one line, got:\n%s%s", stdout.String(), stderr.String())
			}
			for _, pkg := range tt.mention {
				if !strings.Contains(msg, pkg) {
					t.Errorf("%q does not name %s", msg, pkg)
				}
			}
		})
	}
}

// TestTestDepsInstalls runs scripts/test-deps where the tools are missing
// but apt-get is there (a stand-in that records its arguments): as root it
// installs the missing packages, otherwise it names them and stops.
func TestTestDepsInstalls(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "apt.log")
	fake := "#!/bin/bash\necho \"$*\" >> " + log + "\n"
	if err := os.WriteFile(filepath.Join(dir, "apt-get"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("/bin/bash", filepath.Join(root(), "scripts", "test-deps"))
	cmd.Env = append(os.Environ(), "PATH="+dir)
	out, err := cmd.CombinedOutput()
	if os.Geteuid() != 0 {
		if err == nil || !strings.Contains(string(out), "poppler-utils") {
			t.Fatalf("not root: %v\n%s", err, out)
		}
		return
	}
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got, _ := os.ReadFile(log)
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	if len(lines) != 2 || lines[0] != "update -qq" || !strings.HasPrefix(lines[1], "install -y -qq --no-install-recommends poppler-utils qpdf") {
		t.Errorf("apt-get calls:\n%s", got)
	}
}

// TestTestDepsWired checks that both ways of running the tests take the
// install step first.
func TestTestDepsWired(t *testing.T) {
	for _, tt := range []struct{ file, want string }{
		{"Makefile", "test: test-deps"},
		{"Makefile", "bash scripts/test-deps"},
		{".ci/run", "make test"},
	} {
		data, err := os.ReadFile(filepath.Join(root(), tt.file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), tt.want) {
			t.Errorf("%s does not contain %q", tt.file, tt.want)
		}
	}
}
