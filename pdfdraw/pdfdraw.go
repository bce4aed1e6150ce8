// Package pdfdraw draws a measured plan.Document as a tagged PDF with the
// pdf package. It decides nothing: every line, position and face comes from
// the plan, so the PDF shows exactly what was measured. Embedded pages
// (handouts) are redrawn as vectors at their scale, keeping text searchable
// and links live. The plan's logical structure (Document.Root and each
// item's Tag) becomes the structure tree; untagged items are artifacts.
package pdfdraw

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/pdf"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
)

// epoch is written as the document date when the plan carries none, so
// that output never depends on the clock.
var epoch = time.Unix(0, 0).UTC()

// Write draws doc as PDF to w with the faces of set (fonts.Default() when
// nil), which must be the set the plan was measured with. Output is
// byte-identical for identical input.
func Write(w io.Writer, doc *plan.Document, set *fonts.Set) error {
	return WriteContext(context.Background(), w, doc, set)
}

// WriteContext is Write that stops, returning ctx's error, as soon as ctx
// is done: it looks between pages, so a render whose client has left ends
// within a page's drawing time.
func WriteContext(ctx context.Context, w io.Writer, doc *plan.Document, set *fonts.Set) error {
	if doc == nil {
		return errors.New("pdfdraw: no document")
	}
	if !(doc.Width > 0 && doc.Height > 0) || math.IsInf(doc.Width, 0) || math.IsInf(doc.Height, 0) {
		return fmt.Errorf("pdfdraw: invalid page size %gx%g pt", doc.Width, doc.Height)
	}
	if len(doc.Pages) == 0 {
		return errors.New("pdfdraw: document has no pages")
	}
	if set == nil {
		set = fonts.Default()
	}
	out := pdf.NewDocument()
	d := &drawer{
		out: out, set: set, h: doc.Height,
		fonts: map[*fonts.Face]*pdf.Font{}, images: map[string]pdf.Name{},
		resources: out.W.Alloc(),
	}
	d.meta(doc.Meta)
	if doc.Root != nil {
		d.tree = pdf.NewStructTree()
		d.main = &scope{elems: make(map[*plan.Node]*pdf.StructElem, treeSize(doc.Root)), under: d.tree.Root}
		d.tree.Root.Lang = cleanLang(doc.Root.Lang)
		for _, k := range doc.Root.Kids {
			d.main.build(k, d.tree.Root)
		}
		d.main.elems[doc.Root] = d.tree.Root
		out.Struct = d.tree
	}
	for _, p := range doc.Pages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := d.drawPage(p, doc.Width); err != nil {
			return err
		}
	}
	fontRes := pdf.Dict{}
	for i, f := range d.fontOrder {
		if err := f.Write(out.W); err != nil {
			return err
		}
		fontRes = append(fontRes, pdf.Entry{Key: d.fontOrder[i].Resource, Value: f.Ref()})
	}
	res := pdf.Dict{}
	if len(fontRes) > 0 {
		res = append(res, pdf.Entry{Key: "Font", Value: fontRes})
	}
	if len(d.imageRes) > 0 {
		res = append(res, pdf.Entry{Key: "XObject", Value: d.imageRes})
	}
	out.W.Set(d.resources, res)
	if err := out.Finish(w); err != nil {
		return fmt.Errorf("pdfdraw: %w", err)
	}
	return nil
}

// drawer carries the document being written and the current page's state.
type drawer struct {
	out       *pdf.Document
	set       *fonts.Set
	h         float64 // page height: plan y grows down, PDF y up
	fonts     map[*fonts.Face]*pdf.Font
	fontOrder []*pdf.Font
	images    map[string]pdf.Name // by plan.Image.Name
	imageRes  pdf.Dict
	resources pdf.Ref // shared by every page

	tree *pdf.StructTree // nil: untagged plan
	main *scope

	c      pdf.Content
	page   pdf.Ref
	annots []pdf.Ref
	gs     graphicsState
	err    error

	lineLeft float64 // the current line's X, in plan units

	// Scratch buffers for glyph runs and a line's pieces.
	cids   []uint16
	adjust []float64
	pieces []piece

	// The face drawer.face found last, and the family and style it was
	// asked for.
	lastFace              *fonts.Face
	lastFamily, lastStyle string
}

// graphicsState is what the content stream has set on the current page,
// so that unchanged settings are not repeated.
type graphicsState struct {
	font      *pdf.Font
	size      float64
	fill      textlayout.Color
	stroke    textlayout.Color
	width     float64
	fillSet   bool
	strokeSet bool
	widthSet  bool
	inText    bool
}

// transform maps plan coordinates into page coordinates: an embedded page
// is scaled by s and moved to (dx, dy).
type transform struct{ dx, dy, s float64 }

var identity = transform{0, 0, 1}

func (t transform) x(v float64) float64 { return t.dx + v*t.s }
func (t transform) y(v float64) float64 { return t.dy + v*t.s }

