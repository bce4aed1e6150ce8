// Package pptxread reads a PowerPoint deck back the way a slide editor
// and a screen reader see it (titles in placeholders, paragraphs and their
// bullets, pictures and their alternative text, notes pages), so tests can
// check what pptxdraw wrote without trusting its own code.
package pptxread

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/scholargate/topicdeck/internal/zipparts"
)

// Deck is a read deck.
type Deck struct {
	Slides []Slide
	// Members are the archive's member names in archive order.
	Members []string
	// Width and Height are the slide size in EMU.
	Width, Height int64
}

// Slide is one slide as read.
type Slide struct {
	Name string // part name, "ppt/slides/slide3.xml"
	// Title is the text of the title placeholder (type title or
	// ctrTitle); TitleShapes counts such placeholders.
	Title       string
	TitleShapes int
	// TitleFirst says the title is the first shape not marked decorative.
	TitleFirst bool
	Paragraphs []Para // every paragraph of every shape but the title, in shape order
	Pictures   []Picture
	Notes      []string // the notes page's paragraphs
	HasNotes   bool
	// Shapes counts the text-bearing shapes (title and footers included).
	Shapes int
	Tables int
}

// Para is one paragraph.
type Para struct {
	Text string
	// Bullet is "char:•", "autonum:arabicPlain:3" or "" for none.
	Bullet string
	// Placeholder is the type of the placeholder holding the paragraph
	// ("ftr", "sldNum"), "" for an ordinary shape.
	Placeholder string
	Field       string // a field type in the paragraph ("slidenum")
	Links       []string
}

// Picture is one picture.
type Picture struct {
	Descr      string
	Decorative bool
}

// node is an element of a parsed part.
type node struct {
	name string
	attr map[string]string
	kids []*node
	text strings.Builder
}

func parse(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	root := &node{name: "#root"}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name.Local, attr: map[string]string{}}
			for _, a := range t.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			stack[len(stack)-1].text.Write(t)
		}
	}
	if len(root.kids) != 1 {
		return nil, fmt.Errorf("want one root element, got %d", len(root.kids))
	}
	return root.kids[0], nil
}

// find returns the first descendant (or n itself) named name.
func (n *node) find(name string) *node {
	if n.name == name {
		return n
	}
	for _, k := range n.kids {
		if f := k.find(name); f != nil {
			return f
		}
	}
	return nil
}

// all returns every descendant named name, in document order.
func (n *node) all(name string, out []*node) []*node {
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
			continue
		}
		out = k.all(name, out)
	}
	return out
}

// Read reads a .pptx.
func Read(data []byte) (*Deck, error) {
	members, err := zipparts.Read(data)
	if err != nil {
		return nil, err
	}
	parts := map[string][]byte{}
	d := &Deck{}
	for _, m := range members {
		parts[m.Name] = m.Data
		d.Members = append(d.Members, m.Name)
	}
	trees := map[string]*node{}
	for name, b := range parts {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			t, err := parse(b)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			trees[name] = t
		}
	}
	if err := checkContentTypes(trees, d.Members); err != nil {
		return nil, err
	}
	pres := trees["ppt/presentation.xml"]
	if pres == nil {
		return nil, fmt.Errorf("no ppt/presentation.xml")
	}
	if sz := pres.find("sldSz"); sz != nil {
		fmt.Sscan(sz.attr["cx"], &d.Width)
		fmt.Sscan(sz.attr["cy"], &d.Height)
	}
	prels := rels(trees, "ppt/presentation.xml")
	lst := pres.find("sldIdLst")
	if lst == nil {
		return nil, fmt.Errorf("presentation.xml has no slide list")
	}
	for _, id := range lst.kids {
		target, ok := prels[id.attr["id"]]
		if !ok {
			return nil, fmt.Errorf("slide relationship %q missing", id.attr["id"])
		}
		s, err := readSlide(trees, target)
		if err != nil {
			return nil, err
		}
		d.Slides = append(d.Slides, *s)
	}
	return d, nil
}

