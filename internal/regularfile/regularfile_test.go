package regularfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fifo := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.md")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	sparse := filepath.Join(dir, "sparse.md")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	ok := write("ok.md", []byte("# T\n"))
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(ok, link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		want       error
		data       string
	}{
		{"regular", ok, nil, "# T\n"},
		{"link to a regular file", link, nil, "# T\n"},
		{"named pipe", fifo, ErrNotRegular, ""},
		{"link to /dev/zero", zero, ErrNotRegular, ""},
		{"sparse gigabyte", sparse, ErrTooLarge, ""},
		{"directory", dir, ErrNotRegular, ""},
		{"missing", filepath.Join(dir, "none.md"), os.ErrNotExist, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			var data []byte
			var err error
			go func() {
				data, _, err = Read(tt.path, 8<<20)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Read blocked")
			}
			if tt.want == nil {
				if err != nil || string(data) != tt.data {
					t.Fatalf("Read = %q, %v; want %q", data, err, tt.data)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("Read error = %v, want %v", err, tt.want)
			}
		})
	}
}

// TestReadIn checks that a name or link leading out of the root is
// refused, and one inside is read.
func TestReadIn(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "served")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(parent, "secret.bib"), []byte("secret"), 0o644)
	os.WriteFile(filepath.Join(dir, "refs.bib"), []byte("refs"), 0o644)
	os.Symlink(filepath.Join(parent, "secret.bib"), filepath.Join(dir, "link.bib"))
	os.Symlink("refs.bib", filepath.Join(dir, "inner.bib"))
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for _, tt := range []struct {
		name string
		want string // "" for a refusal
	}{
		{"refs.bib", "refs"},
		{"inner.bib", "refs"},
		{"../secret.bib", ""},
		{"link.bib", ""},
		{filepath.Join(parent, "secret.bib"), ""},
	} {
		data, _, err := ReadIn(root, tt.name, 1<<20)
		if tt.want == "" {
			if err == nil {
				t.Errorf("%s: read %q, want a refusal", tt.name, data)
			}
			continue
		}
		if err != nil || string(data) != tt.want {
			t.Errorf("%s: %q, %v; want %q", tt.name, data, err, tt.want)
		}
	}
}
