package deck

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// Extras are what a layout file can set beyond a Theme: page size, brand
// images, the footer, which sections appear in what order and in which
// form, and the layout's own faces. The zero value is the built-in
// behaviour, so a built-in layout has zero Extras.
type Extras struct {
	// Width and Height fix the page size in points; Aspect ("16:9",
	// "4:3") fixes it by shape. Either overrides the caller's aspect
	// option, because a house style decides its page. Zero means the option.
	Width, Height float64
	Aspect        string

	Logo       *Logo    // drawn on every slide
	CoverImage *Picture // fills the title slide behind its text
	Footer     *Footer  // nil: title and course on the left, "n / N" on the right

	// Sections lists the sections to show, in order, each in a form; nil
	// shows every section in lecture order in its own form. Sections not
	// listed are left out: that is the layout author's choice.
	Sections []SectionForm
	// NoOutline and NoReview drop the outline slide after the title and the
	// closing review of the core questions.
	NoOutline, NoReview bool

	// Fonts are the layout's own faces; with them the theme's title and
	// body families name the family WithFamily registers (FontFamily).
	Fonts *FontFiles
	// NoKerning measures text without the faces' pair kerning, every
	// character at its own advance (and so the PDF draws it), for a house
	// style whose fonts kern badly or that wants the plain spacing.
	NoKerning bool
}

// Picture is a PNG or JPEG image with its size in pixels.
type Picture struct {
	File          string // as written in the layout file
	Type          string // "PNG" or "JPG"
	Data          []byte
	Width, Height int
}

// Logo is a picture placed in a corner of every slide.
type Logo struct {
	Picture
	// Position is a corner: "top-left", "top-right", "bottom-left" or
	// "bottom-right" (LogoPositions).
	Position string
	// Height in points; the width follows the picture's proportions.
	Height float64
}

// LogoPositions are the corners a logo can sit in.
var LogoPositions = []string{"top-left", "top-right", "bottom-left", "bottom-right"}

// Footer is the footer of every slide but the title slide: templates for
// its left, centre and right parts, with the fields of FooterFields in
// braces. A field that is empty takes the separator next to it along, so
// "{title} · {course}" without a course is just the title.
type Footer struct {
	Left, Center, Right string
}

// DefaultFooter is the footer the built-in layouts draw.
var DefaultFooter = Footer{Left: "{title}  ·  {course}", Right: "{page} / {pages}"}

// FooterFields are the fields a footer template can use.
var FooterFields = []string{"title", "course", "author", "date", "page", "pages"}

// FontFiles are the paths of a family's TrueType files; Regular is required.
type FontFiles = fonts.FamilyFiles

// FontFamily is the family name a layout's own faces are registered under.
func FontFamily(layoutName string) string { return "layout-" + layoutName }

// Form is how a section is cut into slides.
type Form string

// The section forms. FormAuto is each section's own form: a statement for
// the definition, numbered questions, concept cards, a slide per theory,
// debate and FAQ item, bullets for long prose.
const (
	FormAuto      Form = "auto"
	FormBullets   Form = "bullets"   // one list of bullets, continued as needed
	FormColumns   Form = "columns"   // the same in two columns
	FormStatement Form = "statement" // each paragraph or item as a large statement
	FormItems     Form = "items"     // one slide per paragraph or item, each a statement, or per titled item
)

// Forms lists the section forms.
var Forms = []Form{FormAuto, FormBullets, FormColumns, FormStatement, FormItems}

// SectionForm is one shown section and its form.
type SectionForm struct {
	Key  string // one of SectionKeys
	Form Form
}

// SectionKeys name the sections a layout can show, in lecture order: each
// known section's topic.SectionKind.LayoutKey, then "other-sections" for
// the entry's sections the model does not know.
var SectionKeys = func() []string {
	var keys []string
	for _, k := range topic.LectureKinds() {
		keys = append(keys, k.LayoutKey())
	}
	return append(keys, otherSections)
}()

// otherSections is the layout-file key of the sections the model does not know.
const otherSections = "other-sections"

// kindByKey finds a known section by its layout-file key.
func kindByKey(key string) (*topic.SectionKind, bool) {
	for _, k := range topic.LectureKinds() {
		if k.LayoutKey() == key {
			return k, true
		}
	}
	return nil, false
}

