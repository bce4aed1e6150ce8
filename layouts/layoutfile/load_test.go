package layoutfile

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/deck"
	_ "github.com/scholargate/topicdeck/layouts/handout" // handout layouts, which files cannot extend
)

// testdata is the test data directory, absolute so tests may change directory.
var testdata, _ = filepath.Abs("testdata")

// writeLayout writes a layout file into dir beside copies of the test
// images, so relative paths resolve as they would for a user.
func writeLayout(t *testing.T, dir, name, text string) string {
	t.Helper()
	for _, f := range []string{"logo.png", "fake.png"} {
		data, err := os.ReadFile(filepath.Join(testdata, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestErrors loads one broken file per kind of mistake and checks the
// whole message: file, line, column and wording.
func TestErrors(t *testing.T) {
	tests := []struct {
		kind, text, want string
	}{
		{"unknown top-level key", "extends: lecture\ncolors:\n  text: \"#000000\"\n",
			`2:1: error: unknown key "colors" in the layout file (did you mean "colours"?)`},
		{"unknown top-level key, nothing close", "extends: lecture\nshading: 3\n",
			`2:1: error: unknown key "shading" in the layout file (known: description, extends, page, margins, colours, fonts, kerning, sizes, decoration, logo, title-background, footer, outline, review, sections)`},
		{"unknown nested key", "colours:\n  backgrund: \"#ffffff\"\n",
			`2:3: error: unknown key "backgrund" in colours (did you mean "background"?)`},
		{"unknown nested key, nothing close", "colours:\n  border: \"#ffffff\"\n",
			`2:3: error: unknown key "border" in colours (known: background, text, accent, muted, tint, rule)`},
		{"bad colour", "colours:\n  accent: \"#12345g\"\n",
			`2:11: error: colours.accent: "#12345g" is not a colour; write it as "#1d5c96" (quoted: # starts a YAML comment)`},
		{"colour unquoted", "colours:\n  accent: 1d5c96\n",
			`2:11: error: colours.accent: "1d5c96" is not a colour; write it as "#1d5c96" (quoted: # starts a YAML comment)`},
		{"missing font file", "extends: minimal\nfonts:\n  regular: fonts/Gone.ttf\n",
			`3:12: error: font file fonts/Gone.ttf not found (paths are relative to the layout file)`},
		{"font file not a font", "fonts:\n  regular: logo.png\n",
			`2:3: error: fonts: font `},
		{"missing logo", "logo:\n  file: crest.png\n  position: top-left\n",
			`2:9: error: logo image file crest.png not found (paths are relative to the layout file)`},
		{"missing title background", "\n\ntitle-background: photos/hall.jpg\n",
			`3:19: error: title-background image file photos/hall.jpg not found (paths are relative to the layout file)`},
		{"image not PNG or JPEG", "title-background: fake.png\n",
			`1:19: error: title-background: fake.png is not a PNG or JPEG image`},
		{"minimum body below 16 pt", "sizes:\n  body: 20\n  minimum-body: 14\n",
			`3:17: error: sizes.minimum-body: 14 pt is below 16 pt, too small to read on a projected slide`},
		{"body below its minimum", "sizes:\n  body: 18\n",
			fmt.Sprintf(`2:9: error: sizes.body: 18 pt is below the minimum body size of %g pt`, deck.Lecture.MinBodySize)},
		{"low contrast text", "extends: lecture\ncolours:\n  background: \"#ffffff\"\n  text: \"#999999\"\n",
			`4:9: error: colours: text #999999 on #ffffff has contrast 2.85:1, below the 4.5:1 that WCAG AA asks for text`},
		{"low contrast from a new background", "extends: contrast\ncolours:\n  background: \"#dddddd\"\n",
			`3:15: error: colours: text #`},
		{"unknown section", "sections:\n  - definition\n  - glossary\n",
			`3:5: error: sections: unknown section "glossary" (known: definition, scope, core-questions, key-concepts, key-theories, mechanisms, relevance, history, debates, key-figures, faq, seminal-works, methods, related-concepts, related-topics, other-sections)`},
		{"misspelt section", "sections:\n  - key_concepts\n",
			`2:5: error: sections: unknown section "key_concepts" (did you mean "key-concepts"?)`},
		{"unknown form", "sections:\n  - faq: cards\n",
			`2:10: error: sections: faq: unknown form "cards" (want auto, bullets, columns, statement, items)`},
		{"section twice", "sections:\n  - faq\n  - faq: items\n",
			`3:5: error: sections: "faq" is listed twice`},
		{"unknown footer field", "footer:\n  right: \"{slide} of {pages}\"\n",
			`2:10: error: footer.right: unknown field {slide} (known: {title}, {course}, {author}, {date}, {page}, {pages})`},
		{"misspelt footer field", "footer:\n  right: \"{pgae} of {pages}\"\n",
			`2:10: error: footer.right: unknown field {pgae} (did you mean "page"?)`},
		{"bad logo corner", "logo:\n  file: logo.png\n  position: middle\n",
			`3:13: error: logo.position: "middle" is not a corner (want top-left, top-right, bottom-left, bottom-right)`},
		{"logo too tall for its margin", "logo:\n  file: logo.png\n  height: 60\n",
			fmt.Sprintf(`1:1: error: logo: 60 pt high does not fit the top-right corner, which has room for %g pt; make the logo smaller or margins.top %g pt larger`,
				deck.Lecture.MarginTop-8, math.Ceil(60-(deck.Lecture.MarginTop-8)))},
		{"logo over the kicker", "margins:\n  top: 72\nlogo:\n  file: logo.png\n  position: top-left\n  height: 60\n",
			`3:1: error: logo: 60 pt high does not fit the top-left corner, which has room for`},
		{"not a number", "margins:\n  side: wide\n",
			`2:9: error: margins.side: want a number, got "wide"`},
		{"not a flag", "outline: maybe\n",
			`1:10: error: outline: want true or false, got "maybe"`},
		{"kerning not a flag", "kerning: \"off\"\n",
			`1:10: error: kerning: want true or false, got "off"`},
		{"unknown aspect", "page:\n  aspect: \"3:2\"\n",
			`2:11: error: page.aspect: unknown aspect ratio "3:2" (want 16:9 or 4:3)`},
		{"unknown base", "extends: fancy\n",
			"1:10: error: extends: unknown layout \"fancy\" (see `topicdeck layouts`)"},
		{"slide key in a handout file", "extends: reader\nsizes:\n  body: 12\n",
			`2:1: error: unknown key "sizes" in a handout layout file (known: description, extends, paper, margins, colours, fonts, kerning, note-line-spacing, slides-per-page)`},
		{"missing handout font file", "extends: guided\nfonts:\n  regular: fonts/Gone.ttf\n",
			`3:12: error: font file fonts/Gone.ttf not found (paths are relative to the layout file)`},
		{"handout font file not a font", "extends: slides-6\nfonts:\n  regular: logo.png\n",
			`3:3: error: fonts: font `},
		{"handout fonts without a regular face", "extends: notes\nfonts:\n  bold: logo.png\n",
			`2:1: error: fonts: a regular face is required (bold and italics are optional)`},
		{"handout kerning not a flag", "extends: cornell\nkerning: \"off\"\n",
			`2:10: error: kerning: want true or false, got "off"`},
		{"grid of a handout without slides", "extends: cornell\nslides-per-page: {columns: 2, rows: 2}\n",
			`2:1: error: slides-per-page: cornell has no grid of slides; only the slides-N handouts have`},
		{"grid half given", "extends: slides-4\nslides-per-page: {columns: 2}\n",
			`2:18: error: slides-per-page: give both columns and rows, e.g. {columns: 2, rows: 4}`},
		{"grid not whole", "extends: slides-4\nslides-per-page: {columns: 2.5, rows: 2}\n",
			`2:28: error: slides-per-page.columns: want a whole number, got "2.5"`},
		{"grid too fine", "extends: slides-4\nslides-per-page: {columns: 2, rows: 9}\n",
			`2:37: error: slides-per-page.rows: 9 is out of range (1 to 6)`},
		{"handout margin below 15 mm", "extends: reader\nmargins: 20\n",
			`2:10: error: margins: 20 is out of range (42.5 to 400)`},
		{"handout margin leaves no page", "extends: reader\npaper: letter\nmargins: 250\n",
			`3:10: error: margins: 250 pt on every side leaves less than 144 pt (2 in) of a 612 × 792 pt page to print on`},
		{"unknown paper", "extends: notes\npaper: a5\n",
			`2:8: error: paper: unknown paper "a5" (want a4 or letter), or a width and height in points`},
		{"note lines too close", "extends: cornell\nnote-line-spacing: 5\n",
			`2:20: error: note-line-spacing: 5 is out of range (14 to 72)`},
		{"handout colour too light", "extends: reader\ncolours:\n  muted: \"#bbbbbb\"\n",
			`3:10: error: colours: muted #bbbbbb on #ffffff has contrast 1.92:1, below the 4.5:1 that WCAG AA asks for text`},
		{"unknown handout colour", "extends: reader\ncolours:\n  accent: \"#000000\"\n",
			`3:3: error: unknown key "accent" in colours (known: text, muted, rule, frame, box, link)`},
		{"extends a file", "extends: house\n",
			"1:10: error: extends: unknown layout \"house\" (see `topicdeck layouts`)"},
		{"YAML syntax", "colours:\n  text: \"#000000\n",
			`2: error: YAML syntax error: found unexpected end of stream`},
	}
	for _, tc := range tests {
		t.Run(tc.kind, func(t *testing.T) {
			path := writeLayout(t, t.TempDir(), "bad.yaml", tc.text)
			_, err := Load(path)
			if err == nil {
				t.Fatalf("loaded without error:\n%s", tc.text)
			}
			if !strings.HasPrefix(err.Error(), path+":"+tc.want) {
				t.Errorf("error\n  %s\nwant it to start\n  %s", err, path+":"+tc.want)
			}
		})
	}
}

// TestAllProblemsAtOnce checks that one load reports every mistake, each on
// its own line, in file order.
func TestAllProblemsAtOnce(t *testing.T) {
	path := writeLayout(t, t.TempDir(), "bad.yaml", "colours:\n  text: red\nsizes:\n  minimum-body: 12\nsections:\n  - nothing\n")
	_, err := Load(path)
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	want := []string{":2:9: error: colours.text", ":6:5: error: sections: unknown section", ":4:17: error: sizes.minimum-body"}
	if len(lines) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(lines), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], path+w) {
			t.Errorf("problem %d = %s, want %s…", i+1, lines[i], path+w)
		}
	}
}

// TestRoundTrip prints every built-in slide layout and both sample layouts
// and loads the text back: the layout must be the same, field for field,
// and printing it again must give the same text.
func TestRoundTrip(t *testing.T) {
	type source struct{ name, text string }
	var sources []source
	for _, info := range layouts.List() {
		if info.Kind != layouts.KindSlides {
			continue
		}
		out, err := Show(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, source{info.Name, string(out)})
	}
	samples, _ := filepath.Glob("../../samples/layouts/*.yaml")
	samples = append(samples, "testdata/every-key.yaml")
	for _, p := range samples {
		out, err := Show(p)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, source{p, string(out)})
	}
	if len(sources) < 6 {
		t.Fatalf("only %d layouts to print", len(sources))
	}
	for _, src := range sources {
		t.Run(filepath.Base(src.name), func(t *testing.T) {
			want := lookup(t, src.name)
			// Printed paths are absolute, so the copy loads from anywhere.
			path := writeLayout(t, t.TempDir(), Name(src.name)+".yaml", src.text)
			got, err := Load(path)
			if err != nil {
				t.Fatalf("printed layout does not load: %v\n%s", err, src.text)
			}
			if got.Layout.Description() != want.Description() {
				t.Errorf("description %q, want %q", got.Layout.Description(), want.Description())
			}
			if !reflect.DeepEqual(got.Layout.Theme, want.Theme) {
				t.Errorf("theme differs:\n got %+v\nwant %+v", got.Layout.Theme, want.Theme)
			}
			if !reflect.DeepEqual(got.Layout.Overrides, want.Overrides) {
				t.Errorf("extras differ:\n got %+v\nwant %+v", got.Layout.Overrides, want.Overrides)
			}
			again := Print(Name(src.name), "x", got.Extends, got.Layout)
			first := Print(Name(src.name), "x", got.Extends, want)
			if string(again) != string(first) {
				t.Errorf("printing the loaded copy differs:\n%s\n---\n%s", again, first)
			}
		})
	}
}

