package exporter

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/internal/phrases"
	"github.com/scholargate/topicdeck/internal/pptxread"
	"github.com/scholargate/topicdeck/internal/zipparts"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/pptxdraw"
	"github.com/scholargate/topicdeck/topic"
)

// pptxCase is an entry drawn as PowerPoint in the tests, with the options
// to draw it with.
type pptxCase struct {
	path string
	opt  SlideOptions
}

// pptxCases are the samples, the seed page and entries that stress the
// grouping: long lists with nesting, a table and code, Swedish, Greek and
// Arabic, and a layout file with pictures. The Arabic entry has no lam-alef
// pairs: pdftotext reads that ligature back reversed from any PDF (the
// PDF deck's and LibreOffice's alike), so its coverage could not be
// checked.
func pptxCases(t testing.TB) []pptxCase {
	var files []string
	for _, g := range []string{"../samples/*.md", "../samples/*.json", "../samples/*.yaml", "testdata/pptx/*.md"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	files = append(files, "../topic/testdata/seed-page.txt",
		filepath.Join(stressDir, "huge-list.md"), filepath.Join(stressDir, "greek.md"), filepath.Join(stressDir, "swedish.md"))
	var out []pptxCase
	for _, f := range files {
		out = append(out, pptxCase{path: f})
	}
	out = append(out,
		pptxCase{path: "../topic/testdata/seed-page.txt", opt: SlideOptions{Layout: "../samples/layouts/nordvik.yaml"}},
		pptxCase{path: "../samples/plate-tectonics.json", opt: SlideOptions{Layout: "minimal", ArtifactOptions: ArtifactOptions{Aspect: "4:3"}}},
	)
	if len(out) < 10 {
		t.Fatalf("only %d PowerPoint test entries found", len(out))
	}
	return out
}

func (c pptxCase) String() string {
	if c.opt.Layout != "" {
		return filepath.Base(c.path) + "/" + filepath.Base(c.opt.Layout) + "/" + c.opt.Aspect
	}
	return filepath.Base(c.path)
}

// pptxOf plans and writes a case's deck, returning the plan, the bytes
// and the entry as printed (references resolved).
func pptxOf(t testing.TB, c pptxCase) (*topic.Entry, *plan.Document, []byte) {
	t.Helper()
	e := readEntry(t, c.path)
	doc, _, err := PlanSlides(e, c.opt)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	res, err := SlidesPPTX(e, c.opt, &b)
	if err != nil {
		t.Fatalf("%s: %v", c, err)
	}
	if res.Pages != len(doc.Pages) {
		t.Errorf("%s: result says %d slides, the plan has %d", c, res.Pages, len(doc.Pages))
	}
	return e, doc, b.Bytes()
}

func squashed(s string) string { return strings.Join(strings.Fields(s), " ") }

// headingOf is a plan page's title as the PDF shows it: the text of its
// section's heading when the plan is tagged, else its label.
func headingOf(pg *plan.Page) string {
	if pg.Tag == nil {
		return pg.Label
	}
	h := pg.Tag.First(plan.RoleHeading)
	var parts []string
	for _, it := range pg.Items {
		if v, ok := it.(*plan.Text); ok && h != nil && v.Tag != nil && v.Tag.Within(h) {
			var b strings.Builder
			for _, s := range v.Line.Segments {
				b.WriteString(s.Text)
			}
			parts = append(parts, b.String())
		}
	}
	return strings.Join(parts, " ")
}

// TestSlidesPPTXReadBack reads every test deck back: one slide per planned
// slide, each title in a title placeholder and equal to the PDF slide's,
// every sentence of the entry as slide text (so none is in a picture),
// lists as bulleted paragraphs (no bullet typed as text), pictures with
// alternative text or marked decorative, and a notes page on every slide
// holding the entry's text, all of it across the deck.
func TestSlidesPPTXReadBack(t *testing.T) {
	for _, c := range pptxCases(t) {
		e, doc, data := pptxOf(t, c)
		d, err := pptxread.Read(data)
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		if len(d.Slides) != len(doc.Pages) {
			t.Fatalf("%s: %d slides, the PDF deck has %d", c, len(d.Slides), len(doc.Pages))
		}
		var text, notes strings.Builder
		bullets, tables := 0, 0
		for i, s := range d.Slides {
			want := squashed(headingOf(doc.Pages[i]))
			if want != "" && (s.TitleShapes != 1 || squashed(s.Title) != want || !s.TitleFirst) {
				t.Errorf("%s: slide %d: title %q in %d placeholders (first in reading order: %v), want %q in one", c, i+1, s.Title, s.TitleShapes, s.TitleFirst, want)
			}
			tables += s.Tables
			text.WriteString(s.Title + " ")
			for _, p := range s.Paragraphs {
				text.WriteString(p.Text + " ")
				if p.Bullet != "" {
					bullets++
				}
				if strings.HasPrefix(p.Text, "•") {
					t.Errorf("%s: slide %d: bullet typed as text: %q", c, i+1, p.Text)
				}
			}
			for _, pic := range s.Pictures {
				if pic.Descr == "" && !pic.Decorative {
					t.Errorf("%s: slide %d: a picture with neither alternative text nor the decorative mark", c, i+1)
				}
			}
			if !s.HasNotes || len(s.Notes) == 0 {
				t.Errorf("%s: slide %d has no notes", c, i+1)
			}
			for _, n := range s.Notes {
				notes.WriteString(n + " ")
			}
		}
		all, allNotes := squashed(text.String()), squashed(notes.String())
		for _, p := range phrases.Printed(e) {
			if !strings.Contains(all, squashed(p)) {
				t.Errorf("%s: %q is not slide text", c, p)
			}
			if !strings.Contains(allNotes, squashed(p)) {
				t.Errorf("%s: %q is in no slide's notes", c, p)
			}
		}
		if hasTable(e) && tables == 0 {
			t.Errorf("%s: the entry's table is not a table", c)
		}
		if len(e.CoreQuestions) > 0 && bullets < len(e.CoreQuestions) {
			t.Errorf("%s: %d bulleted paragraphs, fewer than the %d core questions", c, bullets, len(e.CoreQuestions))
		}
	}
}

// hasTable reports whether an entry has a table anywhere in its sections.
func hasTable(e *topic.Entry) bool {
	var in func(b topic.Body) bool
	in = func(b topic.Body) bool {
		for _, bl := range b {
			if bl.Kind == topic.TableBlock || in(bl.Blocks) {
				return true
			}
		}
		return false
	}
	for _, b := range []topic.Body{e.Summary, e.Definition, e.Scope, e.Mechanisms, e.History} {
		if in(b) {
			return true
		}
	}
	for _, s := range e.Sections {
		if in(s.Body) {
			return true
		}
	}
	return false
}

// TestSlidesPPTXNotesFollowSlides: a slide's notes are the entry's text
// for that slide: a slide that shows the start of a paragraph has that
// paragraph in its notes.
func TestSlidesPPTXNotesFollowSlides(t *testing.T) {
	c := pptxCase{path: "../topic/testdata/seed-page.txt"}
	e, _, data := pptxOf(t, c)
	d, err := pptxread.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for i, s := range d.Slides {
		notes := squashed(strings.Join(s.Notes, " "))
		for _, p := range s.Paragraphs {
			words := strings.Fields(p.Text)
			if p.Placeholder != "" || len(words) < 8 {
				continue // footers, labels, short terms
			}
			lead := strings.Join(words[:6], " ")
			if !strings.Contains(notes, lead) {
				t.Errorf("slide %d shows %q but its notes do not: %q", i+1, lead, notes)
			}
			checked++
		}
	}
	if checked < 10 {
		t.Errorf("only %d paragraphs checked against their notes", checked)
	}
	_ = e
}

// TestSlidesPPTXLibreOffice has LibreOffice Impress convert every test
// deck to PDF: the same number of slides as the PDF deck, and pdfcheck
// finds every sentence of the entry, nothing outside the page and no text
// over text.
func TestSlidesPPTXLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice is not installed (apt-get install libreoffice-impress-nogui); .ci/run installs it")
	}
	dir := t.TempDir()
	cases := pptxCases(t)
	type done struct {
		e     *topic.Entry
		pages int
		name  string
	}
	var made []done
	var args []string
	for i, c := range cases {
		e, doc, data := pptxOf(t, c)
		name := fmt.Sprintf("deck-%02d", i)
		if err := os.WriteFile(filepath.Join(dir, name+".pptx"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		made = append(made, done{e, len(doc.Pages), name})
		args = append(args, filepath.Join(dir, name+".pptx"))
	}
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	// A hung office suite fails the test instead of stalling the run.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, append([]string{"-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", filepath.Join(dir, "pdf")}, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for i, m := range made {
		pdf := filepath.Join(dir, "pdf", m.name+".pdf")
		if _, err := os.Stat(pdf); err != nil {
			t.Errorf("%s: LibreOffice made no PDF: %v", cases[i], err)
			continue
		}
		if n := checktool.Pages(t, pdf); n != m.pages {
			t.Errorf("%s: LibreOffice shows %d slides, the PDF deck has %d", cases[i], n, m.pages)
		}
		checktool.PDF(t, pdf, phrases.Printed(m.e), 0)
	}
}

