package pdf

import (
	"io"
	"strings"
	"time"

	"github.com/scholargate/topicdeck/internal/xmltext"
)

// Document writes a whole file: pages, outline, metadata (Info and XMP)
// and, when Struct is set, the structure of a tagged PDF with the catalog
// entries PDF/UA asks for.
type Document struct {
	W *Writer
	// Info is the document metadata.
	Info Info
	// Struct is the logical structure; nil writes an untagged file.
	Struct *StructTree

	pages    []Ref
	pageTree Ref
	outline  []Bookmark
}

// Info is what the Info dictionary and the XMP metadata say.
type Info struct {
	Title, Author, Subject, Keywords, Creator, Producer string
	Lang                                                string // BCP 47
	Date                                                time.Time
}

// Bookmark is one outline entry pointing at the top of a page; Level 0 is
// the top level, and a level deeper than the previous entry's plus one is
// taken as that.
type Bookmark struct {
	Title string
	Level int
	Page  Ref
	Top   float64 // y of the page's top, in PDF coordinates
}

// Page is one page's content and what it refers to.
type Page struct {
	Width, Height float64
	Content       []byte
	Resources     Object // a dictionary or a reference to one
	Annots        []Ref
	// StructParents is the page's key in the parent tree; -1 for none.
	StructParents int
}

// NewDocument starts a document.
func NewDocument() *Document {
	w := NewWriter()
	return &Document{W: w, pageTree: w.Alloc()}
}

// NewPage reserves a page's object, which annotations and structure
// refer to before the page is written with SetPage.
func (d *Document) NewPage() Ref {
	r := d.W.Alloc()
	d.pages = append(d.pages, r)
	return r
}

// SetPage writes the page reserved as r.
func (d *Document) SetPage(r Ref, p Page) {
	content := d.W.AddStream(Stream{Data: p.Content, Compress: true})
	dict := Dict{
		{"Type", Name("Page")}, {"Parent", d.pageTree},
		{"MediaBox", Array{Int(0), Int(0), Real(p.Width), Real(p.Height)}},
		{"Resources", p.Resources}, {"Contents", content},
	}
	if len(p.Annots) > 0 {
		annots := make(Array, len(p.Annots))
		for i, a := range p.Annots {
			annots[i] = a
		}
		// Tab through annotations in structure order.
		dict = append(dict, Entry{"Annots", annots}, Entry{"Tabs", Name("S")})
	}
	if p.StructParents >= 0 {
		dict = append(dict, Entry{"StructParents", Int(p.StructParents)})
	}
	d.W.Set(r, dict)
}

// AddBookmark appends an outline entry.
func (d *Document) AddBookmark(b Bookmark) { d.outline = append(d.outline, b) }

// LinkURI is a link annotation opening uri; contents describes it for
// assistive technology; structParent is its parent tree key (-1 for none).
func LinkURI(rect [4]float64, uri, contents string, structParent int) Dict {
	return link(rect, Entry{"A", Dict{{"S", Name("URI")}, {"URI", Bytes(uri)}}}, contents, structParent)
}

// LinkPage is a link annotation going to the top of page.
func LinkPage(rect [4]float64, page Ref, top float64, contents string, structParent int) Dict {
	return link(rect, Entry{"Dest", Array{page, Name("XYZ"), Int(0), Real(top), Null{}}}, contents, structParent)
}

func link(rect [4]float64, action Entry, contents string, structParent int) Dict {
	d := Dict{
		{"Type", Name("Annot")}, {"Subtype", Name("Link")},
		{"Rect", Array{Real(rect[0]), Real(rect[1]), Real(rect[2]), Real(rect[3])}},
		{"Border", Array{Int(0), Int(0), Int(0)}}, {"F", Int(4)}, action,
	}
	if contents != "" {
		d = append(d, Entry{"Contents", String(contents)})
	}
	if structParent >= 0 {
		d = append(d, Entry{"StructParent", Int(structParent)})
	}
	return d
}

