package layouts

import "github.com/scholargate/topicdeck/fonts"

// FontLayout is a layout that brings faces of its own (a layout file's
// fonts: key). The exporter measures and draws with Fonts(base) instead of
// base, so the plan and the PDF agree on every width.
type FontLayout interface {
	Layout
	Fonts(base *fonts.Set) (*fonts.Set, error)
}
