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
	block  *elemBlock // where Add takes its children from; nil: one by one
}

// elemBlock hands out a tree's elements from arrays of elemBlockSize
// rather than one allocation each: a handout of slides makes thousands,
// and they all live as long as their document. It does the same for each
// element's first kid, since most elements (a paragraph on one page) have
// just one.
type elemBlock struct {
	free []StructElem
	kids []structKid
}

const elemBlockSize = 32

func (b *elemBlock) next() *StructElem {
	if len(b.free) == 0 {
		b.free = make([]StructElem, elemBlockSize)
	}
	e := &b.free[0]
	b.free = b.free[1:]
	return e
}

// addKid appends k to e's kids, the first one into a block's slot of
// capacity one, so that a second kid moves them out by append as usual.
func (e *StructElem) addKid(k structKid) {
	if e.kids == nil && e.block != nil {
		b := e.block
		if len(b.kids) == 0 {
			b.kids = make([]structKid, elemBlockSize)
		}
		e.kids, b.kids = b.kids[:0:1], b.kids[1:]
	}
	e.kids = append(e.kids, k)
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
	var k *StructElem
	if e.block != nil {
		k = e.block.next()
	} else {
		k = new(StructElem)
	}
	*k = StructElem{Type: typ, parent: e, block: e.block}
	e.addKid(structKid{elem: k})
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
	return &StructTree{Root: &StructElem{Type: "Document", block: new(elemBlock)}, key: -1}
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
	e.addKid(structKid{page: t.page, mcid: len(t.marks)})
	t.marks = append(t.marks, e)
	return len(t.marks) - 1
}

// Annotation makes annotation annot of the current page a kid of e and
// returns the annotation's /StructParent key.
func (t *StructTree) Annotation(e *StructElem, annot Ref) int {
	e.addKid(structKid{page: t.page, annot: annot})
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
//
// The elements and the parent tree are encoded here straight into bytes,
// as Dict and Array would write them: a deck has hundreds of elements and
// thousands of kids, and an Array of boxed references and MCIDs for each
// was a tenth of what drawing a deck allocated.
func (t *StructTree) write(w *Writer) Ref {
	t.endPage()
	root := w.Alloc()
	body := &rawBody{}
	var put func(e *StructElem, parent Ref)
	put = func(e *StructElem, parent Ref) {
		e.ref = w.Alloc()
		for _, k := range e.kids {
			if k.elem != nil && k.elem.hasContent() {
				put(k.elem, e.ref)
			}
		}
		pg := e.page()
		b := append(body.b[:0], "<</Type /StructElem/S "...)
		b = e.Type.AppendPDF(b)
		b = append(b, "/P "...)
		b = parent.AppendPDF(b)
		if pg != 0 {
			b = append(b, "/Pg "...)
			b = pg.AppendPDF(b)
		}
		b = append(b, "/K ["...)
		first := true
		for _, k := range e.kids {
			if k.elem != nil && k.elem.ref == 0 {
				continue // an element without content, left out
			}
			if !first {
				b = append(b, ' ')
			}
			first = false
			switch {
			case k.elem != nil:
				b = k.elem.ref.AppendPDF(b)
			case k.annot != 0:
				b = append(b, "<</Type /OBJR/Pg "...)
				b = k.page.AppendPDF(b)
				b = append(b, "/Obj "...)
				b = k.annot.AppendPDF(b)
				b = append(b, ">>"...)
			case k.page == pg:
				// Marked content on the element's own page is named by
				// its MCID alone.
				b = Int(k.mcid).AppendPDF(b)
			default:
				b = append(b, "<</Type /MCR/Pg "...)
				b = k.page.AppendPDF(b)
				b = append(b, "/MCID "...)
				b = Int(k.mcid).AppendPDF(b)
				b = append(b, ">>"...)
			}
		}
		b = append(b, ']')
		if e.Alt != "" {
			b = append(b, "/Alt "...)
			b = String(e.Alt).AppendPDF(b)
		}
		if e.ActualText != "" {
			b = append(b, "/ActualText "...)
			b = String(e.ActualText).AppendPDF(b)
		}
		if e.Lang != "" {
			b = append(b, "/Lang "...)
			b = String(e.Lang).AppendPDF(b)
		}
		if e.Attr != nil {
			b = append(b, "/A "...)
			b = e.Attr.AppendPDF(b)
		}
		body.b = append(b, ">>"...)
		w.Set(e.ref, body)
	}
	put(t.Root, root)
	// The parent tree: a Nums array of keys, each with its page's
	// elements by MCID (an array of their own) or an annotation's element.
	marks := &rawBody{}
	nums := append(body.b[:0], "<</Nums ["...)
	for key, p := range t.parents {
		if key > 0 {
			nums = append(nums, ' ')
		}
		nums = Int(key).AppendPDF(nums)
		nums = append(nums, ' ')
		if p.annot != nil {
			nums = p.annot.ref.AppendPDF(nums)
			continue
		}
		b := append(marks.b[:0], '[')
		for i, e := range p.marks {
			if i > 0 {
				b = append(b, ' ')
			}
			b = e.ref.AppendPDF(b)
		}
		marks.b = append(b, ']')
		nums = w.Add(marks).AppendPDF(nums)
	}
	body.b = append(nums, "]>>"...)
	parentTree := w.Add(body)
	w.Set(root, Dict{
		{"Type", Name("StructTreeRoot")}, {"K", Array{t.Root.ref}},
		{"ParentTree", parentTree}, {"ParentTreeNextKey", Int(len(t.parents))},
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

// rawBody is an object's syntax encoded already, reused from one object
// to the next (the writer copies it).
type rawBody struct{ b []byte }

// AppendPDF implements Object.
func (r *rawBody) AppendPDF(b []byte) []byte { return append(b, r.b...) }
