package server

import (
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/layoutfile"
)

// offeredLayouts lists the layouts the server offers and accepts: every
// registered layout, and the slide layouts of the layout files found
// where the CLI finds them (./layouts, $XDG_CONFIG_HOME/topicdeck/layouts)
// that load. Only these names ever reach the exporter: a layout query
// value is checked against this list, so no request names a file.
func offeredLayouts() []layouts.Info {
	all, _ := layoutfile.Catalog()
	out := all[:0]
	for _, in := range all {
		if _, err := layouts.Lookup(in.Name); err != nil {
			// A layout file: offered only while it loads.
			if _, err := layoutfile.LoadCached(in.Origin); err != nil {
				continue
			}
		}
		out = append(out, in)
	}
	return out
}
