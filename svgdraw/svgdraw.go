// Package svgdraw draws one page of a measured plan.Document as a
// standalone SVG image, for previews in a browser. Like pdfdraw it decides
// nothing: every line, position, face and colour comes from the plan. The
// faces are embedded as subsets (base64 TrueType in @font-face) and every
// character is placed at the x the plan measured, so the preview shows the
// PDF's page in any browser; text stays real <text>, links <a>.
package svgdraw

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/internal/safelink"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
)

// Write draws page n (0-based) of doc as SVG to w with the faces of set
// (fonts.Default() when nil), which must be the set the plan was measured
// with. The image is one role="img" whose accessible name is the page's
// text (see Text), so a screen reader reads the slide, not its shapes;
// items without a structure Tag (artifacts: footers, page numbers, logos)
// are also marked aria-hidden, and a tagged figure keeps its Alt.
// Output is byte-identical for identical input.
func Write(w io.Writer, doc *plan.Document, n int, set *fonts.Set) error {
	if doc == nil {
		return errors.New("svgdraw: no document")
	}
	if !(doc.Width > 0 && doc.Height > 0) || math.IsInf(doc.Width, 0) || math.IsInf(doc.Height, 0) {
		return fmt.Errorf("svgdraw: invalid page size %gx%g pt", doc.Width, doc.Height)
	}
	if n < 0 || n >= len(doc.Pages) {
		return fmt.Errorf("svgdraw: no page %d (the document has %d)", n+1, len(doc.Pages))
	}
	if set == nil {
		set = fonts.Default()
	}
	p := doc.Pages[n]
	d := &drawer{set: set, ids: map[*fonts.Face]int{}}
	if err := d.collect(p.Items); err != nil {
		return err
	}
	b := &d.buf
	name := Text(p)
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-labelledby="t"`,
		num(doc.Width), num(doc.Height), num(doc.Width), num(doc.Height))
	if lang := doc.Meta.Lang; lang != "" {
		fmt.Fprintf(b, ` lang="%s" xml:lang="%s"`, attr(lang), attr(lang))
	}
	b.WriteString(` xml:space="preserve">`)
	fmt.Fprintf(b, `<title id="t">%s</title>`, html.EscapeString(name))
	d.fontFaces()
	fmt.Fprintf(b, `<rect width="%s" height="%s" fill="%s"/>`, num(doc.Width), num(doc.Height), color(p.Ground()))
	d.items(p.Items)
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// Text is a page's accessible name: its label (unless the first line
// repeats it), then its text lines in drawing order (embedded pages included), each once. It is what a slide
// says, for alt text and the SVG's title, whether or not the layout tagged
// the page's structure.
func Text(p *plan.Page) string {
	var parts []string
	if p.Label != "" {
		parts = append(parts, p.Label)
	}
	var walk func(items []plan.Item)
	walk = func(items []plan.Item) {
		for _, it := range items {
			switch v := it.(type) {
			case *plan.Text:
				var sb strings.Builder
				for _, s := range v.Line.Segments {
					sb.WriteString(s.Text)
				}
				if t := strings.Join(strings.Fields(sb.String()), " "); t != "" {
					parts = append(parts, t)
				}
			case *plan.Embed:
				if v.Page != nil {
					walk(v.Page.Items)
				}
			}
		}
	}
	walk(p.Items)
	// A label repeated as the first line (a slide's heading) is read once.
	// Lines are joined with a space, as a sentence broken over two lines
	// is one sentence; the label is a heading of its own.
	if p.Label != "" && len(parts) > 1 {
		if parts[0] == parts[1] {
			parts = parts[1:]
		}
		if !strings.HasSuffix(parts[0], ".") {
			parts[0] += "."
		}
	}
	return strings.Join(parts, " ")
}

// drawer collects the faces a page uses and writes the SVG.
type drawer struct {
	set   *fonts.Set
	buf   bytes.Buffer
	ids   map[*fonts.Face]int // face → index of its @font-face family
	order []*fonts.Face
	runes []map[rune]bool
}

// collect notes every face the page draws with and the characters drawn
// in it, so each face is embedded once, cut down to those characters.
func (d *drawer) collect(items []plan.Item) error {
	for _, it := range items {
		switch v := it.(type) {
		case *plan.Text:
			for _, s := range v.Line.Segments {
				f := d.set.Face(s.Face, s.Style)
				if f == nil {
					return fmt.Errorf("svgdraw: face %s %q is not in the font set the document was measured with", s.Face, s.Style)
				}
				id, ok := d.ids[f]
				if !ok {
					id = len(d.order)
					d.ids[f] = id
					d.order = append(d.order, f)
					d.runes = append(d.runes, map[rune]bool{})
				}
				for _, r := range s.Text {
					d.runes[id][r] = true
				}
			}
		case *plan.Embed:
			if v.Page != nil {
				if err := d.collect(v.Page.Items); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// fontFaces writes one @font-face per face used, its subset inline.
func (d *drawer) fontFaces() {
	if len(d.order) == 0 {
		return
	}
	b := &d.buf
	b.WriteString(`<style>`)
	for i, f := range d.order {
		rs := make([]rune, 0, len(d.runes[i]))
		for r := range d.runes[i] {
			rs = append(rs, r)
		}
		// Subset sorts the characters, so map order does not reach the file.
		data := f.Subset(rs)
		fmt.Fprintf(b, `@font-face{font-family:f%d;src:url(data:font/ttf;base64,%s) format("truetype")}`, i, base64.StdEncoding.EncodeToString(data))
	}
	// The plan placed every character; the browser must not kern, ligate
	// or collapse spaces on top of that.
	b.WriteString(`text{white-space:pre;font-kerning:none;font-variant-ligatures:none;font-synthesis:none}</style>`)
}

func (d *drawer) items(items []plan.Item) {
	for _, it := range items {
		switch v := it.(type) {
		case *plan.Text:
			d.text(v)
		case *plan.Rect:
			d.rect(v)
		case *plan.Rule:
			d.rule(v)
		case *plan.Image:
			d.image(v)
		case *plan.Embed:
			d.embed(v)
		}
	}
}

// text draws one measured line, each segment a <text> whose characters sit
// at the advances (and kerning) the plan measured them with.
func (d *drawer) text(v *plan.Text) {
	b := &d.buf
	base := v.Y + v.Line.Ascent
	for i := range v.Line.Segments {
		s := &v.Line.Segments[i]
		if s.Text == "" {
			continue
		}
		link := s.URL != "" && safelink.Allowed(s.URL)
		if link {
			fmt.Fprintf(b, `<a href="%s">`, attr(s.URL))
		}
		f := d.set.Face(s.Face, s.Style)
		x := d.positions(s, f, v.X)
		if rtl(s.Text) {
			// Right-to-left text is left to the browser's bidi and
			// shaping, fitted to the width the plan measured.
			x = num(v.X+s.X) + `" textLength="` + num(s.Width) + `" lengthAdjust="spacingAndGlyphs`
		}
		fmt.Fprintf(b, `<text x="%s" y="%s" font-family="f%d" font-size="%s" fill="%s"`, x, num(base), d.ids[f], num(s.Size), color(s.Color))
		if v.Tag == nil {
			// An artifact (footer, page number): not read as content.
			b.WriteString(` aria-hidden="true"`)
		}
		b.WriteString(`>`)
		b.WriteString(html.EscapeString(s.Text))
		b.WriteString(`</text>`)
		if link {
			b.WriteString(`</a>`)
		}
	}
}

// positions lists the x of every character of a segment.
func (d *drawer) positions(s *textlayout.Segment, f *fonts.Face, x0 float64) string {
	var sb strings.Builder
	x := x0 + s.X
	var prev rune
	for i, r := range s.Text {
		if i > 0 {
			if s.Kern {
				x += float64(f.Kern(prev, r)) * s.Size / 1000
			}
			sb.WriteByte(' ')
		}
		sb.WriteString(num(x))
		x += float64(f.Advance(r)) * s.Size / 1000
		prev = r
	}
	return sb.String()
}

// rtl reports whether s holds a right-to-left letter: such a segment's
// characters are not placed one by one, since the browser reorders and
// joins them (the PDF backend does that itself).
func rtl(s string) bool {
	for _, r := range s {
		if r >= 0x0590 && r <= 0x08FF || r >= 0xFB1D && r <= 0xFEFC {
			return true
		}
	}
	return false
}

func (d *drawer) rect(v *plan.Rect) {
	if v.Fill == nil && v.Stroke == nil {
		return
	}
	b := &d.buf
	fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s"`, num(v.X), num(v.Y), num(v.W), num(v.H))
	if r := math.Min(v.Radius, math.Min(v.W, v.H)/2); r > 0 {
		fmt.Fprintf(b, ` rx="%s"`, num(r))
	}
	if v.Fill != nil {
		fmt.Fprintf(b, ` fill="%s"`, color(*v.Fill))
	} else {
		b.WriteString(` fill="none"`)
	}
	if v.Stroke != nil {
		fmt.Fprintf(b, ` stroke="%s" stroke-width="%s"`, color(*v.Stroke), num(v.LineWidth))
	}
	b.WriteString(`/>`)
}