// checkContentTypes fails when a part has no content type.
func checkContentTypes(trees map[string]*node, members []string) error {
	ct := trees["[Content_Types].xml"]
	if ct == nil {
		return fmt.Errorf("no [Content_Types].xml")
	}
	defaults, overrides := map[string]bool{}, map[string]bool{}
	for _, k := range ct.kids {
		switch k.name {
		case "Default":
			defaults[strings.ToLower(k.attr["Extension"])] = true
		case "Override":
			overrides[k.attr["PartName"]] = true
		}
	}
	for _, m := range members {
		ext := strings.ToLower(path.Ext(m))
		if !overrides["/"+m] && !defaults[strings.TrimPrefix(ext, ".")] {
			return fmt.Errorf("%s has no content type", m)
		}
	}
	for o := range overrides {
		if _, ok := trees[strings.TrimPrefix(o, "/")]; !ok {
			return fmt.Errorf("content type for missing part %s", o)
		}
	}
	return nil
}

// rels returns a part's relationships, id → resolved part name (or the
// external target as written).
func rels(trees map[string]*node, part string) map[string]string {
	dir, file := path.Split(part)
	out := map[string]string{}
	t := trees[dir+"_rels/"+file+".rels"]
	if t == nil {
		return out
	}
	for _, r := range t.kids {
		target := r.attr["Target"]
		if r.attr["TargetMode"] != "External" {
			target = path.Join(dir, target)
		}
		out[r.attr["Id"]] = target
	}
	return out
}

// paraText is a paragraph's text. Line breaks (a:br) read as nothing:
// pptxdraw writes them only inside a token the plan broke (a URL after a
// slash), where the text has no space.
func paraText(p *node) string {
	var b strings.Builder
	var walk func(n *node)
	walk = func(n *node) {
		switch n.name {
		case "t":
			b.WriteString(n.text.String())
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(p)
	return b.String()
}

func readSlide(trees map[string]*node, name string) (*Slide, error) {
	t := trees[name]
	if t == nil {
		return nil, fmt.Errorf("slide part %s missing", name)
	}
	srels := rels(trees, name)
	s := &Slide{Name: name}
	tree := t.find("spTree")
	if tree == nil {
		return nil, fmt.Errorf("%s: no shape tree", name)
	}
	meaningful := 0
	for _, sh := range tree.kids {
		cnv := sh.find("cNvPr")
		deco := cnv != nil && cnv.find("decorative") != nil
		switch sh.name {
		case "pic":
			s.Pictures = append(s.Pictures, Picture{Descr: cnv.attr["descr"], Decorative: deco})
		case "graphicFrame":
			if sh.find("tbl") != nil {
				s.Tables++
			}
		}
		if !deco && sh.name != "nvGrpSpPr" && sh.name != "grpSpPr" {
			meaningful++
		}
		body := sh.find("txBody")
		if body == nil && sh.find("tbl") == nil {
			continue
		}
		ph := ""
		if p := sh.find("ph"); p != nil {
			ph = p.attr["type"]
			if ph == "" {
				ph = "body"
			}
		}
		s.Shapes++
		if ph == "title" || ph == "ctrTitle" {
			s.TitleShapes++
			s.TitleFirst = s.TitleFirst || meaningful == 1
			var ts []string
			for _, p := range sh.all("p", nil) {
				ts = append(ts, paraText(p))
			}
			s.Title = strings.Join(ts, " ")
			continue
		}
		for _, p := range sh.all("p", nil) {
			para := Para{Text: paraText(p), Placeholder: ph}
			if ppr := p.find("pPr"); ppr != nil {
				if c := ppr.find("buChar"); c != nil {
					para.Bullet = "char:" + c.attr["char"]
				} else if a := ppr.find("buAutoNum"); a != nil {
					para.Bullet = "autonum:" + a.attr["type"] + ":" + a.attr["startAt"]
				}
			}
			if f := p.find("fld"); f != nil {
				para.Field = f.attr["type"]
			}
			for _, h := range p.all("hlinkClick", nil) {
				para.Links = append(para.Links, srels[h.attr["id"]])
			}
			s.Paragraphs = append(s.Paragraphs, para)
		}
	}
	for _, target := range srels {
		if !strings.Contains(target, "notesSlides/") {
			continue
		}
		n := trees[target]
		if n == nil {
			return nil, fmt.Errorf("%s: notes part %s missing", name, target)
		}
		s.HasNotes = true
		for _, sh := range n.all("sp", nil) {
			if p := sh.find("ph"); p != nil && p.attr["type"] == "body" {
				for _, para := range sh.all("p", nil) {
					if txt := paraText(para); txt != "" {
						s.Notes = append(s.Notes, txt)
					}
				}
			}
		}
	}
	return s, nil
}
