// Package tagtree lets a layout give drawn items their place in a
// document's logical structure before it knows which page they land on.
//
// A layout measures a body once, as boxes or blocks, and only later learns
// how they are cut into pages; the structure of a slide (its list, its
// table) must follow that cut, since each slide is a section of its own.
// So layouts build a draft: plan.Nodes in the order a listener should
// hear them, which items point at with their Tag. Placing a page's items
// copies the drafts they use into the real tree, each copy among its
// siblings in draft order, so that a list cut over two slides becomes one
// list on each, and a node nothing on the page uses never appears.
package tagtree

import "github.com/scholargate/topicdeck/plan"

// Scope copies drafts into one part of the real tree: a slide's section,
// or a whole handout.
type Scope struct {
	at    *plan.Node
	real  map[*plan.Node]*plan.Node // draft -> its copy
	draft map[*plan.Node]*plan.Node // copy -> its draft
}

// New returns a scope whose drafts go under the real node at. A draft is a
// node whose topmost ancestor is not a document root: that ancestor (a
// draft root, made with Draft) stands for at itself.
func New(at *plan.Node) *Scope {
	return &Scope{at: at, real: map[*plan.Node]*plan.Node{}, draft: map[*plan.Node]*plan.Node{}}
}

// Draft returns a new draft root: the node a layout builds a body under
// before it knows where the body goes.
func Draft() *plan.Node { return &plan.Node{Role: plan.RoleSection} }

// Place points every item's Tag that is a draft of this scope at the
// draft's copy, making copies as needed. Tags outside the scope's draft
// (real nodes, other drafts) are left alone.
func (s *Scope) Place(items []plan.Item) {
	for _, it := range items {
		switch v := it.(type) {
		case *plan.Text:
			v.Tag = s.node(v.Tag)
		case *plan.Rect:
			v.Tag = s.node(v.Tag)
		case *plan.Rule:
			v.Tag = s.node(v.Tag)
		case *plan.Image:
			v.Tag = s.node(v.Tag)
		case *plan.Embed:
			v.Tag = s.node(v.Tag)
		}
	}
}

// Node returns the copy of draft d in this scope (making it and its
// ancestors when needed), or d itself when d is not one of its drafts.
func (s *Scope) Node(d *plan.Node) *plan.Node { return s.node(d) }

func (s *Scope) node(d *plan.Node) *plan.Node {
	if d == nil {
		return nil
	}
	if r, ok := s.real[d]; ok {
		return r
	}
	if d.Parent == nil {
		if d.Role == plan.RoleDocument {
			return d
		}
		s.real[d] = s.at
		return s.at
	}
	if !s.owns(d) {
		return d
	}
	parent := s.node(d.Parent)
	if r, ok := s.real[d]; ok {
		// Copying the parent copied d too (a row copies all its cells).
		return r
	}
	c := &plan.Node{Role: d.Role, Level: d.Level, Alt: d.Alt, Scope: d.Scope, Lang: d.Lang, Label: d.Label, Parent: parent}
	// The copy goes after its siblings whose drafts come before its own:
	// the draft's order is the reading order, whatever order things are
	// drawn in. Kids that are not copies (a slide's heading) stay first.
	rank := index(d)
	at := len(parent.Kids)
	for at > 0 {
		prev, ok := s.draft[parent.Kids[at-1]]
		if !ok || prev.Parent != d.Parent || index(prev) < rank {
			break
		}
		at--
	}
	parent.Kids = append(parent.Kids, nil)
	copy(parent.Kids[at+1:], parent.Kids[at:])
	parent.Kids[at] = c
	s.real[d] = c
	s.draft[c] = d
	if d.Role == plan.RoleRow {
		// A table row has all its cells, the empty ones too, so that
		// the table stays a grid.
		for _, k := range d.Kids {
			s.node(k)
		}
	}
	return c
}

// owns reports whether d is a draft: a node outside any document. Nodes
// of the real tree (a heading made straight under a slide's section, the
// copies made here) are left as they are.
func (s *Scope) owns(d *plan.Node) bool {
	top := d
	for top.Parent != nil {
		top = top.Parent
	}
	return top.Role != plan.RoleDocument
}

// index is d's place among its parent's kids.
func index(d *plan.Node) int {
	if d.Parent == nil {
		return 0
	}
	for i, k := range d.Parent.Kids {
		if k == d {
			return i
		}
	}
	return len(d.Parent.Kids)
}
