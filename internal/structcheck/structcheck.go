// Package structcheck checks the logical structure layouts give a planned
// document, without drawing it: that tagged items lie in the document's
// tree, that headings start at level 1 and never skip one going down, that
// header cells have a scope and figures alternative text, and what a
// screen reader following the tree would read, so tests can compare that
// with the entry's phrases.
package structcheck

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/scholargate/topicdeck/plan"
)

// owned maps each node to the text of the items tagged with it, in
// drawing order, and records where an embedded page's structure goes.
type owned struct {
	text   map[*plan.Node][]string
	embeds map[*plan.Node][]*plan.Node // an Embed's tag -> embedded pages' tags
	probs  []string
}

func lineText(t *plan.Text) string {
	var b strings.Builder
	for _, s := range t.Line.Segments {
		b.WriteString(s.Text)
	}
	return b.String()
}

func (o *owned) page(where string, pg *plan.Page, root *plan.Node) {
	for _, it := range pg.Items {
		switch v := it.(type) {
		case *plan.Text:
			if v.Tag == nil {
				continue
			}
			if root == nil || !v.Tag.Within(root) {
				o.probs = append(o.probs, fmt.Sprintf("%s: %q is tagged outside the structure", where, lineText(v)))
			}
			o.text[v.Tag] = append(o.text[v.Tag], lineText(v))
		case *plan.Image:
			if v.Tag != nil && (root == nil || !v.Tag.Within(root)) {
				o.probs = append(o.probs, fmt.Sprintf("%s: an image is tagged outside the structure", where))
			}
		case *plan.Embed:
			if v.Tag == nil {
				continue
			}
			if root == nil || !v.Tag.Within(root) {
				o.probs = append(o.probs, fmt.Sprintf("%s: an embedded page is tagged outside the structure", where))
			}
			if v.Page.Tag == nil {
				o.probs = append(o.probs, fmt.Sprintf("%s: an embedded page has no structure", where))
				continue
			}
			o.embeds[v.Tag] = append(o.embeds[v.Tag], v.Page.Tag)
			o.page(where+" (embedded "+v.Page.Label+")", v.Page, v.Page.Tag)
		}
	}
}

// Result is what Check found.
type Result struct {
	// Problems are broken rules, one sentence each.
	Problems []string
	// Reading is the text of the tagged items in the order of the
	// structure, white space folded.
	Reading string
	// Body is Reading without the headings' text: a sentence a slide
	// break cuts in two is read with the next slide's heading in between.
	Body string
	// Untagged is the text drawn as artifacts, one line each.
	Untagged []string
	// Roles counts the nodes of each role.
	Roles map[plan.Role]int
	// Texts lists, for each role, the text of each node of that role that
	// has text of its own, in reading order.
	Texts map[plan.Role][]string
}

