package textlayout

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/internal/cjkfont"
)

func lineText(l Line) string {
	var b strings.Builder
	for _, s := range l.Segments {
		b.WriteString(s.Text)
	}
	return b.String()
}

func texts(lines []Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = lineText(l)
	}
	return out
}

// checkPreserved fails unless the lines, joined with only the white space
// dropped at breaks, give back the input text exactly.
func checkPreserved(t *testing.T, p Paragraph, lines []Line) {
	t.Helper()
	var in strings.Builder
	for _, s := range p.Spans {
		in.WriteString(strings.ReplaceAll(s.Text, "\t", " "))
	}
	rest := in.String()
	for i, l := range lines {
		lt := lineText(l)
		for !strings.HasPrefix(rest, lt) || (lt == "" && i > 0 && strings.HasPrefix(rest, " ")) {
			r, n := utf8.DecodeRuneInString(rest)
			if n == 0 || !strings.ContainsRune(" \n\r", r) {
				t.Fatalf("line %d %q: input continues %q", i, lt, trunc(rest))
			}
			rest = rest[n:]
			if lt == "" && r == '\n' {
				break
			}
		}
		rest = rest[len(lt):]
	}
	if strings.Trim(rest, " \n\r") != "" {
		t.Fatalf("text lost after the last line: %q", trunc(rest))
	}
}