// Finish writes the document to out.
func (d *Document) Finish(out io.Writer) error {
	w := d.W
	kids := make(Array, len(d.pages))
	for i, p := range d.pages {
		kids[i] = p
	}
	w.Set(d.pageTree, Dict{{"Type", Name("Pages")}, {"Kids", kids}, {"Count", Int(len(d.pages))}})
	catalog := Dict{{"Type", Name("Catalog")}, {"Pages", d.pageTree}}
	if o := d.writeOutline(); o != 0 {
		catalog = append(catalog, Entry{"Outlines", o}, Entry{"PageMode", Name("UseOutlines")})
	}
	if d.Info.Lang != "" {
		catalog = append(catalog, Entry{"Lang", String(d.Info.Lang)})
	}
	catalog = append(catalog,
		Entry{"Metadata", w.AddStream(Stream{Dict: Dict{{"Type", Name("Metadata")}, {"Subtype", Name("XML")}}, Data: d.xmp()})},
		Entry{"ViewerPreferences", Dict{{"DisplayDocTitle", Bool(true)}}})
	if d.Struct != nil {
		catalog = append(catalog, Entry{"MarkInfo", Dict{{"Marked", Bool(true)}}}, Entry{"StructTreeRoot", d.Struct.write(w)})
	}
	root := w.Add(catalog)
	info := Dict{}
	for _, kv := range []struct {
		k Name
		v string
	}{{"Title", d.Info.Title}, {"Author", d.Info.Author}, {"Subject", d.Info.Subject}, {"Keywords", d.Info.Keywords}, {"Creator", d.Info.Creator}, {"Producer", d.Info.Producer}} {
		if kv.v != "" {
			info = append(info, Entry{kv.k, String(kv.v)})
		}
	}
	date := Bytes(d.Info.Date.UTC().Format("D:20060102150405Z"))
	info = append(info, Entry{"CreationDate", date}, Entry{"ModDate", date})
	return w.Finish(out, root, w.Add(info))
}

// writeOutline writes the bookmarks as a tree nested by level.
func (d *Document) writeOutline() Ref {
	if len(d.outline) == 0 {
		return 0
	}
	w := d.W
	type node struct {
		b      Bookmark
		ref    Ref
		parent int // index, -1 for the outline root
		kids   []int
	}
	nodes := make([]node, len(d.outline))
	var top []int
	var stack []int // open ancestors, by level
	for i, b := range d.outline {
		level := max(0, min(b.Level, len(stack)))
		stack = stack[:level]
		nodes[i] = node{b: b, ref: w.Alloc(), parent: -1}
		if level == 0 {
			top = append(top, i)
		} else {
			p := stack[level-1]
			nodes[i].parent = p
			nodes[p].kids = append(nodes[p].kids, i)
		}
		stack = append(stack, i)
	}
	root := w.Alloc()
	var count func(i int) int
	count = func(i int) int {
		n := len(nodes[i].kids)
		for _, k := range nodes[i].kids {
			n += count(k)
		}
		return n
	}
	// Set encodes a dictionary at once, so every bookmark's is built in
	// the same backing array, large enough for the most entries one has,
	// and so is its destination, rather than grown anew for each.
	dict, dest := make(Dict, 0, 8), make(Array, 5)
	link := func(sibs []int, parent Ref) {
		for j, i := range sibs {
			n := nodes[i]
			dict = append(dict[:0], Entry{"Title", String(n.b.Title)}, Entry{"Parent", parent})
			if j > 0 {
				dict = append(dict, Entry{"Prev", nodes[sibs[j-1]].ref})
			}
			if j+1 < len(sibs) {
				dict = append(dict, Entry{"Next", nodes[sibs[j+1]].ref})
			}
			if len(n.kids) > 0 {
				dict = append(dict, Entry{"First", nodes[n.kids[0]].ref}, Entry{"Last", nodes[n.kids[len(n.kids)-1]].ref}, Entry{"Count", Int(count(i))})
			}
			dest[0], dest[1], dest[2], dest[3], dest[4] = n.b.Page, Name("XYZ"), Int(0), Real(n.b.Top), Null{}
			dict = append(dict, Entry{"Dest", dest})
			w.Set(n.ref, dict)
		}
	}
	link(top, root)
	for i := range nodes {
		if len(nodes[i].kids) > 0 {
			link(nodes[i].kids, nodes[i].ref)
		}
	}
	w.Set(root, Dict{
		{"Type", Name("Outlines")}, {"First", nodes[top[0]].ref}, {"Last", nodes[top[len(top)-1]].ref},
		{"Count", Int(len(nodes))},
	})
	return root
}

// xmp is the metadata stream: Dublin Core, XMP dates, the producer and the
// PDF/UA identification.
func (d *Document) xmp() []byte {
	esc := xmltext.Escape
	i := d.Info
	date := i.Date.UTC().Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"" +
		" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n")
	alt := func(tag, v string) {
		if v != "" {
			b.WriteString("<" + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(v) + "</rdf:li></rdf:Alt></" + tag + ">\n")
		}
	}
	alt("dc:title", i.Title)
	if i.Author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(i.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	alt("dc:description", i.Subject)
	if i.Lang != "" {
		b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(i.Lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	}
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n")
	if i.Creator != "" {
		b.WriteString("<xmp:CreatorTool>" + esc(i.Creator) + "</xmp:CreatorTool>\n")
	}
	if i.Producer != "" {
		b.WriteString("<pdf:Producer>" + esc(i.Producer) + "</pdf:Producer>\n")
	}
	if i.Keywords != "" {
		b.WriteString("<pdf:Keywords>" + esc(i.Keywords) + "</pdf:Keywords>\n")
	}
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}