// lookup returns a built-in layout or loads a file.
func lookup(t *testing.T, name string) *deck.Layout {
	t.Helper()
	if IsPath(name) {
		f, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		return f.Layout
	}
	l, err := layouts.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	return l.(*deck.Layout)
}

// TestSamplesLoad loads the sample layouts and checks what they promise.
func TestSamplesLoad(t *testing.T) {
	nv, err := Load("../../samples/layouts/nordvik.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if nv.Layout.Overrides.Logo == nil || nv.Layout.Overrides.Logo.Type != "PNG" || nv.Layout.Overrides.Footer == nil {
		t.Errorf("nordvik: logo %+v, footer %+v", nv.Layout.Overrides.Logo, nv.Layout.Overrides.Footer)
	}
	lp, err := Load("../../samples/layouts/large-print.yaml")
	if err != nil {
		t.Fatal(err)
	}
	th := lp.Layout.Theme
	if lp.Layout.Overrides.Aspect != "4:3" || th.MinBodySize < 24 || deck.ContrastRatio(th.Text, th.Background) < 7 {
		t.Errorf("large-print: aspect %q, minimum body %g, contrast %.1f", lp.Layout.Overrides.Aspect, th.MinBodySize, deck.ContrastRatio(th.Text, th.Background))
	}
}