func trunc(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// checkGeometry fails if a line is wider than the box (a single character
// may overflow a box narrower than itself) or its segments do not tile it.
func checkGeometry(t *testing.T, lines []Line, width float64) {
	t.Helper()
	for i, l := range lines {
		// Indentation after a hard newline is kept even in a tiny box.
		if l.Width > width+1e-6 && utf8.RuneCountInString(strings.TrimLeft(lineText(l), " ")) > 1 {
			t.Errorf("line %d %q is %.3f wide, box %.3f", i, lineText(l), l.Width, width)
		}
		sum := 0.0
		for j, s := range l.Segments {
			if j > 0 && math.Abs(s.X-(l.Segments[j-1].X+l.Segments[j-1].Width)) > 1e-9 {
				t.Errorf("line %d: segment %d does not follow the previous one", i, j)
			}
			sum += s.Width
		}
		if math.Abs(sum-l.Width) > 1e-9 {
			t.Errorf("line %d: segments sum to %f, Width %f", i, sum, l.Width)
		}
		if len(l.Segments) > 0 && (l.Ascent <= 0 || l.Height <= 0) {
			t.Errorf("line %d: ascent %f height %f", i, l.Ascent, l.Height)
		}
	}
}

func sans(size float64, text string) Span {
	return Span{Text: text, Font: Font{Size: size}}
}

func TestLines(t *testing.T) {
	longURL := "https://example.org/" + strings.Repeat("very-long-path-segment/", 12) + "end?query=" + strings.Repeat("x", 30)
	tests := []struct {
		name    string
		spans   []Span
		width   float64
		cjk     bool
		want    []string // expected line texts, when given
		faces   string   // expected face of every segment, when given ("Family-Style")
		missing string
	}{
		{
			name:  "fits on one line",
			spans: []Span{sans(12, "Hello world")},
			width: 500,
			want:  []string{"Hello world"},
			faces: "NotoSans",
		},
		{
			name:  "breaks at spaces and drops them",
			spans: []Span{sans(12, "alpha beta gamma delta")},
			width: 80,
			want:  []string{"alpha beta", "gamma delta"},
		},
		{
			name:  "hard newlines and a blank line",
			spans: []Span{sans(12, "one\n\ntwo\r\nthree")},
			width: 500,
			want:  []string{"one", "", "two", "three"},
		},
		{
			name:  "after hyphen",
			spans: []Span{sans(12, "evidence-based")},
			width: 60,
			want:  []string{"evidence-", "based"},
		},
		{
			name:  "after em dash",
			spans: []Span{sans(12, "theory—practice")},
			width: 50,
			want:  []string{"theory—", "practice"},
		},
		{
			name:  "closing punctuation stays",
			spans: []Span{sans(12, "aaaa bbbb)")},
			width: 55,
			want:  []string{"aaaa", "bbbb)"},
		},
		{
			name:  "too long token broken inside",
			spans: []Span{sans(12, strings.Repeat("m", 40))},
			width: 100,
		},
		{
			name:  "long URL breaks after slashes",
			spans: []Span{{Text: longURL, Font: Font{Size: 10}, URL: longURL, Color: Color{0, 0, 200}}},
			width: 200,
		},
		{
			name:  "styles mix",
			spans: []Span{sans(12, "plain "), {Text: "bold ", Font: Font{Bold: true, Size: 12}}, {Text: "code()", Font: Font{Family: "mono", Size: 11}}},
			width: 500,
			faces: "NotoSans NotoSans-B NotoSansMono",
		},
		{
			name:  "Swedish Greek Cyrillic in Noto",
			spans: []Span{sans(12, "Räksmörgås på Åland. Ελληνικά κείμενα. Русский текст.")},
			width: 120,
			faces: "NotoSans",
		},
		{
			name:  "Hebrew and Arabic fall back to DejaVu",
			spans: []Span{sans(12, "שלום مرحبا")},
			width: 500,
			faces: "DejaVuSans NotoSans DejaVuSans",
		},
		{
			name:    "emoji and CJK without font dir are reported",
			spans:   []Span{sans(12, "smile \U0001F9A0 中文 \U0001F9A0")},
			width:   500,
			want:    []string{"smile \U0001F9A0 中文 \U0001F9A0"},
			faces:   "NotoSans",
			missing: "\U0001F9A0中文",
		},
		{
			name:  "CJK breaks between ideographs, not before 。",
			spans: []Span{sans(12, "日本語のテキストは、スペースなしで改行されます。中文也一样。")},
			width: 61,
			cjk:   true,
			faces: "DirDroidSansFallbackFull",
		},
		{
			name:  "CJK next to Latin",
			spans: []Span{sans(12, "Theory理论Practice实践")},
			width: 70,
			cjk:   true,
			want:  []string{"Theory理论", "Practice实践"},
		},
		{
			name:  "tab counts as a space",
			spans: []Span{sans(12, "a\tb")},
			width: 500,
			want:  []string{"a b"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			set := fonts.Default()
			if tc.cjk {
				set = cjkfont.Set(t)
			}
			e := New(set)
			p := Paragraph{Spans: tc.spans}
			lines := e.Lines(p, tc.width)
			got := texts(lines)
			if tc.want != nil && !slices.Equal(got, tc.want) {
				t.Errorf("lines = %q, want %q", got, tc.want)
			}
			checkPreserved(t, p, lines)
			checkGeometry(t, lines, tc.width)
			if tc.faces != "" {
				var fs []string
				for _, l := range lines {
					for _, s := range l.Segments {
						name := s.Face
						if s.Style != "" {
							name += "-" + s.Style
						}
						if len(fs) == 0 || fs[len(fs)-1] != name {
							fs = append(fs, name)
						}
					}
				}
				if strings.Join(fs, " ") != tc.faces {
					t.Errorf("faces %v, want %s", fs, tc.faces)
				}
			}
			var missing []rune
			for _, l := range lines {
				missing = append(missing, l.Missing...)
			}
			if string(missing) != tc.missing {
				t.Errorf("missing %q, want %q", string(missing), tc.missing)
			}
			for i, l := range lines {
				if i > 0 && l.Segments != nil {
					first, _ := utf8.DecodeRuneInString(l.Segments[0].Text)
					if isClosing(first) && !tc.spans[0].Font.Bold && tc.width > 40 && tc.cjk {
						t.Errorf("line %d starts with closing %q", i, first)
					}
				}
			}
		})
	}
}

func TestCJKLinesAreFull(t *testing.T) {
	e := New(cjkfont.Set(t))
	text := "日本語のテキストは、スペースなしで改行されます。"
	lines := e.Lines(Paragraph{Spans: []Span{sans(10, text)}}, 45)
	if len(lines) < 4 {
		t.Fatalf("got %d lines: %q", len(lines), texts(lines))
	}
	for i, l := range lines[:len(lines)-1] {
		// Ideographs are 10 pt wide: four fit in 45 pt, three when the
		// fourth would leave closing punctuation ("ー", "。") at a line start.
		n := utf8.RuneCountInString(lineText(l))
		next, _ := utf8.DecodeRuneInString(lineText(lines[i+1]))
		if n != 4 && n != 3 {
			t.Errorf("line %d %q has %d characters", i, lineText(l), n)
		}
		if isClosing(next) {
			t.Errorf("line %d starts with %q", i+1, next)
		}
	}
}

func TestLongURL(t *testing.T) {
	url := "https://doi.org/10.1000/" + strings.Repeat("abcdefghij", 28)
	e := New(nil)
	p := Paragraph{Spans: []Span{sans(10, "See "), {Text: url, Font: Font{Size: 10}, URL: url}}}
	lines := e.Lines(p, 150)
	checkPreserved(t, p, lines)
	checkGeometry(t, lines, 150)
	if len(lines) < 5 {
		t.Fatalf("%d lines", len(lines))
	}
	if got := texts(lines)[0]; !strings.HasSuffix(got, "/") {
		t.Errorf("first line %q does not break after a slash", got)
	}
	for i, l := range lines[1:] {
		for _, s := range l.Segments {
			if s.URL != url {
				t.Errorf("line %d segment %q lost its URL", i+1, s.Text)
			}
		}
		// Filled to the last character that fits.
		if i+1 < len(lines)-1 && l.Width < 140 {
			t.Errorf("line %d only %.1f wide", i+1, l.Width)
		}
	}
}

// TestWidthsMatchDrawn sums, for every segment, the advances of the glyphs
// the PDF draws (Arabic shaped), which are the font's /W widths: measuring
// and drawing must agree.
func TestWidthsMatchDrawn(t *testing.T) {
	set := cjkfont.Set(t)
	e := New(set)
	p := Paragraph{Spans: []Span{
		sans(11, "Räksmörgås, Ελληνικά, Русский, שלום, مرحبا, سلام, 日本語, ☃ ∑ ≠ ‰ "),
		{Text: "fett och kursivt ", Font: Font{Bold: true, Italic: true, Size: 13.5}},
		{Text: "mono_code(x) := 42; ", Font: Font{Family: "mono", Size: 9}},
		{Text: "mono italic ∂ ", Font: Font{Family: "mono", Italic: true, Size: 9.25}},
		sans(7, "\U0001F600 emoji "),
		{Text: "To AVoid Typos, “Yes.” Ελλάδα Тест", Font: Font{Italic: true, Size: 10}},
	}}
	// The same text without its right-to-left words, which turn kerning
	// off for their paragraph.
	ltr := Paragraph{Spans: slices.Clone(p.Spans)}
	ltr.Spans[0].Text = "Räksmörgås, Ελληνικά, Русский, 日本語, ☃ ∑ ≠ ‰ "
	lines := append(e.Lines(p, 180), e.Lines(ltr, 180)...)
	registered := map[string]bool{}
	n, kerned := 0, 0
	for _, l := range lines {
		for _, s := range l.Segments {
			key := s.Face + "/" + s.Style
			registered[key] = true
			// What the PDF backend draws: Arabic shaped.
			face := set.Face(s.Face, s.Style)
			drawn := ArabicForms([]rune(s.Text), func(_ int, f rune) bool { return face.Has(f) })
			drawn = slices.DeleteFunc(drawn, func(r rune) bool { return r == 0 })
			units := 0
			for _, r := range drawn {
				units += face.Advance(r)
			}
			// The backend adds the kerning as TJ adjustments.
			if k := kernUnits(face, s.Text); s.Kern {
				units += k
				if k != 0 {
					kerned++
				}
			}
			if got := float64(units) * s.Size / 1000; math.Abs(got-s.Width) > 0.01 {
				t.Errorf("%s %s %.2fpt %q: drawn %.4f, layout %.4f", s.Face, s.Style, s.Size, s.Text, got, s.Width)
			}
			if s.Kern && hasRTLString(s.Text) {
				t.Errorf("right-to-left segment %q marked Kern", s.Text)
			}
			n++
		}
	}
	if len(registered) < 5 || n < 10 || kerned < 3 {
		t.Errorf("only %d faces, %d segments (%d kerned) exercised", len(registered), n, kerned)
	}
	for _, s := range p.Spans {
		// Width of a span equals the sum of its segments on one line.
		one := e.Lines(Paragraph{Spans: []Span{s}}, math.Inf(1))
		trimmed := s
		trimmed.Text = strings.TrimRight(s.Text, " ")
		if len(one) != 1 || math.Abs(one[0].Width-e.Width(trimmed)) > 1e-9 {
			t.Errorf("Width(%q) = %f, one line %f", s.Text, e.Width(s), one[0].Width)
		}
	}
}

func TestArabicForms(t *testing.T) {
	all := func(int, rune) bool { return true }
	tests := []struct{ in, want string }{
		{"مرحبا", "\uFEE3\uFEAE\uFEA3\uFE92\uFE8E"},
		{"سلام", "\uFEB3\uFEFC\x00\uFEE1"},
		{"لا", "\uFEFB\x00"},
		{"ء ب", "\uFE80 \uFE8F"},
		{"بَب", "\uFE91\u064E\uFE90"}, // a mark does not break joining
		{"abc", "abc"},
	}
	for _, tc := range tests {
		if got := string(ArabicForms([]rune(tc.in), all)); got != tc.want {
			t.Errorf("ArabicForms(%q) = %+q, want %+q", tc.in, got, tc.want)
		}
	}
	none := func(int, rune) bool { return false }
	if got := string(ArabicForms([]rune("سلام"), none)); got != "سلام" {
		t.Errorf("without forms in the face: %+q", got)
	}
}

func TestAlignAndMetrics(t *testing.T) {
	e := New(nil)
	for _, tc := range []struct {
		align Align
		x     func(w float64) float64
	}{
		{Left, func(float64) float64 { return 0 }},
		{Center, func(w float64) float64 { return (300 - w) / 2 }},
		{Right, func(w float64) float64 { return 300 - w }},
	} {
		lines := e.Lines(Paragraph{Spans: []Span{sans(20, "Centred title "), sans(10, "small")}, Align: tc.align, LineHeight: 1.5}, 300)
		if len(lines) != 1 {
			t.Fatalf("%d lines", len(lines))
		}
		l := lines[0]
		if got, want := l.Segments[0].X, tc.x(l.Width); math.Abs(got-want) > 1e-9 {
			t.Errorf("align %d: X %f, want %f", tc.align, got, want)
		}
		noto := fonts.Default().Face("NotoSans", "")
		if l.Height != 30 || l.Ascent != float64(noto.Ascent())*20/1000 {
			t.Errorf("height %f ascent %f", l.Height, l.Ascent)
		}
		if Height(lines) != 30 {
			t.Errorf("Height = %f", Height(lines))
		}
	}
	if lines := e.Lines(Paragraph{}, 100); lines != nil {
		t.Errorf("empty paragraph gave %d lines", len(lines))
	}
	if lines := e.Lines(Paragraph{Spans: []Span{sans(10, "x")}}, 100); lines[0].Height != 12.5 {
		t.Errorf("default line height gave %f", lines[0].Height)
	}
}

func TestConcurrent(t *testing.T) {
	e := New(nil)
	p := Paragraph{Spans: []Span{sans(12, strings.Repeat("Concurrent layout is deterministic. ", 20))}}
	want := texts(e.Lines(p, 200))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := texts(e.Lines(p, 200)); !slices.Equal(got, want) {
				t.Error("concurrent result differs")
			}
		})
	}
	wg.Wait()
}