// Fonts returns base with the layout's own faces added as its family, or
// base itself when the layout has none. The exporter measures and draws
// with the result (layouts.FontLayout).
func (l *Layout) Fonts(base *fonts.Set) (*fonts.Set, error) {
	f := l.Extras.Fonts
	if f == nil {
		return base, nil
	}
	return f.AddTo(base, l.Theme.BodyFamily)
}

// pageSize is the layout's page when it fixes one, else the aspect option's.
func (l *Layout) pageSize(aspect string) (w, h float64, err error) {
	if l.Extras.Width > 0 && l.Extras.Height > 0 {
		return l.Extras.Width, l.Extras.Height, nil
	}
	if l.Extras.Aspect != "" {
		aspect = l.Extras.Aspect
	}
	return PageSize(aspect)
}

// bodySections plans the sections the layout shows, in its order and forms.
func (p *planner) bodySections() []section {
	if p.ex.Sections == nil {
		return p.sections()
	}
	var out []section
	for _, sf := range p.ex.Sections {
		out = append(out, p.keyed(sf.Key, sf.Form)...)
	}
	return out
}

// keyed plans one section in a form. The section's own form is planned by
// sections() itself over an entry holding only that section, so it stays
// exactly what the built-in layouts do.
func (p *planner) keyed(key string, form Form) []section {
	if form == FormAuto || form == "" {
		full := p.e
		p.e = Only(full, key)
		defer func() { p.e = full }()
		return p.sections()
	}
	e := p.e
	if key == otherSections {
		var out []section
		for _, s := range e.Sections {
			heading := s.Heading
			if heading == "" {
				heading = p.lab.Get(locale.Notes)
			}
			if bodyEmpty(s.Body) {
				if s.Heading != "" {
					out = append(out, p.withMark(section{title: heading, cols: 1, build: func(flow) []*box { return nil }}))
				}
				continue
			}
			out = append(out, p.formBody(heading, s.Body, form)...)
		}
		return out
	}
	k, ok := kindByKey(key)
	if !ok {
		return nil
	}
	label := p.lab.Get(locale.Key(k.Label))
	switch k.Shape {
	case topic.ShapeProse:
		return p.formBody(label, *k.Prose(e), form)
	case topic.ShapeRelevance:
		if r := e.Relevance; r != nil {
			heading := r.Heading
			if heading == "" {
				heading = label
			}
			return p.formBody(heading, r.Body, form)
		}
	case topic.ShapeList:
		return p.formList(label, *k.List(e), form)
	case topic.ShapeReferences:
		ss := p.formList(p.lab.Get(locale.References), *k.List(e), form)
		for i := range ss {
			ss[i].refs = true
		}
		return ss
	case topic.ShapeQuestions:
		return p.formQA(label, qas(*k.Questions(e)), form)
	case topic.ShapeConcepts:
		if concepts := nonEmptyConcepts(e.KeyConcepts); form == FormColumns && len(concepts) > 0 {
			// Concepts in two columns are the cards of their own form, kept side by side.
			s := p.withMark(section{title: p.lab.Get(locale.KeyConcepts), build: func(c flow) []*box { return p.cards(concepts, true, c) }})
			return []section{columns(s, form)}
		}
		var items []qa
		for _, c := range nonEmptyConcepts(e.KeyConcepts) {
			var body topic.Body
			if !empty(c.Definition) {
				body = topic.Body{{Kind: topic.ParagraphBlock, Text: c.Definition}}
			}
			items = append(items, qa{c.Term, body})
		}
		return p.formQA(p.lab.Get(locale.KeyConcepts), items, form)
	case topic.ShapeTheories:
		var items []qa
		for _, t := range e.KeyTheories {
			items = append(items, qa{t.Name, t.Description})
		}
		return p.formQA(p.lab.Get(locale.KeyTheories), items, form)
	}
	return nil
}

// Only returns a copy of e holding nothing but the section a layout
// file's key names (and what every slide needs: title, language,
// authors), so that tests can ask which sentences a custom slide must show.
func Only(e *topic.Entry, key string) *topic.Entry {
	o := &topic.Entry{Title: e.Title, Slug: e.Slug, Subject: e.Subject, Lang: e.Lang, Authors: e.Authors, Updated: e.Updated}
	if key == otherSections {
		o.Sections = e.Sections
		return o
	}
	k, ok := kindByKey(key)
	if !ok {
		return o
	}
	switch k.Shape {
	case topic.ShapeProse:
		*k.Prose(o) = *k.Prose(e)
	case topic.ShapeList, topic.ShapeReferences:
		*k.List(o) = *k.List(e)
	case topic.ShapeQuestions:
		*k.Questions(o) = *k.Questions(e)
	case topic.ShapeConcepts:
		o.KeyConcepts = e.KeyConcepts
	case topic.ShapeTheories:
		o.KeyTheories = e.KeyTheories
	case topic.ShapeRelevance:
		o.Relevance = e.Relevance
	}
	return o
}

