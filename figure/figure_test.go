package figure

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/scholargate/topicdeck/topic"
)

// testPNG returns a w×h PNG whose alpha varies, for tests of the drawers.
func testPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.SetNRGBA(x, y, color.NRGBA{R: uint8(x * 255 / w), G: uint8(y * 255 / h), B: 90, A: uint8(128 + (x+y)%128)})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func testJPEG(t testing.TB, w, h int) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.Set(x, y, color.RGBA{R: uint8(x), G: 60, B: uint8(y), A: 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// bombPNG is a PNG header claiming w×h pixels, with no image data.
func bombPNG(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	chunk("IHDR", ihdr)
	chunk("IEND", nil)
	return b.Bytes()
}

func TestRead(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "entry")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "img"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "img", "cell.png"), testPNG(t, 40, 20), 0o644))
	must(os.WriteFile(filepath.Join(dir, "photo.jpg"), testJPEG(t, 30, 60), 0o644))
	must(os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a picture"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "bomb.png"), bombPNG(100000, 100000), 0o644))
	must(os.WriteFile(filepath.Join(dir, "broken.png"), testPNG(t, 40, 20)[:60], 0o644))
	must(os.WriteFile(filepath.Join(base, "secret.png"), testPNG(t, 4, 4), 0o644))
	must(os.Symlink(filepath.Join(base, "secret.png"), filepath.Join(dir, "out.png")))
	must(os.Symlink("img/cell.png", filepath.Join(dir, "in.png")))
	must(syscall.Mkfifo(filepath.Join(dir, "pipe.png"), 0o644))
	big, err := os.Create(filepath.Join(dir, "big.png"))
	must(err)
	must(big.Truncate(MaxBytes + 1))
	big.Close()

	root, err := os.OpenRoot(dir)
	must(err)
	defer root.Close()
	tests := []struct {
		src, typ string
		w, h     int
		problem  string
	}{
		{src: "img/cell.png", typ: "PNG", w: 40, h: 20},
		{src: "./img/../img/cell.png", typ: "PNG", w: 40, h: 20},
		{src: "photo.jpg", typ: "JPG", w: 30, h: 60},
		{src: "in.png", typ: "PNG", w: 40, h: 20},
		{src: "../secret.png", problem: "outside the entry's folder"},
		{src: "img/../../secret.png", problem: "outside the entry's folder"},
		{src: "out.png", problem: "outside the entry's folder"},
		{src: filepath.Join(base, "secret.png"), problem: "only a path relative"},
		{src: "file:///etc/passwd", problem: "only a path relative"},
		{src: "https://example.com/a.png", problem: "not fetched"},
		{src: "//example.com/a.png", problem: "not fetched"},
		{src: `..\secret.png`, problem: "character a relative path may not"},
		{src: "missing.png", problem: "no such file"},
		{src: "img", problem: "not a regular file (a directory)"},
		{src: "pipe.png", problem: "not a regular file (a named pipe)"},
		{src: "big.png", problem: "larger than the 8 MiB limit"},
		{src: "notes.txt", problem: "not a PNG or JPEG"},
		{src: "bomb.png", problem: "100000×100000 pixels"},
		{src: "broken.png", problem: "damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			p := Read(root, tt.src)
			if tt.problem != "" {
				if !strings.Contains(p.Problem, tt.problem) || p.Data != nil {
					t.Errorf("problem = %q, want one saying %q and no data", p.Problem, tt.problem)
				}
				return
			}
			if p.Problem != "" || p.Type != tt.typ || p.Width != tt.w || p.Height != tt.h || len(p.Data) == 0 {
				t.Errorf("got %s %dx%d %q, want %s %dx%d", p.Type, p.Width, p.Height, p.Problem, tt.typ, tt.w, tt.h)
			}
		})
	}
}

// TestLoad checks that Load reads from the entry's own folder, warns at
// the figure's position, and leaves pictures loaded before alone.
func TestLoad(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cell.png"), testPNG(t, 8, 8), 0o644); err != nil {
		t.Fatal(err)
	}
	src := "---\ntitle: T\n---\n\n![A cell](cell.png)\n\n![Gone](gone.png)\n"
	file := filepath.Join(dir, "t.md")
	e, err := topic.Read(file, []byte(src), topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, probs := Load(e)
	if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), file+":7:1: warning: image \"gone.png\" not shown: no such file") {
		t.Errorf("problems = %v", probs)
	}
	var pics []*topic.Picture
	topic.EachFigure(got, func(bl *topic.Block) { pics = append(pics, bl.Picture) })
	if len(pics) != 2 || pics[0].Type != "PNG" || pics[1].Problem == "" {
		t.Fatalf("pictures = %+v", pics)
	}
	topic.EachFigure(e, func(bl *topic.Block) {
		if bl.Picture != nil {
			t.Error("Load changed the entry it was given")
		}
	})
	if again, probs := Load(got); again != got || probs != nil {
		t.Error("an entry loaded already was loaded again")
	}
	e.Source = "-"
	if _, probs := Load(e); len(probs) != 2 || !strings.Contains(probs[0].Message, "not read from a file") {
		t.Errorf("standard input: %v", probs)
	}
}