func FuzzLines(f *testing.F) {
	f.Add("alpha beta-gamma https://x.org/a/b 中文。", 40.0, uint8(0))
	f.Add("\n\n  \t x\r\ny—", 3.0, uint8(1))
	f.Add("\U0001F600\u0301))((", 0.0, uint8(2))
	f.Add("السلام عليكم לא שלום", 30.0, uint8(2))
	e := New(nil)
	f.Fuzz(func(t *testing.T, text string, width float64, align uint8) {
		if !utf8.ValidString(text) || math.IsNaN(width) {
			return
		}
		p := Paragraph{Spans: []Span{sans(10, text)}, Align: Align(align % 3)}
		lines := e.Lines(p, width)
		checkPreserved(t, p, lines)
		if width > 0 && !math.IsInf(width, 0) {
			checkGeometry(t, lines, width)
		}
	})
}

func BenchmarkLines(b *testing.B) {
	e := New(nil)
	p := Paragraph{Spans: []Span{
		sans(14, "Motivated reasoning is the tendency to process information in a way that favours conclusions one already wants to reach. "),
		{Text: "It shapes ", Font: Font{Bold: true, Size: 14}},
		sans(14, "how people search for evidence, evaluate arguments and remember facts — from politics to health decisions, with effects documented in Räksmörgås-style Swedish too."),
	}}
	for b.Loop() {
		e.Lines(p, 400)
	}
}