// TestSlidesPPTXDeterministic: the same entry gives the same bytes, and
// SOURCE_DATE_EPOCH dates them.
func TestSlidesPPTXDeterministic(t *testing.T) {
	c := pptxCase{path: "../samples/plate-tectonics.json"}
	_, _, a := pptxOf(t, c)
	_, _, b := pptxOf(t, c)
	if !bytes.Equal(a, b) {
		t.Fatal("two exports of one entry differ")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	_, _, x := pptxOf(t, c)
	core := zipparts.Member(t, x, "docProps/core.xml")
	if !bytes.Contains(core, []byte(`<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:created>`)) {
		t.Errorf("SOURCE_DATE_EPOCH does not date the deck: %s", core)
	}
	for _, f := range zipparts.All(t, x) {
		if f.Modified.Unix() != 1700000000 {
			t.Errorf("%s dated %v", f.Name, f.Modified)
		}
	}
}

// TestSlidesPPTXWarnings: the PowerPoint deck warns about what the PDF
// warns about (characters no face has, unresolved references).
func TestSlidesPPTXWarnings(t *testing.T) {
	for _, f := range []string{filepath.Join(stressDir, "cjk.md"), "../topic/testdata/seed-page.txt"} {
		e := readEntry(t, f)
		pdf, err := Slides(e, SlideOptions{}, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		ppt, err := SlidesPPTX(e, SlideOptions{}, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(pdf.Warnings, "\n") != strings.Join(ppt.Warnings, "\n") {
			t.Errorf("%s: PDF warns %q, PowerPoint %q", f, pdf.Warnings, ppt.Warnings)
		}
	}
}

// TestDeckFormat: the extension picks the format unless --format says.
func TestDeckFormat(t *testing.T) {
	for _, tt := range []struct{ path, format, want string }{
		{"deck.pptx", "", FormatPPTX},
		{"DECK.PPTX", "", FormatPPTX},
		{"deck.pdf", "", FormatPDF},
		{"", "", FormatPDF},
		{"-", "pptx", FormatPPTX},
		{"deck.pptx", "pdf", FormatPDF},
		{"deck", "PPTX", FormatPPTX},
		{"deck.pdf", "odp", ""},
	} {
		got, err := DeckFormat(tt.path, tt.format)
		if got != tt.want || (err != nil) != (tt.want == "") {
			t.Errorf("DeckFormat(%q, %q) = %q, %v; want %q", tt.path, tt.format, got, err, tt.want)
		}
	}
}

// BenchmarkSeedDeckPPTX plans the seed page's deck and writes it as
// PowerPoint in-process (notes included).
func BenchmarkSeedDeckPPTX(b *testing.B) {
	e := readEntry(b, "../topic/testdata/seed-page.txt")
	if _, err := SlidesPPTX(e, SlideOptions{}, io.Discard); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SlidesPPTX(e, SlideOptions{}, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDrawPPTX is the writing alone, the plan made once.
func BenchmarkDrawPPTX(b *testing.B) {
	e := readEntry(b, "../topic/testdata/seed-page.txt")
	doc, _, err := PlanSlides(e, SlideOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := pptxdraw.Write(io.Discard, doc, pptxdraw.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