// formBody plans prose in a form other than its own.
func (p *planner) formBody(label string, b topic.Body, form Form) []section {
	if bodyEmpty(b) {
		return nil
	}
	switch form {
	case FormBullets, FormColumns:
		body := bulletBody(b)
		s := p.withMark(section{title: label, cols: 1, build: func(c flow) []*box { return p.prose(body, c) }})
		return []section{columns(s, form)}
	case FormStatement:
		return []section{p.withMark(section{title: label, cols: 1, build: func(c flow) []*box { return p.statement(b, c) }})}
	default: // FormItems
		var parts []topic.Body
		for _, bl := range b {
			parts = append(parts, topic.Body{bl})
		}
		return p.slidePerPart(label, parts)
	}
}

// slidePerPart gives each part a slide of its own under the section's
// title, paragraphs set as statements; the first slide carries the
// section's outline entry and bookmark.
func (p *planner) slidePerPart(label string, parts []topic.Body) []section {
	var out []section
	for _, part := range parts {
		if bodyEmpty(part) {
			continue
		}
		s := section{title: label, cols: 1, build: func(c flow) []*box { return p.statement(part, c) }}
		if len(out) == 0 {
			s = p.withMark(s)
		}
		out = append(out, s)
	}
	return out
}

// formList plans list items in a form other than their own.
func (p *planner) formList(label string, items []topic.Item, form Form) []section {
	if itemsEmpty(items) {
		return nil
	}
	switch form {
	case FormBullets, FormColumns:
		s := p.withMark(section{title: label, cols: 1, build: func(c flow) []*box { return p.list(items, false, 0, 0, c) }})
		return []section{columns(s, form)}
	case FormStatement:
		var body topic.Body
		for _, it := range items {
			body = append(body, itemBody(it)...)
		}
		return []section{p.withMark(section{title: label, cols: 1, build: func(c flow) []*box { return p.statement(body, c) }})}
	default: // FormItems
		var parts []topic.Body
		for _, it := range items {
			parts = append(parts, itemBody(it))
		}
		return p.slidePerPart(label, parts)
	}
}

// formQA plans titled items (theories, debates, FAQ, concepts) in a form
// other than their own.
func (p *planner) formQA(label string, items []qa, form Form) []section {
	var list []topic.Item
	for _, it := range items {
		if empty(it.title) && bodyEmpty(it.body) {
			continue
		}
		item := topic.Item{Text: bold(it.title)}
		if len(it.body) > 0 && it.body[0].Kind == topic.ParagraphBlock && !empty(it.title) {
			// A one-paragraph answer reads on from its title.
			item.Text = append(append(item.Text, topic.Run{Text: ": "}), it.body[0].Text...)
			item.Blocks = it.body[1:]
		} else {
			item.Blocks = it.body
		}
		list = append(list, item)
	}
	if len(list) == 0 {
		return nil
	}
	switch form {
	case FormBullets, FormColumns, FormStatement:
		// In these forms titled items are list items.
		return p.formList(label, list, form)
	}
	return p.qaSections(label, items)
}

// columns forces two columns on a section planned in the columns form.
func columns(s section, form Form) section {
	if form == FormColumns {
		s.cols, s.force = 2, true
	}
	return s
}

// bold returns t with every run in bold.
func bold(t topic.Text) topic.Text {
	out := make(topic.Text, len(t))
	for i, r := range t {
		r.Style |= topic.Bold
		out[i] = r
	}
	return out
}

// bulletBody turns each paragraph into one bullet per sentence; lists,
// code, tables and quotes keep their form.
func bulletBody(b topic.Body) topic.Body {
	var out topic.Body
	for _, bl := range b {
		if bl.Kind != topic.ParagraphBlock || empty(bl.Text) {
			out = append(out, bl)
			continue
		}
		var items []topic.Item
		for _, s := range sentences(bl.Text) {
			items = append(items, topic.Item{Text: s})
		}
		out = append(out, topic.Block{Kind: topic.ListBlock, Items: items})
	}
	return out
}

