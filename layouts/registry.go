// Package layouts is the registry of layouts: every slide and handout
// layout written in Go registers itself here by name, in the standard
// library's Register style (image.RegisterFormat, database/sql.Register),
// and finders registered the same way (layout files) offer the layouts
// found outside Go. The exporter, the CLI and the server look layouts up
// by name here without ever switching on one or knowing where it came
// from.
package layouts

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// Kind is the kind of artifact a layout makes.
type Kind string

// The artifact kinds.
const (
	KindSlides  Kind = "slides"
	KindHandout Kind = "handout"
)

// Layout is anything that can be registered. Planner is what slide and
// handout layouts implement on top of it.
type Layout interface {
	Kind() Kind
	// Description is one line for `topicdeck layouts` and the server's
	// page, in plain words: what the file is ("Cornell notes"), then
	// after ": " the details. The part before the colon labels buttons.
	Description() string
}

// Planner plans an entry into a measured document.
type Planner interface {
	Layout
	Plan(e *topic.Entry, env *Env) (*plan.Document, error)
}

// Env is what a layout plans with: the shared text engine, the labels of
// the output language, and the caller's options.
type Env struct {
	Text    *textlayout.Engine
	Labels  locale.Labels
	Options Options
	// Deck plans the entry's slide deck with the default (or chosen) slide
	// layout; handout layouts that show slides call it.
	Deck func() (*plan.Document, error)
}

// Options are the caller's choices that layouts honour.
type Options struct {
	Aspect  string    // "16:9" (default) or "4:3"
	Paper   string    // "a4" (default) or "letter"
	Order   string    // "horizontal" (default) or "vertical"
	Author  string    // overrides the entry's authors on title slides
	Course  string    // printed in footers when given
	Date    string    // printed on the title slide as given
	Creator string    // "topicdeck vX.Y.Z", for PDF metadata
	Time    time.Time // fixed document date (SOURCE_DATE_EPOCH), for determinism
}

// Info describes a registered layout.
type Info struct {
	Name        string
	Kind        Kind
	Origin      string // "built-in" or the file it came from
	Description string
}

type entry struct {
	layout Layout
	origin string
}

var (
	mu       sync.RWMutex
	registry = map[string]entry{}
	finders  []finderEntry
)

// ErrNotFound is what a Finder returns for a name it has no layout for.
var ErrNotFound = errors.New("layout not found")

// Finder offers layouts that are not registered in Go, such as layout
// files; the registry consults it for a name no registered layout has.
// A finder may be asked from several goroutines at once.
type Finder interface {
	// Find returns the layout a name stands for and where it came from
	// (a file), or an error wrapping ErrNotFound when it has none. A
	// layout it has but cannot load is another error, which is what the
	// caller sees.
	Find(name string) (l Layout, origin string, err error)
	// Found lists every layout it can offer, in its own order of
	// precedence (the first of a name wins), including those that do not
	// load (with Err set) and those a registered layout shadows.
	Found() []Found
}

// Found is a layout a finder offers, or one it sees but cannot load.
type Found struct {
	Info
	Err error // why it does not load; Kind and Description may then be empty
}

type finderEntry struct {
	name string
	f    Finder
}

// RegisterFinder adds a finder the registry consults after the registered
// layouts, in the order finders are registered. Like Register it panics on
// a nil finder or a name registered twice.
func RegisterFinder(name string, f Finder) {
	mu.Lock()
	defer mu.Unlock()
	if f == nil {
		panic("layouts: RegisterFinder finder is nil")
	}
	for _, fe := range finders {
		if fe.name == name {
			panic("layouts: RegisterFinder called twice for " + name)
		}
	}
	finders = append(finders, finderEntry{name, f})
}

// Register makes a built-in layout available by name. Like sql.Register it
// panics if the name is taken or the layout is nil: that is a programming
// error found at start-up, not a user error.
func Register(name string, l Layout) {
	RegisterFrom(name, l, "built-in")
}

