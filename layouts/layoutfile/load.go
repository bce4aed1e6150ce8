// Package layoutfile reads, checks and prints layout files: YAML files that
// configure a built-in slide layout (colours, fonts, sizes, margins, page,
// logo, title background, footer, section order and forms) or a built-in
// handout layout (paper, margin, colours, fonts, note-line spacing, slides
// per page) without Go. It registers a finder with the layouts registry, so a layout
// file is looked up, listed and served by name like a built-in.
//
// A layout file is found by path (--layout path/to/house.yaml), in
// ./layouts/, or in $XDG_CONFIG_HOME/topicdeck/layouts/ (default
// ~/.config); its file name is its layout name. Every problem is reported
// as "file:line:col: error: message", all of them at once, so a layout
// author fixes a file in one round.
package layoutfile

import (
	"fmt"
	_ "image/jpeg" // logos and title backgrounds may be JPEG
	_ "image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/deck"
	"github.com/scholargate/topicdeck/textlayout"
)

// MinSlideBody is the smallest minimum body size a slide layout may set:
// text below 16 pt cannot be read from the back of a lecture hall.
const MinSlideBody = 16

// MinContrast is the least contrast of text with its ground (WCAG 2 AA).
const MinContrast = 4.5

// Name is the layout name of a file: its base name without the extension.
func Name(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// File is a loaded layout file.
type File struct {
	Name    string // the layout name: the file name without extension
	Path    string
	Extends string          // the layout it changes
	Layout  *deck.Layout    // a slide layout file's layout; nil for a handout layout file
	Handout layouts.Planner // a handout layout file's layout; nil for a slide layout file
}

// Planner is the layout the file makes, of whichever kind.
func (f *File) Planner() layouts.Planner {
	if f.Handout != nil {
		return f.Handout
	}
	return f.Layout
}

// Load reads and checks the layout file at path.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("layout file: %w", err)
	}
	return Parse(path, data)
}

// Parse checks a layout file's content; path names it in messages and is
// where relative font and image paths start from.
func Parse(path string, data []byte) (*File, error) {
	r := &reader{file: path, dir: filepath.Dir(path), name: Name(path)}
	l := r.parse(data)
	if len(r.problems) > 0 {
		return nil, r.problems
	}
	return &File{Name: r.name, Path: path, Extends: r.base, Layout: l, Handout: r.handout}, nil
}

// reader collects problems while it reads one file.
type reader struct {
	file, dir, name string
	base            string // the extended layout
	handout         layouts.Planner
	problems        diag.List
	logoNode        *yaml.Node // where the logo is set, for the margin check
}

func (r *reader) errorf(n *yaml.Node, format string, args ...any) {
	pos := diag.Pos{}
	if n != nil {
		pos = diag.NodePos(n)
	}
	r.problems.Add(r.file, pos, diag.SeverityError, fmt.Sprintf(format, args...))
}

// field is a key and its value in a mapping.
type field struct {
	key, val *yaml.Node
}

// fields reads a mapping, reporting keys not in known and duplicates.
func (r *reader) fields(n *yaml.Node, where string, known []string) map[string]field {
	out := map[string]field{}
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "%s: want a mapping of %s", where, strings.Join(known, ", "))
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case !slices.Contains(known, k.Value):
			r.errorf(k, "unknown key %q in %s%s", k.Value, where, diag.DidYouMean(k.Value, known, " (known: "+strings.Join(known, ", ")+")"))
		case out[k.Value].key != nil:
			r.errorf(k, "%s: key %q given twice", where, k.Value)
		default:
			out[k.Value] = field{k, v}
		}
	}
	return out
}

func (r *reader) str(f field, where string) (string, bool) {
	if f.val.Kind != yaml.ScalarNode || f.val.Tag == "!!null" {
		r.errorf(f.val, "%s: want a string", where)
		return "", false
	}
	return f.val.Value, true
}

func (r *reader) num(f field, where string, lo, hi float64) (float64, bool) {
	if f.val.Kind == yaml.ScalarNode && (f.val.Tag == "!!int" || f.val.Tag == "!!float") {
		if v, err := strconv.ParseFloat(f.val.Value, 64); err == nil {
			if v < lo || v > hi {
				r.errorf(f.val, "%s: %s is out of range (%g to %g)", where, f.val.Value, lo, hi)
				return 0, false
			}
			return v, true
		}
	}
	r.errorf(f.val, "%s: want a number, got %q", where, f.val.Value)
	return 0, false
}

