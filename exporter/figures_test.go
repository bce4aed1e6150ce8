package exporter

import (
	"archive/zip"
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/svgdraw"
)

// figureEntry is an entry with a PNG with alpha, a JPEG, a picture
// without alt text, one whose path leads out of the folder, one missing
// and one on the web.
const figureEntry = `---
title: Cell pictures
---

Cells are the units of life.

## Mechanisms

A cell divides in two.

![A cell with its nucleus](img/cell.png "Figure 1. A dividing cell")

![A micrograph of onion skin](photo.jpg)

![](photo.jpg)

![The password file](../secret.png)

![A picture nobody drew](missing.png)

![A picture on the web](https://example.com/cell.png)

The last sentence comes after the pictures.
`

// writeFigureEntry writes the entry and its pictures into a folder of
// their own, with a picture beside that folder that must not be read.
func writeFigureEntry(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	dir := filepath.Join(base, "entry")
	if err := os.MkdirAll(filepath.Join(dir, "img"), 0o755); err != nil {
		t.Fatal(err)
	}
	pm := image.NewNRGBA(image.Rect(0, 0, 120, 60))
	for y := range 60 {
		for x := range 120 {
			pm.SetNRGBA(x, y, color.NRGBA{R: uint8(2 * x), G: uint8(4 * y), B: 160, A: uint8(80 + x)})
		}
	}
	jm := image.NewRGBA(image.Rect(0, 0, 80, 100))
	for y := range 100 {
		for x := range 80 {
			jm.Set(x, y, color.RGBA{R: uint8(3 * x), G: 90, B: uint8(2 * y), A: 255})
		}
	}
	var pb, jb bytes.Buffer
	if err := png.Encode(&pb, pm); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&jb, jm, nil); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		filepath.Join(dir, "img", "cell.png"): pb.Bytes(),
		filepath.Join(dir, "photo.jpg"):       jb.Bytes(),
		filepath.Join(base, "secret.png"):     pb.Bytes(),
		filepath.Join(dir, "cells.md"):        []byte(figureEntry),
	}
	for p, data := range files {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "cells.md")
}

// TestFiguresEverywhere renders the figure entry as a deck, a reader
// handout, PowerPoint and SVG, and checks the pictures are there with
// their alt text, the problems are warnings naming each, and the PDFs
// pass pdfcheck and pdfuacheck.
func TestFiguresEverywhere(t *testing.T) {
	path := writeFigureEntry(t)
	e := readEntry(t, path)
	phrases := []string{"Cells are the units of life.", "A cell divides in two.", "Figure 1. A dividing cell",
		"The last sentence comes after the pictures.", "A picture nobody drew", "The password file", "A picture on the web"}
	wantWarnings := []string{
		path + `:15:1: image "photo.jpg" has no alt text`,
		path + `:17:1: image "../secret.png" not shown: it lies outside the entry's folder`,
		path + `:19:1: image "missing.png" not shown: no such file`,
		path + `:21:1: image "https://example.com/cell.png" not shown: pictures on the web are not fetched`,
	}
	dir := t.TempDir()

	t.Run("deck", func(t *testing.T) {
		out := filepath.Join(dir, "deck.pdf")
		res := writePDF(t, out, func(w io.Writer) (Result, error) { return Slides(e, SlideOptions{}, w) })
		checkWarnings(t, res.Warnings, wantWarnings)
		checkFigurePDF(t, out, phrases)
	})
	t.Run("reader", func(t *testing.T) {
		out := filepath.Join(dir, "reader.pdf")
		res := writePDF(t, out, func(w io.Writer) (Result, error) {
			return Handout(e, HandoutOptions{Layout: "reader"}, w)
		})
		checkWarnings(t, res.Warnings, wantWarnings)
		checkFigurePDF(t, out, phrases)
	})
	t.Run("pptx", func(t *testing.T) {
		var b bytes.Buffer
		if _, err := SlidesPPTX(e, SlideOptions{}, &b); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var slides, media strings.Builder
		for _, f := range zr.File {
			switch {
			case strings.HasPrefix(f.Name, "ppt/slides/slide"):
				rc, _ := f.Open()
				data, _ := io.ReadAll(rc)
				rc.Close()
				slides.Write(data)
			case strings.HasPrefix(f.Name, "ppt/media/"):
				media.WriteString(f.Name + " ")
			}
		}
		pics := regexp.MustCompile(`<p:pic>.*?</p:pic>`).FindAllString(slides.String(), -1)
		var descrs []string
		for _, p := range pics {
			if m := regexp.MustCompile(`descr="([^"]*)"`).FindStringSubmatch(p); m != nil {
				descrs = append(descrs, m[1])
			}
		}
		for _, want := range []string{"A cell with its nucleus", "A micrograph of onion skin"} {
			found := false
			for _, d := range descrs {
				found = found || d == want
			}
			if !found {
				t.Errorf("no p:pic with descr %q; pictures' descr: %q", want, descrs)
			}
		}
		if len(pics) != 3 {
			t.Errorf("%d pictures in the slides, want 3 (one without alt text, marked decorative)", len(pics))
		}
		if !strings.Contains(media.String(), ".png") || !strings.Contains(media.String(), ".jp") {
			t.Errorf("media parts: %s", media.String())
		}
	})
	t.Run("svg", func(t *testing.T) {
		doc, set, err := PlanSlides(e, SlideOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for i, pg := range doc.Pages {
			for _, it := range pg.Items {
				if _, ok := it.(*plan.Image); ok {
					var b bytes.Buffer
					if err := svgdraw.Write(&b, doc, i, set); err != nil {
						t.Fatal(err)
					}
					all.Write(b.Bytes())
					break
				}
			}
		}
		for _, want := range []string{`aria-label="A cell with its nucleus"`, `href="data:image/png;base64,`, `href="data:image/jpeg;base64,`} {
			if !strings.Contains(all.String(), want) {
				t.Errorf("the slides' SVG has no %s", want)
			}
		}
	})
}

func checkWarnings(t *testing.T, got, want []string) {
	t.Helper()
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, w)
		}
		if !found {
			t.Errorf("no warning %q in\n%s", w, strings.Join(got, "\n"))
		}
	}
	for _, g := range got {
		if strings.Contains(g, "A cell with its nucleus") || strings.Contains(g, "img/cell.png") {
			t.Errorf("a warning about a good picture: %s", g)
		}
	}
}

