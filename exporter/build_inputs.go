package exporter

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/scholargate/topicdeck/internal/regularfile"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/layoutfile"
)

// sharedInputs hashes what every artifact depends on besides its entry.
func (b *builder) sharedInputs() (string, error) {
	o := b.opt
	// Spelt out rather than embedding ArtifactOptions: these fields in this
	// order are what the manifests already written hashed, and another
	// shape would rebuild every catalogue once for nothing.
	type inputs struct {
		Version  string
		Time     int64
		Layout   string
		Handouts []string
		Aspect   string
		Paper    string
		Order    string
		Lang     string
		Author   string
		Course   string
		Date     string
		Bib      []string
		Fonts    []string
		Formats  []string `json:",omitempty"`
	}
	in := inputs{
		Version: Version, Time: DocumentTime().Unix(), Layout: o.Layout,
		Aspect: o.Aspect, Paper: o.Paper, Order: o.Order, Lang: o.Lang, Author: o.Author,
		Course: o.Course, Date: o.Date, Formats: o.Formats,
	}
	for _, p := range o.Bib {
		in.Bib = append(in.Bib, p+"="+b.files.get(p))
	}
	if f := layoutFilePath(o.Layout); f != "" {
		in.Layout += "=" + b.files.get(f)
	}
	in.Handouts = slices.Clone(b.handouts)
	for i, h := range in.Handouts {
		if f := layoutFilePath(h); f != "" {
			in.Handouts[i] += "=" + b.files.get(f) // a handout layout file, like the slide layout's
		}
	}
	if o.FontDir != "" {
		des, err := os.ReadDir(o.FontDir)
		if err != nil {
			return "", fmt.Errorf("--font-dir: %w", err)
		}
		for _, de := range des {
			if de.Type().IsRegular() {
				p := filepath.Join(o.FontDir, de.Name())
				in.Fonts = append(in.Fonts, de.Name()+"="+b.files.get(p))
			}
		}
	}
	data, err := json.Marshal(in)
	if err != nil {
		return "", err
	}
	return sum(data), nil
}

// layoutFilePath returns the layout file a layout name stands for, or ""
// for a registered layout. Its bytes are part of every entry's
// inputs; a font or picture it names is read when it is loaded, not
// hashed, so replacing one in place needs --force.
func layoutFilePath(name string) string {
	if layoutfile.IsPath(name) {
		return name
	}
	if _, err := layouts.Lookup(name); err == nil {
		return ""
	}
	return layoutfile.Find(name)
}

// entryInputs hashes an entry's own inputs with the shared ones.
func (b *builder) entryInputs(source string, deps []string) string {
	var s strings.Builder
	s.WriteString(b.shared + "\n" + source + "\n")
	for _, d := range deps {
		s.WriteString(d + "=" + b.files.get(d) + "\n")
	}
	return sum([]byte(s.String()))
}

// sum is the sha256 of data in hex, as the manifest records entry files,
// inputs and artifacts.
func sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// fileHashes hashes each dependency file once per build, however many
// entries share it.
type fileHashes struct{ m sync.Map } // path → func() string

// get returns the file's sha256, or "missing" when it cannot be read (the
// artifact step then reports the error; a file that appears later changes
// the hash and so rebuilds the entry).
func (f *fileHashes) get(path string) string {
	fn, _ := f.m.LoadOrStore(path, sync.OnceValue(func() string {
		// Streamed, and only a regular file: a bibliography named
		// as /dev/zero must not take the build's memory or time.
		r, _, err := regularfile.Open(path, -1)
		if err != nil {
			return "missing"
		}
		defer r.Close()
		h := sha256.New()
		if _, err := io.Copy(h, r); err != nil {
			return "missing"
		}
		return hex.EncodeToString(h.Sum(nil))
	}))
	return fn.(func() string)()
}
