package quiz

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/topic"
)

// entryFiles are the samples and the held-out entries: Swedish, Greek,
// long, few concepts, no definitions, and terms full of the characters
// the formats give a meaning to.
var entryFiles = []string{
	"../samples/neuroadaptation-and-tolerance.md",
	"../samples/ekologisk-succession.md",
	"../samples/plate-tectonics.json",
	"../samples/cognitive-load-theory.yaml",
	"testdata/entries/special.json",
	"testdata/entries/greek.md",
	"testdata/entries/few.md",
	"testdata/entries/nodefs.md",
	"testdata/entries/svenska.md",
	"testdata/entries/long.md",
}

func readEntry(t testing.TB, path string) *topic.Entry {
	t.Helper()
	e, err := topic.ReadFile(path, topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func readAll(t testing.TB) []*topic.Entry {
	var es []*topic.Entry
	for _, f := range entryFiles {
		es = append(es, readEntry(t, f))
	}
	return es
}

var stamp = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func write(t testing.TB, b *Bank, f Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := b.Write(&buf, WriteOptions{Format: f, Time: stamp}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestFormatsRoundTrip writes each entry alone, the course as a whole,
// with and without extracted definitions, in every format, reads the
// file back with a reader that checks what the platform's importer
// needs, and wants every question, answer and feedback as written.
func TestFormatsRoundTrip(t *testing.T) {
	type bankCase struct {
		name string
		es   []*topic.Entry
	}
	all := readAll(t)
	cases := []bankCase{{"course", all}}
	for i, f := range entryFiles {
		cases = append(cases, bankCase{filepath.Base(f), all[i : i+1]})
	}
	for _, c := range cases {
		for _, extracted := range []bool{false, true} {
			b := Build(c.es, Options{Seed: 7, IncludeExtracted: extracted})
			if b.Count() == 0 {
				t.Fatalf("%s: no questions", c.name)
			}
			wantQs := want(b)
			for _, f := range Formats() {
				data := write(t, b, f)
				got, err := readFormat(f, data)
				if err != nil {
					t.Fatalf("%s %s (extracted %v): %v", c.name, f, extracted, err)
				}
				if len(got) != len(wantQs) {
					t.Fatalf("%s %s: %d questions back, wrote %d", c.name, f, len(got), len(wantQs))
				}
				for i := range got {
					if !reflect.DeepEqual(got[i], wantQs[i]) {
						t.Errorf("%s %s question %d:\n got %+v\nwant %+v", c.name, f, i+1, got[i], wantQs[i])
					}
				}
			}
		}
	}
}

// TestConceptsOnce checks the rule for every entry: each defined
// concept is in exactly one matching question and is the right answer of
// exactly one multiple-choice and one short-answer question; no question
// asks about a concept without a definition, and an extracted definition
// only with IncludeExtracted, tagged.
func TestConceptsOnce(t *testing.T) {
	all := readAll(t)
	for i, e := range all {
		for _, extracted := range []bool{false, true} {
			b := Build(all, Options{Seed: 3, IncludeExtracted: extracted})
			c := b.Categories[i]
			usable := map[string]string{}
			var order []string
			for _, term := range glossary.Extract(e) {
				if term.Definition.Origin == glossary.FromEntry || extracted && term.Definition.Origin == glossary.Extracted {
					usable[term.Name] = "ok"
					if term.Definition.Origin == glossary.Extracted {
						usable[term.Name] = "extracted"
					}
					order = append(order, term.Name)
				}
			}
			count := map[Kind]map[string]int{Matching: {}, MultipleChoice: {}, ShortAnswer: {}}
			for _, q := range c.Questions {
				for _, term := range q.Terms {
					if usable[term] == "" {
						t.Errorf("%s: %s question on %q, which has no usable definition", c.Slug, q.Kind, term)
					}
					count[q.Kind][term]++
					if usable[term] == "extracted" && (!q.Extracted || len(q.Tags) == 0) {
						t.Errorf("%s: question on extracted %q is not tagged", c.Slug, term)
					}
				}
				if q.Kind == Matching && (len(q.Pairs) < 3 || len(q.Pairs) > 8 || len(q.Pairs) == 3 && len(usable) != 3) {
					t.Errorf("%s: matching set of %d (of %d concepts)", c.Slug, len(q.Pairs), len(usable))
				}
				if q.Kind == MultipleChoice && len(q.Choices) != 4 {
					t.Errorf("%s: %d choices in a course of many terms", c.Slug, len(q.Choices))
				}
			}
			for _, term := range order {
				wantMatch := 1
				if len(usable) < 3 {
					wantMatch = 0
				}
				if count[Matching][term] != wantMatch || count[MultipleChoice][term] != 1 || count[ShortAnswer][term] != 1 {
					t.Errorf("%s (extracted %v): %q in %d matching, %d choice, %d short-answer questions", c.Slug, extracted, term,
						count[Matching][term], count[MultipleChoice][term], count[ShortAnswer][term])
				}
			}
		}
	}
}

// TestHeldOutShapes pins what each held-out entry gives.
func TestHeldOutShapes(t *testing.T) {
	tests := []struct {
		file                        string
		matching, choice, short, es int
		sets                        []int
	}{
		{"testdata/entries/few.md", 0, 2, 2, 0, nil},
		{"testdata/entries/nodefs.md", 0, 0, 0, 2, nil},
		{"testdata/entries/greek.md", 1, 4, 4, 1, []int{4}},
		{"testdata/entries/long.md", 3, 19, 19, 2, []int{6, 6, 7}},
		{"testdata/entries/svenska.md", 1, 5, 5, 4, []int{5}},
		{"testdata/entries/special.json", 1, 8, 8, 4, []int{8}},
	}
	for _, tt := range tests {
		b := Build([]*topic.Entry{readEntry(t, tt.file)}, Options{})
		n := map[Kind]int{}
		var sets []int
		for _, q := range b.Categories[0].Questions {
			n[q.Kind]++
			if q.Kind == Matching {
				sets = append(sets, len(q.Pairs))
			}
		}
		if n[Matching] != tt.matching || n[MultipleChoice] != tt.choice || n[ShortAnswer] != tt.short || n[Essay] != tt.es || !reflect.DeepEqual(sets, tt.sets) {
			t.Errorf("%s: %v, sets %v", tt.file, n, sets)
		}
	}
}

// TestFewTerms: a lone topic with two defined terms and one undefined
// draws its distractors from all three, and a term with no other term at
// all gets no multiple-choice question.
func TestFewTerms(t *testing.T) {
	b := Build([]*topic.Entry{readEntry(t, "testdata/entries/few.md")}, Options{})
	for _, q := range b.Categories[0].Questions {
		if q.Kind == MultipleChoice && len(q.Choices) != 3 {
			t.Errorf("%s: %d choices, want the term and the 2 other terms", q.Name, len(q.Choices))
		}
	}
	lone := &topic.Entry{Title: "Lone", KeyConcepts: []topic.Concept{{Term: topic.Plain("Only"), Definition: topic.Plain("the one term")}}}
	b = Build([]*topic.Entry{lone}, Options{})
	var kinds []Kind
	for _, q := range b.Categories[0].Questions {
		kinds = append(kinds, q.Kind)
	}
	if !reflect.DeepEqual(kinds, []Kind{ShortAnswer}) {
		t.Errorf("lone term: %v", kinds)
	}
}

// TestNoInjection: terms like "=1+1" and "<script>" reach every file as
// text, never as markup or a formula.
func TestNoInjection(t *testing.T) {
	b := Build([]*topic.Entry{readEntry(t, "testdata/entries/special.json")}, Options{})
	terms := map[string]bool{}
	for _, q := range b.Categories[0].Questions {
		for _, term := range q.Terms {
			terms[term] = true
		}
	}
	for _, term := range []string{"=1+1", "<script>alert(1)</script>", "a~b {c} #d: e", `back\slash`, "50% -> half", "A/B test"} {
		if !terms[term] {
			t.Errorf("term %q did not reach the bank as written (have %v)", term, terms)
		}
	}
	moodle := string(write(t, b, Moodle))
	if strings.Contains(moodle, "<script") || strings.Contains(moodle, "<b>") || strings.Contains(moodle, "&lt;script") && !strings.Contains(moodle, "&amp;lt;script") {
		t.Errorf("Moodle XML carries markup from the entry")
	}
	gift := string(write(t, b, GIFT))
	for _, line := range strings.Split(gift, "\n") {
		for _, bad := range []string{"<script", "<b>", "<i>", "{c}", " #d"} {
			i := strings.Index(line, bad)
			if i < 0 {
				continue
			}
			// Matching and short answers are plain text in Moodle: there
			// the term may stand as written.
			plain := strings.HasPrefix(line, "\t=") && (strings.Contains(line[:i], " -> ") || !strings.Contains(line, "<p>"))
			if !plain || bad == "{c}" || bad == " #d" {
				t.Errorf("GIFT carries %q unescaped: %s", bad, line)
			}
		}
	}
	if !strings.Contains(gift, `a\~b \{c\} \#d\: e`) || !strings.Contains(gift, `back\\slash`) {
		t.Errorf("GIFT escapes wrong:\n%s", gift)
	}
	// A cell text starting with "=" is no formula in any of these formats;
	// it must just be there, unchanged.
	if !strings.Contains(moodle, "<answer><text>=1+1</text></answer>") {
		t.Errorf("Moodle XML changed the term =1+1")
	}
}

// TestDeterministic: the same seed gives the same bytes; another seed
// other distractors or order.
func TestDeterministic(t *testing.T) {
	for _, f := range Formats() {
		a := write(t, Build(readAll(t), Options{Seed: 42}), f)
		b := write(t, Build(readAll(t), Options{Seed: 42}), f)
		c := write(t, Build(readAll(t), Options{Seed: 43}), f)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: same seed, different bytes", f)
		}
		if bytes.Equal(a, c) {
			t.Errorf("%s: seeds 42 and 43 give the same bank", f)
		}
	}
}

// TestLanguage: the fixed texts follow each entry's language.
func TestLanguage(t *testing.T) {
	b := Build([]*topic.Entry{readEntry(t, "testdata/entries/svenska.md"), readEntry(t, "testdata/entries/few.md")}, Options{})
	stems := map[string]map[Kind]string{}
	for _, c := range b.Categories {
		stems[c.Lang] = map[Kind]string{}
		for _, q := range c.Questions {
			stems[c.Lang][q.Kind] = q.Stem
		}
	}
	if s := stems["sv"][Matching]; s != "Para ihop varje term med dess definition." {
		t.Errorf("Swedish matching stem %q", s)
	}
	if s := stems["sv"][MultipleChoice]; !strings.HasPrefix(s, "Vilken term definieras som: ") {
		t.Errorf("Swedish choice stem %q", s)
	}
	if s := stems["en"][ShortAnswer]; !strings.HasPrefix(s, "Write the term that is defined as: ") {
		t.Errorf("English short-answer stem %q", s)
	}
	if b.Course != "Quiz" || b.Lang != "en" {
		t.Errorf("mixed course: %q %q", b.Course, b.Lang)
	}
}

// TestEssayFeedback: a debate's discussion and an FAQ answer are the
// grader's information, never the stem; an FAQ item repeating a core
// question is folded into it.
func TestEssayFeedback(t *testing.T) {
	b := Build([]*topic.Entry{readEntry(t, "testdata/entries/special.json")}, Options{})
	var essays []Question
	for _, q := range b.Categories[0].Questions {
		if q.Kind == Essay {
			essays = append(essays, q)
		}
	}
	got := [][2]string{}
	for _, q := range essays {
		got = append(got, [2]string{q.Stem, q.Feedback})
	}
	wantPairs := [][2]string{
		{"Why is =1+1 dangerous in a CSV file {or is it}?", "Because Excel evaluates it."},
		{"What does ~ mean in GIFT #1: a question?", ""},
		{"Should exports escape = at the start of a cell?", "Yes: OWASP calls it CSV injection. An answer with <i>markup</i> & entities & stays text."},
		{"Is a GIFT file plain text?", "Yes; its special characters are ~ = # { } : and the backslash."},
	}
	if !reflect.DeepEqual(got, wantPairs) {
		t.Errorf("essays:\n got %q\nwant %q", got, wantPairs)
	}
}

func TestMatchingSets(t *testing.T) {
	for n, want := range map[int][]int{0: nil, 2: nil, 3: {3}, 4: {4}, 8: {8}, 9: {4, 5}, 16: {8, 8}, 17: {5, 6, 6}, 25: {6, 6, 6, 7}} {
		var got []int
		for _, s := range matchingSets(make([]concept, n)) {
			got = append(got, len(s))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d concepts: sets %v, want %v", n, got, want)
		}
	}
}

func TestAccepted(t *testing.T) {
	for term, want := range map[string][]string{
		"Öring":       {"Öring", "Oring"},
		"Χλωροφύλλη":  {"Χλωροφύλλη", "Χλωροφυλλη"},
		"Plain":       {"Plain"},
		"Ångström Å":  {"Ångström Å", "Angstrom A"},
		"naïve café́": {"naïve café́", "naive cafe"},
	} {
		if got := accepted(term); !reflect.DeepEqual(got, want) {
			t.Errorf("accepted(%q) = %q, want %q", term, got, want)
		}
	}
}

func TestBlankOut(t *testing.T) {
	tests := []struct{ def, term, want string }{
		{"Tolerance is reduced tolerance.", "tolerance", "_____ is reduced _____."},
		{"A (b) c", "(b)", "A _____ c"},
		{"nothing here", "", "nothing here"},
		{"Öring är en öring", "öring", "_____ är en _____"},
	}
	for _, tt := range tests {
		if got := blankOut(tt.def, tt.term); got != tt.want {
			t.Errorf("blankOut(%q, %q) = %q, want %q", tt.def, tt.term, got, tt.want)
		}
	}
}

func TestShare(t *testing.T) {
	for n := 1; n <= 8; n++ {
		sum := 0
		for i := range n {
			var whole, hundredths int
			if _, err := fmt.Sscanf(share(i, n), "%d.%d", &whole, &hundredths); err != nil {
				t.Fatal(err)
			}
			sum += whole*100 + hundredths
		}
		if sum != 10000 {
			t.Errorf("%d pairs: shares add up to %d hundredths", n, sum)
		}
	}
}

func TestEscapeGIFT(t *testing.T) {
	tests := map[string]string{
		"a~b=c#d{e}f:g\\h": `a\~b\=c\#d\{e\}f\:g\\h`,
		"line\nbreak":      `line\nbreak`,
		"->":               "->",
		"plain":            "plain",
	}
	for in, want := range tests {
		if got := escapeGIFT(in); got != want {
			t.Errorf("escapeGIFT(%q) = %q, want %q", in, got, want)
		}
		if back := giftUnescape(escapeGIFT(in)); back != in {
			t.Errorf("unescape(escape(%q)) = %q", in, back)
		}
	}
}

func TestEscapeXML(t *testing.T) {
	if got := escapeXML("a<b>&\"'\x01\x1f\uFFFEc\td"); got != "a&lt;b&gt;&amp;&quot;&apos;c\td" {
		t.Errorf("escapeXML = %q", got)
	}
}

func TestEmptyBank(t *testing.T) {
	b := Build([]*topic.Entry{{Title: "Empty"}}, Options{})
	for _, f := range Formats() {
		if err := b.Write(&bytes.Buffer{}, WriteOptions{Format: f}); err != ErrEmpty {
			t.Errorf("%s: %v, want ErrEmpty", f, err)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("ParseFormat(pdf) took it")
	}
}

// oneLineCases are texts at each edge of oneLine's shortcut.
var oneLineCases = []string{
	"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "a\r\nb",
	"a\u00a0b", "a\u0085b", "a\u2003b", "a\x01b", "a\x7fb", "a\uFFFEb", "a\uFFFFb",
	"a\xffb", "\xff", "a\uFFFDb", "Ångström – ΔG° ≥ 0", "x\x00", "\x01", "end.",
}

func TestOneLineShortcut(t *testing.T) {
	for _, s := range oneLineCases {
		if got, want := oneLine(s), remakeLine(s); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzOneLine(f *testing.F) {
	for _, s := range oneLineCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := oneLine(s), remakeLine(s); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", s, got, want)
		}
	})
}