// checkFigurePDF runs the checkers and counts the images: the PNG with
// its alpha as a soft mask, and the JPEG once however often it is placed.
func checkFigurePDF(t *testing.T, path string, phrases []string) {
	t.Helper()
	checktool.PDF(t, path, phrases, 0)
	report := checktool.PDFUA(t, path, phrases)
	if !strings.Contains(report, "Figure 2") || !strings.Contains(report, "Caption 1") {
		t.Errorf("pdfuacheck's structure should hold two figures and a caption:\n%s", report)
	}
	list := checktool.Output(t, "pdfimages", "-list", path)
	if n := strings.Count(list, " smask "); n != 1 {
		t.Errorf("%d soft masks, want 1 (the PNG's alpha):\n%s", n, list)
	}
	if !strings.Contains(list, " jpeg ") || !strings.Contains(list, "120    60") {
		t.Errorf("the JPEG or the 120×60 PNG is missing:\n%s", list)
	}
}

// TestMissingPictureStandIn checks that the words standing in for a
// picture that was not loaded are in the entry's language, on slides and
// in a handout alike, so a Swedish handout has no English in it.
func TestMissingPictureStandIn(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"en", "[Image: A picture nobody drew]"},
		{"sv", "[Bild: A picture nobody drew]"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			dir := t.TempDir()
			src := filepath.Join(dir, "e.md")
			body := "---\ntitle: Pictures\nlang: " + tt.lang + "\n---\n\nA definition.\n\n## Mechanisms\n\n![A picture nobody drew](missing.png)\n"
			if err := os.WriteFile(src, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			e := readEntry(t, src)
			for name, draw := range map[string]func(io.Writer) (Result, error){
				"deck":   func(w io.Writer) (Result, error) { return Slides(e, SlideOptions{}, w) },
				"reader": func(w io.Writer) (Result, error) { return Handout(e, HandoutOptions{Layout: "reader"}, w) },
			} {
				out := filepath.Join(dir, name+".pdf")
				writePDF(t, out, draw)
				if text := strings.Join(strings.Fields(checktool.Text(t, out)), " "); !strings.Contains(text, tt.want) {
					t.Errorf("%s: %q is not in the text:\n%s", name, tt.want, text)
				}
			}
		})
	}
}
