package layoutfile

import (
	"fmt"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/deck"
	"github.com/scholargate/topicdeck/layouts/handout"
)

// MinHandoutMargin is the least margin a handout layout may set: 15 mm,
// because office printers clip unevenly and notes need the edge.
const MinHandoutMargin = 42.5

// Keys of a handout layout file.
var (
	handoutKeys       = []string{"description", "extends", "paper", "margins", "colours", "fonts", "kerning", "note-line-spacing", "slides-per-page"}
	handoutColourKeys = []string{"text", "muted", "rule", "frame", "box", "link"}
	paperKeys         = []string{"width", "height"}
	gridKeys          = []string{"columns", "rows"}
)

// extendsOf returns the value of the top-level extends key and its node,
// or "lecture" (the default base) and the mapping itself.
func extendsOf(top *yaml.Node) (string, *yaml.Node) {
	if top.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(top.Content); i += 2 {
			if k, v := top.Content[i], top.Content[i+1]; k.Value == "extends" && v.Kind == yaml.ScalarNode {
				return v.Value, v
			}
		}
	}
	return "lecture", top
}

// builtinNames lists the registered layouts, for did-you-mean.
func builtinNames() []string {
	var out []string
	for _, in := range layouts.List() {
		out = append(out, in.Name)
	}
	return out
}

// parseHandout reads a file that extends the built-in handout layout base.
func (r *reader) parseHandout(top *yaml.Node, base string, parent layouts.Layout, baseNode *yaml.Node) layouts.Planner {
	r.base = base
	m := r.fields(top, "a handout layout file", handoutKeys)
	desc := fmt.Sprintf("%s, changed by %s", base, filepath.Base(r.file))
	if f, ok := m["description"]; ok {
		if s, ok := r.str(f, "description"); ok {
			desc = s
		}
	}
	var st handout.Style
	width, height := 595.28, 841.89 // A4, the default, for the checks below
	if f, ok := m["paper"]; ok {
		if f.val.Kind == yaml.ScalarNode {
			if s, ok := r.str(f, "paper"); ok {
				if p, err := handout.PaperFor(s); err != nil {
					r.errorf(f.val, "paper: %v, or a width and height in points", err)
				} else {
					st.Paper, width, height = p.Name, p.Width, p.Height
				}
			}
		} else {
			pm := r.fields(f.val, "paper", paperKeys)
			wf, hasW := pm["width"]
			hf, hasH := pm["height"]
			if hasW && hasH {
				w, okW := r.num(wf, "paper.width", 144, 5000)
				h, okH := r.num(hf, "paper.height", 144, 5000)
				if okW && okH {
					st.Width, st.Height, width, height = w, h, w, h
				}
			} else if f.val.Kind == yaml.MappingNode {
				r.errorf(f.val, "paper: give both width and height (in points), or a4 or letter")
			}
		}
	}
	if f, ok := m["margins"]; ok {
		if v, ok := r.num(f, "margins", MinHandoutMargin, 400); ok {
			if min(width, height)-2*v < 144 {
				r.errorf(f.val, "margins: %g pt on every side leaves less than 144 pt (2 in) of a %g × %g pt page to print on", v, width, height)
			} else {
				st.Margin = v
			}
		}
	}
	if f, ok := m["colours"]; ok {
		st.Colours = r.handoutColours(f)
	}
	if f, ok := m["fonts"]; ok {
		if files, family, ok := r.fontFiles(f); ok {
			st.Fonts, st.Family = files, family
		}
	}
	if f, ok := m["kerning"]; ok {
		if b, ok := r.flag(f, "kerning"); ok {
			st.NoKerning = !b
		}
	}
	if f, ok := m["note-line-spacing"]; ok {
		if v, ok := r.num(f, "note-line-spacing", 14, 72); ok {
			st.NoteLines = v
		}
	}
	if f, ok := m["slides-per-page"]; ok {
		if !handout.HasGrid(parent) {
			r.errorf(f.key, "slides-per-page: %s has no grid of slides; only the slides-N handouts have", base)
		} else {
			gm := r.fields(f.val, "slides-per-page", gridKeys)
			cf, hasC := gm["columns"]
			rf, hasR := gm["rows"]
			if !hasC || !hasR {
				if f.val.Kind == yaml.MappingNode {
					r.errorf(f.val, "slides-per-page: give both columns and rows, e.g. {columns: 2, rows: 4}")
				}
			} else {
				c, okC := r.count(cf, "slides-per-page.columns", 1, 4)
				n, okR := r.count(rf, "slides-per-page.rows", 1, 6)
				if okC && okR {
					st.Columns, st.Rows = c, n
				}
			}
		}
	}
	if len(r.problems) > 0 {
		return nil
	}
	p, err := handout.Custom(parent, st, desc)
	if err != nil {
		r.errorf(baseNode, "%v", err)
		return nil
	}
	return p
}

// count reads a whole number in [lo, hi].
func (r *reader) count(f field, where string, lo, hi int) (int, bool) {
	if f.val.Kind != yaml.ScalarNode || f.val.Tag != "!!int" {
		r.errorf(f.val, "%s: want a whole number, got %q", where, strings.TrimSpace(f.val.Value))
		return 0, false
	}
	v, ok := r.num(f, where, float64(lo), float64(hi))
	return int(v), ok
}

// handoutColours reads a handout's palette and checks that what is read
// has the contrast WCAG AA asks for on white paper (text also on the
// boxes' fill).
func (r *reader) handoutColours(f field) *handout.Palette {
	pal := handout.DefaultPalette()
	m := r.fields(f.val, "colours", handoutColourKeys)
	targets := map[string]*deck.Color{"text": &pal.Text, "muted": &pal.Muted, "rule": &pal.Rule, "frame": &pal.Frame, "box": &pal.Box, "link": &pal.Link}
	for _, k := range handoutColourKeys {
		if cf, ok := m[k]; ok {
			if c, ok := r.colour(cf, "colours."+k); ok {
				*targets[k] = c
			}
		}
	}
	paper := deck.Color{R: 0xff, G: 0xff, B: 0xff}
	for _, c := range []struct {
		name, key string
		fg, bg    deck.Color
	}{
		{"text", "text", pal.Text, paper},
		{"muted", "muted", pal.Muted, paper},
		{"link", "link", pal.Link, paper},
		{"text on box", "box", pal.Text, pal.Box},
	} {
		if ratio := deck.ContrastRatio(c.fg, c.bg); ratio < MinContrast {
			n := f.val
			if cf, ok := m[c.key]; ok {
				n = cf.val
			}
			r.errorf(n, "colours: %s %s on %s has contrast %.2f:1, below the %.1f:1 that WCAG AA asks for text",
				c.name, hexColour(c.fg), hexColour(c.bg), ratio, MinContrast)
		}
	}
	if pal == handout.DefaultPalette() {
		return nil // the built-in's own greys: plan exactly as the built-in does
	}
	return &pal
}