func (r *reader) flag(f field, where string) (bool, bool) {
	if f.val.Kind == yaml.ScalarNode && f.val.Tag == "!!bool" {
		var b bool
		if err := f.val.Decode(&b); err == nil {
			return b, true
		}
	}
	r.errorf(f.val, "%s: want true or false, got %q", where, f.val.Value)
	return false, false
}

// Keys of the layout file, in the order Print writes them.
var (
	topKeys        = []string{"description", "extends", "page", "margins", "colours", "fonts", "kerning", "sizes", "decoration", "logo", "title-background", "footer", "outline", "review", "sections"}
	pageKeys       = []string{"aspect", "width", "height"}
	marginKeys     = []string{"side", "top", "bottom"}
	colourKeys     = []string{"background", "text", "accent", "muted", "tint", "rule"}
	fontKeys       = []string{"regular", "bold", "italic", "bold-italic"}
	sizeKeys       = []string{"title", "minimum-title", "cover-title", "statement", "body", "minimum-body", "flow-shrink", "footer", "kicker", "line-height", "title-line-height"}
	decorationKeys = []string{"accent-bar", "title-rule", "boxes", "footer-rule"}
	logoKeys       = []string{"file", "position", "height"}
	footerKeys     = []string{"left", "center", "right"}
)