// Check walks the document's structure in reading order, the structure of
// each embedded page placed under its Embed's node after that node's own
// kids, as a drawer would.
func Check(d *plan.Document) Result {
	o := &owned{text: map[*plan.Node][]string{}, embeds: map[*plan.Node][]*plan.Node{}}
	var r Result
	r.Roles = map[plan.Role]int{}
	r.Texts = map[plan.Role][]string{}
	if d.Root == nil {
		r.Problems = append(r.Problems, "the document has no structure")
	}
	for i, pg := range d.Pages {
		o.page(fmt.Sprintf("page %d", i+1), pg, d.Root)
		for _, it := range pg.Items {
			if t, ok := it.(*plan.Text); ok && t.Tag == nil {
				r.Untagged = append(r.Untagged, lineText(t))
			}
		}
	}
	r.Problems = append(r.Problems, o.probs...)
	var parts, body []string
	last := 0
	var walk func(n *plan.Node)
	walk = func(n *plan.Node) {
		r.Roles[n.Role]++
		switch n.Role {
		case plan.RoleHeading:
			if n.Level < 1 || n.Level > last+1 {
				r.Problems = append(r.Problems, fmt.Sprintf("heading %q: level %d after level %d", strings.Join(o.text[n], " "), n.Level, last))
			}
			last = n.Level
		case plan.RoleHeaderCell:
			if n.Scope != plan.ScopeColumn && n.Scope != plan.ScopeRow {
				r.Problems = append(r.Problems, fmt.Sprintf("header cell %q has no scope", strings.Join(o.text[n], " ")))
			}
		case plan.RoleTable:
			// A table is a grid: every row as many cells as the first.
			cells := -1
			for _, row := range n.Kids {
				if row.Role != plan.RoleRow {
					r.Problems = append(r.Problems, fmt.Sprintf("a table holds a %s", row.Role))
					continue
				}
				if cells >= 0 && len(row.Kids) != cells {
					r.Problems = append(r.Problems, fmt.Sprintf("a table row has %d cells, the first %d", len(row.Kids), cells))
				}
				if cells < 0 {
					cells = len(row.Kids)
				}
			}
		case plan.RoleFigure:
			if strings.TrimSpace(n.Alt) == "" {
				r.Problems = append(r.Problems, "a figure has no alternative text")
			}
		}
		parts = append(parts, o.text[n]...)
		if own := strings.Join(strings.Fields(strings.Join(o.text[n], " ")), " "); own != "" {
			r.Texts[n.Role] = append(r.Texts[n.Role], own)
		}
		if n.Role != plan.RoleHeading {
			body = append(body, o.text[n]...)
		}
		for _, k := range n.Kids {
			if k.Parent != n {
				r.Problems = append(r.Problems, fmt.Sprintf("a %s node's kid does not point back at it", n.Role))
			}
			walk(k)
		}
		for _, e := range o.embeds[n] {
			walk(e)
		}
	}
	if d.Root != nil {
		if d.Root.Role != plan.RoleDocument {
			r.Problems = append(r.Problems, "the root is not a document")
		}
		walk(d.Root)
	}
	r.Reading = strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
	r.Body = strings.Join(strings.Fields(strings.Join(body, " ")), " ")
	return r
}

// squash drops white space and hyphens, which line breaking may add or
// take away.
var squash = regexp.MustCompile(`[\s\-‐‑\x{00AD}]`)

// OutOfOrder returns the phrases of each group that r does not read in
// the group's order (each found after the one before it in r.Body). A
// phrase read as a heading (a title, a theory's name) need only be read.
func OutOfOrder(r Result, groups [][]string) []string {
	flat := squash.ReplaceAllString(r.Body, "")
	all := squash.ReplaceAllString(r.Reading, "")
	var out []string
	for _, g := range groups {
		at := 0
		for _, ph := range g {
			p := squash.ReplaceAllString(ph, "")
			if p == "" {
				continue
			}
			k := strings.Index(flat[at:], p)
			switch {
			case k >= 0:
				at += k + len(p)
			case strings.Contains(flat, p):
				out = append(out, "out of order: "+ph)
			case !strings.Contains(all, p):
				out = append(out, "not read: "+ph)
			}
		}
	}
	return out
}

// Outline draws the structure as indented lines, each node's role (with
// its level or scope) and the start of its own text, for reading a failed
// test's structure.
func Outline(d *plan.Document) string {
	o := &owned{text: map[*plan.Node][]string{}, embeds: map[*plan.Node][]*plan.Node{}}
	for i, pg := range d.Pages {
		o.page(fmt.Sprintf("page %d", i+1), pg, d.Root)
	}
	var b strings.Builder
	var walk func(n *plan.Node, depth int)
	walk = func(n *plan.Node, depth int) {
		role := string(n.Role)
		if n.Role == plan.RoleHeading {
			role += fmt.Sprint(n.Level)
		}
		if n.Scope != "" {
			role += "/" + n.Scope
		}
		text := []rune(strings.Join(strings.Fields(strings.Join(o.text[n], " ")), " "))
		if len(text) > 50 {
			text = append(text[:50], '…')
		}
		fmt.Fprintf(&b, "%s%s %s\n", strings.Repeat("  ", depth), role, string(text))
		for _, k := range n.Kids {
			walk(k, depth+1)
		}
		for _, e := range o.embeds[n] {
			walk(e, depth+1)
		}
	}
	if d.Root != nil {
		walk(d.Root, 0)
	}
	return b.String()
}
