// Package layouts is the registry of layouts: every slide, handout and
// glossary layout registers itself here by name, in the standard library's
// Register style (image.RegisterFormat, database/sql.Register), and the
// exporter looks layouts up by name without ever switching on one.
package layouts

import (
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
	KindSlides   Kind = "slides"
	KindHandout  Kind = "handout"
	KindGlossary Kind = "glossary"
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
)

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

// Lookup returns the layout registered under name.
func Lookup(name string) (Layout, error) {
	mu.RLock()
	defer mu.RUnlock()
	if e, ok := registry[name]; ok {
		return e.layout, nil
	}
	return nil, fmt.Errorf("unknown layout %q (see `topicdeck layouts`)", name)
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

// List returns every registered layout, sorted by kind and name.
func List() []Info {
	mu.RLock()
	defer mu.RUnlock()
	var out []Info
	for name, e := range registry {
		out = append(out, Info{Name: name, Kind: e.layout.Kind(), Origin: e.origin, Description: e.layout.Description()})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind > out[j].Kind // slides, handout, glossary
		}
		return out[i].Name < out[j].Name
	})
	return out
}
