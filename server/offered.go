package server

import (
	"github.com/scholargate/topicdeck/layouts"
	_ "github.com/scholargate/topicdeck/layouts/layoutfile" // layout files are found by the registry
)

// offeredLayouts lists the layouts the server offers and accepts: the
// registry's catalog, built-ins and the layout files found where the CLI
// finds them (./layouts, $XDG_CONFIG_HOME/topicdeck/layouts), slide and
// handout alike, leaving out files that do not load. Only these names
// ever reach the exporter: a layout query value is checked against this
// list, so no request names a file.
func offeredLayouts() []layouts.Info {
	all, _, _ := layouts.Catalog()
	out := all[:0]
	for _, in := range all {
		if in.Kind != "" { // a file that does not load has no kind
			out = append(out, in)
		}
	}
	return out
}
