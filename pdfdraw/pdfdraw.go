// Package pdfdraw draws a measured plan.Document as PDF with fpdf. It
// decides nothing: every line, position and face comes from the plan, so
// the PDF shows exactly what was measured. Embedded pages (handouts) are
// redrawn as vectors at their scale, keeping text searchable and links live.
package pdfdraw

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/scholargate/topicdeck/internal/fpdf"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/internal/safelink"
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
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: doc.Width, Ht: doc.Height},
	})
	d := &drawer{pdf: pdf, set: set, images: map[string]bool{}}
	if err := d.registerFonts(doc); err != nil {
		return err
	}
	d.meta(doc.Meta)
	// fpdf allocates a fresh zlib writer (about 1 MB) per page stream;
	// compressing page content tripled drawing time for a ~2x smaller file
	// (fonts are still compressed). Speed matters more for slide decks.
	pdf.SetCompression(false)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCellMargin(0)
	for _, p := range doc.Pages {
		if err := ctx.Err(); err != nil {
			return err
		}
		pdf.AddPage()
		d.font = fontState{}
		d.bookmarks(p.Bookmarks)
		if p.Ground() != plan.White {
			d.fill(p.Ground())
			pdf.Rect(0, 0, doc.Width, doc.Height, "F")
		}
		d.items(p.Items, identity)
		if err := pdf.Error(); err != nil {
			return fmt.Errorf("pdfdraw: %w", err)
		}
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("pdfdraw: %w", err)
	}
	return nil
}

// drawer carries the fpdf document and what has been registered with it.
type drawer struct {
	pdf    *fpdf.Fpdf
	set    *fonts.Set
	images map[string]bool
	// outline is a face used to encode bookmark titles: fpdf writes them
	// as UTF-16 only while a UTF-8 font is current.
	outline *fonts.Face
	font    fontState
}

// fontState is the font fpdf has selected on the current page; fpdf's own
// check covers family and size, this one also skips redundant colour calls.
type fontState struct {
	face  string
	style string
	size  float64
	color textlayout.Color
	set   bool
}

// transform maps plan coordinates into page coordinates: an embedded page
// is scaled by s and moved to (dx, dy).
type transform struct{ dx, dy, s float64 }

var identity = transform{0, 0, 1}

func (t transform) x(v float64) float64 { return t.dx + v*t.s }
func (t transform) y(v float64) float64 { return t.dy + v*t.s }