func BenchmarkWidth(b *testing.B) {
	e := New(nil)
	s := sans(12, "Key concepts and mechanisms of motivated reasoning")
	for b.Loop() {
		e.Width(s)
	}
}

// kernUnits is the kerning a backend applies between the characters of a
// segment marked Kern: face.Kern of every consecutive pair.
func kernUnits(face *fonts.Face, text string) int {
	rs := []rune(text)
	k := 0
	for i := 1; i < len(rs); i++ {
		k += face.Kern(rs[i-1], rs[i])
	}
	return k
}

// TestKerning checks that lines are measured with the faces' pair kerning
// within a segment, and only there, and that an engine without kerning
// measures every character at its advance.
func TestKerning(t *testing.T) {
	noto := fonts.Default().Face("NotoSans", "")
	deja := fonts.Default().Face("DejaVuSans", "")
	adv := func(f *fonts.Face, s string) int {
		u := 0
		for _, r := range s {
			u += f.Advance(r)
		}
		return u
	}
	red := Color{R: 200}
	tests := []struct {
		name  string
		spans []Span
		want  float64 // width of the one line, points
		kern  []bool  // Segment.Kern by segment
	}{
		{"pair", []Span{sans(10, "AV")}, float64(adv(noto, "AV")-40) / 100, []bool{true}},
		{"words", []Span{sans(20, "To AVA, Ty.")}, float64(adv(noto, "To AVA, Ty.")+kernUnits(noto, "To AVA, Ty.")) / 50, []bool{true}},
		{"spans in one segment", []Span{sans(10, "A"), sans(10, "V")}, float64(adv(noto, "AV")-40) / 100, []bool{true}},
		{"colour change", []Span{sans(10, "A"), {Text: "V", Font: Font{Size: 10}, Color: red}}, float64(adv(noto, "AV")) / 100, []bool{true, true}},
		{"size change", []Span{sans(10, "A"), sans(20, "V")}, float64(adv(noto, "A"))/100 + float64(adv(noto, "V"))/50, []bool{true, true}},
		{"style change", []Span{sans(10, "A"), {Text: "V", Font: Font{Bold: true, Size: 10}}}, float64(adv(noto, "A"))/100 + float64(fonts.Default().Face("NotoSans", "B").Advance('V'))/100, []bool{true, true}},
		{"face change", []Span{sans(10, "Aα∑V")}, float64(adv(noto, "Aα")+kernUnits(noto, "Aα")+adv(deja, "∑")+adv(noto, "V")) / 100, []bool{true, true, true}},
		{"right to left", []Span{sans(10, "שלום")}, float64(adv(deja, "שלום")) / 100, []bool{false}},
		// A paragraph with right-to-left text is drawn reordered: no kerning.
		{"mixed directions", []Span{sans(10, "AV "), sans(10, "שלום")}, float64(adv(noto, "AV ")+adv(deja, "שלום")) / 100, []bool{false, false}},
		{"mono", []Span{{Text: "AV", Font: Font{Family: "mono", Size: 10}}}, float64(fonts.Default().Face("NotoSansMono", "").Advance('A')*2) / 100, []bool{true}},
	}
	e := New(nil)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := e.Lines(Paragraph{Spans: tc.spans}, math.Inf(1))
			if len(lines) != 1 {
				t.Fatalf("%d lines", len(lines))
			}
			l := lines[0]
			if math.Abs(l.Width-tc.want) > 1e-9 {
				t.Errorf("width %f, want %f", l.Width, tc.want)
			}
			var kern []bool
			for _, s := range l.Segments {
				kern = append(kern, s.Kern)
			}
			if !slices.Equal(kern, tc.kern) {
				t.Errorf("Kern flags %v, want %v", kern, tc.kern)
			}
			if len(tc.spans) == 1 {
				if w := e.Width(tc.spans[0]); math.Abs(w-tc.want) > 1e-9 {
					t.Errorf("Width = %f, want %f", w, tc.want)
				}
			}
			// Without kerning every character counts its advance.
			off := e.WithKerning(false)
			plain := off.Lines(Paragraph{Spans: tc.spans}, math.Inf(1))[0]
			sum := 0.0
			for _, s := range plain.Segments {
				face := fonts.Default().Face(s.Face, s.Style)
				sum += float64(adv(face, s.Text)) * s.Size / 1000
				if s.Kern {
					t.Errorf("segment %q marked Kern by an engine without kerning", s.Text)
				}
			}
			if math.Abs(plain.Width-sum) > 1e-9 {
				t.Errorf("without kerning: width %f, want %f", plain.Width, sum)
			}
		})
	}
	if e.WithKerning(true) != e || !e.Kerning() || e.WithKerning(false).Kerning() {
		t.Error("WithKerning does not switch kerning")
	}
}