// scope maps plan nodes to structure elements: the document's own, or an
// embedded page's copy under the embedding node.
type scope struct {
	elems map[*plan.Node]*pdf.StructElem
	// under is where nodes outside the scope's tree go: the document
	// element, or the embed's node.
	under *pdf.StructElem
	// none draws everything as an artifact (untagged plans, embeds
	// without a Tag).
	none bool
}

// build makes the elements of n and its descendants under parent.
func (s *scope) build(n *plan.Node, parent *pdf.StructElem) {
	e := parent.Add(structType(n))
	e.Alt, e.Lang = n.Alt, cleanLang(n.Lang)
	if n.Role == plan.RoleHeaderCell {
		scope := n.Scope
		if scope == "" {
			scope = plan.ScopeColumn
		}
		e.Attr = pdf.Dict{{Key: "O", Value: pdf.Name("Table")}, {Key: "Scope", Value: pdf.Name(scope)}}
	}
	s.elems[n] = e
	for _, k := range n.Kids {
		s.build(k, e)
	}
}

// treeSize is the number of nodes from n down (0 for nil), the size of
// the map a scope's build fills: made that large at once, the map is not
// grown and rehashed step by step, which was a fifth of build's time in
// handouts that embed a copy of each slide's structure.
func treeSize(n *plan.Node) int {
	if n == nil {
		return 0
	}
	size := 1
	for _, k := range n.Kids {
		size += treeSize(k)
	}
	return size
}

// elem returns the element of n, nil for an artifact. A node outside the
// scope's tree is given an element of its own under the scope's root.
func (s *scope) elem(n *plan.Node) *pdf.StructElem {
	if n == nil || s.none {
		return nil
	}
	if e, ok := s.elems[n]; ok {
		return e
	}
	s.build(n, s.under)
	return s.elems[n]
}

// structType is the standard structure type of a node's role.
func structType(n *plan.Node) pdf.Name {
	switch n.Role {
	case plan.RoleHeading:
		return pdf.Name("H" + strconv.Itoa(max(1, min(n.Level, 6))))
	case plan.RoleStatement:
		return "P"
	case "":
		return "Div"
	}
	return pdf.Name(n.Role)
}

// meta sets the document information; the date never comes from the clock.
func (d *drawer) meta(m plan.Meta) {
	date := m.Date
	if date.IsZero() {
		date = epoch
	}
	d.out.Info = pdf.Info{
		Title: m.Title, Author: m.Author, Subject: m.Subject, Keywords: m.Keywords,
		Creator: m.Creator, Producer: "topicdeck", Lang: cleanLang(m.Lang), Date: date,
	}
}

