// Package plan holds measured, paginated documents: what goes on which page
// and where, with every line already broken. Layouts produce plans; drawing
// backends (the PDF one in pdfdraw) draw them without re-deciding anything.
// Tests can check a plan (which slide holds which sentence) without a PDF.
package plan

import (
	"time"

	"github.com/scholargate/topicdeck/textlayout"
)

// Color is an sRGB colour.
type Color = textlayout.Color

// Document is a planned document: pages of one size and its metadata.
type Document struct {
	Width, Height float64 // points
	Pages         []*Page
	Meta          Meta
	// Root is the document's logical structure, in reading order; items
	// point into it with their Tag. Nil for a document planned without
	// structure (every item is then an artifact).
	Root *Node
}

// Meta is the document metadata the PDF carries.
type Meta struct {
	Title    string
	Author   string
	Subject  string
	Keywords string
	Creator  string
	Lang     string // BCP 47
	Date     time.Time
}

// Page is one page or slide. Items are drawn in order.
type Page struct {
	// Background fills the whole page; nil leaves it white (paper).
	Background *Color
	Items      []Item
	// Bookmarks become PDF outline entries pointing at this page.
	Bookmarks []Bookmark
	// Label says what the page shows ("Definition", "Key concepts (cont.)"),
	// for tests, notes and handouts; it is not drawn.
	Label string
	// Tag is the node that holds what this page shows (a slide's section),
	// so that a document embedding the page (an N-up handout) can place
	// the page's structure under its own.
	Tag *Node
}

// White is the colour of paper and of a page without a Background.
var White = Color{R: 255, G: 255, B: 255}

// Ground returns the page's background colour, White when none is set.
func (p *Page) Ground() Color {
	if p.Background == nil {
		return White
	}
	return *p.Background
}

// Bookmark is one outline entry; Level 0 is top level.
type Bookmark struct {
	Title string
	Level int
}

// Item is something drawn on a page: *Text, *Rect, *Rule, *Image or *Embed.
type Item interface{ item() }

// Text is one measured line with its top-left corner at (X, Y).
type Text struct {
	X, Y float64
	Line textlayout.Line
	Tag  *Node // nil: an artifact (footer, page number)
}

// Rect is a rectangle, filled and/or stroked; Radius rounds its corners.
type Rect struct {
	X, Y, W, H float64
	Fill       *Color
	Stroke     *Color
	LineWidth  float64
	Radius     float64
	Tag        *Node // nil: an artifact (the usual case for shapes)
}

// Rule is a straight line.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Color          Color
	Width          float64
	Dash           float64 // dash length; 0 draws solid
	Tag            *Node   // nil: an artifact (the usual case for rules)
}

// Image is a PNG or JPEG placed in a box.
type Image struct {
	X, Y, W, H float64
	Name       string // unique per image data, used to register it once
	Type       string // "PNG" or "JPG"
	Data       []byte
	Tag        *Node // a RoleFigure node with Alt; nil: decoration (a logo)
}

// Embed draws another page scaled into the box (X, Y, W, H), redrawing its
// items as vectors so text stays sharp and searchable and links keep working.
// SrcW and SrcH are the embedded page's size.
type Embed struct {
	X, Y, W, H float64
	SrcW, SrcH float64
	Page       *Page
	// Tag is the node the embedded page's structure (from Page.Tag) goes
	// under; nil draws the embedded page as an artifact.
	Tag *Node
}

func (*Text) item()  {}
func (*Rect) item()  {}
func (*Rule) item()  {}
func (*Image) item() {}
func (*Embed) item() {}

// Missing returns every character that no face could draw, anywhere in the
// document, each once in order of first appearance.
func (d *Document) Missing() []rune {
	seen := map[rune]bool{}
	var out []rune
	var walk func(p *Page)
	walk = func(p *Page) {
		for _, it := range p.Items {
			switch v := it.(type) {
			case *Text:
				for _, r := range v.Line.Missing {
					if !seen[r] {
						seen[r] = true
						out = append(out, r)
					}
				}
			case *Embed:
				walk(v.Page)
			}
		}
	}
	for _, p := range d.Pages {
		walk(p)
	}
	return out
}
