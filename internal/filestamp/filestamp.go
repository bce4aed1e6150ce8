// Package filestamp says whether a file read earlier is still the same: a
// cache of what was parsed from a file (a font, a layout file) keeps the
// file's stamp and reads the file again once the stamp changes.
package filestamp

import (
	"fmt"
	"os"
	"path/filepath"
)

// Stamp is a file's absolute path (the path as given when it has none),
// size and modification time: an edited or replaced file gets another.
type Stamp struct {
	Path string
	Size int64
	Mod  int64 // nanoseconds since 1970, so that stamps compare with ==
}

// Of stamps the file at path as it is now; the error is os.Stat's.
func Of(path string) (Stamp, error) {
	info, err := os.Stat(path)
	if err != nil {
		return Stamp{}, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return Stamp{Path: abs, Size: info.Size(), Mod: info.ModTime().UnixNano()}, nil
}

// Key is the stamp as one string, for caches keyed by several files.
func (s Stamp) Key() string { return fmt.Sprintf("%s\x00%d\x00%d", s.Path, s.Size, s.Mod) }
