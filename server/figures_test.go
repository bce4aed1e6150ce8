package server

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestServedFiguresStayInFolder serves an entry whose pictures are in a
// folder inside the served one, outside it by ".." and by a link: only
// the one inside is drawn, and each other is a warning. An uploaded entry's pictures are not read
// at all, even when the server's working folder holds the file.
// drawnImage matches an image's line in the output of pdfimages -list.
var drawnImage = regexp.MustCompile(`(?m)^ +\d+ +\d+ image `)

func TestServedFiguresStayInFolder(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "served")
	sub := filepath.Join(dir, "img")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	m := image.NewNRGBA(image.Rect(0, 0, 64, 32))
	for i := range m.Pix {
		m.Pix[i] = uint8(i)
	}
	m.SetNRGBA(0, 0, color.NRGBA{A: 10})
	var pb bytes.Buffer
	if err := png.Encode(&pb, m); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "cell.png"), pb.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// The secret differs from the cell, so that drawing it would be one
	// more image, not the cell's again.
	m.SetNRGBA(1, 1, color.NRGBA{R: 200, A: 255})
	pb.Reset()
	if err := png.Encode(&pb, m); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(parent, "secret.png"), pb.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(parent, "secret.png"), filepath.Join(dir, "link.png")); err != nil {
		t.Fatal(err)
	}
	entry := "---\ntitle: Cells\nslug: cells\n---\n\nCells are small.\n\n## Mechanisms\n\n" +
		"![A cell](img/cell.png)\n\n![A secret](img/../../secret.png)\n\n![A linked secret](link.png)\n"
	touch(t, filepath.Join(dir, "cells.md"), entry, 1)

	var log logBuffer
	s := newTestServer(t, Config{Dir: dir, Logger: slog.New(slog.NewTextHandler(&log, nil))})
	w := do(s, "GET", "/topics/cells/slides.pdf", nil)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	p := saveBody(t, w, "cells.pdf")
	out, err := exec.Command("pdfimages", "-list", p).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfimages: %v\n%s", err, out)
	}
	if n := len(drawnImage.FindAllString(string(out), -1)); n != 1 {
		t.Errorf("%d images drawn, want 1 (the one inside the folder):\n%s", n, out)
	}
	if n := log.count("not shown: it lies outside the entry's folder"); n != 2 {
		t.Errorf("%d warnings about pictures outside the folder, want 2:\n%s", n, log.b.String())
	}

	// An upload names no folder: not even a file in the working folder
	// is read.
	up := "---\ntitle: Up\n---\n\n![A picture](../docs/img/seed-deck.png)\n\n![Another](testdata/../../docs/img/handouts.png)\n"
	w = do(s, "POST", "/render/slides.pdf?name=up.md", strings.NewReader(up))
	if w.Code != http.StatusOK {
		t.Fatalf("upload: status %d: %s", w.Code, w.Body)
	}
	out, err = exec.Command("pdfimages", "-list", saveBody(t, w, "up.pdf")).CombinedOutput()
	if err != nil || drawnImage.MatchString(string(out)) {
		t.Errorf("an upload's picture was drawn: %v\n%s", err, out)
	}
}
