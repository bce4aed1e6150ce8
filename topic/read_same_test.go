package topic

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"
)

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

// sameEntry fails the test when two forms of one entry differ in what
// they hold: everything but positions, the source name and form, and the
// headings Order gives known sections (a Markdown heading is written, a
// JSON key is not; the heading of a generic section is content and stays).
func sameEntry(t *testing.T, what string, got, want *Entry) bool {
	t.Helper()
	return alike(t, what, got, want, false)
}

// sameMarkdownEntry is sameEntry for two entries read from Markdown or page
// text, where the heading of every section is written and must agree.
func sameMarkdownEntry(t *testing.T, what string, got, want *Entry) bool {
	t.Helper()
	return alike(t, what, got, want, true)
}

// alike compares the JSON form of two entries, which holds every field but
// positions, source and form, together with Order without positions; on a
// difference it shows the lines around the first, where a model mismatch
// is easiest to read.
func alike(t *testing.T, what string, got, want *Entry, headings bool) bool {
	t.Helper()
	g, w := comparable(got, headings), comparable(want, headings)
	if g == w {
		return true
	}
	t.Errorf("%s: entries differ\n%s", what, firstDifference(g, w))
	return false
}

// comparable is the indented JSON of an entry and its Order, with the
// headings of known sections left out unless headings is set.
func comparable(e *Entry, headings bool) string {
	var order []SectionRef
	for _, r := range e.Order {
		if !headings && r.Field != FieldSection && r.Field != FieldRelevance {
			r.Heading = ""
		}
		order = append(order, r)
	}
	out, err := json.MarshalIndent(struct {
		E     *Entry
		Order []SectionRef
	}{e, order}, "", " ")
	if err != nil {
		panic(err)
	}
	return string(out)
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