// cleanLang keeps a BCP 47 tag's letters, digits and hyphens.
func cleanLang(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// page draws one page of the plan.
func (d *drawer) drawPage(p *plan.Page, width float64) error {
	d.page = d.out.NewPage()
	d.c.Reset()
	d.annots = d.annots[:0]
	d.gs = graphicsState{}
	key := -1
	if d.tree != nil {
		key = d.tree.BeginPage(d.page)
	}
	for _, b := range p.Bookmarks {
		d.out.AddBookmark(pdf.Bookmark{Title: b.Title, Level: b.Level, Page: d.page, Top: d.h})
	}
	if p.Ground() != plan.White {
		d.c.BeginArtifact()
		d.fill(p.Ground())
		d.c.Rect(0, 0, width, d.h)
		d.c.Fill()
		d.c.EndMarked()
	}
	sc := d.main
	if sc == nil {
		sc = &scope{none: true}
	}
	d.items(p.Items, identity, sc)
	if d.err != nil {
		return d.err
	}
	d.out.SetPage(d.page, pdf.Page{
		Width: width, Height: d.h, Content: d.c.Bytes(),
		Resources: d.resources, Annots: d.annots, StructParents: key,
	})
	return nil
}

func (d *drawer) items(items []plan.Item, t transform, sc *scope) {
	for _, it := range items {
		switch v := it.(type) {
		case *plan.Text:
			d.text(v, t, sc)
		case *plan.Rect:
			d.mark(sc.elem(v.Tag), "")
			d.rect(v, t)
			d.c.EndMarked()
		case *plan.Rule:
			d.mark(sc.elem(v.Tag), "")
			d.rule(v, t)
			d.c.EndMarked()
		case *plan.Image:
			d.image(v, t, sc)
		case *plan.Embed:
			d.embed(v, t, sc)
		}
	}
}

// mark opens marked content for e: an MCID of e's, or an artifact for nil.
func (d *drawer) mark(e *pdf.StructElem, actual string) {
	if e == nil || d.tree == nil {
		d.c.BeginArtifact()
		return
	}
	d.c.BeginMarked(e.Type, d.tree.Mark(e), actual)
}

// embed redraws another page inside the box, scaled uniformly to fit and
// centred. Coordinates and font sizes are scaled here rather than with a
// PDF transformation matrix, so link rectangles land on the scaled text.
func (d *drawer) embed(v *plan.Embed, t transform, sc *scope) {
	if v.Page == nil || !(v.SrcW > 0 && v.SrcH > 0) {
		return
	}
	s := math.Min(v.W/v.SrcW, v.H/v.SrcH)
	inner := transform{
		dx: t.x(v.X + (v.W-v.SrcW*s)/2),
		dy: t.y(v.Y + (v.H-v.SrcH*s)/2),
		s:  t.s * s,
	}
	sub := &scope{none: true}
	if under := sc.elem(v.Tag); under != nil {
		// Each embed gets its own copy of the page's structure.
		sub = &scope{elems: make(map[*plan.Node]*pdf.StructElem, treeSize(v.Page.Tag)), under: under}
		if v.Page.Tag != nil {
			sub.build(v.Page.Tag, under)
		}
	}
	if v.Page.Ground() != plan.White {
		d.c.BeginArtifact()
		d.fill(v.Page.Ground())
		d.c.Rect(inner.dx, d.h-inner.dy-v.SrcH*inner.s, v.SrcW*inner.s, v.SrcH*inner.s)
		d.c.Fill()
		d.c.EndMarked()
	}
	d.items(v.Page.Items, inner, sub)
}

func (d *drawer) fill(c plan.Color) {
	if d.gs.fillSet && d.gs.fill == c {
		return
	}
	d.c.FillRGB(c.R, c.G, c.B)
	d.gs.fill, d.gs.fillSet = c, true
}

func (d *drawer) stroke(c plan.Color, width float64) {
	if !d.gs.strokeSet || d.gs.stroke != c {
		d.c.StrokeRGB(c.R, c.G, c.B)
		d.gs.stroke, d.gs.strokeSet = c, true
	}
	if !d.gs.widthSet || d.gs.width != width {
		d.c.LineWidth(width)
		d.gs.width, d.gs.widthSet = width, true
	}
}

func (d *drawer) rect(v *plan.Rect, t transform) {
	if v.Fill == nil && v.Stroke == nil {
		return
	}
	if v.Fill != nil {
		d.fill(*v.Fill)
	}
	if v.Stroke != nil {
		d.stroke(*v.Stroke, v.LineWidth*t.s)
	}
	x, w, h := t.x(v.X), v.W*t.s, v.H*t.s
	y := d.h - t.y(v.Y) - h // bottom edge
	if r := math.Min(v.Radius*t.s, math.Min(w, h)/2); r > 0 {
		// Quarter circles as Bézier curves: k is the usual control
		// distance for a circle.
		k := r * 0.5523
		c := &d.c
		c.MoveTo(x+r, y)
		c.LineTo(x+w-r, y)
		c.CurveTo(x+w-r+k, y, x+w, y+r-k, x+w, y+r)
		c.LineTo(x+w, y+h-r)
		c.CurveTo(x+w, y+h-r+k, x+w-r+k, y+h, x+w-r, y+h)
		c.LineTo(x+r, y+h)
		c.CurveTo(x+r-k, y+h, x, y+h-r+k, x, y+h-r)
		c.LineTo(x, y+r)
		c.CurveTo(x, y+r-k, x+r-k, y, x+r, y)
		c.ClosePath()
	} else {
		d.c.Rect(x, y, w, h)
	}
	switch {
	case v.Fill != nil && v.Stroke != nil:
		d.c.FillStroke()
	case v.Fill != nil:
		d.c.Fill()
	default:
		d.c.Stroke()
	}
}

func (d *drawer) rule(v *plan.Rule, t transform) {
	d.stroke(v.Color, v.Width*t.s)
	if v.Dash > 0 {
		d.c.Dash(0, v.Dash*t.s, v.Dash*t.s)
	}
	d.c.MoveTo(t.x(v.X1), d.h-t.y(v.Y1))
	d.c.LineTo(t.x(v.X2), d.h-t.y(v.Y2))
	d.c.Stroke()
	if v.Dash > 0 {
		d.c.Dash(0)
	}
}

func (d *drawer) image(v *plan.Image, t transform, sc *scope) {
	name, ok := d.images[v.Name]
	if !ok {
		var img pdf.Image
		var err error
		if strings.EqualFold(v.Type, "PNG") {
			img, err = d.out.W.AddPNG(v.Data)
		} else {
			img, err = d.out.W.AddJPEG(v.Data)
		}
		if err != nil {
			d.err = fmt.Errorf("pdfdraw: image %s: %w", v.Name, err)
			return
		}
		name = pdf.Name("I" + strconv.Itoa(len(d.images)+1))
		d.images[v.Name] = name
		d.imageRes = append(d.imageRes, pdf.Entry{Key: name, Value: img.Ref})
	}
	d.mark(sc.elem(v.Tag), "")
	w, h := v.W*t.s, v.H*t.s
	d.c.Save()
	d.c.Transform(w, 0, 0, h, t.x(v.X), d.h-t.y(v.Y)-h)
	d.c.XObject(name)
	d.c.Restore()
	d.c.EndMarked()
}
