package handout

import (
	"github.com/scholargate/topicdeck/plan"
)

// row is the unit pages break between: one measured line of text, a ruled
// writing line, an embedded slide. draw places it with its top-left corner
// at (x, y).
type row struct {
	h    float64
	draw func(x, y float64) []plan.Item
}

// block is a run of rows that belong together: a paragraph, a list item, a
// heading.
type block struct {
	rows   []row
	before float64 // space above, dropped at the top of a page
	// keepWithNext keeps a heading on the page of the first lines it heads.
	keepWithNext bool
	// newPage starts the block on a fresh page.
	newPage bool
	// loose lets pages break between any two rows, as between ruled
	// writing lines, which have no sentence to keep whole.
	loose bool
	// box, when not zero, frames the block: consecutive blocks with the
	// same box share one lightly filled frame, closed and reopened at a
	// page break.
	box  int
	mark *plan.Bookmark
	// split, when set, re-sets the block as a head that fits in avail
	// points and the rest, breaking only between sentences, so that no
	// sentence is cut by a page turn (nor by the running head a reader's
	// eye, and pdftotext, meet in between). It returns nil when not even
	// one sentence fits.
	split func(avail float64) (head, rest *block)
}

func (b *block) height() float64 {
	h := 0.0
	for _, r := range b.rows {
		h += r.h
	}
	return h
}

// head is the height of the first n rows: what must fit for the block to
// start on this page, two lines so a paragraph never leaves an orphan.
func (b *block) head(n int) float64 {
	h := 0.0
	for i, r := range b.rows {
		if i == n {
			break
		}
		h += r.h
	}
	return h
}

const boxPad = 8.0

// flow pours blocks into one column, page after page, breaking pages by
// measuring: a block goes on when what it needs would cross the bottom.
type flow struct {
	area  area
	pages []*plan.Page
	y     float64
	fresh bool // nothing placed on the current page yet

	box    int     // the open box, 0 when none
	boxAt  int     // index in the page's items where its frame goes
	boxTop float64 // where its frame starts
}

func newFlow(a area) *flow { return &flow{area: a} }

func (f *flow) page() *plan.Page {
	if len(f.pages) == 0 {
		f.newPage()
	}
	return f.pages[len(f.pages)-1]
}

func (f *flow) newPage() {
	f.pages = append(f.pages, &plan.Page{})
	f.y = f.area.Y
	f.fresh = true
}

func (f *flow) free() float64 { return f.area.bottom() - f.y }

func (f *flow) openBox(id int) {
	f.box, f.boxAt, f.boxTop = id, len(f.page().Items), f.y
	f.y += boxPad
}

func (f *flow) closeBox() {
	if f.box == 0 {
		return
	}
	f.y += boxPad
	pg := f.page()
	rect := &plan.Rect{X: f.area.X, Y: f.boxTop, W: f.area.W, H: f.y - f.boxTop, Fill: &boxFillC, Stroke: &frameInkC, LineWidth: 0.75}
	pg.Items = append(pg.Items[:f.boxAt], append([]plan.Item{rect}, pg.Items[f.boxAt:]...)...)
	f.box = 0
}

// pageBreak turns the page, carrying an open box over.
func (f *flow) pageBreak() {
	id := f.box
	f.closeBox()
	f.newPage()
	if id != 0 {
		f.openBox(id)
	}
}

// add places blocks in order.
func (f *flow) add(blocks ...block) {
	for i := range blocks {
		b := blocks[i]
		if len(b.rows) == 0 {
			continue
		}
		f.page()
		if b.box != f.box {
			f.closeBox()
		}
		if b.newPage && !f.fresh {
			f.newPage()
		}
		before := b.before
		if f.fresh {
			before = 0
		}
		pad := 0.0
		if b.box != 0 {
			pad = boxPad
			if f.box != b.box {
				pad *= 2
			}
		}
		need := b.head(2)
		if b.keepWithNext {
			// A heading needs the blocks it heads: through any further
			// headings to the first two lines of text.
			need = b.height()
			for j := i + 1; j < len(blocks); j++ {
				if !blocks[j].keepWithNext {
					need += blocks[j].before + blocks[j].head(2)
					break
				}
				need += blocks[j].before + blocks[j].height()
			}
		}
		if !f.fresh && before+need+pad > f.free() {
			f.pageBreak()
			before = 0
		}
		f.y += before
		if b.box != 0 && f.box != b.box {
			f.openBox(b.box)
		}
		if b.mark != nil {
			f.page().Bookmarks = append(f.page().Bookmarks, *b.mark)
		}
		f.place(&b)
	}
	f.closeBox()
}

// place puts a block's rows from the current position on: whole when it
// fits, else split between sentences, else moved to a fresh page, and only
// a block taller than a page is broken between lines.
func (f *flow) place(b *block) {
	for {
		reserve := 0.0
		if b.box != 0 {
			reserve = boxPad
		}
		if b.loose || f.y+b.height()+reserve <= f.area.bottom()+0.01 {
			f.rows(b.rows, reserve)
			return
		}
		if b.split != nil {
			if head, rest := b.split(f.area.bottom() - f.y - reserve); head != nil {
				f.rows(head.rows, reserve)
				f.pageBreak()
				b = rest
				continue
			}
		}
		if !f.fresh && b.height()+2*reserve <= f.area.H {
			f.pageBreak()
			continue
		}
		f.rows(b.rows, reserve)
		return
	}
}

// rows places rows, turning the page before any row that would cross the
// bottom.
func (f *flow) rows(rs []row, reserve float64) {
	for _, r := range rs {
		if f.y+r.h+reserve > f.area.bottom()+0.01 && !f.fresh {
			f.pageBreak()
		}
		pg := f.page()
		pg.Items = append(pg.Items, r.draw(f.area.X, f.y)...)
		f.y += r.h
		f.fresh = false
	}
}

// finish returns the pages, at least one.
func (f *flow) finish() []*plan.Page {
	f.closeBox()
	f.page()
	return f.pages
}

var (
	boxFillC  = boxFill
	frameInkC = frameInk
)

// space is an empty row, for vertical rhythm inside a block.
func space(h float64) row {
	return row{h: h, draw: func(x, y float64) []plan.Item { return nil }}
}
