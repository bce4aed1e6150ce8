package layoutfile

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/layouts/deck"
)

// yamlProblem turns a YAML syntax error into a located problem.
func yamlProblem(file string, err error) diag.Problem {
	line, msg := diag.YAMLSyntax(err)
	return diag.Problem{File: file, Pos: diag.Pos{Line: line}, Severity: diag.SeverityError, Message: "YAML syntax error: " + msg}
}

// val is a field's value node, or nil when the field is absent.
func val(f field) *yaml.Node { return f.val }

// firstOf returns the first node that is set.
func firstOf(ns ...*yaml.Node) *yaml.Node {
	for _, n := range ns {
		if n != nil {
			return n
		}
	}
	return nil
}

// hexColour writes a colour as "#rrggbb".
func hexColour(c deck.Color) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// colour reads "#rrggbb" or "#rgb".
func (r *reader) colour(f field, where string) (deck.Color, bool) {
	s := f.val.Value
	if f.val.Kind == yaml.ScalarNode && strings.HasPrefix(s, "#") {
		h := s[1:]
		if len(h) == 3 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		if v, err := strconv.ParseUint(h, 16, 32); err == nil && len(h) == 6 {
			return deck.Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v)}, true
		}
	}
	r.errorf(f.val, "%s: %q is not a colour; write it as \"#1d5c96\" (quoted: # starts a YAML comment)", where, s)
	return deck.Color{}, false
}