// TestIsPath checks which --layout values are files.
func TestIsPath(t *testing.T) {
	for s, want := range map[string]bool{
		"lecture": false, "house.yaml": true, "house.YML": true, "layouts/house": true, "./house": true, "my-house": false,
	} {
		if got := IsPath(s); got != want {
			t.Errorf("IsPath(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestFindAndCatalog puts layout files in ./layouts and the XDG directory
// and checks that they are found, listed, shadowed in order and shown.
func TestFindAndCatalog(t *testing.T) {
	work, cfg := t.TempDir(), t.TempDir()
	t.Chdir(work)
	t.Setenv("XDG_CONFIG_HOME", cfg)
	xdg := filepath.Join(cfg, "topicdeck", "layouts")
	for _, d := range []string{"layouts", xdg} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeLayout(t, "layouts", "dept.yaml", "description: department style\nextends: minimal\n")
	writeLayout(t, xdg, "dept.yaml", "description: shadowed by ./layouts\n")
	writeLayout(t, xdg, "mine.yml", "description: my own\ncolours:\n  accent: \"#aa0000\"\n")
	writeLayout(t, xdg, "lecture.yaml", "description: never used, the built-in wins\n")
	writeLayout(t, xdg, "broken.yaml", "sizes:\n  minimum-body: 10\n")

	if got := Find("dept"); got != filepath.Join("layouts", "dept.yaml") {
		t.Errorf("Find(dept) = %q", got)
	}
	if got := Find("mine"); got != filepath.Join(xdg, "mine.yml") {
		t.Errorf("Find(mine) = %q", got)
	}
	list, warnings, errs := layouts.Catalog()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "broken.yaml:2:17: error: sizes.minimum-body") {
		t.Errorf("catalog errors = %v, want the broken file's", errs)
	}
	wantWarnings := []string{
		filepath.Join(xdg, "dept.yaml") + `: warning: not used: the name "dept" means ` + filepath.Join("layouts", "dept.yaml") + "; rename the file to use it",
		filepath.Join(xdg, "lecture.yaml") + `: warning: not used: the name "lecture" means the built-in layout of that name; rename the file to use it`,
	}
	if !slices.Equal(warnings, wantWarnings) {
		t.Errorf("catalog warnings =\n%q\nwant\n%q", warnings, wantWarnings)
	}
	byName := map[string]layouts.Info{}
	var order []string
	for _, l := range list {
		byName[l.Name] = l
		order = append(order, l.Name)
	}
	if d := byName["dept"]; d.Description != "department style" || d.Kind != layouts.KindSlides || d.Origin != filepath.Join("layouts", "dept.yaml") {
		t.Errorf("dept = %+v", d)
	}
	if m := byName["mine"]; m.Description != "my own" || m.Origin != filepath.Join(xdg, "mine.yml") {
		t.Errorf("mine = %+v", m)
	}
	if l := byName["lecture"]; l.Origin != "built-in" {
		t.Errorf("lecture = %+v, want the built-in", l)
	}
	if _, ok := byName["broken"]; !ok {
		t.Error("a broken layout file is not listed")
	}
	if order[len(order)-1] == "dept" || byName["reader"].Kind != layouts.KindHandout {
		t.Errorf("order = %v: files belong with the slide layouts", order)
	}

	p, err := Planner("mine", layouts.KindSlides)
	if err != nil {
		t.Fatal(err)
	}
	if c := p.(*deck.Layout).Theme.Accent; c != (deck.Color{R: 0xaa}) {
		t.Errorf("mine accent = %v", c)
	}
	if _, err := Planner("mine", layouts.KindHandout); err == nil || !strings.Contains(err.Error(), `layout "mine" is a slides layout, not a handout layout`) {
		t.Errorf("mine as handout: %v", err)
	}
	if _, err := Planner("nothing", layouts.KindSlides); err == nil || !strings.Contains(err.Error(), `unknown layout "nothing"`) {
		t.Errorf("unknown: %v", err)
	}
	out, err := Show("dept")
	if err != nil || !strings.Contains(string(out), `extends: "minimal"`) || !strings.Contains(string(out), "accent-bar: false") {
		t.Errorf("show dept: %v\n%s", err, out)
	}
	if out, err := Show("reader"); err != nil || !strings.Contains(string(out), `extends: "reader"`) || !strings.Contains(string(out), "note-line-spacing: 22") {
		t.Errorf("show reader: %v\n%s", err, out)
	}
}

// FuzzParse feeds the layout reader arbitrary text: it must return a
// layout or an error, never panic.
func FuzzParse(f *testing.F) {
	for _, p := range []string{"testdata/every-key.yaml", "../../samples/layouts/nordvik.yaml", "../../samples/layouts/large-print.yaml"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("sections:\n  - faq: [1, 2]\n  - {a: b, c: d}\n")
	f.Add("colours: [1]\nlogo: 3\nfooter: {left: \"{\"}\n")
	f.Fuzz(func(t *testing.T, text string) {
		l, err := Parse("testdata/fuzz.yaml", []byte(text))
		if err == nil && l.Layout == nil {
			t.Fatal("no layout and no error")
		}
		if err != nil && !strings.HasPrefix(err.Error(), "testdata/fuzz.yaml") {
			t.Fatalf("error without the file name: %v", err)
		}
	})
}

// BenchmarkLoad measures reading and checking the university sample: YAML,
// the logo and title images, the contrast and logo-room checks.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load("../../samples/layouts/nordvik.yaml"); err != nil {
			b.Fatal(err)
		}
	}
}
