package exporter

import (
	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/textlayout"
)

var layoutTextCache = map[*fonts.Set]*textSetup{}

// withLayoutFonts returns the font set and text engine for a layout that
// brings its own faces (a layout file's fonts: key), made once per
// resulting set; other layouts keep ts. The layout's faces come after the
// --font-dir ones are in place, so fallback still reaches those.
func withLayoutFonts(ts *textSetup, l layouts.Layout) (*textSetup, error) {
	fl, ok := l.(layouts.FontLayout)
	if !ok {
		return ts, nil
	}
	set, err := fl.Fonts(ts.set)
	if err != nil || set == ts.set {
		return ts, err
	}
	textMu.Lock()
	defer textMu.Unlock()
	if c, ok := layoutTextCache[set]; ok {
		return c, nil
	}
	c := &textSetup{set: set, text: textlayout.New(set)}
	layoutTextCache[set] = c
	return c, nil
}
