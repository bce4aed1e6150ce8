package handout

import (
	"errors"
	"fmt"

	"github.com/scholargate/topicdeck/layouts"
)

// Style is what a handout layout file changes in a built-in handout
// layout. A zero field keeps the built-in's own value.
type Style struct {
	Paper         string  // "a4" or "letter"; wins over the --paper option
	Width, Height float64 // a sheet of another size, in points; wins over Paper
	Margin        float64 // kept free on every side, points
	NoteLines     float64 // the distance between ruled writing lines, points
	// Columns and Rows set the grid of an N-up slide handout (slides-N):
	// Columns × Rows slides a page. Other handouts have no grid.
	Columns, Rows int
}

// HasGrid reports whether base is an N-up slide handout, the only kind
// whose slides per page a style can change.
func HasGrid(base layouts.Layout) bool {
	_, ok := base.(slideGrid)
	return ok
}

// Custom returns the built-in handout layout base changed by st, with
// description as its one line for `topicdeck layouts`.
func Custom(base layouts.Layout, st Style, description string) (layouts.Planner, error) {
	if (st.Columns > 0) != (st.Rows > 0) {
		return nil, errors.New("give both columns and rows of slides")
	}
	var p layouts.Planner
	switch b := base.(type) {
	case slideGrid:
		if st.Columns > 0 {
			b.cols, b.rows, b.n = st.Columns, st.Rows, st.Columns*st.Rows
			// Note lines beside the slides need the one column the
			// three-slide handout has; lines under a slide need it alone.
			b.lines = b.lines && b.cols == 1
			b.under = b.under && b.n == 1
		}
		b.style = st
		p = b
	case notesLayout:
		b.style = st
		p = b
	case readerLayout:
		b.style = st
		p = b
	case cornellLayout:
		b.style = st
		p = b
	case guidedLayout:
		b.style = st
		p = b
	default:
		return nil, fmt.Errorf("%T is not a built-in handout layout", base)
	}
	if st.Columns > 0 && !HasGrid(base) {
		return nil, errors.New("only the slides-N handouts have slides per page")
	}
	return described{p, description}, nil
}

// described is a planner with a description of its own.
type described struct {
	layouts.Planner
	description string
}

func (d described) Description() string { return d.description }
