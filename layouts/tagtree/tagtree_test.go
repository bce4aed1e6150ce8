package tagtree

import (
	"testing"

	"github.com/scholargate/topicdeck/plan"
)

// TestPlaceOrder checks that copies follow draft order, not drawing order,
// that a page gets only the nodes its items use, and that real nodes stay.
func TestPlaceOrder(t *testing.T) {
	draft := Draft()
	list := draft.Add(plan.RoleList)
	var bodies, labels []*plan.Node
	for range 3 {
		li := list.Add(plan.RoleItem)
		labels = append(labels, li.Add(plan.RoleLabel))
		bodies = append(bodies, li.Add(plan.RoleBody))
	}
	code := draft.Add(plan.RoleCode)

	tests := []struct {
		name  string
		items []int // which item's body (even) or label (odd) is drawn, in drawing order
		code  bool
		want  string
	}{
		{"body drawn before label", []int{0, 1}, true, "Sect[H L[LI[Lbl LBody]] Code]"},
		{"second page", []int{4, 3, 5, 2}, false, "Sect[H L[LI[Lbl LBody] LI[Lbl LBody]]]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := plan.NewRoot()
			sect := root.Add(plan.RoleSection)
			sect.AddHeading(2)
			heading := sect.Kids[0]
			var items []plan.Item
			if tc.code {
				items = append(items, &plan.Text{Tag: code})
			}
			for _, k := range tc.items {
				n := bodies[k/2]
				if k%2 == 1 {
					n = labels[k/2]
				}
				items = append(items, &plan.Text{Tag: n})
			}
			items = append(items, &plan.Text{Tag: heading}, &plan.Text{})
			New(sect).Place(items)
			if got := shape(sect); got != tc.want {
				t.Errorf("tree %s, want %s", got, tc.want)
			}
			for i, it := range items {
				tag := it.(*plan.Text).Tag
				if i == len(items)-1 {
					if tag != nil {
						t.Errorf("an artifact got a tag")
					}
					continue
				}
				if !tag.Within(root) {
					t.Errorf("item %d is tagged outside the document", i)
				}
			}
		})
	}
}

// TestRowKeepsEveryCell checks that a table row drawn with only some of its
// cells filled gets all its cells, each once, in column order.
func TestRowKeepsEveryCell(t *testing.T) {
	draft := Draft()
	tr := draft.Add(plan.RoleTable).Add(plan.RoleRow)
	a, b, c := tr.Add(plan.RoleCell), tr.Add(plan.RoleCell), tr.Add(plan.RoleCell)
	a.Label, b.Label, c.Label = "a", "b", "c"
	root := plan.NewRoot()
	items := []plan.Item{&plan.Text{Tag: c}, &plan.Text{Tag: a}}
	New(root).Place(items)
	if got := shape(root); got != "Document[Table[TR[TD TD TD]]]" {
		t.Fatalf("tree %s", got)
	}
	row := root.Kids[0].Kids[0]
	for i, want := range []string{"a", "b", "c"} {
		if row.Kids[i].Label != want {
			t.Errorf("cell %d is %q, want %q", i, row.Kids[i].Label, want)
		}
	}
	if items[0].(*plan.Text).Tag != row.Kids[2] || items[1].(*plan.Text).Tag != row.Kids[0] {
		t.Error("items point at the wrong cells")
	}
}

func shape(n *plan.Node) string {
	s := string(n.Role)
	if len(n.Kids) == 0 {
		return s
	}
	s += "["
	for i, k := range n.Kids {
		if i > 0 {
			s += " "
		}
		s += shape(k)
	}
	return s + "]"
}
