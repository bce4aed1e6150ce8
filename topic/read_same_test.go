package topic

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// normalized returns a copy of e without what legitimately differs between
// forms of the same entry: positions, the source name and form, and the
// headings of known sections in Order (a Markdown heading is written, a
// JSON key is not). The heading of a generic section is content and stays.
func normalized(e *Entry) *Entry {
	c := *e
	c.Source, c.Format = "", ""
	c.TitlePos, c.SlugPos = Pos{}, Pos{}
	c.Summary = zeroBody(c.Summary)
	c.Definition = zeroBody(c.Definition)
	c.Scope = zeroBody(c.Scope)
	c.Mechanisms = zeroBody(c.Mechanisms)
	c.History = zeroBody(c.History)
	c.CoreQuestions = zeroItems(c.CoreQuestions)
	c.KeyFigures = zeroItems(c.KeyFigures)
	c.RelatedTopics = zeroItems(c.RelatedTopics)
	c.SeminalWorks = zeroItems(c.SeminalWorks)
	c.Methods = zeroItems(c.Methods)
	c.RelatedConcepts = zeroItems(c.RelatedConcepts)
	if c.Relevance != nil {
		r := *c.Relevance
		r.Body = zeroBody(r.Body)
		c.Relevance = &r
	}
	c.KeyConcepts = nil
	for _, k := range e.KeyConcepts {
		k.Pos = Pos{}
		c.KeyConcepts = append(c.KeyConcepts, k)
	}
	c.KeyTheories = nil
	for _, th := range e.KeyTheories {
		th.Pos, th.Description = Pos{}, zeroBody(th.Description)
		c.KeyTheories = append(c.KeyTheories, th)
	}
	c.Debates = zeroQAs(e.Debates)
	c.FAQ = zeroQAs(e.FAQ)
	c.Sections = nil
	for _, s := range e.Sections {
		s.Body = zeroBody(s.Body)
		c.Sections = append(c.Sections, s)
	}
	c.Order = nil
	for _, r := range e.Order {
		r.Pos = Pos{}
		if r.Field != FieldSection && r.Field != FieldRelevance {
			r.Heading = ""
		}
		c.Order = append(c.Order, r)
	}
	return &c
}

func zeroBody(b Body) Body {
	if len(b) == 0 {
		return nil
	}
	out := make(Body, len(b))
	for i, bl := range b {
		bl.Pos = Pos{}
		bl.Items = zeroItems(bl.Items)
		bl.Blocks = zeroBody(bl.Blocks)
		out[i] = bl
	}
	return out
}

func zeroItems(its []Item) []Item {
	if len(its) == 0 {
		return nil
	}
	out := make([]Item, len(its))
	for i, it := range its {
		it.Pos = Pos{}
		it.Children = zeroItems(it.Children)
		it.Blocks = zeroBody(it.Blocks)
		out[i] = it
	}
	return out
}

func zeroQAs(qs []QA) []QA {
	var out []QA
	for _, q := range qs {
		q.Pos, q.Answer = Pos{}, zeroBody(q.Answer)
		out = append(out, q)
	}
	return out
}

// inCanonicalOrder returns e with Order sorted the way the JSON and YAML
// writers put fields, for comparing an entry with its written form.
func inCanonicalOrder(e *Entry) *Entry {
	c := *e
	rank := map[Field]int{}
	for i, f := range Fields {
		rank[f] = i
	}
	rank[FieldSection] = len(Fields)
	c.Order = append([]SectionRef(nil), e.Order...)
	sort.SliceStable(c.Order, func(i, j int) bool {
		a, b := c.Order[i], c.Order[j]
		return rank[a.Field] < rank[b.Field] || rank[a.Field] == rank[b.Field] && a.Index < b.Index
	})
	return &c
}

// sameEntry fails the test when two entries differ after normalizing,
// showing both as JSON so the difference is easy to spot.
func sameEntry(t *testing.T, what string, got, want *Entry) {
	t.Helper()
	g, w := normalized(got), normalized(want)
	if reflect.DeepEqual(g, w) {
		return
	}
	gj, _ := json.MarshalIndent(struct {
		E     *Entry
		Order []SectionRef
	}{g, g.Order}, "", " ")
	wj, _ := json.MarshalIndent(struct {
		E     *Entry
		Order []SectionRef
	}{w, w.Order}, "", " ")
	t.Errorf("%s: entries differ\n%s", what, firstDifference(string(gj), string(wj)))
}

// firstDifference shows the lines around the first line where got and
// want differ, which is where a model mismatch is easiest to read.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	from := max(i-8, 0)
	return "--- got\n" + strings.Join(g[from:min(i+8, len(g))], "\n") +
		"\n--- want\n" + strings.Join(w[from:min(i+8, len(w))], "\n")
}

// TestSameEntryAllForms loads one entry written in all four forms and
// checks that every form gives the same model.
func TestSameEntryAllForms(t *testing.T) {
	var ref *Entry
	for _, f := range []string{"entry.md", "entry.json", "entry.yaml", "entry.txt"} {
		e, err := ReadFile("testdata/same/"+f, Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if e.Source != "testdata/same/"+f {
			t.Errorf("%s: Source = %q", f, e.Source)
		}
		if len(e.Order) != 15 {
			t.Errorf("%s: %d sections in Order, want 15 (all known sections, Related topics empty)", f, len(e.Order))
		}
		if ref == nil {
			ref = e
			continue
		}
		sameEntry(t, f+" vs entry.md", e, ref)
	}
}
