package exporter

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWriteFileTargets writes to each kind of -o target: regular files and
// new paths are replaced atomically with the temporary file beside them, a
// symbolic link is followed (it stays a link, its target is replaced, the
// temporary file lives beside the target), a FIFO is written into and
// stays a FIFO; errors leave no temporary file and the target as it was.
func TestWriteFileTargets(t *testing.T) {
	tests := []struct {
		name string
		// setup makes the -o path in dir and returns it and the file that
		// must end up holding the output.
		setup   func(t *testing.T, dir string) (out, holder string)
		fail    bool   // the write itself fails
		wantErr string // WriteFile fails with this
		check   func(t *testing.T, out string)
	}{
		{name: "new path", setup: func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "a.pdf")
			return p, p
		}},
		{name: "regular file", setup: func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "a.pdf")
			mustWrite(t, p, "old")
			return p, p
		}},
		{name: "symlink", setup: func(t *testing.T, dir string) (string, string) {
			target := filepath.Join(dir, "real", "deck.pdf")
			os.Mkdir(filepath.Dir(target), 0o755)
			mustWrite(t, target, "old")
			link := filepath.Join(dir, "link.pdf")
			if err := os.Symlink("real/deck.pdf", link); err != nil {
				t.Fatal(err)
			}
			return link, target
		}, check: isSymlink},
		{name: "dangling symlink", setup: func(t *testing.T, dir string) (string, string) {
			os.Mkdir(filepath.Join(dir, "real"), 0o755)
			link := filepath.Join(dir, "link.pdf")
			if err := os.Symlink(filepath.Join(dir, "real", "new.pdf"), link); err != nil {
				t.Fatal(err)
			}
			return link, filepath.Join(dir, "real", "new.pdf")
		}, check: isSymlink},
		{name: "symlink loop", setup: func(t *testing.T, dir string) (string, string) {
			a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
			os.Symlink(b, a)
			os.Symlink(a, b)
			return a, ""
		}, wantErr: "too many levels of symbolic links"},
		{name: "fifo", setup: func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "fifo")
			if err := syscall.Mkfifo(p, 0o600); err != nil {
				t.Fatal(err)
			}
			return p, ""
		}, check: func(t *testing.T, out string) {
			if fi, err := os.Lstat(out); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
				t.Errorf("%s is no longer a FIFO: %v %v", out, fi.Mode(), err)
			}
		}},
		{name: "directory", setup: func(t *testing.T, dir string) (string, string) {
			return dir, ""
		}, wantErr: "it is a directory"},
		{name: "write fails", setup: func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "a.pdf")
			mustWrite(t, p, "old")
			return p, ""
		}, fail: true, wantErr: "render failed", check: func(t *testing.T, out string) {
			if b, _ := os.ReadFile(out); string(b) != "old" {
				t.Errorf("a failed write changed the target: %q", b)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out, holder := tt.setup(t, dir)
			// A FIFO needs a reader before it can be opened for writing.
			got := make(chan string, 1)
			if fi, err := os.Lstat(out); err == nil && fi.Mode()&os.ModeNamedPipe != 0 {
				go func() {
					b, _ := os.ReadFile(out)
					got <- string(b)
				}()
			}
			err := WriteFile(out, nil, func(w io.Writer) error {
				if holder != "" && holder != out {
					// The temporary file is beside the file it replaces.
					if tmps := tempsIn(filepath.Dir(holder)); len(tmps) != 1 {
						t.Errorf("temporary files beside %s: %q", holder, tmps)
					}
				}
				if tt.fail {
					io.WriteString(w, "half")
					return errors.New("render failed")
				}
				_, err := io.WriteString(w, "%PDF-new")
				return err
			})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if holder != "" {
				if b, err := os.ReadFile(holder); err != nil || string(b) != "%PDF-new" {
					t.Errorf("%s holds %q (%v)", holder, b, err)
				}
			}
			if tt.check != nil {
				tt.check(t, out)
			}
			if tt.name == "fifo" && !t.Failed() {
				if s := <-got; s != "%PDF-new" {
					t.Errorf("the FIFO's reader got %q", s)
				}
			}
			filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if err == nil && strings.HasSuffix(p, ".tmp") {
					t.Errorf("temporary file left: %s", p)
				}
				return nil
			})
		})
	}
}

func mustWrite(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func isSymlink(t *testing.T, out string) {
	t.Helper()
	if fi, err := os.Lstat(out); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a symbolic link", out)
	}
}

func tempsIn(dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	return m
}

// TestWriteFileMode checks that every way a file is written leaves it
// readable by all (0644), as the Chmod it no longer always makes did, and
// leaves no temporary file: WriteFile over a new path and over a private
// file, and writeNew into a folder the build has just made.
func TestWriteFileMode(t *testing.T) {
	tests := []struct {
		name  string
		write func(path string) error
		old   bool // a 0600 file is at the path first
	}{
		{name: "WriteFile, new path", write: func(p string) error {
			return WriteFile(p, nil, func(w io.Writer) error { _, err := io.WriteString(w, "%PDF-new"); return err })
		}},
		{name: "WriteFile over a private file", old: true, write: func(p string) error {
			return WriteFile(p, nil, func(w io.Writer) error { _, err := io.WriteString(w, "%PDF-new"); return err })
		}},
		{name: "writeNew", write: func(p string) error { return writeNew(p, []byte("%PDF-new")) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "a.pdf")
			if tt.old {
				if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if err := tt.write(p); err != nil {
				t.Fatal(err)
			}
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != 0o644 {
				t.Errorf("mode %v, want -rw-r--r--", fi.Mode().Perm())
			}
			if b, _ := os.ReadFile(p); string(b) != "%PDF-new" {
				t.Errorf("file holds %q", b)
			}
			if tmps := tempsIn(dir); len(tmps) != 0 {
				t.Errorf("temporary files left: %q", tmps)
			}
		})
	}
}
