// Package zipparts reads the members of a zip package (a PowerPoint deck,
// an Excel workbook, a QTI bundle) in the archive's order, for the code
// that reads one back: pptxread, and tests that look inside a package.
package zipparts

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"testing"
	"time"
)

// Part is one member of an archive.
type Part struct {
	Name string
	// Modified is the member's time as stored, which a deterministic
	// package sets to the document time.
	Modified time.Time
	Data     []byte
}

// Read returns every member of the archive in data, in the archive's
// order.
func Read(data []byte) ([]Part, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	parts := make([]Part, 0, len(zr.File))
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		parts = append(parts, Part{Name: f.Name, Modified: f.Modified, Data: b})
	}
	return parts, nil
}

// All is Read for a test: an archive that cannot be read fails it.
func All(t testing.TB, data []byte) []Part {
	t.Helper()
	parts, err := Read(data)
	if err != nil {
		t.Fatalf("reading the package: %v", err)
	}
	return parts
}

// Member returns the bytes of the member name, failing the test when the
// archive cannot be read or has no such member.
func Member(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	for _, p := range All(t, data) {
		if p.Name == name {
			return p.Data
		}
	}
	t.Fatalf("the package has no %s", name)
	return nil
}
