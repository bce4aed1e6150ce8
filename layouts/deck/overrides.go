package deck

import "github.com/scholargate/topicdeck/fonts"

// Overrides are what a layout file can change beyond the look a Theme
// carries: the page size, brand images, the footer, which sections appear
// in what order and in which form, and the layout's own faces. They are
// kept apart from Theme because each field replaces a decision the
// planner otherwise makes itself; the zero value leaves every decision to
// the planner, which is why the built-in layouts have zero Overrides.
type Overrides struct {
	// Width and Height fix the page size in points; Aspect ("16:9",
	// "4:3") fixes it by shape. Either overrides the caller's aspect
	// option, because a house style decides its page. Zero means the option.
	Width, Height float64
	Aspect        string

	Logo       *Logo    // drawn on every slide
	CoverImage *Picture // fills the title slide behind its text
	Footer     *Footer  // nil: title and course on the left, "n / N" on the right

	// Sections lists the sections to show, in order, each in a form; nil
	// shows every section in lecture order in its own form. Sections not
	// listed are left out: that is the layout author's choice.
	Sections []SectionForm
	// NoOutline and NoReview drop the outline slide after the title and the
	// closing review of the core questions.
	NoOutline, NoReview bool

	// Fonts are the layout's own faces; with them the theme's title and
	// body families name the family WithFamily registers (FontFamily).
	Fonts *FontFiles
	// NoKerning measures text without the faces' pair kerning, every
	// character at its own advance (and so the PDF draws it), for a house
	// style whose fonts kern badly or that wants the plain spacing.
	NoKerning bool
}

// FontFiles are the paths of a family's TrueType files; Regular is required.
type FontFiles = fonts.FamilyFiles

// FontFamily is the family name a layout's own faces are registered under.
func FontFamily(layoutName string) string { return "layout-" + layoutName }

// Fonts returns base with the layout's own faces added as its family, or
// base itself when the layout has none. The exporter measures and draws
// with the result (layouts.FontLayout).
func (l *Layout) Fonts(base *fonts.Set) (*fonts.Set, error) {
	f := l.Overrides.Fonts
	if f == nil {
		return base, nil
	}
	return f.AddTo(base, l.Theme.BodyFamily)
}

// pageSize is the layout's page when it fixes one, else the aspect option's.
func (l *Layout) pageSize(aspect string) (w, h float64, err error) {
	if l.Overrides.Width > 0 && l.Overrides.Height > 0 {
		return l.Overrides.Width, l.Overrides.Height, nil
	}
	if l.Overrides.Aspect != "" {
		aspect = l.Overrides.Aspect
	}
	return PageSize(aspect)
}
