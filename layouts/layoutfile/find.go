package layoutfile

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/scholargate/topicdeck/internal/filestamp"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/deck"
)

// IsPath reports whether a --layout value names a file rather than a
// layout: it ends in .yaml or .yml, or contains a slash.
func IsPath(s string) bool {
	ext := strings.ToLower(filepath.Ext(s))
	return ext == ".yaml" || ext == ".yml" || strings.ContainsRune(s, '/') || strings.ContainsRune(s, filepath.Separator)
}

// Dirs are the directories searched for layout files, first match
// winning: ./layouts, then $XDG_CONFIG_HOME/topicdeck/layouts (with
// XDG_CONFIG_HOME defaulting to ~/.config).
func Dirs() []string {
	dirs := []string{"layouts"}
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		if home, err := os.UserHomeDir(); err == nil {
			cfg = filepath.Join(home, ".config")
		}
	}
	if cfg != "" {
		dirs = append(dirs, filepath.Join(cfg, "topicdeck", "layouts"))
	}
	return dirs
}

// Find returns the layout file named name in Dirs, or "".
func Find(name string) string {
	for _, dir := range Dirs() {
		for _, ext := range []string{".yaml", ".yml"} {
			p := filepath.Join(dir, name+ext)
			if info, err := os.Stat(p); err == nil && !info.IsDir() {
				return p
			}
		}
	}
	return ""
}

// cached is a loaded file with the stamp of the file it was loaded from.
type cached struct {
	stamp filestamp.Stamp
	file  *File
}

var (
	cacheMu sync.Mutex
	cache   = map[string]cached{}
)

// LoadCached is Load, reusing an earlier result while the file is unchanged
// (a server plans the same layout again and again). Fonts and pictures the
// file names are read when it is loaded; edit the layout file to reload them.
func LoadCached(path string) (*File, error) {
	stamp, err := filestamp.Of(path)
	if err != nil {
		return nil, fmt.Errorf("layout file: %w", err)
	}
	cacheMu.Lock()
	c, ok := cache[stamp.Path]
	cacheMu.Unlock()
	if ok && c.stamp == stamp {
		return c.file, nil
	}
	f, err := Load(path)
	if err != nil {
		return nil, err
	}
	cacheMu.Lock()
	cache[stamp.Path] = cached{stamp, f}
	cacheMu.Unlock()
	return f, nil
}

// finder offers the layout files to the layouts registry: by name from
// Dirs, or by path for a name IsPath says is one.
type finder struct{}

func init() { layouts.RegisterFinder("layout files", finder{}) }

// Find loads the layout file a name or path stands for.
func (finder) Find(name string) (layouts.Layout, string, error) {
	p := name
	if !IsPath(name) {
		if p = Find(name); p == "" {
			return nil, "", layouts.ErrNotFound
		}
	}
	f, err := LoadCached(p)
	if err != nil {
		return nil, "", err
	}
	return f.Planner(), p, nil
}

// Found lists the layout files in Dirs, first directory first; a file
// that does not load is listed with its error.
func (finder) Found() []layouts.Found {
	var out []layouts.Found
	for _, dir := range Dirs() {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue // a directory that does not exist holds no layouts
		}
		var found []layouts.Found
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
				continue
			}
			p := filepath.Join(dir, e.Name())
			fd := layouts.Found{Info: layouts.Info{Name: Name(e.Name()), Origin: p}}
			if f, err := LoadCached(p); err != nil {
				fd.Err = err
				fd.Description = "(does not load: see the errors above)"
			} else {
				fd.Kind, fd.Description = f.Planner().Kind(), f.Planner().Description()
			}
			found = append(found, fd)
		}
		sort.SliceStable(found, func(i, j int) bool { return found[i].Name < found[j].Name })
		out = append(out, found...)
	}
	return out
}

// Planner finds the layout a --layout value names (a registered layout, a
// layout file in Dirs, or a file path) and checks that it makes the
// wanted kind. It is layouts.LookupPlanner, kept for callers that import
// this package to have file layouts found.
func Planner(name string, kind layouts.Kind) (layouts.Planner, error) {
	return layouts.LookupPlanner(name, kind)
}

// Show returns the complete effective layout file of a slide or handout
// layout (built-in, found, or a path), for `topicdeck layouts show`.
func Show(name string) ([]byte, error) {
	if !IsPath(name) {
		if layouts.Registered(name) {
			l, _ := layouts.Lookup(name)
			if dl, ok := l.(*deck.Layout); ok {
				return Print(name, "built-in", name, dl), nil
			}
			return PrintHandout(name, "built-in", name, l)
		}
		p := Find(name)
		if p == "" {
			_, err := layouts.Lookup(name)
			return nil, err
		}
		name = p
	}
	f, err := LoadCached(name)
	if err != nil {
		return nil, err
	}
	if f.Layout == nil {
		return PrintHandout(f.Name, f.Path, f.Extends, f.Handout)
	}
	return Print(f.Name, f.Path, f.Extends, f.Layout), nil
}