func (d *drawer) rule(v *plan.Rule) {
	b := &d.buf
	fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"`,
		num(v.X1), num(v.Y1), num(v.X2), num(v.Y2), color(v.Color), num(v.Width))
	if v.Dash > 0 {
		fmt.Fprintf(b, ` stroke-dasharray="%s"`, num(v.Dash))
	}
	b.WriteString(`/>`)
}

func (d *drawer) image(v *plan.Image) {
	mt := "image/png"
	if t := strings.ToUpper(v.Type); t == "JPG" || t == "JPEG" {
		mt = "image/jpeg"
	}
	fmt.Fprintf(&d.buf, `<image x="%s" y="%s" width="%s" height="%s" preserveAspectRatio="none"`, num(v.X), num(v.Y), num(v.W), num(v.H))
	if v.Tag != nil && v.Tag.Alt != "" {
		fmt.Fprintf(&d.buf, ` role="img" aria-label="%s"`, attr(v.Tag.Alt))
	} else {
		// A logo or other decoration.
		d.buf.WriteString(` aria-hidden="true"`)
	}
	fmt.Fprintf(&d.buf, ` href="data:%s;base64,%s"/>`, mt, base64.StdEncoding.EncodeToString(v.Data))
}

// embed draws another page scaled uniformly into the box and centred, as
// pdfdraw does.
func (d *drawer) embed(v *plan.Embed) {
	if v.Page == nil || !(v.SrcW > 0 && v.SrcH > 0) {
		return
	}
	s := math.Min(v.W/v.SrcW, v.H/v.SrcH)
	dx, dy := v.X+(v.W-v.SrcW*s)/2, v.Y+(v.H-v.SrcH*s)/2
	b := &d.buf
	fmt.Fprintf(b, `<g transform="translate(%s %s) scale(%s)">`, num(dx), num(dy), strconv.FormatFloat(s, 'f', -1, 64))
	if v.Page.Ground() != plan.White {
		fmt.Fprintf(b, `<rect width="%s" height="%s" fill="%s"/>`, num(v.SrcW), num(v.SrcH), color(v.Page.Ground()))
	}
	d.items(v.Page.Items)
	b.WriteString(`</g>`)
}

// num writes a coordinate with two decimals at most: a hundredth of a
// point is below any screen's pixel and keeps the file small.
func num(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

func color(c plan.Color) string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// attr escapes a value for a double-quoted attribute.
func attr(s string) string { return html.EscapeString(s) }