// itemBody is a list item as blocks: its text as a paragraph, then its
// inner blocks and its sub-list, so nothing of it is lost.
func itemBody(it topic.Item) topic.Body {
	var out topic.Body
	if !empty(it.Text) {
		out = append(out, topic.Block{Kind: topic.ParagraphBlock, Text: it.Text})
	}
	out = append(out, it.Blocks...)
	if len(it.Children) > 0 {
		out = append(out, topic.Block{Kind: topic.ListBlock, Items: it.Children})
	}
	return out
}

// columnChoices are the column counts arrange tries for a section: one and
// the section's own, or only its own when the layout's form demands it.
func columnChoices(s section) []int {
	if s.force {
		return []int{s.cols}
	}
	if s.cols > 1 {
		return []int{1, s.cols}
	}
	return []int{1}
}

// coverImage is the title slide's background picture, scaled to cover the
// page and centred; what overflows the page is cut off by the page edge.
func (p *planner) coverImage() []plan.Item {
	im := p.ex.CoverImage
	if im == nil || im.Width == 0 || im.Height == 0 {
		return nil
	}
	s := max(p.w/float64(im.Width), p.h/float64(im.Height))
	w, h := float64(im.Width)*s, float64(im.Height)*s
	return []plan.Item{&plan.Image{X: (p.w - w) / 2, Y: (p.h - h) / 2, W: w, H: h, Name: imageName(im.Data), Type: im.Type, Data: im.Data}}
}

// imageName names image data by its hash, so the PDF holds it once.
func imageName(data []byte) string {
	sum := sha256.Sum256(data)
	return "img" + hex.EncodeToString(sum[:8])
}

// logoBox is where the logo sits on a page: in its corner, aligned with the
// side margin, centred in the top margin or on the footer line. A logo at
// the top left also keeps above the kicker (the section name over a
// theory's or FAQ item's title), shrinking to fit there if it must.
func (p *planner) logoBox() (x, y, w, h float64) {
	lg := p.ex.Logo
	h = lg.Height
	ratio := float64(lg.Picture.Width) / float64(lg.Picture.Height)
	if strings.HasPrefix(lg.Position, "bottom") {
		y = p.h - p.th.MarginBottom/2 - h/2
	} else {
		room := p.th.MarginTop
		if lg.Position == "top-left" {
			room = min(room, p.kickerTop())
		}
		h = max(min(h, room-8), 4)
		y = (room - h) / 2
	}
	w = h * ratio
	x = p.th.MarginX
	if strings.HasSuffix(lg.Position, "right") {
		x = p.w - p.th.MarginX - w
	}
	return x, y, w, h
}

// LogoRoom is the tallest logo the layout's slides have room for in a
// corner: the top margin (above the kicker, for the top left, where
// section names sit over titles) or the bottom margin, less 8 pt of air.
// Layout files are checked against it, since a logo never covers text.
func (l *Layout) LogoRoom(eng *textlayout.Engine, position string) float64 {
	if strings.HasPrefix(position, "bottom") {
		return l.Theme.MarginBottom - 8
	}
	w, h, err := l.pageSize("")
	if err != nil {
		w, h = 960, 540
	}
	p := &planner{th: l.Theme, ex: l.Extras, eng: eng, w: w, h: h}
	room := l.Theme.MarginTop
	if position == "top-left" {
		room = min(room, p.kickerTop())
	}
	return room - 8
}

// kickerTop is the top of the kicker line head draws over a title.
func (p *planner) kickerTop() float64 {
	pg := &plan.Page{}
	p.head(pg, "K", p.titleLines("T", p.th.TitleSize, p.w-2*p.th.MarginX), nil)
	top := p.th.MarginTop
	for _, it := range pg.Items {
		if tx, ok := it.(*plan.Text); ok {
			top = min(top, tx.Y)
		}
	}
	return top
}

// finish adds what every slide carries: the footer and the logo.
func (p *planner) finish() {
	if p.ex.Footer == nil && p.ex.Logo == nil {
		p.footers()
		return
	}
	ft := DefaultFooter
	if p.ex.Footer != nil {
		ft = *p.ex.Footer
	}
	p.templateFooters(ft)
	if lg := p.ex.Logo; lg != nil && lg.Height > 0 && lg.Picture.Width > 0 && lg.Picture.Height > 0 {
		x, y, w, h := p.logoBox()
		name := imageName(lg.Data)
		for _, pg := range p.pages {
			pg.Items = append(pg.Items, &plan.Image{X: x, Y: y, W: w, H: h, Name: name, Type: lg.Type, Data: lg.Data})
		}
	}
}

