package handout_test

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/internal/phrases"
	"github.com/scholargate/topicdeck/internal/structcheck"
	"github.com/scholargate/topicdeck/layouts"
	_ "github.com/scholargate/topicdeck/layouts/deck"
	"github.com/scholargate/topicdeck/layouts/handout"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/pdfdraw"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

var handoutLayouts = []string{"slides-1", "slides-2", "slides-3", "slides-4", "slides-6", "slides-9", "notes", "reader", "cornell", "guided"}

var engine = sync.OnceValue(func() *textlayout.Engine { return textlayout.New(fonts.Default()) })

// entries are every sample, the seed page and the stress entries.
func entries(t testing.TB) map[string]*topic.Entry {
	t.Helper()
	var files []string
	for _, pat := range []string{"../../samples/*.md", "../../samples/*.json", "../../samples/*.yaml", "testdata/stress-*.md"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	files = append(files, "../../topic/testdata/seed-page.txt")
	out := map[string]*topic.Entry{}
	for _, f := range files {
		e, err := topic.ReadFile(f, topic.Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[filepath.Base(f)] = e
	}
	return out
}

func seed(t testing.TB) *topic.Entry {
	e, err := topic.ReadFile("../../topic/testdata/seed-page.txt", topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// decks caches each entry's deck: it does not depend on the paper, and
// planning it once per entry keeps the test matrix quick.
var (
	decksMu sync.Mutex
	decks   = map[*topic.Entry]map[string]func() (*plan.Document, error){}
)

func envFor(e *topic.Entry, paper, order, slides string) *layouts.Env {
	opts := layouts.Options{Paper: paper, Order: order, Creator: "topicdeck test", Time: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	env := &layouts.Env{Text: engine(), Labels: locale.For(e.LangOrDefault()), Options: opts}
	decksMu.Lock()
	defer decksMu.Unlock()
	if decks[e] == nil {
		decks[e] = map[string]func() (*plan.Document, error){}
	}
	if decks[e][slides] == nil {
		d := *env
		decks[e][slides] = sync.OnceValues(func() (*plan.Document, error) {
			p, err := layouts.LookupPlanner(slides, layouts.KindSlides)
			if err != nil {
				return nil, err
			}
			return p.Plan(e, &d)
		})
	}
	env.Deck = decks[e][slides]
	return env
}

func planFor(t testing.TB, name string, e *topic.Entry, env *layouts.Env) *plan.Document {
	t.Helper()
	p, err := layouts.LookupPlanner(name, layouts.KindHandout)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := p.Plan(e, env)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

func TestRegistered(t *testing.T) {
	for _, name := range handoutLayouts {
		l, err := layouts.Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		if l.Kind() != layouts.KindHandout || l.Description() == "" {
			t.Errorf("%s: kind %q, description %q", name, l.Kind(), l.Description())
		}
	}
}

func TestPaper(t *testing.T) {
	for _, tc := range []struct {
		name      string
		w, h, min float64
	}{
		{"", 595.28, 841.89, 15 / 25.4 * 72},
		{"a4", 595.28, 841.89, 15 / 25.4 * 72},
		{"Letter", 612, 792, 54},
	} {
		p, err := handout.PaperFor(tc.name)
		if err != nil {
			t.Fatal(err)
		}
		if p.Width != tc.w || p.Height != tc.h || p.Margin < tc.min {
			t.Errorf("%q: got %+v", tc.name, p)
		}
	}
	if _, err := handout.PaperFor("a5"); err == nil {
		t.Error("a5: no error")
	}
}

// within checks that everything drawn lies inside the page's margins.
func within(t *testing.T, doc *plan.Document, margin float64) {
	t.Helper()
	lo, hiX, hiY := margin-0.01, doc.Width-margin+0.01, doc.Height-margin+0.01
	for i, pg := range doc.Pages {
		for _, it := range pg.Items {
			var x0, y0, x1, y1 float64
			var what string
			switch v := it.(type) {
			case *plan.Text:
				x0, y0, x1, y1 = v.X, v.Y, v.X+v.Line.Width, v.Y+v.Line.Height
				what = lineText(v.Line)
			case *plan.Rect:
				x0, y0, x1, y1 = v.X, v.Y, v.X+v.W, v.Y+v.H
				what = "rect"
			case *plan.Rule:
				x0, y0, x1, y1 = min(v.X1, v.X2), min(v.Y1, v.Y2), max(v.X1, v.X2), max(v.Y1, v.Y2)
				what = "rule"
			case *plan.Embed:
				x0, y0, x1, y1 = v.X, v.Y, v.X+v.W, v.Y+v.H
				what = "slide"
			default:
				continue
			}
			if x0 < lo || y0 < lo || x1 > hiX || y1 > hiY {
				t.Errorf("page %d: %q at (%.1f,%.1f)-(%.1f,%.1f) crosses the %.1fpt margin", i+1, what, x0, y0, x1, y1, margin)
				return
			}
		}
	}
}

func lineText(l textlayout.Line) string {
	var b strings.Builder
	for _, s := range l.Segments {
		b.WriteString(s.Text)
	}
	return b.String()
}

// textSizes returns the smallest text size on a page, embedded slides aside.
func smallest(doc *plan.Document) float64 {
	m := math.Inf(1)
	for _, pg := range doc.Pages {
		for _, it := range pg.Items {
			if v, ok := it.(*plan.Text); ok {
				for _, s := range v.Line.Segments {
					m = min(m, s.Size)
				}
			}
		}
	}
	return m
}

func render(t testing.TB, doc *plan.Document, path string) {
	t.Helper()
	var buf bytes.Buffer
	if err := pdfdraw.Write(&buf, doc, fonts.Default()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// eachPlan plans every handout layout, on A4 and on Letter, for every entry
// of es, each in a parallel subtest named paper/layout/file, and hands the
// plan to check.
func eachPlan(t *testing.T, es map[string]*topic.Entry, check func(t *testing.T, paper, name, file string, e *topic.Entry, env *layouts.Env, doc *plan.Document)) {
	for _, paper := range []string{"a4", "letter"} {
		for _, name := range handoutLayouts {
			for file, e := range es {
				t.Run(paper+"/"+name+"/"+file, func(t *testing.T) {
					t.Parallel()
					env := envFor(e, paper, "", "lecture")
					check(t, paper, name, file, e, env, planFor(t, name, e, env))
				})
			}
		}
	}
}

// TestHandouts plans and draws every layout, on A4 and on Letter, for every
// sample and stress entry, and checks the PDF as a reader would.
func TestHandouts(t *testing.T) {
	es := entries(t)
	dir := os.Getenv("HANDOUT_OUT") // keep the PDFs to look at
	if dir == "" {
		dir = t.TempDir()
	}
	eachPlan(t, es, func(t *testing.T, paper, name, file string, e *topic.Entry, env *layouts.Env, doc *plan.Document) {
		p, _ := handout.PaperFor(paper)
		within(t, doc, p.Margin)
		if doc.Meta.Title == "" || doc.Meta.Creator == "" {
			t.Errorf("metadata: %+v", doc.Meta)
		}
		minPt := 0.0
		switch name {
		case "reader", "cornell", "guided":
			minPt = 9.5
			if s := smallest(doc); s < minPt {
				t.Errorf("text at %.1fpt", s)
			}
		}
		var expect []string
		if name == "reader" || name == "notes" {
			expect = phrases.Of(e)
		}
		path := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.pdf", paper, name, strings.ReplaceAll(file, ".", "-")))
		render(t, doc, path)
		checktool.PDF(t, path, expect, minPt)
		// A screen reader reads every sentence the page prints:
		// cornell prints cues and prompts, not the whole entry,
		// and guided notes' gaps are artifacts (checkGuided
		// checks those).
		var read []string
		if name != "guided" && name != "cornell" {
			read = phrases.Of(e)
		}
		checktool.PDFUA(t, path, read)
		if strings.HasPrefix(name, "slides-") {
			var n int
			fmt.Sscanf(name, "slides-%d", &n)
			deck, _ := env.Deck()
			want := (len(deck.Pages) + n - 1) / n
			if got := checktool.Pages(t, path); got != want {
				t.Errorf("%d pages for %d slides, want %d", got, len(deck.Pages), want)
			}
		}
		if name == "guided" {
			checkGuided(t, e, checktool.Text(t, path))
		}
	})
}

// checkGuided finds every sentence in the guided notes: each key concept in
// it either as written or as a numbered gap, and each gap's number in the
// answer key with the word it stands for.
func checkGuided(t *testing.T, e *topic.Entry, text string) {
	t.Helper()
	flat := squash(text)
	low := strings.ToLower(flat)
	var terms []string
	for _, c := range e.KeyConcepts {
		if s := strings.TrimSpace(c.Term.Plain()); s != "" {
			terms = append(terms, s)
		}
	}
	for _, s := range phrases.Of(e) {
		pat, words := gapPattern(s, terms)
		ms := pat.FindAllStringSubmatch(flat, -1)
		if ms == nil {
			t.Errorf("guided: sentence missing: %q", s)
			continue
		}
		// A sentence may occur more than once (a lone term matches any
		// gap): one occurrence whose gaps the key confirms is enough.
		ok := false
		for _, m := range ms {
			good := true
			for i, n := range m[1:] {
				if n != "" && !strings.Contains(low, "("+n+")"+strings.ToLower(squash(words[i]))) {
					good = false
				}
			}
			ok = ok || good
		}
		if !ok {
			t.Errorf("guided: answer key lacks the gaps of %q (%v)", s, ms[0])
		}
	}
}

// gapPattern matches a sentence with each term in it as written or as a gap
// "(n) ____"; words lists the term behind each capture group.
func gapPattern(s string, terms []string) (*regexp.Regexp, []string) {
	var b strings.Builder
	var words []string
	rs := []rune(s)
	lowS := strings.ToLower(s)
	lr := []rune(lowS)
	start := 0
	for i := 0; i < len(rs); i++ {
		if i > 0 && isWord(lr[i-1]) {
			continue
		}
		for _, term := range terms {
			tl := []rune(strings.ToLower(term))
			if i+len(tl) > len(lr) || string(lr[i:i+len(tl)]) != string(tl) || (i+len(tl) < len(lr) && isWord(lr[i+len(tl)])) {
				continue
			}
			b.WriteString(regexp.QuoteMeta(squash(string(rs[start:i]))))
			word := string(rs[i : i+len(tl)])
			fmt.Fprintf(&b, `(?:%s|\((\d+)\)_+)`, "(?i:"+regexp.QuoteMeta(squash(word))+")")
			words = append(words, word)
			i += len(tl) - 1
			start = i + 1
			break
		}
	}
	b.WriteString(regexp.QuoteMeta(squash(string(rs[start:]))))
	return regexp.MustCompile(b.String()), words
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// squash drops white space and hyphens, as pdfcheck does, so a word
// broken at its hyphen ("mid-\nocean") still matches.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '\u2010' || r == '\u2011' {
			return -1
		}
		return r
	}, s)
}

// TestVerticalOrder checks that vertical order runs down the columns.
func TestVerticalOrder(t *testing.T) {
	e := seed(t)
	for _, order := range []string{"horizontal", "vertical"} {
		env := envFor(e, "a4", order, "lecture")
		doc := planFor(t, "slides-6", e, env)
		deck, _ := env.Deck()
		var pos [][2]float64
		for _, it := range doc.Pages[0].Items {
			if v, ok := it.(*plan.Embed); ok {
				pos = append(pos, [2]float64{v.X, v.Y})
			}
		}
		if len(pos) != min(6, len(deck.Pages)) || len(pos) < 2 {
			t.Fatalf("%s: %d slides on page 1", order, len(pos))
		}
		sameRow := pos[0][1] == pos[1][1]
		if sameRow != (order == "horizontal") {
			t.Errorf("%s: second slide at %v after %v", order, pos[1], pos[0])
		}
	}
	if _, err := layouts.LookupPlanner("slides-6", layouts.KindHandout); err != nil {
		t.Fatal(err)
	}
	p, _ := layouts.LookupPlanner("slides-6", layouts.KindHandout)
	if _, err := p.Plan(e, envFor(e, "a4", "diagonal", "lecture")); err == nil {
		t.Error("order diagonal: no error")
	}
	if _, err := p.Plan(e, envFor(e, "a3", "", "lecture")); err == nil {
		t.Error("paper a3: no error")
	}
}

// TestDarkThemePrintsLight checks that a dark slide theme is printed on
// white with dark text.
func TestDarkThemePrintsLight(t *testing.T) {
	e := seed(t)
	doc := planFor(t, "slides-3", e, envFor(e, "a4", "", "contrast"))
	var walk func(p *plan.Page)
	walk = func(p *plan.Page) {
		if lum(p.Ground()) < 0.5 {
			t.Errorf("page %q printed on a dark ground %v", p.Label, p.Ground())
		}
		for _, it := range p.Items {
			switch v := it.(type) {
			case *plan.Embed:
				walk(v.Page)
			case *plan.Text:
				for _, s := range v.Line.Segments {
					if lum(s.Color) > 0.6 {
						t.Errorf("light text %v: %q", s.Color, s.Text)
						return
					}
				}
			}
		}
	}
	for _, pg := range doc.Pages {
		walk(pg)
	}
}

func lum(c textlayout.Color) float64 {
	return (0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)) / 255
}

// TestDeterministic plans and draws twice and compares the bytes.
func TestDeterministic(t *testing.T) {
	e := seed(t)
	for _, name := range handoutLayouts {
		var out [2][]byte
		for i := range out {
			var buf bytes.Buffer
			if err := pdfdraw.Write(&buf, planFor(t, name, e, envFor(e, "a4", "", "lecture")), fonts.Default()); err != nil {
				t.Fatal(err)
			}
			out[i] = buf.Bytes()
		}
		if !bytes.Equal(out[0], out[1]) {
			t.Errorf("%s: two runs differ", name)
		}
	}
}

// TestNotesFollowSlides checks that the speaking notes under each slide are
// the entry's text for that slide: the definition under the Definition
// slide, each FAQ answer under the slide that asks its question.
func TestNotesFollowSlides(t *testing.T) {
	e := seed(t)
	doc := planFor(t, "notes", e, envFor(e, "a4", "", "lecture"))
	// notes maps each slide label to the text set beside it, up to the next slide.
	notes := map[string]string{}
	label := ""
	for _, pg := range doc.Pages {
		for _, it := range pg.Items {
			switch v := it.(type) {
			case *plan.Embed:
				label = v.Page.Label
			case *plan.Text:
				notes[label] += lineText(v.Line) + " "
			}
		}
	}
	has := func(label, phrase string) {
		t.Helper()
		if !strings.Contains(squash(notes[label]), squash(phrase)) {
			t.Errorf("notes of slide %q lack %q:\n%s", label, phrase, notes[label])
		}
	}
	has("Definition", e.Definition.Plain())
	has(e.Title, "Neuroadaptation refers to the lasting molecular")
	has("Mechanisms", "Repeated drug exposure triggers compensatory changes")
	for _, q := range e.FAQ {
		found := false
		for _, n := range notes {
			if strings.Contains(squash(n), squash(q.Answer.Plain())) {
				found = true
			}
		}
		if !found {
			t.Errorf("FAQ answer not in the notes: %q", q.Answer.Plain())
		}
	}
	if strings.Contains(squash(notes["Definition"]), squash(e.Mechanisms.Plain())) {
		t.Error("the Definition slide's notes run on into Mechanisms")
	}
}

// TestStructure plans every layout, on A4 and on Letter, for every sample
// and stress entry, and follows its logical structure as a screen reader
// would: every tagged item in the tree, headings from level 1 without a
// skip, nothing but the running head, page numbers and the Cornell
// summary box's label drawn as an artifact, and the entry read in order.
func TestStructure(t *testing.T) {
	es := entries(t)
	// The deck's structure test entries: a table, a link in a list item,
	// Arabic and Greek, long text, forty items, empty sections.
	for _, f := range []string{"../deck/testdata/structure.md", "../deck/testdata/forty-items.md"} {
		e, err := topic.ReadFile(f, topic.Options{})
		if err != nil {
			t.Fatal(err)
		}
		es[filepath.Base(f)] = e
	}
	eachPlan(t, es, func(t *testing.T, paper, name, file string, e *topic.Entry, env *layouts.Env, doc *plan.Document) {
		r := structcheck.Check(doc)
		for _, p := range r.Problems {
			t.Error(p)
		}
		title := strings.Join(strings.Fields(e.Title), " ")
		for _, u := range r.Untagged {
			u = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(u), "…"))
			if !pageOf.MatchString(u) && !strings.HasPrefix(title, u) && !(name == "cornell" && u == env.Labels.Get(locale.Summary)) && !(name == "guided" && blank.MatchString(u)) {
				t.Errorf("text drawn as an artifact: %q", u)
			}
		}
		if name == "reader" {
			// Each term with a definition is its item's label.
			for _, c := range e.KeyConcepts {
				if term := strings.TrimSpace(c.Term.Plain()); len(c.Definition) > 0 && !slices.Contains(r.Texts[plan.RoleLabel], term) {
					t.Errorf("the term %q is not a label", term)
				}
			}
		}
		switch name {
		case "guided":
			// The blanks are artifacts; put back where they
			// stand, the reading has every sentence with its
			// gaps, and the answer key.
			blanks := 0
			for _, pg := range doc.Pages {
				var texts []*plan.Text
				for _, it := range pg.Items {
					if tx, ok := it.(*plan.Text); ok {
						texts = append(texts, tx)
					}
				}
				for i, tx := range texts {
					isBlank := blank.MatchString(pageTextOf(tx))
					if tx.Tag != nil && isBlank && !rtl.MatchString(pageTextOf(tx)) {
						t.Errorf("a blank is tagged: %q", pageTextOf(tx))
					}
					if tx.Tag != nil || !isBlank {
						continue
					}
					blanks++
					// A blank belongs with the words before it
					// on its line, else with those after it.
					switch {
					case i > 0 && texts[i-1].Y == tx.Y && texts[i-1].Tag != nil:
						tx.Tag = texts[i-1].Tag
					case i+1 < len(texts) && texts[i+1].Tag != nil:
						tx.Tag = texts[i+1].Tag
					}
				}
			}
			if len(e.KeyConcepts) > 0 && blanks == 0 {
				t.Error("no blank drawn as an artifact")
			}
			checkGuided(t, e, structcheck.Check(doc).Reading)
		case "cornell":
			var cues []string
			for _, q := range e.CoreQuestions {
				cues = append(cues, q.Text.Plain())
			}
			for _, c := range e.KeyConcepts {
				cues = append(cues, c.Term.Plain())
			}
			for _, p := range structcheck.OutOfOrder(r, [][]string{{e.Title}, cues}) {
				t.Errorf("structure: %s", p)
			}
		default:
			for _, p := range structcheck.OutOfOrder(r, phrases.Groups(e)) {
				t.Errorf("structure: %s", p)
			}
		}
	})
}

// blank is a gap of the guided notes; rtl a right-to-left letter, whose
// line is kept whole.
var (
	blank = regexp.MustCompile(`\(\d+\)\x{00a0}_+`)
	rtl   = regexp.MustCompile(`[\p{Arabic}\p{Hebrew}]`)
)

// pageTextOf is the text of one drawn line.
func pageTextOf(tx *plan.Text) string { return lineText(tx.Line) }

// pageOf is a page number in a handout's footer.
var pageOf = regexp.MustCompile(`^(Page|Sida) \d+ (of|av) \d+$`)