// RegisterFrom registers a layout and records where it came from.
func RegisterFrom(name string, l Layout, origin string) {
	mu.Lock()
	defer mu.Unlock()
	if l == nil {
		panic("layouts: Register layout is nil")
	}
	if _, dup := registry[name]; dup {
		panic("layouts: Register called twice for layout " + name)
	}
	registry[name] = entry{layout: l, origin: origin}
}

// Lookup returns the layout registered under name or, when none is, the
// first one a finder finds. A registered name always means the registered
// layout: Catalog warns about a file it shadows.
func Lookup(name string) (Layout, error) {
	mu.RLock()
	e, ok := registry[name]
	fs := finders
	mu.RUnlock()
	if ok {
		return e.layout, nil
	}
	for _, fe := range fs {
		l, _, err := fe.f.Find(name)
		if err == nil {
			return l, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("unknown layout %q (see `topicdeck layouts`)", name)
}

// Registered reports whether name is a layout registered in Go (as
// opposed to one a finder finds).
func Registered(name string) bool {
	mu.RLock()
	defer mu.RUnlock()
	_, ok := registry[name]
	return ok
}

// LookupPlanner returns the layout registered under name, checking that it
// is a planner of the wanted kind.
func LookupPlanner(name string, kind Kind) (Planner, error) {
	l, err := Lookup(name)
	if err != nil {
		return nil, err
	}
	p, ok := l.(Planner)
	if !ok || l.Kind() != kind {
		return nil, fmt.Errorf("layout %q is a %s layout, not a %s layout", name, l.Kind(), kind)
	}
	return p, nil
}

// List returns every registered layout, sorted by kind and name. It does
// not ask the finders; Catalog does.
func List() []Info {
	mu.RLock()
	defer mu.RUnlock()
	var out []Info
	for name, e := range registry {
		out = append(out, Info{Name: name, Kind: e.layout.Kind(), Origin: e.origin, Description: e.layout.Description()})
	}
	sortInfos(out)
	return out
}

// sortInfos orders layouts by kind (slides first), then registered before
// found, then name: a found layout sits beside the built-ins of its kind.
func sortInfos(out []Info) {
	rank := func(k Kind) int {
		switch k {
		case KindSlides:
			return 0
		case KindHandout:
			return 1
		}
		return 2 // a file that does not load, of no known kind
	}
	sort.SliceStable(out, func(i, j int) bool {
		if ri, rj := rank(out[i].Kind), rank(out[j].Kind); ri != rj {
			return ri < rj
		}
		if bi, bj := out[i].Origin == "built-in", out[j].Origin == "built-in"; bi != bj {
			return bi
		}
		return out[i].Name < out[j].Name
	})
}

// Catalog lists every layout there is: the registered ones and those the
// finders find, each name once. A found layout whose name is taken, by a
// registered layout or one found earlier, is left out with a warning, so a
// file named like a built-in is never silently ignored. A found layout
// that does not load is listed (with an empty kind) and its error
// returned, so `topicdeck layouts` shows it and says what is wrong.
func Catalog() (list []Info, warnings []string, errs []error) {
	list = List()
	taken := map[string]string{}
	for _, in := range list {
		taken[in.Name] = "the " + in.Origin + " layout of that name"
	}
	mu.RLock()
	fs := finders
	mu.RUnlock()
	for _, fe := range fs {
		for _, f := range fe.f.Found() {
			if by, ok := taken[f.Name]; ok {
				warnings = append(warnings, fmt.Sprintf("%s: warning: not used: the name %q means %s; rename the file to use it", f.Origin, f.Name, by))
				continue
			}
			taken[f.Name] = f.Origin
			if f.Err != nil {
				errs = append(errs, f.Err)
			}
			list = append(list, f.Info)
		}
	}
	sortInfos(list)
	return list, warnings, errs
}
