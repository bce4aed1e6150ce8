package layoutfile

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

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

// cached is a loaded file with the state it was loaded in.
type cached struct {
	size int64
	mod  time.Time
	file *File
}

var (
	cacheMu sync.Mutex
	cache   = map[string]cached{}
)

// LoadCached is Load, reusing an earlier result while the file is unchanged
// (a server plans the same layout again and again). Fonts and pictures the
// file names are read when it is loaded; edit the layout file to reload them.
func LoadCached(path string) (*File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("layout file: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	cacheMu.Lock()
	c, ok := cache[abs]
	cacheMu.Unlock()
	if ok && c.size == info.Size() && c.mod.Equal(info.ModTime()) {
		return c.file, nil
	}
	f, err := Load(path)
	if err != nil {
		return nil, err
	}
	cacheMu.Lock()
	cache[abs] = cached{info.Size(), info.ModTime(), f}
	cacheMu.Unlock()
	return f, nil
}

// Planner finds the layout a --layout value names: a file path, a
// registered layout, or a layout file in Dirs, in that order; it checks
// that the layout makes the wanted kind.
func Planner(name string, kind layouts.Kind) (layouts.Planner, error) {
	if !IsPath(name) {
		if _, err := layouts.Lookup(name); err == nil {
			return layouts.LookupPlanner(name, kind)
		}
		if p := Find(name); p != "" {
			name = p
		} else {
			return layouts.LookupPlanner(name, kind) // the registry's "unknown layout" error
		}
	}
	f, err := LoadCached(name)
	if err != nil {
		return nil, err
	}
	if kind != layouts.KindSlides {
		return nil, fmt.Errorf("layout %q is a slides layout, not a %s layout", f.Name, kind)
	}
	return f.Layout, nil
}

// Catalog lists every layout: the registered ones and the layout files in
// Dirs (a file whose name is taken, by a built-in or an earlier directory,
// is left out). Files that do not load are returned as errors, and still
// listed, so `topicdeck layouts` shows them and says what is wrong.
func Catalog() ([]layouts.Info, []error) {
	out := layouts.List()
	taken := map[string]bool{}
	for _, l := range out {
		taken[l.Name] = true
	}
	var errs []error
	var found []layouts.Info
	for _, dir := range Dirs() {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue // a directory that does not exist holds no layouts
		}
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
				continue
			}
			name := Name(e.Name())
			if taken[name] {
				continue
			}
			taken[name] = true
			p := filepath.Join(dir, e.Name())
			info := layouts.Info{Name: name, Kind: layouts.KindSlides, Origin: p}
			if f, err := LoadCached(p); err != nil {
				errs = append(errs, err)
				info.Description = "(does not load: see the errors above)"
			} else {
				info.Description = f.Layout.Description()
			}
			found = append(found, info)
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].Name < found[j].Name })
	// Files are slide layouts: list them after the built-in slide layouts.
	i := 0
	for i < len(out) && out[i].Kind == layouts.KindSlides {
		i++
	}
	return append(out[:i:i], append(found, out[i:]...)...), errs
}

// Show returns the complete effective layout file of a slide layout
// (built-in, found, or a path), for `topicdeck layouts show`.
func Show(name string) ([]byte, error) {
	if !IsPath(name) {
		if l, err := layouts.Lookup(name); err == nil {
			dl, ok := l.(*deck.Layout)
			if !ok {
				return nil, fmt.Errorf("layout %q is a %s layout; only slide layouts have layout files", name, l.Kind())
			}
			return Print(name, "built-in", name, dl), nil
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
	return Print(f.Name, f.Path, f.Extends, f.Layout), nil
}