// templateFooters draws the footer from templates on every slide but the
// title slide, keeping clear of a logo at the bottom. With DefaultFooter
// and no logo it draws what footers does.
func (p *planner) templateFooters(ft Footer) {
	n := len(p.pages)
	font := textlayout.Font{Family: p.th.BodyFamily, Size: p.th.FooterSize}
	y := p.h - p.th.MarginBottom/2 - p.th.FooterSize*0.6
	left, right := p.th.MarginX, p.w-p.th.MarginX
	if lg := p.ex.Logo; lg != nil && strings.HasPrefix(lg.Position, "bottom") {
		_, _, w, _ := p.logoBox()
		if strings.HasSuffix(lg.Position, "left") {
			left += w + 16
		} else {
			right -= w + 16
		}
	}
	date := p.opt.Date
	if date == "" {
		date = p.e.Updated
	}
	for i := p.cover; i < n; i++ {
		pg := p.pages[i]
		vals := map[string]string{
			"title": p.e.Title, "course": p.opt.Course, "author": p.author(), "date": date,
			"page": strconv.Itoa(i + 1), "pages": strconv.Itoa(n),
		}
		if p.th.FooterRule {
			pg.Items = append(pg.Items, &plan.Rule{X1: p.th.MarginX, Y1: y - 8, X2: p.w - p.th.MarginX, Y2: y - 8, Color: p.th.Rule, Width: 0.5})
		}
		rs := flatten(FillFooter(ft.Right, vals))
		rl := p.line(textlayout.Span{Text: rs, Font: font, Color: p.th.Muted})
		cs := flatten(FillFooter(ft.Center, vals))
		leftEnd := right - rl.Width - 24
		if cs != "" {
			cl := p.line(textlayout.Span{Text: p.fit(cs, font, (right-left)/3), Font: font, Color: p.th.Muted})
			cx := (left+right)/2 - cl.Width/2
			pg.Items = append(pg.Items, &plan.Text{X: cx, Y: y, Line: cl})
			leftEnd = min(leftEnd, cx-24)
		}
		if ls := flatten(FillFooter(ft.Left, vals)); ls != "" && leftEnd > left {
			l := p.line(textlayout.Span{Text: p.fit(ls, font, leftEnd-left), Font: font, Color: p.th.Muted})
			pg.Items = append(pg.Items, &plan.Text{X: left, Y: y, Line: l})
		}
		if rs != "" {
			pg.Items = append(pg.Items, &plan.Text{X: right - rl.Width, Y: y, Line: rl})
		}
	}
}

// FillFooter fills a footer template's {fields} from vals. An empty field
// takes the separator before it along (or, for the first field, the one
// after it), so optional fields leave no dangling "·"; text outside braces
// is kept as written.
func FillFooter(tmpl string, vals map[string]string) string {
	type tok struct {
		s     string
		field bool
		drop  bool
	}
	var toks []tok
	for tmpl != "" {
		i := strings.IndexByte(tmpl, '{')
		j := strings.IndexByte(tmpl[max(i, 0):], '}')
		if i < 0 || j < 0 {
			toks = append(toks, tok{s: tmpl})
			break
		}
		j += i
		if i > 0 {
			toks = append(toks, tok{s: tmpl[:i]})
		}
		toks = append(toks, tok{s: vals[tmpl[i+1:j]], field: true})
		tmpl = tmpl[j+1:]
	}
	const seps = " \u00a0·•|–—-/,:;"
	for i, t := range toks {
		if !t.field || t.s != "" {
			continue
		}
		toks[i].drop = true
		// The separator before the field goes with it; for a leading
		// field, the one after it.
		switch {
		case i > 0 && !toks[i-1].field && !toks[i-1].drop && strings.TrimRight(toks[i-1].s, seps) != toks[i-1].s:
			toks[i-1].s = strings.TrimRight(toks[i-1].s, seps)
		case i+1 < len(toks) && !toks[i+1].field:
			toks[i+1].s = strings.TrimLeft(toks[i+1].s, seps)
		}
	}
	var b strings.Builder
	for _, t := range toks {
		if !t.drop {
			b.WriteString(t.s)
		}
	}
	return strings.TrimSpace(b.String())
}