// TestKerningBreaks checks that lines break where the kerned text ends: a
// box exactly as wide as the kerned text holds it on one line, one a
// little narrower breaks it, and the engine without kerning needs more.
func TestKerningBreaks(t *testing.T) {
	e := New(nil)
	text := "AVAVAV To Ty AVAVAV"
	p := Paragraph{Spans: []Span{sans(12, text)}}
	w := e.Width(p.Spans[0])
	plain := e.WithKerning(false).Width(p.Spans[0])
	if w >= plain-1 {
		t.Fatalf("kerned width %f not below plain %f", w, plain)
	}
	if got := e.Lines(p, w); len(got) != 1 {
		t.Errorf("box of the kerned width: %d lines %q", len(got), texts(got))
	}
	if got := e.Lines(p, w-0.01); len(got) != 2 {
		t.Errorf("narrower box: %d lines %q", len(got), texts(got))
	}
	if got := e.WithKerning(false).Lines(p, w); len(got) != 2 {
		t.Errorf("without kerning, box of the kerned width: %d lines", len(got))
	}
	// A line's first character is not kerned with the last of the line
	// before: every line is as wide as its text measured alone.
	for _, width := range []float64{30, 45, 60, 90} {
		lines := e.Lines(p, width)
		checkGeometry(t, lines, width)
		for _, l := range lines {
			if alone := e.Width(sans(12, lineText(l))); math.Abs(alone-l.Width) > 1e-9 {
				t.Errorf("width %g: line %q is %f wide, alone %f", width, lineText(l), l.Width, alone)
			}
		}
	}
}

