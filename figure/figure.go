// Package figure loads the pictures an entry's figures name, from the
// entry's own folder only.
//
// An entry is a document someone else may have written: its image paths
// are untrusted. A path is read through an os.Root opened on the entry's
// folder, so an absolute path, a ".." or a symbolic link leading out of it
// is refused; only a regular file of bounded size is read, without
// blocking; only PNG and JPEG are taken, recognised by their content, and
// only up to a bounded number of pixels, so a small file cannot unpack to
// gigabytes. Nothing is fetched from the network. Whatever cannot be
// loaded is a warning, and the figure keeps its alt text.
package figure

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/scholargate/topicdeck/diag"
	"image"
	_ "image/jpeg" // DecodeConfig recognises JPEG
	"image/png"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/scholargate/topicdeck/internal/regularfile"
	"github.com/scholargate/topicdeck/topic"
)

// MaxBytes bounds an image file: a slide picture is rarely above a few
// megabytes, and every output embeds it whole.
const MaxBytes = 8 << 20

// MaxPixels bounds an image's decoded size (40 megapixels, 160 MB as
// RGBA), so that a small, highly compressed file cannot exhaust memory.
const MaxPixels = 40_000_000

// Load returns a copy of e whose figures carry their pictures, read from
// the folder of e's source file, with a warning for each figure that
// could not be loaded. Figures that carry a picture already (loaded by a
// server through its own folder) are left as they are. An entry read
// from standard input has no file, so no folder: its pictures are not
// loaded (the working folder is not the entry's).
func Load(e *topic.Entry) (*topic.Entry, []diag.Problem) {
	if !needsLoading(e) {
		return e, nil
	}
	if e.Source == "" || e.Source == "-" || e.Source == "<stdin>" {
		return fill(e, nil, "the entry was not read from a file, so it has no folder to read pictures from")
	}
	root, err := os.OpenRoot(filepath.Dir(e.Source))
	if err != nil {
		return fill(e, nil, "its folder cannot be opened: "+unwrap(err).Error())
	}
	defer root.Close()
	return fill(e, root, "")
}

// LoadIn is Load for an entry whose folder is root: a server passes the
// served folder (or a folder inside it) it reads entries through.
func LoadIn(e *topic.Entry, root *os.Root) (*topic.Entry, []diag.Problem) {
	if !needsLoading(e) {
		return e, nil
	}
	return fill(e, root, "")
}

// Unavailable is Load for an entry that has no folder to read from (an
// upload): every figure without a picture gets reason as its problem, and
// a warning.
func Unavailable(e *topic.Entry, reason string) (*topic.Entry, []diag.Problem) {
	if !needsLoading(e) {
		return e, nil
	}
	return fill(e, nil, reason)
}

func needsLoading(e *topic.Entry) bool {
	need := false
	topic.EachFigure(e, func(bl *topic.Block) { need = need || bl.Picture == nil })
	return need
}

// fill loads every figure without a picture through root; with no root,
// each gets the reason none.
func fill(e *topic.Entry, root *os.Root, none string) (*topic.Entry, []diag.Problem) {
	c := topic.WithFigures(e)
	file := e.Source
	if file == "" {
		file = "<input>"
	}
	var probs []diag.Problem
	topic.EachFigure(c, func(bl *topic.Block) {
		if bl.Picture != nil {
			return
		}
		var pic *topic.Picture
		if root == nil {
			pic = &topic.Picture{Problem: none}
		} else {
			pic = Read(root, bl.Src)
		}
		bl.Picture = pic
		if pic.Problem != "" {
			probs = append(probs, diag.Problem{File: file, Pos: bl.Pos, Severity: diag.SeverityWarning,
				Message: fmt.Sprintf("image %q not shown: %s; its alt text is shown instead", bl.Src, pic.Problem)})
		}
	})
	return c, probs
}

// Read loads the picture at src, a path relative to root, checking it as
// the package comment says. It never fails: a picture it cannot load has
// the reason in Problem.
func Read(root *os.Root, src string) *topic.Picture {
	name, problem := localName(src)
	if problem != "" {
		return &topic.Picture{Problem: problem}
	}
	data, _, err := regularfile.ReadIn(root, name, MaxBytes)
	if err != nil {
		return &topic.Picture{Problem: readProblem(err)}
	}
	return Decode(data)
}

// Decode checks that data is a PNG or JPEG of bounded size that the
// drawers can embed, and returns it as a picture.
func Decode(data []byte) *topic.Picture {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return &topic.Picture{Problem: "it is not a PNG or JPEG image"}
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return &topic.Picture{Problem: fmt.Sprintf("it is %d×%d pixels, more than the %d-megapixel limit", cfg.Width, cfg.Height, MaxPixels/1_000_000)}
	}
	pic := &topic.Picture{Data: data, Width: cfg.Width, Height: cfg.Height}
	switch format {
	case "png":
		// The PDF writer decodes a PNG to split off its alpha channel: a
		// broken one is found here, as a warning, not there as a failed export.
		if _, err := png.Decode(bytes.NewReader(data)); err != nil {
			return &topic.Picture{Problem: "the PNG image is damaged: " + err.Error()}
		}
		pic.Type = "PNG"
	case "jpeg":
		pic.Type = "JPG"
	default:
		return &topic.Picture{Problem: "it is a " + format + " image; only PNG and JPEG are supported"}
	}
	return pic
}

// Name is a name for a picture unique to its bytes, by which drawers
// embed the same picture once however often it is placed.
func Name(p *topic.Picture) string {
	sum := sha256.Sum256(p.Data)
	return "figure-" + hex.EncodeToString(sum[:12])
}

// localName turns a figure's src into a slash-separated name inside the
// entry's folder, or says why it is not one.
func localName(src string) (string, string) {
	s := strings.TrimSpace(src)
	lower := strings.ToLower(s)
	switch {
	case s == "":
		return "", "it has no path"
	case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"), strings.HasPrefix(s, "//"):
		return "", "pictures on the web are not fetched; save it beside the entry and name it by a relative path"
	case strings.HasPrefix(s, "/"), strings.HasPrefix(s, `\`), filepath.IsAbs(s), hasScheme(s):
		return "", "only a path relative to the entry's folder is read"
	case strings.ContainsRune(s, 0), strings.Contains(s, `\`):
		return "", "the path holds a character a relative path may not"
	}
	name := path.Clean(s)
	if name == ".." || strings.HasPrefix(name, "../") {
		return "", "it lies outside the entry's folder"
	}
	return filepath.FromSlash(name), ""
}

// hasScheme reports a URL scheme ("data:", "file:", "c:" on Windows).
func hasScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 1 {
		return false
	}
	for _, c := range s[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}

// readProblem says why a file was not read, in a reader's words.
func readProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file in the entry's folder"
	case errors.Is(err, regularfile.ErrNotRegular):
		return "it is " + err.Error()
	case errors.Is(err, regularfile.ErrTooLarge):
		return fmt.Sprintf("the file is larger than the %d MiB limit", MaxBytes>>20)
	case strings.Contains(err.Error(), "path escapes from parent"):
		return "it lies outside the entry's folder"
	}
	return "it cannot be read: " + unwrap(err).Error()
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
