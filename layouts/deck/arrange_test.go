package deck

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/synth"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/slideflow"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/topic"
)

// arrangeExhaustive is arrange as it was before it stopped early: every
// size of the first column choice, then every size of the next. It is the
// oracle TestArrangeMatchesExhaustive holds arrange to.
func (p *planner) arrangeExhaustive(s section, colH, width float64) [][]slideflow.Column {
	choices := columnChoices(s)
	var best [][]slideflow.Column
	bestSize := 0.0
	for _, cols := range choices {
		colW := (width - columnGap*float64(cols-1)) / float64(cols)
		for size := p.theme.BodySize; size >= p.theme.MinBodySize-eps; size -= 2 {
			c := p.flowAt(size, colW, colH)
			c.refs = s.refs
			pg := slideflow.Paginate(s.build(c), colH, cols)
			if len(pg) <= 1 && (best == nil || len(best) > 1 || size > bestSize) {
				best, bestSize = pg, size
				break
			}
			if size >= p.theme.BodySize-p.theme.FlowShrink-eps && (best == nil || len(pg) < len(best)) {
				best, bestSize = pg, size
			}
		}
	}
	return best
}

// describeArrangement writes down everything a chosen arrangement draws:
// per slide and column each box's place and height and the position,
// size and text of every item, so two arrangements compare equal only
// if they would draw the same slides.
func describeArrangement(pages [][]slideflow.Column) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d slides\n", len(pages))
	for i, cols := range pages {
		fmt.Fprintf(&b, "slide %d: %d columns\n", i, len(cols))
		for ci, col := range cols {
			for _, pl := range col {
				fmt.Fprintf(&b, " col %d y=%g h=%g above=%g\n", ci, pl.Y, pl.Box.H, pl.Box.Above)
				for _, it := range pl.Box.Draw(0, pl.Y) {
					switch it := it.(type) {
					case *plan.Text:
						fmt.Fprintf(&b, "  text %g,%g w=%g h=%g", it.X, it.Y, it.Line.Width, it.Line.Height)
						for _, sg := range it.Line.Segments {
							fmt.Fprintf(&b, " [%s %g %q]", sg.Face, sg.Size, sg.Text)
						}
						b.WriteByte('\n')
					case *plan.Rect:
						fmt.Fprintf(&b, "  rect %g,%g %gx%g\n", it.X, it.Y, it.W, it.H)
					case *plan.Image:
						fmt.Fprintf(&b, "  image %g,%g %gx%g\n", it.X, it.Y, it.W, it.H)
					case *plan.Rule:
						fmt.Fprintf(&b, "  rule %g,%g %g,%g\n", it.X1, it.Y1, it.X2, it.Y2)
					default:
						fmt.Fprintf(&b, "  %T\n", it)
					}
				}
			}
		}
	}
	return b.String()
}

// arrangeEdgeEntries are entries at the edges of arrange's search: long
// lists, long paragraphs kept as paragraphs (two sentences), sections of
// one sentence, a sentence longer than a slide, text in other scripts.
func arrangeEdgeEntries(t *testing.T) []*topic.Entry {
	t.Helper()
	var out []*topic.Entry
	for _, f := range []string{"forty-items.md", "greek.md", "huge-list.md", "long-theory.md", "long-titles.md",
		"long-url.md", "many-concepts.md", "many-questions.md", "structure.md", "swedish.md", "cjk.md", "empty-sections.md"} {
		out = append(out, readEntry(t, filepath.Join("testdata", f)))
	}
	samples, err := filepath.Glob("../../samples/*.*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range samples {
		if ext := filepath.Ext(f); ext == ".md" || ext == ".json" || ext == ".yaml" {
			out = append(out, readEntry(t, f))
		}
	}
	out = append(out, readEntry(t, "../../topic/testdata/seed-page.txt"))

	words := func(n int, w string) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%s%d", w, i%97)
		}
		return b.String()
	}
	var items []topic.Item
	for i := range 40 {
		items = append(items, topic.Item{Text: topic.Plain(fmt.Sprintf("Item %d of the list, %s.", i, words(i%9, "word")))})
	}
	long := words(220, "lang") + ". " + words(180, "zweite") + "."
	out = append(out,
		&topic.Entry{Title: "Forty", Mechanisms: topic.Paragraphs("Lead-in as follows:"), CoreQuestions: items},
		&topic.Entry{Title: "Long paragraphs", Mechanisms: topic.Paragraphs(long, long),
			History: topic.Paragraphs(words(60, "a") + ". " + words(70, "b") + ".")},
		&topic.Entry{Title: "One sentence", Mechanisms: topic.Paragraphs("Only one sentence here."),
			History: topic.Paragraphs(words(400, "giant") + ".")},
		&topic.Entry{Title: "Ελληνικά", Lang: "sv", Mechanisms: topic.Paragraphs(strings.Repeat("Η γεωλογία μελετά τη Γη και τις διεργασίες της. Ämnet är stort och svårt. ", 14))},
	)
	return out
}