// BenchmarkLinesKerning breaks the same paragraph with and without
// kerning, the cost kerning adds to measuring.
func BenchmarkLinesKerning(b *testing.B) {
	p := Paragraph{Spans: []Span{
		sans(14, "Motivated reasoning is the tendency to process information in a way that favours conclusions one already wants to reach. "),
		{Text: "It shapes ", Font: Font{Bold: true, Size: 14}},
		sans(14, "how people search for evidence, evaluate arguments and remember facts — from politics to health decisions, with effects documented in Räksmörgås-style Swedish too. To AVoid Typos: “Yes,” they say."),
	}}
	for _, on := range []bool{true, false} {
		e := New(nil).WithKerning(on)
		name := map[bool]string{true: "kerning", false: "no-kerning"}[on]
		b.Run(name+"/Lines", func(b *testing.B) {
			for b.Loop() {
				e.Lines(p, 400)
			}
		})
		b.Run(name+"/Width", func(b *testing.B) {
			for b.Loop() {
				e.Width(p.Spans[2])
			}
		})
	}
}

// sizedParagraph is a deck's bullet as layouts/deck sets it: sentences of
// plain, bold, italic and linked runs joined by spaces, at body size size.
func sizedParagraph(size float64) Paragraph {
	link := Color{B: 200}
	f := func(bold, italic bool) Font { return Font{Bold: bold, Italic: italic, Size: size} }
	return Paragraph{LineHeight: 1.2, Spans: []Span{
		{Text: "Motivated reasoning is the tendency to process information in a way that favours conclusions one already wants to reach, rather than those the evidence supports.", Font: f(false, false)},
		{Text: " ", Font: f(false, false)},
		{Text: "It shapes ", Font: f(false, false)},
		{Text: "how people search", Font: f(true, false)},
		{Text: " for evidence, evaluate arguments and remember facts — from politics to health decisions (Kunda, 1990; ", Font: f(false, false)},
		{Text: "https://doi.org/10.1037/0033-2909.108.3.480", Font: f(false, false), Color: link, URL: "https://doi.org/10.1037/0033-2909.108.3.480"},
		{Text: ").", Font: f(false, false)},
		{Text: " ", Font: f(false, false)},
		{Text: "Räksmörgås-style", Font: f(false, true)},
		{Text: " Swedish examples show the same effect: “Yes,” they say, “it is so.”", Font: f(false, false)},
	}}
}