// parse reads the document into a layout, collecting problems.
func (r *reader) parse(data []byte) *deck.Layout {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		r.problems = append(r.problems, yamlProblem(r.file, err))
		return nil
	}
	if len(doc.Content) == 0 {
		r.errorf(nil, "empty layout file: want at least `extends: lecture`")
		return nil
	}
	if base, n := extendsOf(doc.Content[0]); layouts.Registered(base) {
		if l, _ := layouts.Lookup(base); l.Kind() == layouts.KindHandout {
			r.handout = r.parseHandout(doc.Content[0], base, l, n)
			return nil
		}
	}
	top := r.fields(doc.Content[0], "the layout file", topKeys)

	// The base layout comes first: every other key changes its values.
	base := "lecture"
	baseNode := doc.Content[0]
	if f, ok := top["extends"]; ok {
		if s, ok := r.str(f, "extends"); ok {
			base, baseNode = s, f.val
		}
	}
	if !layouts.Registered(base) {
		// A layout file extends a built-in, never another file: no chains
		// to follow, no loops.
		r.errorf(baseNode, "extends: unknown layout %q (see `topicdeck layouts`)%s", base, diag.DidYouMean(base, builtinNames(), ""))
		return nil
	}
	parent, err := layouts.Lookup(base)
	if err != nil {
		r.errorf(baseNode, "extends: %v", err)
		return nil
	}
	dl, ok := parent.(*deck.Layout)
	if !ok {
		r.errorf(baseNode, "extends: layout %q is a %s layout; layout files extend the slide layouts (lecture, contrast, minimal) or the handout layouts", base, parent.Kind())
		return nil
	}
	r.base = base
	th, ex := dl.Theme, dl.Overrides
	desc := fmt.Sprintf("%s, changed by %s", base, filepath.Base(r.file))
	if f, ok := top["description"]; ok {
		if s, ok := r.str(f, "description"); ok {
			desc = s
		}
	}

	if f, ok := top["page"]; ok {
		r.page(f.val, &ex)
	}
	if f, ok := top["margins"]; ok {
		m := r.fields(f.val, "margins", marginKeys)
		for k, p := range map[string]*float64{"side": &th.MarginX, "top": &th.MarginTop, "bottom": &th.MarginBottom} {
			if mf, ok := m[k]; ok {
				if v, ok := r.num(mf, "margins."+k, 0, 400); ok {
					*p = v
				}
			}
		}
	}
	var textNode, bgNode, mutedNode, tintNode *yaml.Node
	if f, ok := top["colours"]; ok {
		m := r.fields(f.val, "colours", colourKeys)
		for k, p := range map[string]*deck.Color{"background": &th.Background, "text": &th.Text, "accent": &th.Accent, "muted": &th.Muted, "tint": &th.Tint, "rule": &th.Rule} {
			if cf, ok := m[k]; ok {
				if c, ok := r.colour(cf, "colours."+k); ok {
					*p = c
				}
			}
		}
		textNode, bgNode, mutedNode, tintNode = val(m["text"]), val(m["background"]), val(m["muted"]), val(m["tint"])
	}
	if f, ok := top["fonts"]; ok {
		r.fonts(f, &th, &ex)
	}
	var minBodyNode, bodyNode *yaml.Node
	if f, ok := top["sizes"]; ok {
		m := r.fields(f.val, "sizes", sizeKeys)
		targets := map[string]*float64{
			"title": &th.TitleSize, "minimum-title": &th.MinTitleSize, "cover-title": &th.CoverTitleSize,
			"statement": &th.StatementSize, "body": &th.BodySize, "minimum-body": &th.MinBodySize,
			"flow-shrink": &th.FlowShrink, "footer": &th.FooterSize, "kicker": &th.KickerSize,
			"line-height": &th.LineHeight, "title-line-height": &th.TitleLineHeight,
		}
		for k, p := range targets {
			sf, ok := m[k]
			if !ok {
				continue
			}
			lo, hi := 1.0, 400.0
			switch k {
			case "line-height", "title-line-height":
				lo, hi = 0.8, 3
			case "flow-shrink":
				lo, hi = 0, 40
			}
			if v, ok := r.num(sf, "sizes."+k, lo, hi); ok {
				*p = v
			}
		}
		minBodyNode, bodyNode = val(m["minimum-body"]), val(m["body"])
		if minBodyNode == nil {
			minBodyNode = f.key
		}
	}
	if f, ok := top["decoration"]; ok {
		m := r.fields(f.val, "decoration", decorationKeys)
		for k, p := range map[string]*bool{"accent-bar": &th.AccentBar, "title-rule": &th.TitleRule, "boxes": &th.Boxes, "footer-rule": &th.FooterRule} {
			if df, ok := m[k]; ok {
				if b, ok := r.flag(df, "decoration."+k); ok {
					*p = b
				}
			}
		}
	}
	if f, ok := top["logo"]; ok {
		r.logo(f, &ex)
	}
	if f, ok := top["title-background"]; ok {
		if s, ok := r.str(f, "title-background"); ok {
			if pic, ok := r.picture(f.val, s, "title-background"); ok {
				ex.CoverImage = pic
			}
		}
	}
	if f, ok := top["footer"]; ok {
		r.footer(f, &ex)
	}
	for k, p := range map[string]*bool{"kerning": &ex.NoKerning, "outline": &ex.NoOutline, "review": &ex.NoReview} {
		if f, ok := top[k]; ok {
			if b, ok := r.flag(f, k); ok {
				*p = !b
			}
		}
	}
	if f, ok := top["sections"]; ok {
		r.sections(f, &ex)
	}

	// Checks of the result, wherever its values came from.
	at := func(n *yaml.Node) *yaml.Node {
		if n != nil {
			return n
		}
		return baseNode
	}
	if th.MinBodySize < MinSlideBody {
		r.errorf(at(minBodyNode), "sizes.minimum-body: %g pt is below %d pt, too small to read on a projected slide", th.MinBodySize, MinSlideBody)
	}
	if th.BodySize < th.MinBodySize {
		r.errorf(at(bodyNode), "sizes.body: %g pt is below the minimum body size of %g pt", th.BodySize, th.MinBodySize)
	}
	for _, c := range []struct {
		name   string
		fg, bg deck.Color
		node   *yaml.Node
		skip   bool
	}{
		{"text", th.Text, th.Background, firstOf(textNode, bgNode), false},
		{"muted", th.Muted, th.Background, firstOf(mutedNode, bgNode), false},
		{"text on tint", th.Text, th.Tint, firstOf(tintNode, textNode), !th.Boxes},
	} {
		if ratio := deck.ContrastRatio(c.fg, c.bg); !c.skip && ratio < MinContrast {
			r.errorf(at(c.node), "colours: %s %s on %s has contrast %.2f:1, below the %.1f:1 that WCAG AA asks for text",
				c.name, hexColour(c.fg), hexColour(c.bg), ratio, MinContrast)
		}
	}
	if len(r.problems) > 0 {
		return nil
	}
	l := deck.New(th, desc)
	l.Overrides = ex
	if lg := ex.Logo; lg != nil {
		set, err := l.Fonts(fonts.Default())
		if err != nil {
			r.errorf(r.logoNode, "logo: %v", err)
			return nil
		}
		if room := l.LogoRoom(textlayout.New(set).WithKerning(!ex.NoKerning), lg.Position); lg.Height > room {
			r.errorf(r.logoNode, "logo: %g pt high does not fit the %s corner, which has room for %g pt; make the logo smaller or margins.%s %g pt larger",
				lg.Height, lg.Position, room, map[bool]string{true: "bottom", false: "top"}[strings.HasPrefix(lg.Position, "bottom")], math.Ceil(lg.Height-room))
			return nil
		}
	}
	return l
}
