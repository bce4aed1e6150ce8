package pdf

import "slices"

// StructElem is an element of a tagged PDF's logical structure (P, H1,
// Table, Link…). Its kids, in reading order, are elements and references
// to marked content or annotations.
type StructElem struct {
	Type       Name
	Alt        string // alternative text (figures)
	ActualText string
	Lang       string
	// Attr is the element's attribute dictionary (/A), e.g. a table
	// header's <</O /Table /Scope /Column>>; nil for none.
	Attr Dict

	parent *StructElem
	kids   []structKid
	ref    Ref
}

// structKid is one kid: an element, marked content on a page, or an
// annotation.
type structKid struct {
	elem  *StructElem
	page  Ref
	mcid  int
	annot Ref
}

// Add appends a new child element of type typ.
func (e *StructElem) Add(typ Name) *StructElem {
	k := &StructElem{Type: typ, parent: e}
	e.kids = append(e.kids, structKid{elem: k})
	return k
}

// StructTree collects a document's structure and the marked content and
// annotations that belong to each element, and writes the structure tree
// root with its parent tree.
type StructTree struct {
	// Root is the document element, the one child of the tree root.
	Root *StructElem

	page    Ref
	key     int           // the current page's /StructParents key
	marks   []*StructElem // the current page's MCIDs' elements
	parents []parentEntry // by key
}

// parentEntry is one parent tree value: a page's elements by MCID, or an
// annotation's element.
type parentEntry struct {
	marks []*StructElem
	annot *StructElem
}

// NewStructTree returns a tree holding a Document element.
func NewStructTree() *StructTree {
	return &StructTree{Root: &StructElem{Type: "Document"}, key: -1}
}

// BeginPage starts numbering marked content on page and returns the
// page's /StructParents key.
func (t *StructTree) BeginPage(page Ref) int {
	t.endPage()
	t.page = page
	t.parents = append(t.parents, parentEntry{})
	t.key = len(t.parents) - 1
	return t.key
}

func (t *StructTree) endPage() {
	if t.key >= 0 {
		t.parents[t.key].marks = t.marks
	}
	t.marks = nil
}

// Mark returns the next MCID of the current page and records that the
// marked content it opens belongs to e.
func (t *StructTree) Mark(e *StructElem) int {
	e.kids = append(e.kids, structKid{page: t.page, mcid: len(t.marks)})
	t.marks = append(t.marks, e)
	return len(t.marks) - 1
}

// Annotation makes annotation annot of the current page a kid of e and
// returns the annotation's /StructParent key.
func (t *StructTree) Annotation(e *StructElem, annot Ref) int {
	e.kids = append(e.kids, structKid{page: t.page, annot: annot})
	t.parents = append(t.parents, parentEntry{annot: e})
	return len(t.parents) - 1
}

// hasContent reports whether e or an element below it holds marked
// content or an annotation; figures count as content of their own.
func (e *StructElem) hasContent() bool {
	if e.Type == "Figure" {
		return true
	}
	for _, k := range e.kids {
		if k.elem == nil || k.elem.hasContent() {
			return true
		}
	}
	return false
}

// write writes the tree and returns the StructTreeRoot's reference.
// Elements without content are left out.
func (t *StructTree) write(w *Writer) Ref {
	t.endPage()
	root := w.Alloc()
	var put func(e *StructElem, parent Ref)
	put = func(e *StructElem, parent Ref) {
		e.ref = w.Alloc()
		for _, k := range e.kids {
			if k.elem != nil && k.elem.hasContent() {
				put(k.elem, e.ref)
			}
		}
		pg := e.page()
		kids := make(Array, 0, len(e.kids))
		for _, k := range e.kids {
			switch {
			case k.elem != nil:
				if k.elem.ref != 0 {
					kids = append(kids, k.elem.ref)
				}
			case k.annot != 0:
				kids = append(kids, Dict{{"Type", Name("OBJR")}, {"Pg", k.page}, {"Obj", k.annot}})
			case k.page == pg:
				// Marked content on the element's own page is named by
				// its MCID alone.
				kids = append(kids, Int(k.mcid))
			default:
				kids = append(kids, Dict{{"Type", Name("MCR")}, {"Pg", k.page}, {"MCID", Int(k.mcid)}})
			}
		}
		// Room for every key below, so the dictionary is made once.
		d := append(make(Dict, 0, 8), Entry{"Type", Name("StructElem")}, Entry{"S", e.Type}, Entry{"P", parent})
		if pg != 0 {
			d = append(d, Entry{"Pg", pg})
		}
		d = append(d, Entry{"K", kids})
		if e.Alt != "" {
			d = append(d, Entry{"Alt", String(e.Alt)})
		}
		if e.ActualText != "" {
			d = append(d, Entry{"ActualText", String(e.ActualText)})
		}
		if e.Lang != "" {
			d = append(d, Entry{"Lang", String(e.Lang)})
		}
		if e.Attr != nil {
			d = append(d, Entry{"A", e.Attr})
		}
		w.Set(e.ref, d)
	}
	put(t.Root, root)
	nums := make(Array, 0, 2*len(t.parents))
	for key, p := range t.parents {
		nums = append(nums, Int(key))
		if p.annot != nil {
			nums = append(nums, p.annot.ref)
			continue
		}
		refs := make(Array, len(p.marks))
		for i, e := range p.marks {
			refs[i] = e.ref
		}
		nums = append(nums, w.Add(refs))
	}
	w.Set(root, Dict{
		{"Type", Name("StructTreeRoot")}, {"K", Array{t.Root.ref}},
		{"ParentTree", w.Add(Dict{{"Nums", nums}})}, {"ParentTreeNextKey", Int(len(t.parents))},
	})
	return root
}

// page is the page of e's first marked content, the element's default
// /Pg, which readers use to find content without a reference of its own.
func (e *StructElem) page() Ref {
	for _, k := range e.kids {
		if k.elem == nil {
			return k.page
		}
	}
	return 0
}

// Kids returns e's child elements, for tests and callers that inspect
// the tree they built.
func (e *StructElem) Kids() []*StructElem {
	var out []*StructElem
	for _, k := range e.kids {
		if k.elem != nil {
			out = append(out, k.elem)
		}
	}
	return slices.Clip(out)
}