// BenchmarkLinesSizes lays one paragraph out as layouts/deck arranges a
// section: at every body size from 28 to 20 points, in one column and in
// two, and then its first sentences alone, as a split tries them. The
// text is the same throughout; only sizes, widths and prefixes change.
func BenchmarkLinesSizes(b *testing.B) {
	e := New(nil)
	var ps []Paragraph
	for size := 28.0; size >= 20; size -= 2 {
		ps = append(ps, sizedParagraph(size))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, width := range []float64{840, 410} {
			for _, p := range ps {
				e.Lines(p, width)
				for _, n := range []int{1, 7} {
					q := p
					q.Spans = p.Spans[:n]
					e.Lines(q, width)
				}
			}
		}
	}
}

// shapeCases are paragraphs whose spans join in every way a kept shape must
// be completed: kerning and runs across spans, a dash or a URL's slash at a
// span's edge, a "\r" ending one span before the next's "\n", right-to-left
// text beside kerned text, CJK, characters no face has, empty spans.
func shapeCases() [][]Span {
	bold := Font{Bold: true, Size: 12}
	link := Span{Text: "https://example.org/a/b/c", Font: Font{Size: 12}, URL: "https://example.org/a/b/c"}
	return [][]Span{
		{sans(12, "A"), sans(12, "V"), sans(12, "AVA To")},
		{sans(12, "well-"), sans(12, "known x-"), sans(12, "-y a —"), sans(12, "b")},
		{sans(12, "see "), link, sans(12, "/more and www.x.org/y/z")},
		{sans(12, "line\r"), sans(12, "\nnext\r\n"), sans(12, "\tlast")},
		{sans(12, "AV "), sans(12, "שלום"), sans(12, " AV")},
		{sans(12, "مرحبا"), sans(12, "بكم AV")},
		{sans(12, "中文"), sans(12, "。（日本）"), sans(12, "語")},
		{sans(12, ""), {Text: "Bold", Font: bold}, sans(12, ""), sans(14, "Big"), {Text: "AV", Font: Font{Size: 12}, Color: Color{R: 9}}},
		{sans(12, "\U0001F600x"), sans(12, "(\U0001F600)")},
	}
}

// TestShapesKept checks that a paragraph is laid out the same whether its
// spans' shapes are new or kept from other paragraphs, with other
// neighbours, sizes and link targets, and with kerning on or off.
func TestShapesKept(t *testing.T) {
	for _, kerning := range []bool{true, false} {
		warm := New(nil).WithKerning(kerning)
		for _, spans := range shapeCases() {
			// Every span alone, at another size, and the spans in reverse
			// order: the warm engine keeps their shapes.
			for _, s := range spans {
				s.Font.Size *= 2
				warm.Lines(Paragraph{Spans: []Span{s}}, 50)
			}
			rev := slices.Clone(spans)
			slices.Reverse(rev)
			warm.Lines(Paragraph{Spans: rev}, 80)
		}
		for i, spans := range shapeCases() {
			for _, width := range []float64{20, 80, math.Inf(1)} {
				p := Paragraph{Spans: spans}
				want := New(nil).WithKerning(kerning).Lines(p, width)
				if got := warm.Lines(p, width); !reflect.DeepEqual(got, want) {
					t.Errorf("kerning %v, case %d, width %g: with kept shapes\n%+v\nwant\n%+v", kerning, i, width, got, want)
				}
			}
		}
	}
}

