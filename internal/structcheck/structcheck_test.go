package structcheck

import (
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
)

func text(s string, tag *plan.Node) *plan.Text {
	return &plan.Text{Line: textlayout.Line{Segments: []textlayout.Segment{{Text: s}}}, Tag: tag}
}

// TestCheck builds small documents that break one rule each and checks
// that Check names it, and that a sound one reads in tree order.
func TestCheck(t *testing.T) {
	tests := []struct {
		name    string
		build   func(root *plan.Node) []plan.Item
		problem string // "" for none
		reading string
	}{
		{"sound, read in tree order not drawing order", func(root *plan.Node) []plan.Item {
			h := root.AddHeading(1)
			p := root.Add(plan.RoleParagraph)
			return []plan.Item{text("Body.", p), text("Title", h), text("3 / 9", nil)}
		}, "", "Title Body."},
		{"skipped level", func(root *plan.Node) []plan.Item {
			root.AddHeading(1)
			return []plan.Item{text("Deep", root.AddHeading(3))}
		}, "level 3 after level 1", "Deep"},
		{"first heading not 1", func(root *plan.Node) []plan.Item {
			return []plan.Item{text("Slide", root.AddHeading(2))}
		}, "level 2 after level 0", "Slide"},
		{"header cell without scope", func(root *plan.Node) []plan.Item {
			th := root.Add(plan.RoleTable).Add(plan.RoleRow).Add(plan.RoleHeaderCell)
			return []plan.Item{text("Name", th)}
		}, "has no scope", "Name"},
		{"ragged table", func(root *plan.Node) []plan.Item {
			tb := root.Add(plan.RoleTable)
			tb.Add(plan.RoleRow).Add(plan.RoleCell)
			r := tb.Add(plan.RoleRow)
			r.Add(plan.RoleCell)
			r.Add(plan.RoleCell)
			return nil
		}, "has 2 cells, the first 1", ""},
		{"figure without alt", func(root *plan.Node) []plan.Item {
			return []plan.Item{&plan.Image{Tag: root.Add(plan.RoleFigure)}}
		}, "no alternative text", ""},
		{"tagged outside the tree", func(root *plan.Node) []plan.Item {
			return []plan.Item{text("Lost", &plan.Node{Role: plan.RoleParagraph})}
		}, "tagged outside the structure", "Lost"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := plan.NewRoot()
			doc := &plan.Document{Root: root, Pages: []*plan.Page{{Items: tc.build(root)}}}
			r := Check(doc)
			got := strings.Join(r.Problems, "; ")
			if (tc.problem == "") != (got == "") || !strings.Contains(got, tc.problem) {
				t.Errorf("problems %q, want %q", got, tc.problem)
			}
			if tc.problem == "" && r.Reading != tc.reading {
				t.Errorf("reading %q, want %q", r.Reading, tc.reading)
			}
		})
	}
}

// TestOutOfOrder checks the order rules: within a group in order, across
// groups free, headings only present.
func TestOutOfOrder(t *testing.T) {
	r := Result{Reading: "Intro Second part. First part. Seco-nd", Body: "Second part. First part. Seco-nd"}
	r.Reading = "Intro " + r.Body
	got := OutOfOrder(r, [][]string{{"First part."}, {"Second part."}, {"Intro"}, {"Second part.", "First part."}, {"First part.", "Second part."}, {"Missing"}})
	want := []string{"out of order: Second part.", "not read: Missing"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}
