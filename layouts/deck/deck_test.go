package deck

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/internal/phrases"
	"github.com/scholargate/topicdeck/internal/structcheck"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// engine is shared by every test: faces are parsed once.
var engine = sync.OnceValue(func() *textlayout.Engine { return textlayout.New(fonts.Default()) })

// themes are the registered layouts with their themes.
var themes = map[string]Theme{"lecture": Lecture, "contrast": Contrast, "minimal": Minimal}

func planEntry(t testing.TB, e *topic.Entry, layout string, opt layouts.Options) *plan.Document {
	t.Helper()
	pl, err := layouts.LookupPlanner(layout, layouts.KindSlides)
	if err != nil {
		t.Fatal(err)
	}
	if opt.Time.IsZero() {
		opt.Time = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	env := &layouts.Env{Text: engine(), Labels: locale.For(e.LangOrDefault()), Options: opt}
	doc, err := pl.Plan(e, env)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func readEntry(t testing.TB, path string) *topic.Entry {
	t.Helper()
	e, err := topic.ReadFile(path, topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// pageText is the text of a page as drawn, lines joined by newlines.
func pageText(p *plan.Page) string {
	var b strings.Builder
	for _, it := range p.Items {
		if tx, ok := it.(*plan.Text); ok {
			for _, s := range tx.Line.Segments {
				b.WriteString(s.Text)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

var squash = regexp.MustCompile(`[\s\-‐‑]`)

// checkPlan asserts what every deck must satisfy: each phrase of the entry
// on some slide, every line inside the page margins and clear of every
// other line, no text below the minimum sizes, a footer on every slide but
// the title slide.
func checkPlan(t *testing.T, e *topic.Entry, doc *plan.Document, th Theme) {
	t.Helper()
	var all strings.Builder
	for _, p := range doc.Pages {
		all.WriteString(pageText(p))
	}
	text := strings.Join(strings.Fields(all.String()), " ")
	flat := squash.ReplaceAllString(text, "")
	for _, ph := range phrases.Of(e) {
		if !strings.Contains(text, ph) && !strings.Contains(flat, squash.ReplaceAllString(ph, "")) {
			t.Errorf("phrase on no slide: %q", ph)
		}
	}
	checkPlanBounds(t, doc, th)
	checkStructure(t, doc, phrases.Groups(e))
	// Every slide's title is its own: continuation slides are numbered
	// when a section takes three or more.
	seen := map[string]int{}
	for n, p := range doc.Pages {
		if m, dup := seen[p.Label]; dup {
			t.Errorf("slides %d and %d are both titled %q", m+1, n+1, p.Label)
		}
		seen[p.Label] = n
	}
	for n, p := range doc.Pages {
		footer := fmt.Sprintf("%d / %d", n+1, len(doc.Pages))
		if has := strings.Contains(pageText(p), footer); has != (n > 0) {
			t.Errorf("slide %d: footer %q present=%v", n+1, footer, has)
		}
	}
}

// counter is a slide counter in a footer.
var counter = regexp.MustCompile(`^\d+ / \d+$`)

// checkStructure asserts that the deck's structure is whole: every slide a
// section of the document, headings from level 1 without a skip, every
// group of the entry's phrases read in order when the tree is followed,
// and nothing drawn as an artifact but the footer and its counter.
func checkStructure(t *testing.T, doc *plan.Document, groups [][]string) {
	t.Helper()
	r := structcheck.Check(doc)
	for _, p := range r.Problems {
		t.Error(p)
	}
	for _, p := range structcheck.OutOfOrder(r, groups) {
		t.Errorf("structure: %s", p)
	}
	for i, pg := range doc.Pages {
		if pg.Tag == nil || pg.Tag.Role != plan.RoleSection || pg.Tag.Parent != doc.Root {
			t.Errorf("slide %d is not a section of the document", i+1)
		}
	}
	if r.Roles[plan.RoleHeading] == 0 {
		t.Error("no heading")
	}
	title := strings.Join(strings.Fields(doc.Meta.Title), " ")
	for _, u := range r.Untagged {
		u = strings.TrimSuffix(strings.TrimSpace(u), "…")
		if !counter.MatchString(u) && !strings.HasPrefix(title+"  ·  Course 101", u) && !strings.HasPrefix(title, u) {
			t.Errorf("text drawn as an artifact: %q", u)
		}
	}
}

// checkPlanBounds asserts that every line lies inside the page margins,
// clear of every other line, and at no size below the theme's floors.
func checkPlanBounds(t *testing.T, doc *plan.Document, th Theme) {
	t.Helper()
	for n, p := range doc.Pages {
		var boxes [][4]float64
		for _, it := range p.Items {
			tx, ok := it.(*plan.Text)
			if !ok || len(tx.Line.Segments) == 0 {
				continue
			}
			x0, x1 := tx.X+tx.Line.Segments[0].X, tx.X
			for _, s := range tx.Line.Segments {
				x1 = max(x1, tx.X+s.X+s.Width)
				switch {
				case s.Size+0.01 < th.FooterSize:
					t.Errorf("slide %d: %q at %.1f pt, below the footer size", n+1, s.Text, s.Size)
				case s.Size+0.01 < 20 && tx.Y < doc.Height-th.MarginBottom && s.Size != th.KickerSize:
					t.Errorf("slide %d: body text %q at %.1f pt", n+1, s.Text, s.Size)
				}
			}
			y0, y1 := tx.Y, tx.Y+tx.Line.Height
			if x0 < th.MarginX-0.01 || x1 > doc.Width-th.MarginX+0.01 || y0 < 16 || y1 > doc.Height-16 {
				t.Errorf("slide %d: %q at (%.1f,%.1f)-(%.1f,%.1f) leaves the page's margins", n+1, pageText(&plan.Page{Items: []plan.Item{tx}}), x0, y0, x1, y1)
			}
			b := [4]float64{x0, y0, x1, y1}
			for _, o := range boxes {
				if min(b[2], o[2])-max(b[0], o[0]) > 0.5 && min(b[3], o[3])-max(b[1], o[1]) > 0.5 {
					t.Errorf("slide %d: text over text at (%.0f,%.0f)", n+1, x0, y0)
				}
			}
			boxes = append(boxes, b)
		}
	}
}

// stress lists the stress entries in testdata.
func stress(t *testing.T) []string {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil || len(files) < 8 {
		t.Fatalf("stress entries missing: %v %v", files, err)
	}
	return files
}

func TestPlanStressAndSamples(t *testing.T) {
	files := stress(t)
	for _, glob := range []string{"../../samples/*.md", "../../samples/*.json", "../../samples/*.yaml"} {
		more, _ := filepath.Glob(glob)
		files = append(files, more...)
	}
	files = append(files, "../../topic/testdata/seed-page.txt")
	for _, f := range files {
		e := readEntry(t, f)
		for name, th := range themes {
			for _, aspect := range []string{"16:9", "4:3"} {
				t.Run(filepath.Base(f)+"/"+name+"/"+aspect, func(t *testing.T) {
					t.Parallel()
					doc := planEntry(t, e, name, layouts.Options{Aspect: aspect, Course: "Course 101"})
					w, h, _ := PageSize(aspect)
					if doc.Width != w || doc.Height != h {
						t.Errorf("page %vx%v, want %vx%v", doc.Width, doc.Height, w, h)
					}
					checkPlan(t, e, doc, th)
				})
			}
		}
	}
}

func TestContrastTheme(t *testing.T) {
	th := Contrast
	for _, c := range []struct {
		name   string
		fg, bg Color
	}{
		{"text on background", th.Text, th.Background},
		{"text on tint", th.Text, th.Tint},
		{"accent on background", th.Accent, th.Background},
		{"accent on tint", th.Accent, th.Tint},
		{"muted on background", th.Muted, th.Background},
	} {
		if r := ContrastRatio(c.fg, c.bg); r < 7 {
			t.Errorf("contrast: %s is %.2f:1, want at least 7:1", c.name, r)
		}
	}
	if th.Background.R+th.Background.G+th.Background.B > 3*64 {
		t.Errorf("contrast theme background %v is not dark", th.Background)
	}
	for name, th := range themes {
		if r := ContrastRatio(th.Text, th.Background); r < 7 {
			t.Errorf("%s: body text contrast %.2f:1", name, r)
		}
		if th.BodySize < 24 || th.MinBodySize < 20 || th.MinTitleSize < 28 || th.FooterSize < 12 {
			t.Errorf("%s: sizes below the floors: %+v", name, th)
		}
	}
	if got := ContrastRatio(Color{}, Color{R: 255, G: 255, B: 255}); got < 20.99 || got > 21.01 {
		t.Errorf("black on white = %.3f, want 21", got)
	}
}

func TestMinimalHasNoDecoration(t *testing.T) {
	e := readEntry(t, "../../topic/testdata/seed-page.txt")
	doc := planEntry(t, e, "minimal", layouts.Options{})
	for n, p := range doc.Pages {
		for _, it := range p.Items {
			if r, ok := it.(*plan.Rect); ok {
				t.Errorf("slide %d: minimal layout draws a box %+v", n+1, r)
			}
		}
		if p.Ground() != (Color{R: 255, G: 255, B: 255}) {
			t.Errorf("slide %d: background %v", n+1, p.Ground())
		}
	}
}

// TestRegistered checks what `topicdeck layouts` and --layout show a
// user: each built-in slide layout is listed under its name with a
// one-line description, looking it up gives the deck with that name's
// theme, only the default says it is the default, and asking for a slide
// layout as a handout layout says why it cannot be.
func TestRegistered(t *testing.T) {
	listed := map[string]layouts.Info{}
	for _, in := range layouts.List() {
		if in.Kind == layouts.KindSlides && in.Origin == "built-in" {
			listed[in.Name] = in
		}
	}
	if len(listed) != len(themes) {
		t.Errorf("built-in slide layouts listed: %v, want %d", listed, len(themes))
	}
	for name, th := range themes {
		p, err := layouts.LookupPlanner(name, layouts.KindSlides)
		if err != nil {
			t.Fatal(err)
		}
		if l, ok := p.(*Layout); !ok || l.Theme != th {
			t.Errorf("%s: looking it up gives %T with another theme", name, p)
		}
		in, ok := listed[name]
		switch {
		case !ok:
			t.Errorf("%s is not listed", name)
		case in.Description == "" || strings.Contains(in.Description, "\n") || len(in.Description) > 120:
			t.Errorf("%s: description %q is not one short line", name, in.Description)
		case strings.Contains(in.Description, "(default)") != (name == "lecture"):
			t.Errorf("%s: description %q misstates which layout is the default", name, in.Description)
		}
	}
	_, err := layouts.LookupPlanner("lecture", layouts.KindHandout)
	if err == nil || err.Error() != `layout "lecture" is a slides layout, not a handout layout` {
		t.Errorf("lecture looked up as a handout layout: %v", err)
	}
}

// labels returns the page labels of a deck.
func labels(doc *plan.Document) []string {
	var out []string
	for _, p := range doc.Pages {
		out = append(out, p.Label)
	}
	return out
}

func TestSeedDeckStructure(t *testing.T) {
	e := readEntry(t, "../../topic/testdata/seed-page.txt")
	doc := planEntry(t, e, "lecture", layouts.Options{Author: "A. Lecturer", Course: "NEU101", Date: "3 February 2026", Creator: "topicdeck test"})
	got := strings.Join(labels(doc), " | ")
	for _, want := range []string{
		"Neuroadaptation and Tolerance | Outline | Definition | Scope | Core questions | Key concepts",
		"Allostasis and reward set-point shift | Staged neuroplasticity of addiction | Mechanisms",
		"Clinical relevance | History | Are addiction-related adaptations shared across all drug classes?",
		"Key figures | What is the difference between tolerance and dependence? | Is sensitization the opposite of tolerance? | References | Review",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("slides:\n%s\nwant a run of:\n%s", got, want)
		}
	}
	// The outline lists only sections with content: the seed's Related
	// topics, Methods and Related concepts are empty.
	outline := pageText(doc.Pages[1])
	for _, absent := range []string{"Related topics", "Methods", "Related concepts"} {
		if strings.Contains(outline, absent) || strings.Contains(got, absent) {
			t.Errorf("empty section %q appears", absent)
		}
	}
	cover := pageText(doc.Pages[0])
	for _, want := range []string{"A. Lecturer", "NEU101", "3 February 2026"} {
		if !strings.Contains(cover, want) {
			t.Errorf("title slide lacks %q:\n%s", want, cover)
		}
	}
	m := doc.Meta
	if m.Title != e.Title || m.Author != "A. Lecturer" || m.Creator != "topicdeck test" || m.Lang != "en" || !m.Date.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("meta = %+v", m)
	}
	if !strings.HasPrefix(m.Keywords, "Tolerance, Physical and psychological dependence") {
		t.Errorf("keywords = %q", m.Keywords)
	}
	var marks []string
	for _, p := range doc.Pages {
		for _, b := range p.Bookmarks {
			marks = append(marks, fmt.Sprintf("%d:%s", b.Level, b.Title))
		}
	}
	gotMarks := strings.Join(marks, "|")
	for _, want := range []string{"0:Outline", "0:Definition", "0:Key theories|1:Allostasis and reward set-point shift", "0:Frequently asked questions|1:What is the difference", "0:Review"} {
		if !strings.Contains(gotMarks, want) {
			t.Errorf("bookmarks %s lack %s", gotMarks, want)
		}
	}
	for i, p := range doc.Pages[1:] {
		if !strings.Contains(pageText(p), "NEU101") {
			t.Errorf("slide %d footer lacks the course", i+2)
		}
	}
}

func TestOverflowContinues(t *testing.T) {
	e := readEntry(t, "testdata/many-questions.md")
	doc := planEntry(t, e, "lecture", layouts.Options{})
	got := strings.Join(labels(doc), "|")
	if !strings.Contains(got, "Core questions|Core questions (cont. 2)|Core questions (cont. 3)") || !strings.Contains(got, "Review|Review (cont. 2)") {
		t.Errorf("40 questions should continue on further slides: %s", got)
	}
	// Numbering runs on across continuation slides.
	if !strings.Contains(pageText(doc.Pages[len(doc.Pages)-1]), "40\n") {
		t.Errorf("last slide lacks numeral 40")
	}
	sv := readEntry(t, "testdata/swedish.md")
	docSV := planEntry(t, sv, "lecture", layouts.Options{})
	labelsSV := strings.Join(labels(docSV), "|")
	for _, want := range []string{"Översikt", "Kärnfrågor", "Nyckelbegrepp", "Mekanismer", "Klinisk relevans", "Repetition"} {
		if !strings.Contains(labelsSV, want) {
			t.Errorf("Swedish deck lacks %q: %s", want, labelsSV)
		}
	}
}

func TestEmptySectionsMakeNoSlides(t *testing.T) {
	e := readEntry(t, "testdata/empty-sections.md")
	doc := planEntry(t, e, "lecture", layouts.Options{})
	if got := strings.Join(labels(doc), "|"); got != "Mostly Empty|Outline|Mechanisms" {
		t.Errorf("slides = %s", got)
	}
}

func TestLinksAreClickable(t *testing.T) {
	e := readEntry(t, "testdata/long-url.md")
	doc := planEntry(t, e, "lecture", layouts.Options{})
	linked := map[string]bool{}
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*plan.Text); ok {
				for _, s := range tx.Line.Segments {
					if strings.HasPrefix(s.URL, "https://example.org/segment00") {
						linked[s.Text] = true
					}
				}
			}
		}
	}
	for _, want := range []string{"the reference page", "Long link topic"} {
		if !linked[want] {
			t.Errorf("link %q is not clickable (linked: %v)", want, linked)
		}
	}
}

func TestUnknownAspect(t *testing.T) {
	pl, _ := layouts.LookupPlanner("lecture", layouts.KindSlides)
	_, err := pl.Plan(&topic.Entry{Title: "T"}, &layouts.Env{Text: engine(), Labels: locale.For("en"), Options: layouts.Options{Aspect: "3:2"}})
	if err == nil || !strings.Contains(err.Error(), "3:2") {
		t.Errorf("err = %v", err)
	}
}

func TestBulletGlyphsAreInTheFonts(t *testing.T) {
	for _, g := range append(append([]string(nil), bulletGlyphs...), "…", "·") {
		for _, l := range engine().Lines(textlayout.Paragraph{Spans: []textlayout.Span{{Text: g, Font: textlayout.Font{Size: 20}}}}, 100) {
			if len(l.Missing) > 0 {
				t.Errorf("no embedded face has %q", g)
			}
		}
	}
}

// FuzzPlan plans arbitrary Markdown entries: planning never panics, never
// loses a phrase and keeps every line inside the slide.
func FuzzPlan(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.md")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("# T\n\n## Worked example\n\n| a |\n|---|\n\n```\n\n```\n\n> \n\n- \n  - x\n")
	f.Fuzz(func(t *testing.T, src string) {
		e, err := topic.Read("fuzz.md", []byte(src), topic.Options{})
		if err != nil {
			return
		}
		for name, th := range themes {
			doc := planEntry(t, e, name, layouts.Options{Aspect: "4:3"})
			if len(doc.Pages) == 0 {
				t.Fatal("no slides")
			}
			checkPlanBounds(t, doc, th)
		}
	})
}

// BenchmarkPlanSeed plans the seed page's deck (no drawing).
func BenchmarkPlanSeed(b *testing.B) {
	e := readEntry(b, "../../topic/testdata/seed-page.txt")
	pl, err := layouts.LookupPlanner("lecture", layouts.KindSlides)
	if err != nil {
		b.Fatal(err)
	}
	env := &layouts.Env{Text: engine(), Labels: locale.For("en")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pl.Plan(e, env); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGiantSentenceSplitsBetweenLines: one sentence taller than a slide
// continues on the next slide between lines, losing no word.
func TestGiantSentenceSplitsBetweenLines(t *testing.T) {
	var words []string
	for i := range 400 {
		words = append(words, fmt.Sprintf("word%03d", i))
	}
	e := &topic.Entry{Title: "Giant", Mechanisms: topic.Paragraphs(strings.Join(words, " ") + ".")}
	for name, th := range themes {
		doc := planEntry(t, e, name, layouts.Options{Aspect: "4:3"})
		checkPlanBounds(t, doc, th)
		got := strings.Join(labels(doc), "|")
		if !strings.Contains(got, "Mechanisms|Mechanisms (cont. 2)|Mechanisms (cont. 3)") {
			t.Errorf("%s: slides %s", name, got)
		}
		var all strings.Builder
		for _, p := range doc.Pages {
			all.WriteString(pageText(p))
		}
		text := all.String()
		last := -1
		for _, w := range words {
			i := strings.Index(text, w)
			if i < last {
				t.Fatalf("%s: %s missing or out of order", name, w)
			}
			last = i
		}
	}
}

// TestLongRelevanceHeading: a heading "as written" too long for the title
// area leads the slide's body under the generic label, in full.
func TestLongRelevanceHeading(t *testing.T) {
	heading := strings.Repeat("A very long relevance heading that goes on ", 8) + "relevance"
	e := &topic.Entry{Title: "T", Relevance: &topic.Relevance{Heading: heading, Body: topic.Paragraphs("Body text.")}}
	doc := planEntry(t, e, "lecture", layouts.Options{Aspect: "4:3"})
	checkPlan(t, e, doc, Lecture)
	if got := strings.Join(labels(doc), "|"); got != "T|Outline|Relevance" {
		t.Errorf("slides %s", got)
	}
}

// TestStructureEntries plans the structure test entries and checks what
// each was written to show: a table's header row as column headers, a link
// inside a list item's body, Arabic and Greek text tagged like any other,
// a forty-item list as one list on each of its slides, and an empty
// section's slide as its heading alone.
func TestStructureEntries(t *testing.T) {
	for _, aspect := range []string{"16:9", "4:3"} {
		e := readEntry(t, "testdata/structure.md")
		doc := planEntry(t, e, "lecture", layouts.Options{Aspect: aspect})
		has := func(role plan.Role, pred func(n *plan.Node, text string) bool) bool {
			found := false
			for _, pg := range doc.Pages {
				for _, it := range pg.Items {
					if tx, ok := it.(*plan.Text); ok && tx.Tag != nil && tx.Tag.Role == role && pred(tx.Tag, pageText(&plan.Page{Items: []plan.Item{tx}})) {
						found = true
					}
				}
			}
			return found
		}
		if !has(plan.RoleHeaderCell, func(n *plan.Node, s string) bool {
			return strings.TrimSpace(s) == "Layout" && n.Scope == plan.ScopeColumn && n.Parent.Parent.Kids[0] == n.Parent
		}) {
			t.Errorf("%s: the table's first row is not its header", aspect)
		}
		if !has(plan.RoleCell, func(n *plan.Node, s string) bool { return strings.Contains(s, "Study guide") }) {
			t.Errorf("%s: a table cell is not a cell", aspect)
		}
		link := false
		for _, pg := range doc.Pages {
			for _, it := range pg.Items {
				if tx, ok := it.(*plan.Text); ok && tx.Tag != nil && tx.Tag.Role == plan.RoleBody && tx.Tag.Parent.Parent.Role == plan.RoleList {
					for _, sg := range tx.Line.Segments {
						link = link || sg.URL == "https://example.org/guide"
					}
				}
			}
		}
		if !link {
			t.Errorf("%s: the link in a list item is not in the item's body", aspect)
		}
		for _, s := range []string{"هذا نص عربي", "Αυτό είναι ελληνικό", "μια σειρά", "سلسلة"} {
			if !has(plan.RoleParagraph, func(_ *plan.Node, t string) bool { return strings.Contains(t, s) }) &&
				!has(plan.RoleBody, func(_ *plan.Node, t string) bool { return strings.Contains(t, s) }) {
				t.Errorf("%s: %q is not tagged as text", aspect, s)
			}
		}
		for _, pg := range doc.Pages {
			if pg.Label == "Empty notes" {
				if len(pg.Tag.Kids) != 1 || pg.Tag.Kids[0].Role != plan.RoleHeading {
					t.Errorf("%s: the empty section's slide holds %d nodes", aspect, len(pg.Tag.Kids))
				}
			}
		}

		e = readEntry(t, "testdata/forty-items.md")
		doc = planEntry(t, e, "lecture", layouts.Options{Aspect: aspect})
		slides, items := 0, 0
		for _, pg := range doc.Pages {
			if !strings.HasPrefix(pg.Label, "Forty items") {
				continue
			}
			slides++
			if len(pg.Tag.Kids) != 2 || pg.Tag.Kids[1].Role != plan.RoleList {
				t.Errorf("%s: %s is not a heading and one list", aspect, pg.Label)
				continue
			}
			items += len(pg.Tag.Kids[1].Kids)
		}
		if slides < 3 || items != 40 {
			t.Errorf("%s: %d items on %d slides, want 40 on several", aspect, items, slides)
		}
	}
}