// path resolves a file named in the layout file against the file's
// directory and checks that it exists.
func (r *reader) path(n *yaml.Node, name, what string) (string, bool) {
	p := name
	if !filepath.IsAbs(p) {
		p = filepath.Join(r.dir, p)
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	info, err := os.Stat(p)
	switch {
	case errors.Is(err, os.ErrNotExist):
		r.errorf(n, "%s file %s not found (paths are relative to the layout file)", what, name)
		return "", false
	case err != nil:
		r.errorf(n, "%s file %s: %v", what, name, err)
		return "", false
	case info.IsDir():
		r.errorf(n, "%s file %s is a directory", what, name)
		return "", false
	}
	return p, true
}

// page reads the page size: an aspect, or a width and height in points.
func (r *reader) page(n *yaml.Node, ex *deck.Overrides) {
	m := r.fields(n, "page", pageKeys)
	if f, ok := m["aspect"]; ok {
		if s, ok := r.str(f, "page.aspect"); ok {
			if _, _, err := deck.PageSize(s); err != nil {
				r.errorf(f.val, "page.aspect: %v", err)
			} else {
				ex.Aspect, ex.Width, ex.Height = s, 0, 0
			}
		}
	}
	wf, hasW := m["width"]
	hf, hasH := m["height"]
	if hasW != hasH {
		r.errorf(n, "page: give both width and height (in points), or an aspect")
		return
	}
	if !hasW {
		return
	}
	if _, ok := m["aspect"]; ok {
		r.errorf(wf.key, "page: give either an aspect or a width and height, not both")
		return
	}
	w, okW := r.num(wf, "page.width", 144, 5000)
	h, okH := r.num(hf, "page.height", 144, 5000)
	if okW && okH {
		ex.Width, ex.Height, ex.Aspect = w, h, ""
	}
}

// fonts reads a slide layout's own faces: its titles and body are set in
// them.
func (r *reader) fonts(f field, th *deck.Theme, ex *deck.Overrides) {
	if files, family, ok := r.fontFiles(f); ok {
		th.TitleFamily, th.BodyFamily = family, family
		ex.Fonts = files
	}
}

// fontFiles reads the fonts key of a slide or handout layout file:
// TrueType files relative to the layout file, a regular face required,
// checked to load as the layout's family, whose name it returns too.
func (r *reader) fontFiles(f field) (*fonts.FamilyFiles, string, bool) {
	m := r.fields(f.val, "fonts", fontKeys)
	var files [4]string
	ok := true
	for i, k := range fontKeys {
		ff, has := m[k]
		if !has {
			continue
		}
		s, good := r.str(ff, "fonts."+k)
		if good {
			files[i], good = r.path(ff.val, s, "font")
		}
		ok = ok && good
	}
	if !ok {
		return nil, "", false
	}
	if files[0] == "" {
		r.errorf(f.key, "fonts: a regular face is required (bold and italics are optional)")
		return nil, "", false
	}
	family := deck.FontFamily(r.name)
	ff := &fonts.FamilyFiles{Regular: files[0], Bold: files[1], Italic: files[2], BoldItalic: files[3]}
	if _, err := ff.AddTo(fonts.Default(), family); err != nil {
		r.errorf(f.val, "fonts: %v", err)
		return nil, "", false
	}
	return ff, family, true
}

// picture reads a PNG or JPEG the PDF backend can embed.
func (r *reader) picture(n *yaml.Node, name, what string) (*deck.Picture, bool) {
	p, ok := r.path(n, name, what+" image")
	if !ok {
		return nil, false
	}
	data, err := os.ReadFile(p)
	if err != nil {
		r.errorf(n, "%s: %v", what, err)
		return nil, false
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		r.errorf(n, "%s: %s is not a PNG or JPEG image", what, name)
		return nil, false
	}
	pic := &deck.Picture{File: p, Type: "JPG", Data: data, Width: cfg.Width, Height: cfg.Height}
	if format == "png" {
		pic.Type = "PNG"
		// The PDF backend embeds 8-bit, non-interlaced PNGs only; say so
		// now rather than fail when drawing.
		if len(data) > 28 && (data[24] > 8 || data[28] != 0) {
			r.errorf(n, "%s: %s is a 16-bit or interlaced PNG; save it as an 8-bit, non-interlaced PNG", what, name)
			return nil, false
		}
	}
	if cfg.Width == 0 || cfg.Height == 0 {
		r.errorf(n, "%s: %s has no pixels", what, name)
		return nil, false
	}
	return pic, true
}

// logo reads the logo: a picture, its corner and its height.
func (r *reader) logo(f field, ex *deck.Overrides) {
	r.logoNode = f.key
	m := r.fields(f.val, "logo", logoKeys)
	lg := &deck.Logo{Position: "top-right", Height: 32}
	if ex.Logo != nil {
		*lg = *ex.Logo
	}
	ok := true
	if ff, has := m["file"]; has {
		if s, good := r.str(ff, "logo.file"); good {
			pic, good := r.picture(ff.val, s, "logo")
			if good {
				lg.Picture = *pic
			}
			ok = ok && good
		} else {
			ok = false
		}
	} else if lg.Data == nil {
		r.errorf(f.key, "logo: a file (PNG or JPEG) is required")
		ok = false
	}
	if pf, has := m["position"]; has {
		if s, good := r.str(pf, "logo.position"); good && slices.Contains(deck.LogoPositions, s) {
			lg.Position = s
		} else {
			r.errorf(pf.val, "logo.position: %q is not a corner (want %s)", pf.val.Value, strings.Join(deck.LogoPositions, ", "))
			ok = false
		}
	}
	if hf, has := m["height"]; has {
		if v, good := r.num(hf, "logo.height", 4, 400); good {
			lg.Height = v
		} else {
			ok = false
		}
	}
	if ok {
		ex.Logo = lg
	}
}

// footerField finds {fields} in a footer template.
var footerField = regexp.MustCompile(`\{([^{}]*)\}`)

// footer reads the footer templates and checks their fields.
func (r *reader) footer(f field, ex *deck.Overrides) {
	m := r.fields(f.val, "footer", footerKeys)
	ft := deck.DefaultFooter
	if ex.Footer != nil {
		ft = *ex.Footer
	}
	ok := true
	for k, p := range map[string]*string{"left": &ft.Left, "center": &ft.Center, "right": &ft.Right} {
		ff, has := m[k]
		if !has {
			continue
		}
		s, good := r.str(ff, "footer."+k)
		if !good {
			ok = false
			continue
		}
		for _, sub := range footerField.FindAllStringSubmatch(s, -1) {
			if !slices.Contains(deck.FooterFields, sub[1]) {
				r.errorf(ff.val, "footer.%s: unknown field {%s}%s", k, sub[1],
					diag.DidYouMean(sub[1], deck.FooterFields, " (known: {"+strings.Join(deck.FooterFields, "}, {")+"})"))
				good = false
			}
		}
		ok = ok && good
		*p = s
	}
	if ok {
		ex.Footer = &ft
		if ft == deck.DefaultFooter {
			ex.Footer = nil // what the built-ins draw, so it prints and compares the same
		}
	}
}

// sections reads the shown sections: a list of keys, each alone or with
// its form ("- key-theories: bullets").
func (r *reader) sections(f field, ex *deck.Overrides) {
	if f.val.Kind != yaml.SequenceNode {
		r.errorf(f.val, "sections: want a list of sections, e.g. \"- definition\" or \"- faq: items\"")
		return
	}
	var out []deck.SectionForm
	seen := map[string]bool{}
	for _, it := range f.val.Content {
		keyNode, form, formNode := it, deck.FormAuto, (*yaml.Node)(nil)
		if it.Kind == yaml.MappingNode && len(it.Content) == 2 {
			keyNode, formNode = it.Content[0], it.Content[1]
			form = deck.Form(formNode.Value)
		} else if it.Kind != yaml.ScalarNode {
			r.errorf(it, "sections: want a section name, or one name with its form")
			continue
		}
		key := keyNode.Value
		switch {
		case !slices.Contains(deck.SectionKeys, key):
			r.errorf(keyNode, "sections: unknown section %q%s", key, diag.DidYouMean(key, deck.SectionKeys, " (known: "+strings.Join(deck.SectionKeys, ", ")+")"))
		case seen[key]:
			r.errorf(keyNode, "sections: %q is listed twice", key)
		case formNode != nil && (formNode.Kind != yaml.ScalarNode || !slices.Contains(deck.Forms, form)):
			r.errorf(formNode, "sections: %s: unknown form %q (want %s)", key, formNode.Value, formNames())
		default:
			seen[key] = true
			out = append(out, deck.SectionForm{Key: key, Form: form})
		}
	}
	if isDefaultSections(out) {
		out = nil
	}
	if out == nil && len(f.val.Content) == 0 {
		// An empty list shows no sections, which is a choice too.
		out = []deck.SectionForm{}
	}
	ex.Sections = out
}

// isDefaultSections reports whether sections are every section in lecture
// order in its own form, which is what a nil list means.
func isDefaultSections(s []deck.SectionForm) bool {
	if len(s) != len(deck.SectionKeys) {
		return false
	}
	for i, sf := range s {
		if sf.Key != deck.SectionKeys[i] || sf.Form != deck.FormAuto {
			return false
		}
	}
	return true
}

func formNames() string {
	var s []string
	for _, f := range deck.Forms {
		s = append(s, string(f))
	}
	return strings.Join(s, ", ")
}
