package glossary

import (
	"strings"
	"time"

	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/topic"
)

// Sheet names of the workbook, fixed (not translated) so tools that load a
// sheet by name keep working whatever the course language.
const (
	SheetGlossary   = "Glossary"
	SheetTopics     = "Topics"
	SheetTheories   = "Theories"
	SheetQuestions  = "Questions"
	SheetPeople     = "People"
	SheetReferences = "References"
)

// sheet is one table of the workbook before it is written.
type sheet struct {
	name   string
	header []string
	widths []float64
	rows   [][]any
	// links maps "row,col" (0-based data row, column) to a URL.
	links map[[2]int]string
	// flagged marks cells to highlight (a missing definition).
	flagged map[[2]int]bool
	// rich holds cells whose text has bold, italic or code runs, written
	// as rich text so the formatting survives (APA italics, say).
	rich map[[2]int]topic.Text
	// status is the column holding the review status, or -1.
	status int
}

// sheets lays the glossary out as the workbook's tables.
func (g *Glossary) sheets(l locale.Labels) []sheet {
	gl := sheet{name: SheetGlossary, header: Header(), widths: []float64{28, 70, 26, 30, 30, 17, 50},
		links: map[[2]int]string{}, flagged: map[[2]int]bool{}, rich: map[[2]int]topic.Text{}, status: 5}
	for i, r := range g.rows() {
		if d := g.Terms[i].Definition.Text; styled(d) {
			gl.rich[[2]int{i, 1}] = d
		}
		gl.rows = append(gl.rows, anyRow(r.cells()))
		if r.missing {
			gl.flagged[[2]int{i, 1}] = true
			gl.flagged[[2]int{i, 2}] = true
		}
		if r.link != "" {
			gl.links[[2]int{i, 1}] = r.link
		}
	}
	tp := sheet{name: SheetTopics, status: -1,
		header: []string{"Title", "Subject", "Slug", "Summary", "Concepts", "Theories", "Questions", "References", "People", "Other sections", "Source file"},
		widths: []float64{30, 24, 24, 70, 11, 11, 11, 12, 10, 10, 30}}
	for _, t := range g.Topics {
		tp.rows = append(tp.rows, []any{t.Title, t.Subject, t.Slug, t.Summary, t.Concepts, t.Theories, t.Questions, t.References, t.People, t.Sections, t.Source})
	}
	th := sheet{name: SheetTheories, status: -1, header: []string{"Name", "Topic", "Description"}, widths: []float64{34, 30, 90}}
	for _, t := range g.Theories {
		th.rows = append(th.rows, []any{t.Name, t.Topic, t.Description})
	}
	qs := sheet{name: SheetQuestions, status: -1, header: []string{"Kind", "Question", "Answer", "Topic"}, widths: []float64{14, 50, 80, 30}}
	for _, q := range g.Questions {
		qs.rows = append(qs.rows, []any{kindLabel(l, q.Kind), q.Question, q.Answer, q.Topic})
	}
	pp := sheet{name: SheetPeople, status: -1, header: []string{"Name", "Topics"}, widths: []float64{30, 60}}
	for _, p := range g.People {
		pp.rows = append(pp.rows, []any{p.Name, strings.Join(p.Topics, "; ")})
	}
	rf := sheet{name: SheetReferences, status: -1, header: []string{"Key", "Reference", "DOI link", "Topics"},
		widths: []float64{26, 80, 36, 40}, links: map[[2]int]string{}, rich: map[[2]int]topic.Text{}}
	for i, r := range g.References {
		if styled(r.Text) {
			rf.rich[[2]int{i, 1}] = r.Text
		}
		doi := ""
		if r.DOI != "" {
			doi = "https://doi.org/" + r.DOI
			rf.links[[2]int{i, 2}] = doi
		} else if r.URL != "" {
			rf.links[[2]int{i, 1}] = r.URL
		}
		rf.rows = append(rf.rows, []any{r.Key, oneLine(r.Text.Plain()), doi, strings.Join(r.Topics, "; ")})
	}
	return []sheet{gl, tp, th, qs, pp, rf}
}

// styled reports whether any run of t is bold, italic or code.
func styled(t topic.Text) bool {
	for _, r := range t {
		if r.Style != 0 {
			return true
		}
	}
	return false
}

func kindLabel(l locale.Labels, k QuestionKind) string {
	switch k {
	case FAQQuestion:
		return l.Get(locale.KindFAQ)
	case DebateQuestion:
		return l.Get(locale.KindDebate)
	}
	return l.Get(locale.KindCore)
}

func anyRow(cells []string) []any {
	out := make([]any, len(cells))
	for i, c := range cells {
		out[i] = c
	}
	return out
}

// docTime is the fixed date of the workbook: the given time, or a fixed
// day when none is given (never the clock).
func docTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.UTC()
}