// TestArrangeMatchesExhaustive holds arrange's early-stopping search to the
// exhaustive one it replaced: for every section of the samples, edge
// entries and a few hundred synthetic entries (several seeds, some
// Swedish), in every built-in theme and a theme of five sizes, at both
// aspects, both must choose the same slides.
func TestArrangeMatchesExhaustive(t *testing.T) {
	entries := arrangeEdgeEntries(t)
	// A few hundred: full-length entries of one seed, short ones (the same
	// shapes, a few sentences a section) of others, to keep the test quick.
	for _, cat := range []struct {
		n   int
		opt synth.Options
	}{{30, synth.Options{Seed: 1}}, {60, synth.Options{Seed: 7, Small: true}}, {60, synth.Options{Seed: 42, Small: true}}, {60, synth.Options{Seed: 99, Small: true}}} {
		for i := range cat.n {
			name, data := synth.Entry(i, cat.opt)
			e, err := topic.Read(name, data, topic.Options{})
			if err != nil {
				t.Fatal(err)
			}
			entries = append(entries, e)
		}
	}
	wide := Lecture // more sizes to search and more of them within FlowShrink
	wide.BodySize, wide.MinBodySize, wide.FlowShrink = 30, 20, 4
	layoutsByName := map[string]*Layout{"wide": New(wide, "")}
	for name, th := range themes {
		layoutsByName[name] = New(th, "")
	}
	// What the search met, so the test fails if the entries stop covering
	// its cases.
	var sections, oneFirst, oneSmaller, several, twoChoices int
	for name, l := range layoutsByName {
		for _, aspect := range []string{"16:9", "4:3"} {
			w, h, err := PageSize(aspect)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				env := &layouts.Env{Text: engine(), Labels: locale.For(e.LangOrDefault()), Options: layouts.Options{Aspect: aspect}}
				p := l.newPlanner(e, env, w, h)
				width := p.w - 2*p.theme.MarginX
				for _, s := range p.slideSections(p.planCover()) {
					colH := p.bodyHeight(s)
					got := describeArrangement(p.arrange(s, colH, width))
					want := describeArrangement(p.arrangeExhaustive(s, colH, width))
					if got != want {
						t.Fatalf("%s %s, %q, section %q: arrange chose\n%s\nthe exhaustive search\n%s", name, aspect, e.Title, s.title, got, want)
					}
					sections++
					if len(columnChoices(s)) > 1 {
						twoChoices++
					}
					switch first := p.arrangeAt(s, colH, width, p.theme.BodySize); {
					case strings.HasPrefix(got, "0 slides") || strings.HasPrefix(got, "1 slides"):
						if first <= 1 {
							oneFirst++
						} else {
							oneSmaller++
						}
					default:
						several++
					}
				}
			}
		}
	}
	t.Logf("%d sections: %d on one slide at the body size, %d on one slide smaller, %d on several; %d with two column choices",
		sections, oneFirst, oneSmaller, several, twoChoices)
	if oneFirst == 0 || oneSmaller == 0 || several == 0 || twoChoices == 0 {
		t.Error("the entries no longer cover every case of the search")
	}
}

// arrangeAt is how many slides the section's body takes at size in its
// first column choice.
func (p *planner) arrangeAt(s section, colH, width, size float64) int {
	cols := columnChoices(s)[0]
	colW := (width - columnGap*float64(cols-1)) / float64(cols)
	c := p.flowAt(size, colW, colH)
	c.refs = s.refs
	return len(slideflow.Paginate(s.build(c), colH, cols))
}

// BenchmarkPlanSynth plans twenty synthetic entries of the 1,000-entry
// build's kind (long prose, many concepts, some Swedish) as lecture decks:
// the deck planning a course build does, without the seed entry's luck.
func BenchmarkPlanSynth(b *testing.B) {
	var entries []*topic.Entry
	for i := range 20 {
		name, data := synth.Entry(i, synth.Options{Seed: 1})
		e, err := topic.Read(name, data, topic.Options{})
		if err != nil {
			b.Fatal(err)
		}
		entries = append(entries, e)
	}
	pl, err := layouts.LookupPlanner("lecture", layouts.KindSlides)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, e := range entries {
			env := &layouts.Env{Text: engine(), Labels: locale.For(e.LangOrDefault())}
			if _, err := pl.Plan(e, env); err != nil {
				b.Fatal(err)
			}
		}
	}
}