// registerFonts adds to fpdf only the faces the plan draws with, each cut
// down to the characters drawn with it: fpdf parses every font it is given
// once per document, which for a whole face costs several milliseconds.
func (d *drawer) registerFonts(doc *plan.Document) error {
	used := map[*fonts.Face]map[rune]bool{}
	var order []*fonts.Face
	var walk func(items []plan.Item) error
	walk = func(items []plan.Item) error {
		for _, it := range items {
			switch v := it.(type) {
			case *plan.Text:
				for _, s := range v.Line.Segments {
					if d.set.Face(s.Face, s.Style) == nil {
						return fmt.Errorf("pdfdraw: face %s %q is not in the font set the document was measured with", s.Face, s.Style)
					}
				}
				// The characters drawn, which for Arabic are shaped forms.
				for _, p := range pieces(&v.Line, d.set) {
					f := d.set.Face(p.seg.Face, p.seg.Style)
					runes := used[f]
					if runes == nil {
						runes = map[rune]bool{}
						used[f] = runes
						order = append(order, f)
					}
					for _, r := range p.text {
						runes[r] = true
					}
				}
			case *plan.Embed:
				if v.Page != nil {
					if err := walk(v.Page.Items); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	bookmarks := false
	for _, p := range doc.Pages {
		if err := walk(p.Items); err != nil {
			return err
		}
		bookmarks = bookmarks || len(p.Bookmarks) > 0
	}
	if bookmarks && len(order) == 0 {
		// Bookmark titles need a current UTF-8 font to be encoded.
		order = append(order, d.set.Chain("sans", false, false)[0])
	}
	for _, f := range order {
		runes := make([]rune, 0, len(used[f]))
		for r := range used[f] {
			runes = append(runes, r)
		}
		d.pdf.AddUTF8FontFromBytes(f.Family, f.Style, f.Subset(runes))
	}
	if len(order) > 0 {
		d.outline = order[0]
	}
	return d.pdf.Error()
}

// meta writes the document information and fixes every date fpdf would
// otherwise take from the clock.
func (d *drawer) meta(m plan.Meta) {
	pdf := d.pdf
	pdf.SetCatalogSort(true)
	date := m.Date
	if date.IsZero() {
		date = epoch
	}
	date = date.UTC()
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetTitle(m.Title, true)
	pdf.SetAuthor(m.Author, true)
	pdf.SetSubject(m.Subject, true)
	pdf.SetKeywords(m.Keywords, true)
	pdf.SetCreator(m.Creator, true)
	if lang := cleanLang(m.Lang); lang != "" {
		pdf.SetLang(lang)
	}
}

// cleanLang keeps a BCP 47 tag's letters, digits and hyphens: fpdf writes
// the tag into the catalog unescaped.
func cleanLang(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

func (d *drawer) bookmarks(bs []plan.Bookmark) {
	if len(bs) == 0 {
		return
	}
	d.pdf.SetFont(d.outline.Family, d.outline.Style, 10)
	d.font = fontState{}
	prev := -1
	for _, b := range bs {
		// fpdf builds a broken outline tree if a level skips one.
		level := max(0, min(b.Level, prev+1))
		d.pdf.Bookmark(b.Title, level, 0)
		prev = level
	}
}

func (d *drawer) items(items []plan.Item, t transform) {
	for _, it := range items {
		switch v := it.(type) {
		case *plan.Text:
			d.text(v, t)
		case *plan.Rect:
			d.rect(v, t)
		case *plan.Rule:
			d.rule(v, t)
		case *plan.Image:
			d.image(v, t)
		case *plan.Embed:
			d.embed(v, t)
		}
	}
}

// text draws one measured line: each piece at its offset on the shared
// baseline, links over consecutive pieces with the same URL.
func (d *drawer) text(v *plan.Text, t transform) {
	l := &v.Line
	if len(l.Segments) == 0 {
		return
	}
	base := v.Y + l.Ascent
	ps := pieces(l, d.set)
	for i := range ps {
		p := &ps[i]
		if p.text == "" {
			continue
		}
		d.setFont(p.seg, t.s)
		d.drawText(p, t.x(v.X+p.x), t.y(base), t.s)
	}
	for i := 0; i < len(ps); {
		url := ps[i].seg.URL
		j := i + 1
		for j < len(ps) && ps[j].seg.URL == url {
			j++
		}
		if url != "" && safelink.Allowed(url) {
			x0, x1 := v.X+ps[i].x, v.X+ps[j-1].x+ps[j-1].w
			d.pdf.LinkString(t.x(x0), t.y(v.Y), (x1-x0)*t.s, l.Height*t.s, url)
		}
		i = j
	}
}

func (d *drawer) setFont(s *textlayout.Segment, scale float64) {
	size := s.Size * scale
	f := &d.font
	if !f.set || f.face != s.Face || f.style != s.Style || f.size != size {
		d.pdf.SetFont(s.Face, s.Style, size)
		f.face, f.style, f.size = s.Face, s.Style, size
	}
	if !f.set || f.color != s.Color {
		d.pdf.SetTextColor(int(s.Color.R), int(s.Color.G), int(s.Color.B))
		f.color = s.Color
	}
	f.set = true
}

// drawText writes a piece's text at its baseline. fpdf can only encode
// BMP characters in a font; a character beyond it (an emoji no face has,
// already reported in Line.Missing) is drawn as an empty box of the width
// layout gave it, and the text after it continues at the measured place.
func (d *drawer) drawText(p *piece, x, baseline, scale float64) {
	if !beyondBMP(p.text) {
		d.pdf.Text(x, baseline, p.text)
		return
	}
	s := p.seg
	face := d.set.Face(s.Face, s.Style)
	size := s.Size * scale
	start, units := 0, 0
	for i, r := range p.text {
		if r <= 0xFFFF {
			units += face.Advance(r)
			continue
		}
		if start < i {
			d.pdf.Text(x, baseline, p.text[start:i])
		}
		x += float64(units) * size / 1000
		units = 0
		w := float64(face.Advance(r)) * size / 1000
		h := float64(face.Ascent()) * size / 1000 * 0.7
		d.pdf.SetDrawColor(int(s.Color.R), int(s.Color.G), int(s.Color.B))
		d.pdf.SetLineWidth(size / 20)
		d.pdf.Rect(x+w*0.15, baseline-h, w*0.7, h, "D")
		x += w
		start = i + len(string(r))
	}
	if start < len(p.text) {
		d.pdf.Text(x, baseline, p.text[start:])
	}
}

// beyondBMP reports whether s has a character outside the BMP (a 4-byte
// UTF-8 sequence).
func beyondBMP(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xF0 {
			return true
		}
	}
	return false
}

func (d *drawer) rect(v *plan.Rect, t transform) {
	style := ""
	if v.Fill != nil {
		d.fill(*v.Fill)
		style += "F"
	}
	if v.Stroke != nil {
		d.pdf.SetDrawColor(int(v.Stroke.R), int(v.Stroke.G), int(v.Stroke.B))
		d.pdf.SetLineWidth(v.LineWidth * t.s)
		style += "D"
	}
	if style == "" {
		return
	}
	x, y, w, h := t.x(v.X), t.y(v.Y), v.W*t.s, v.H*t.s
	if r := math.Min(v.Radius*t.s, math.Min(w, h)/2); r > 0 {
		d.pdf.RoundedRect(x, y, w, h, r, "1234", style)
		return
	}
	d.pdf.Rect(x, y, w, h, style)
}

func (d *drawer) rule(v *plan.Rule, t transform) {
	d.pdf.SetDrawColor(int(v.Color.R), int(v.Color.G), int(v.Color.B))
	d.pdf.SetLineWidth(v.Width * t.s)
	if v.Dash > 0 {
		d.pdf.SetDashPattern([]float64{v.Dash * t.s, v.Dash * t.s}, 0)
	}
	d.pdf.Line(t.x(v.X1), t.y(v.Y1), t.x(v.X2), t.y(v.Y2))
	if v.Dash > 0 {
		d.pdf.SetDashPattern(nil, 0)
	}
}

func (d *drawer) image(v *plan.Image, t transform) {
	tp := strings.ToUpper(v.Type)
	if tp == "JPEG" {
		tp = "JPG"
	}
	opts := fpdf.ImageOptions{ImageType: tp}
	if !d.images[v.Name] {
		d.images[v.Name] = true
		d.pdf.RegisterImageOptionsReader(v.Name, opts, bytes.NewReader(v.Data))
	}
	d.pdf.ImageOptions(v.Name, t.x(v.X), t.y(v.Y), v.W*t.s, v.H*t.s, false, opts, 0, "")
}

// embed redraws another page inside the box, scaled uniformly to fit and
// centred. Coordinates and font sizes are scaled here rather than with a
// PDF transformation matrix, so link rectangles land on the scaled text.
func (d *drawer) embed(v *plan.Embed, t transform) {
	if v.Page == nil || !(v.SrcW > 0 && v.SrcH > 0) {
		return
	}
	s := math.Min(v.W/v.SrcW, v.H/v.SrcH)
	inner := transform{
		dx: t.x(v.X + (v.W-v.SrcW*s)/2),
		dy: t.y(v.Y + (v.H-v.SrcH*s)/2),
		s:  t.s * s,
	}
	if v.Page.Ground() != plan.White {
		d.fill(v.Page.Ground())
		d.pdf.Rect(inner.dx, inner.dy, v.SrcW*inner.s, v.SrcH*inner.s, "F")
	}
	d.items(v.Page.Items, inner)
}

func (d *drawer) fill(c plan.Color) {
	d.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
}
