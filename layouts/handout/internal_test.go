package handout

import (
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

var testEngine = textlayout.New(fonts.Default())

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		in   []string // span texts
		want []string // sentences, span texts joined by "|"
	}{
		{[]string{"One sentence only."}, []string{"One sentence only."}},
		{[]string{"One is here. Two "}, []string{"One is here. ", "Two "}},
		{[]string{"One is here. Two ", "starts. Three", " ends! Four."}, []string{"One is here. ", "Two |starts. ", "Three| ends! ", "Four."}},
		{[]string{"See e.g. Koob. Then more."}, []string{"See e.g. Koob. ", "Then more."}},
		{nil, nil},
	} {
		var spans []textlayout.Span
		for _, s := range tc.in {
			spans = append(spans, textlayout.Span{Text: s})
		}
		var got []string
		for _, sent := range sentences(spans) {
			var parts []string
			for _, sp := range sent {
				parts = append(parts, sp.Text)
			}
			got = append(got, strings.Join(parts, "|"))
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFlowBreaksBetweenSentences pours a long paragraph into short pages
// and checks that every page ends with a whole sentence.
func TestFlowBreaksBetweenSentences(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 40; i++ {
		b.WriteString("This sentence is long enough to wrap over a line or so in a narrow column of text. ")
	}
	ts := newTypesetter(testEngine, locale.For("en"), 200)
	f := newFlow(area{X: 50, Y: 50, W: 200, H: 150})
	f.add(ts.para(topic.Plain(strings.TrimSpace(b.String())), 0, font(bodySize, false, false)))
	pages := f.finish()
	if len(pages) < 3 {
		t.Fatalf("%d pages", len(pages))
	}
	var all strings.Builder
	for i, pg := range pages {
		var last string
		for _, it := range pg.Items {
			tx := it.(*plan.Text)
			if tx.Y+tx.Line.Height > 200.01 {
				t.Errorf("page %d: line at %.1f crosses the bottom", i+1, tx.Y)
			}
			last = lineOf(tx.Line)
			all.WriteString(last + " ")
		}
		if !strings.HasSuffix(strings.TrimSpace(last), ".") {
			t.Errorf("page %d ends mid-sentence: %q", i+1, last)
		}
	}
	if got, want := strings.Join(strings.Fields(all.String()), " "), strings.TrimSpace(b.String()); got != want {
		t.Errorf("text changed:\n got %q\nwant %q", got, want)
	}
}

func lineOf(l textlayout.Line) string {
	var b strings.Builder
	for _, s := range l.Segments {
		b.WriteString(s.Text)
	}
	return b.String()
}

// TestGapper checks the gaps: whole words only, case kept in the key, one
// gap per term and section, numbered in order.
func TestGapper(t *testing.T) {
	e := &topic.Entry{KeyConcepts: []topic.Concept{{Term: topic.Plain("Tolerance")}, {Term: topic.Plain("drug tolerance")}, {Term: topic.Plain("Set-point")}}}
	g := newGapper(e, testEngine)
	f := font(bodySize, false, false)
	text := func(s string) string {
		var b strings.Builder
		for _, sp := range g.spans(topic.Plain(s), f) {
			b.WriteString(sp.Text)
		}
		return b.String()
	}
	got := text("Drug tolerance differs from tolerance, intolerance and the set-point.")
	if !strings.HasPrefix(got, "(1)\u00a0___") || !strings.Contains(got, "differs from (2)\u00a0___") || !strings.Contains(got, "intolerance") || !strings.Contains(got, "the (3)\u00a0___") {
		t.Errorf("gapped: %q", got)
	}
	if again := text("Tolerance again."); again != "Tolerance again." {
		t.Errorf("second gap in one section: %q", again)
	}
	g.used = map[string]bool{}
	if next := text("Tolerance again."); !strings.HasPrefix(next, "(4)") {
		t.Errorf("new section: %q", next)
	}
	if want := []string{"Drug tolerance", "tolerance", "set-point", "Tolerance"}; strings.Join(g.key, "|") != strings.Join(want, "|") {
		t.Errorf("key %q, want %q", g.key, want)
	}
	// The gap leaves about the word's width to write in.
	gap := g.gap("psychostimulants", f)
	if w, ww := testEngine.Width(gap), testEngine.Width(textlayout.Span{Text: "psychostimulants", Font: f}); w < ww {
		t.Errorf("gap %.1fpt for a %.1fpt word", w, ww)
	}
}

func TestMirror(t *testing.T) {
	for _, tc := range []struct{ in, want textlayout.Color }{
		{textlayout.Color{R: 255, G: 255, B: 255}, textlayout.Color{}},
		{textlayout.Color{}, textlayout.Color{R: 255, G: 255, B: 255}},
		{textlayout.Color{R: 0x10, G: 0x14, B: 0x1A}, textlayout.Color{R: 0xE5, G: 0xEB, B: 0xEF}},
	} {
		got := mirror(tc.in)
		d := func(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }
		if d(got.R, tc.want.R) > 2 || d(got.G, tc.want.G) > 2 || d(got.B, tc.want.B) > 2 {
			t.Errorf("mirror(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
	dark := &plan.Page{Background: &textlayout.Color{R: 0x10, G: 0x14, B: 0x1A}, Items: []plan.Item{&plan.Text{Line: textlayout.Line{Segments: []textlayout.Segment{{Text: "x", Color: textlayout.Color{R: 0xF4, G: 0xF6, B: 0xF8}}}}}}}
	light := printable(dark)
	if light.Ground() != plan.White || light.Items[0].(*plan.Text).Line.Segments[0].Color.Luminance() > 0.2 {
		t.Errorf("printable: %+v", light)
	}
	if dark.Items[0].(*plan.Text).Line.Segments[0].Color.R != 0xF4 {
		t.Error("printable changed the deck's own page")
	}
}

func TestRunningTitle(t *testing.T) {
	env := &layouts.Env{Text: testEngine}
	if got := runningTitle(env, "Short title", 300); got != "Short title" {
		t.Errorf("short: %q", got)
	}
	long := strings.Repeat("Neuroadaptation and tolerance ", 10)
	got := runningTitle(env, long, 300)
	if !strings.HasSuffix(got, " …") || testEngine.Width(textlayout.Span{Text: got, Font: font(smallSize, false, false)}) > 300 {
		t.Errorf("long: %q", got)
	}
}