// TestShapeCacheBounded fills an engine with more distinct text than its
// shape cache holds and checks that it keeps at most two generations.
func TestShapeCacheBounded(t *testing.T) {
	e := New(nil)
	for i := range 3 * shapeGeneration / 32 {
		e.Lines(Paragraph{Spans: []Span{sans(12, fmt.Sprintf("paragraph %08d of many", i))}}, 100)
	}
	e.shapes.mu.Lock()
	defer e.shapes.mu.Unlock()
	n := e.shapes.glyphs
	for _, s := range e.shapes.old {
		n += len(s.gs) + shapeOverhead
	}
	if n > 2*shapeGeneration {
		t.Errorf("%d glyphs kept, bound %d", n, 2*shapeGeneration)
	}
	if len(e.shapes.cur) == 0 {
		t.Error("nothing kept")
	}
}

// checkSplit fails unless text set as two spans of one style, cut at k,
// gives the lines it gives as one span: the spans' shapes are kept apart
// (see shapeSpan), and what joins them must be decided as within one.
func checkSplit(t *testing.T, e *Engine, s Span, k int, width float64) {
	t.Helper()
	a, b := s, s
	a.Text, b.Text = s.Text[:k], s.Text[k:]
	want := e.Lines(Paragraph{Spans: []Span{s}}, width)
	if got := e.Lines(Paragraph{Spans: []Span{a, b}}, width); !reflect.DeepEqual(got, want) {
		t.Errorf("%q cut at %d, width %g: lines %q, as one span %q", s.Text, k, width, texts(got), texts(want))
	}
}

// TestSplitSpans cuts texts at every character, including next to dashes,
// slashes, closing and opening marks, CJK and right-to-left letters.
func TestSplitSpans(t *testing.T) {
	e := New(nil)
	link := "https://example.org/path/to/a/page"
	spans := []Span{
		sans(12, "well-known x--y a — b-c"),
		sans(12, "AVAVA To Ty. “Yes,” (they) say"),
		sans(12, "中文。（日本）語の文"),
		sans(12, "AV שלום AV مرحبا بكم"),
		sans(12, "tab\tand\nnewline"),
		{Text: link, Font: Font{Size: 12}, URL: link},
	}
	for _, s := range spans {
		for k := range s.Text {
			if k == 0 || !utf8.RuneStart(s.Text[k]) {
				continue
			}
			for _, width := range []float64{8, 20, 30, 45, 60, 1000} {
				checkSplit(t, e, s, k, width)
			}
		}
	}
}

func FuzzSplitSpans(f *testing.F) {
	f.Add("well-known x--y", 3, 20.0)
	f.Add("a/b https://x.org/a/b", 12, 15.0)
	e := New(nil)
	f.Fuzz(func(t *testing.T, text string, k int, width float64) {
		if !utf8.ValidString(text) || math.IsNaN(width) || k <= 0 || k >= len(text) || !utf8.RuneStart(text[k]) {
			return
		}
		if text[k-1] == '\r' && text[k] == '\n' {
			return // "\r" "\n" in two spans are two line ends, in one span one
		}
		if strings.Contains(text, "://") || strings.Contains(text, "www.") {
			return // a URL-looking token is found within a span only
		}
		checkSplit(t, e, sans(10, text), k, width)
	})
}

// TestConcurrentShapes sets paragraphs that share spans from several
// goroutines at once on a cold engine, through more text than the shape
// cache holds, and checks each against an engine of its own.
func TestConcurrentShapes(t *testing.T) {
	e := New(nil)
	para := func(i int) Paragraph {
		return Paragraph{Spans: []Span{
			sans(12, fmt.Sprintf("Sentence %d of the text, ", i%500)),
			{Text: "shared AVA bold, ", Font: Font{Bold: true, Size: 12}},
			sans(12, fmt.Sprintf("and its own end %d—with a dash.", i)),
		}}
	}
	n := shapeGeneration / 16 // new text enough for two generations
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < n; i += 4 {
				p := para(i)
				if got, want := e.Lines(p, 120), New(nil).Lines(p, 120); !reflect.DeepEqual(got, want) {
					t.Errorf("paragraph %d: %q, want %q", i, texts(got), texts(want))
					return
				}
			}
		})
	}
	wg.Wait()
}
