package layouts

import "github.com/scholargate/topicdeck/fonts"

// FontLayout is a layout that brings faces of its own (a layout file's
// fonts: key). The exporter measures and draws with Fonts(base) instead of
// base, so the plan and the PDF agree on every width.
type FontLayout interface {
	Layout
	Fonts(base *fonts.Set) (*fonts.Set, error)
}

// FontFiles are the paths of a layout's own TrueType faces, as a slide or
// handout layout file's fonts: key names them; Regular is required.
type FontFiles struct {
	Regular, Bold, Italic, BoldItalic string
}

// AddTo returns base with the faces added as the named family (see
// fonts.Set.WithFamily: a style not given takes the nearest one that is).
func (f *FontFiles) AddTo(base *fonts.Set, family string) (*fonts.Set, error) {
	return base.WithFamily(family, f.Regular, f.Bold, f.Italic, f.BoldItalic)
}
