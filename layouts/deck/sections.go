package deck

import (
	"strings"

	"github.com/scholargate/topicdeck/layouts/tagtree"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// sections plans the entry's sections in lecture order, skipping empty ones.
func (p *planner) sections() []section {
	e := p.e
	var out []section
	add := func(s section) { out = append(out, s) }
	for _, k := range topic.LectureKinds() {
		label := p.lab.Get(locale.Key(k.Label))
		switch k.Shape {
		case topic.ShapeProse:
			b := *k.Prose(e)
			switch {
			case bodyEmpty(b):
			case k.Field == topic.FieldDefinition:
				// The definition is the one statement a lecture opens with.
				add(p.withMark(section{title: label, cols: 1,
					build: func(c flow) []*box { return p.statement(b, c) }}))
			default:
				add(p.proseSection(label, b))
			}
		case topic.ShapeList:
			items := *k.List(e)
			switch {
			case itemsEmpty(items):
			case k.Field == topic.FieldCoreQuestions:
				// Core questions are numbered, one column, to be answered in turn.
				add(p.withMark(section{title: label, cols: 1,
					build: func(c flow) []*box { return p.list(items, true, 1, 0, c) }}))
			default:
				add(p.listSection(label, items))
			}
		case topic.ShapeReferences:
			if items := *k.List(e); !itemsEmpty(items) {
				s := p.listSection(p.lab.Get(locale.References), items)
				s.refs = true
				add(s)
			}
		case topic.ShapeQuestions:
			out = append(out, p.qaSections(label, qas(*k.Questions(e)))...)
		case topic.ShapeConcepts:
			if concepts := nonEmptyConcepts(e.KeyConcepts); len(concepts) > 0 {
				cols := 1
				if len(concepts) > 5 {
					cols = 2
				}
				add(p.withMark(section{title: label, cols: cols,
					build: func(c flow) []*box { return p.cards(concepts, cols > 1, c) }}))
			}
		case topic.ShapeTheories:
			var theories []qa
			for _, t := range e.KeyTheories {
				theories = append(theories, qa{t.Name, t.Description})
			}
			out = append(out, p.qaSections(label, theories)...)
		case topic.ShapeRelevance:
			if r := e.Relevance; r != nil && !bodyEmpty(r.Body) {
				heading := r.Heading
				if heading == "" {
					heading = label
				}
				if p.titleFits(heading) {
					add(p.proseSection(heading, r.Body))
				} else {
					// A heading too long for the title area leads the body instead.
					body := r.Body
					add(section{title: label, outline: heading, marks: []plan.Bookmark{{Title: heading}}, cols: 1,
						build: func(c flow) []*box {
							return append([]*box{p.leadIn(topic.Plain(heading), c)}, p.prose(body, c)...)
						}})
				}
			}
		}
	}
	for _, s := range e.Sections {
		if bodyEmpty(s.Body) && s.Heading == "" {
			continue
		}
		heading := s.Heading
		if heading == "" {
			heading = p.lab.Get(locale.Notes)
		}
		if bodyEmpty(s.Body) {
			// A heading alone is still the author's content: it gets a
			// slide of its own rather than vanishing.
			add(p.withMark(section{title: heading, cols: 1, build: func(flow) []*box { return nil }}))
			continue
		}
		if p.titleFits(heading) {
			ps := p.proseSection(heading, s.Body)
			if listHeavy(s.Body) {
				ps.cols = 2
			}
			add(ps)
			continue
		}
		body := s.Body
		label := p.lab.Get(locale.Notes)
		add(section{title: label, outline: heading, marks: []plan.Bookmark{{Title: heading}}, cols: 1,
			build: func(c flow) []*box {
				return append([]*box{p.leadIn(topic.Plain(heading), c)}, p.prose(body, c)...)
			}})
	}
	return out
}

// withMark lists a section in the outline and the PDF bookmarks under its title.
func (p *planner) withMark(s section) section {
	s.outline = s.title
	s.marks = []plan.Bookmark{{Title: s.title}}
	return s
}

// proseSection is a section of prose.
func (p *planner) proseSection(title string, b topic.Body) section {
	return p.withMark(section{title: title, cols: 1, build: func(c flow) []*box { return p.prose(b, c) }})
}

// listSection is a section of list items: two columns when they are many
// and short (names, works, related topics), one otherwise.
func (p *planner) listSection(title string, items []topic.Item) section {
	cols := 1
	if len(items) > 6 && shortItems(items) {
		cols = 2
	}
	return p.withMark(section{title: title, cols: cols, build: func(c flow) []*box { return p.list(items, false, 0, 0, c) }})
}

// listHeavy reports whether a body is a long list of short items (with
// at most short paragraphs around it), which reads well in two columns.
func listHeavy(b topic.Body) bool {
	n := 0
	var count func(items []topic.Item)
	count = func(items []topic.Item) {
		for _, it := range items {
			n++
			count(it.Children)
		}
	}
	for _, bl := range b {
		switch bl.Kind {
		case topic.ListBlock:
			if !shortItems(bl.Items) {
				return false
			}
			count(bl.Items)
		case topic.ParagraphBlock, topic.HeadingBlock:
			if len([]rune(bl.Text.Plain())) > 120 {
				return false
			}
		default:
			return false
		}
	}
	return n > 8
}

// shortItems reports whether every item is short enough for a column.
func shortItems(items []topic.Item) bool {
	for _, it := range items {
		if len([]rune(it.Text.Plain())) > 60 || len(it.Blocks) > 0 || !shortItems(it.Children) {
			return false
		}
	}
	return true
}

// qa is a titled piece with a body: a key theory, a debate, a FAQ item.
type qa struct {
	title topic.Text
	body  topic.Body
}

func qas(items []topic.QA) []qa {
	var out []qa
	for _, x := range items {
		out = append(out, qa{x.Question, x.Answer})
	}
	return out
}

// qaSections gives each item with a body a slide of its own, its title the
// item's and the section's name above it; items without a body are listed
// together on one slide, so no slide is left nearly empty. The first slide
// carries the section's outline entry and bookmark, each item a sub-bookmark.
func (p *planner) qaSections(label string, items []qa) []section {
	var out []section
	var bare []topic.Item
	for _, it := range items {
		if empty(it.title) && bodyEmpty(it.body) {
			continue
		}
		if bodyEmpty(it.body) {
			bare = append(bare, topic.Item{Text: it.title})
			continue
		}
		title := it.title.Plain()
		s := section{kicker: label, cols: 1, marks: []plan.Bookmark{{Title: title, Level: 1}}}
		body := it.body
		if !empty(it.title) && p.titleFits(title) {
			s.title = title
			s.build = func(c flow) []*box { return p.prose(body, c) }
		} else {
			// A title too long for the title area (or none) leads the body
			// instead, under the section's name.
			s.title, s.kicker = label, ""
			if empty(it.title) {
				s.marks = nil
			}
			lead := it.title
			s.build = func(c flow) []*box {
				var bs []*box
				if !empty(lead) {
					bs = append(bs, p.leadIn(lead, c))
				}
				return append(bs, p.prose(body, c)...)
			}
		}
		out = append(out, s)
	}
	if len(bare) > 0 {
		items := bare
		out = append(out, section{title: label, cols: 1, marks: []plan.Bookmark{{Title: label, Level: 1}},
			build: func(c flow) []*box { return p.list(items, false, 0, 0, c) }})
	}
	if len(out) > 0 {
		out[0].outline = label
		out[0].marks = append([]plan.Bookmark{{Title: label}}, out[0].marks...)
	}
	return out
}

// leadIn is a bold paragraph that stays with what follows it.
func (p *planner) leadIn(t topic.Text, c flow) *box {
	st := c.st
	st.font.Bold = true
	// A lead-in is the title of what follows (a question, a theory's
	// name too long for the slide's title): a heading under the title.
	f := frame{above: 0.6 * c.size, indent: c.indent, width: c.width, tag: c.parent.AddHeading(3)}
	b := p.paraBox(f, sentences(t), st, c.width, 0, false)
	b.keep = true
	return b
}

// nonEmptyConcepts drops concepts with neither term nor definition.
func nonEmptyConcepts(cs []topic.Concept) []topic.Concept {
	var out []topic.Concept
	for _, c := range cs {
		if !empty(c.Term) || !empty(c.Definition) {
			out = append(out, c)
		}
	}
	return out
}

// cards sets key concepts. Side by side in two columns, cards of similar
// height are made equal so that they line up as a grid.
func (p *planner) cards(concepts []topic.Concept, grid bool, c flow) []*box {
	// Cards are a list: each term is an item's label, its definition the
	// body, read card by card in the order of the entry (the columns are
	// filled one after the other, so that is also the order they show).
	c.parent = c.parent.Add(plan.RoleList)
	bs := make([]*box, len(concepts))
	lo, hi := 0.0, 0.0
	for i, cn := range concepts {
		bs[i] = p.card(cn, c, 0)
		if i == 0 || bs[i].h < lo {
			lo = bs[i].h
		}
		hi = max(hi, bs[i].h)
	}
	if grid && hi <= 1.3*lo {
		for i, cn := range concepts {
			bs[i] = p.card(cn, c, hi)
		}
	}
	return bs
}

// card sets a key concept: the term in bold with its definition under it,
// in a tinted card when the theme has boxes.
func (p *planner) card(cn topic.Concept, c flow, minH float64) *box {
	f := frame{above: 0.45 * c.size, indent: c.indent, width: c.width, minH: minH}
	if p.th.Boxes {
		f.pad = 0.5 * c.size
		f.fill = &p.th.Tint
		f.bar = &p.th.Accent
		f.radius = 4
	} else {
		f.above = 0.6 * c.size
	}
	w := c.width - 2*f.pad
	term := c.st
	term.font.Bold = true
	var lines []lineAt
	lines = append(lines, p.lines(spans(cn.Term, term), w, 0, p.th.LineHeight, textlayout.Left)...)
	label, body := item(c.parent)
	for i := range lines {
		lines[i].tag = label
	}
	def := c.st
	def.font.Size = max(p.th.MinBodySize, c.size-2)
	for _, l := range p.lines(spans(cn.Definition, def), w, 0, p.th.LineHeight, textlayout.Left) {
		l.tag = body
		lines = append(lines, l)
	}
	return linesBox(f, lines, false)
}

// statement sets the definition: each paragraph a large statement in a
// tinted box with an accent bar; other blocks as prose.
func (p *planner) statement(b topic.Body, c flow) []*box {
	size := min(p.th.StatementSize, c.size+4)
	st := c.st
	st.font.Size = size
	var out []*box
	for _, bl := range b {
		if bl.Kind != topic.ParagraphBlock {
			out = append(out, p.prose(topic.Body{bl}, c)...)
			continue
		}
		if empty(bl.Text) {
			continue
		}
		f := frame{above: 0.6 * c.size, indent: c.indent, width: c.width, tag: c.parent.Add(plan.RoleStatement)}
		if c.refs {
			// A reference set as a statement is still a reference.
			f.tag = f.tag.Add(plan.RoleReference)
		}
		if p.th.Boxes {
			f.pad = 0.8 * c.size
			f.fill = &p.th.Tint
			f.bar = &p.th.Accent
			f.radius = 4
		}
		// The statement gives up its extra size before it would need
		// a second slide.
		var b *box
		for sz := size; ; sz -= 2 {
			st.font.Size = max(sz, c.size)
			b = p.paraBox(f, sentences(bl.Text), st, c.width-2*f.pad, 0, false)
			if b.h <= c.height+eps || sz <= c.size {
				break
			}
		}
		out = append(out, b)
	}
	return out
}

// titleLines sets a slide title: on one line if shrinking by at most 4 pt
// allows, else on two lines at the largest size down to the theme's
// minimum, else wrapped at the minimum as far as it must.
func (p *planner) titleLines(s string, size, width float64) []lineAt {
	set := func(size float64) []lineAt {
		return p.lines([]textlayout.Span{{Text: flatten(s), Font: textlayout.Font{Family: p.th.TitleFamily, Bold: true, Size: size}, Color: p.th.Text}},
			width, 0, p.th.TitleLineHeight, textlayout.Left)
	}
	for sz := size; sz >= max(size-4, p.th.MinTitleSize)-eps; sz -= 2 {
		if ls := set(sz); len(ls) <= 1 {
			return ls
		}
	}
	var ls []lineAt
	for ; size >= p.th.MinTitleSize-eps; size -= 2 {
		if ls = set(size); len(ls) <= 2 {
			break
		}
	}
	return ls
}

// titleFits reports whether s fits the title area in three lines.
func (p *planner) titleFits(s string) bool {
	return len(p.titleLines(s, p.th.TitleSize, p.w-2*p.th.MarginX)) <= 3
}

// head draws a slide's kicker, title and title rule and returns where the
// body starts. With a section node it tags the title as the slide's
// heading (level 2, under the deck's title) and the kicker, which names
// the part of the deck the slide belongs to, as a paragraph before it.
func (p *planner) head(pg *plan.Page, kicker string, title []lineAt, sect *plan.Node) float64 {
	var kickerTag, titleTag *plan.Node
	if sect != nil {
		if kicker != "" {
			kickerTag = sect.Add(plan.RoleParagraph)
		}
		titleTag = sect.AddHeading(2)
	}
	x, y := p.th.MarginX, p.th.MarginTop
	if p.th.AccentBar {
		pg.Items = append(pg.Items, &plan.Rect{X: 0, Y: 0, W: 10, H: p.h, Fill: &p.th.Accent})
	}
	if kicker != "" {
		ls := p.lines([]textlayout.Span{{Text: flatten(kicker), Font: textlayout.Font{Family: p.th.TitleFamily, Bold: true, Size: p.th.KickerSize}, Color: p.th.Accent}},
			p.w-2*p.th.MarginX, 0, 1.2, textlayout.Left)
		h := 0.0
		for _, l := range ls {
			h += l.line.Height
		}
		// The kicker sits in the top margin, so titles keep one position
		// on every slide; only a kicker too tall for it pushes the title.
		ky := y - 4 - h
		if ky < 12 {
			ky = y
			y += h + 4
		}
		for _, l := range ls {
			pg.Items = append(pg.Items, &plan.Text{X: x, Y: ky, Line: l.line, Tag: kickerTag})
			ky += l.line.Height
		}
	}
	for _, l := range title {
		pg.Items = append(pg.Items, &plan.Text{X: x, Y: y, Line: l.line, Tag: titleTag})
		y += l.line.Height
	}
	if p.th.TitleRule {
		y += 10
		pg.Items = append(pg.Items, &plan.Rect{X: x, Y: y, W: 64, H: 4, Fill: &p.th.Accent})
		y += 4
	} else {
		y += 8 // the same air under the title without the rule
	}
	return y + 0.8*p.th.BodySize
}

// bodyTop is where the body starts under a kicker and title, without drawing.
func (p *planner) bodyTop(kicker string, title []lineAt) float64 {
	return p.head(&plan.Page{}, kicker, title, nil)
}

// emit cuts a section into slides. The body is set at the largest size
// that keeps it on one slide; when none does, at the largest size within
// the theme's FlowShrink that needs the fewest slides.
func (p *planner) emit(s section) {
	width := p.w - 2*p.th.MarginX
	title := p.titleLines(s.title, p.th.TitleSize, width)
	// Continuation slides are titled "(cont.)", numbered when there are
	// several, so every slide's title is its own (an outline view and a
	// screen reader list them); the body is measured under the longest.
	cont := p.titleLines(p.lab.Format(locale.Continued, s.title), p.th.TitleSize, width)
	contN := p.titleLines(p.lab.Format(locale.ContinuedN, s.title, 88), p.th.TitleSize, width)
	colH := p.h - p.th.MarginBottom - max(p.bodyTop(s.kicker, title), p.bodyTop(s.kicker, cont), p.bodyTop(s.kicker, contN))

	pages := p.arrange(s, colH, width)
	if len(pages) == 0 {
		pages = [][]column{nil}
	}
	for i, cs := range pages {
		pg := &plan.Page{Background: &p.th.Background, Label: s.title}
		t := title
		switch {
		case i > 0 && len(pages) == 2:
			t = cont
			pg.Label = p.lab.Format(locale.Continued, s.title)
		case i > 0:
			pg.Label = p.lab.Format(locale.ContinuedN, s.title, i+1)
			t = p.titleLines(pg.Label, p.th.TitleSize, width)
		}
		if i == 0 {
			pg.Bookmarks = s.marks
		}
		// Each slide is a section of its own, continuation slides too: a
		// list cut over two slides is a list on each, under each
		// slide's heading.
		pg.Tag = p.root.Add(plan.RoleSection)
		pg.Tag.Label = pg.Label
		top := p.head(pg, s.kicker, t, pg.Tag)
		colW := (width - columnGap*float64(len(cs)-1)) / float64(len(cs))
		scope := tagtree.New(pg.Tag)
		for ci, col := range cs {
			x := p.th.MarginX + float64(ci)*(colW+columnGap)
			for _, pl := range col {
				items := pl.b.draw(x, top+pl.y)
				scope.Place(items)
				pg.Items = append(pg.Items, items...)
			}
		}
		p.pages = append(p.pages, pg)
	}
}

// arrange chooses how a section's body is set: the column count (one, or
// the section's when that needs fewer slides) and the size.
// The largest size that keeps the body on one slide wins; when none does,
// the fewest slides at a size within the theme's FlowShrink of BodySize.
func (p *planner) arrange(s section, colH, width float64) [][]column {
	// One column first: a second must save a slide (or a size) to win.
	choices := columnChoices(s)
	var best [][]column
	bestSize := 0.0
	for _, cols := range choices {
		colW := (width - columnGap*float64(cols-1)) / float64(cols)
		for size := p.th.BodySize; size >= p.th.MinBodySize-eps; size -= 2 {
			c := p.flowAt(size, colW, colH)
			c.refs = s.refs
			pg := paginate(s.build(c), colH, cols)
			if len(pg) <= 1 && (best == nil || len(best) > 1 || size > bestSize) {
				best, bestSize = pg, size
				break
			}
			if size >= p.th.BodySize-p.th.FlowShrink-eps && (best == nil || len(pg) < len(best)) {
				best, bestSize = pg, size
			}
		}
	}
	return best
}

// planCover plans the title slide: subject, title, lede, and the author,
// course and date line, centred vertically. It reports whether the lede
// fitted; if not, the lede gets slides of its own.
func (p *planner) planCover() bool {
	x := p.th.MarginX + 8
	width := p.w - x - p.th.MarginX
	colH := p.h - p.th.MarginTop - p.th.MarginBottom
	// The subject and the author line are small beside the title, but no
	// smaller than the theme lets body text be (large print says 26 pt).
	small := max(20, p.th.MinBodySize)
	build := func(ledeSize float64) []*box {
		// The title is the deck's only level-1 heading and is read first;
		// the subject, drawn above it as a kicker, follows it.
		draft := tagtree.Draft()
		titleTag := draft.AddHeading(1)
		subjectTag := draft.Add(plan.RoleParagraph)
		var bs []*box
		if p.e.Subject != "" {
			st := style{font: textlayout.Font{Family: p.th.TitleFamily, Bold: true, Size: small}, color: p.th.Accent}
			bs = append(bs, linesBox(frame{width: width, tag: subjectTag}, p.lines(spans(topic.Plain(p.e.Subject), st), width, 0, 1.2, textlayout.Left), false))
		}
		var title []lineAt
		for size := p.th.CoverTitleSize; size >= p.th.MinTitleSize-eps; size -= 4 {
			title = p.lines([]textlayout.Span{{Text: flatten(p.e.Title), Font: textlayout.Font{Family: p.th.TitleFamily, Bold: true, Size: size}, Color: p.th.Text}},
				width, 0, p.th.TitleLineHeight, textlayout.Left)
			if len(title) <= 3 {
				break
			}
		}
		bs = append(bs, linesBox(frame{above: 8, width: width, tag: titleTag}, title, false))
		if p.th.TitleRule {
			accent := p.th.Accent
			bs = append(bs, &box{h: 6, above: 18, minHead: 6, draw: func(x, y float64) []plan.Item {
				return []plan.Item{&plan.Rect{X: x, Y: y, W: 96, H: 6, Fill: &accent}}
			}})
		}
		if ledeSize > 0 {
			st := p.bodyStyle(ledeSize)
			st.color = p.th.Muted
			first := true
			for _, bl := range p.e.Summary {
				if bl.Kind != topic.ParagraphBlock || empty(bl.Text) {
					continue
				}
				f := frame{above: 0.5 * ledeSize, width: width, tag: draft.Add(plan.RoleParagraph)}
				if first {
					f.above = 22
					first = false
				}
				bs = append(bs, p.paraBox(f, sentences(bl.Text), st, width, 0, false))
			}
		}
		if parts := p.coverParts(); len(parts) > 0 {
			st := style{font: textlayout.Font{Family: p.th.BodyFamily, Size: small}, color: p.th.Muted}
			line := func(s string) []lineAt {
				return p.lines(spans(topic.Plain(s), st), width, 0, 1.25, textlayout.Left)
			}
			tag := draft.Add(plan.RoleParagraph)
			if ls := line(strings.Join(parts, "  ·  ")); len(ls) == 1 {
				bs = append(bs, linesBox(frame{above: 28, width: width, tag: tag}, ls, false))
			} else {
				// One line each rather than a date or a name cut in two.
				for i, part := range parts {
					f := frame{above: 28, width: width, tag: tag}
					if i > 0 {
						f.above = 0
					}
					bs = append(bs, linesBox(f, line(part), false))
				}
			}
		}
		return bs
	}
	ledeFits := false
	var pages [][]column
	if !bodyEmpty(p.e.Summary) && summaryIsParagraphs(p.e.Summary) {
		// The lede is body text: it shrinks to fit the title slide, but not
		// below the theme's smallest body size; else it gets slides of its own.
		for size := max(24, p.th.MinBodySize); size >= p.th.MinBodySize-eps; size -= 2 {
			if pg := paginate(build(size), colH, 1); len(pg) == 1 {
				pages, ledeFits = pg, true
				break
			}
		}
	}
	if pages == nil {
		pages = paginate(build(0), colH, 1)
	}
	for i, cs := range pages {
		pg := &plan.Page{Background: &p.th.Background, Label: p.e.Title}
		if i == 0 {
			pg.Bookmarks = []plan.Bookmark{{Title: p.e.Title}}
		}
		pg.Tag = p.root.Add(plan.RoleSection)
		pg.Tag.Label = pg.Label
		scope := tagtree.New(pg.Tag)
		pg.Items = append(pg.Items, p.coverImage()...)
		if p.th.AccentBar {
			pg.Items = append(pg.Items, &plan.Rect{X: 0, Y: 0, W: 24, H: p.h, Fill: &p.th.Accent})
		}
		used := 0.0
		for _, pl := range cs[0] {
			used = pl.y + pl.b.h
		}
		top := p.th.MarginTop + (colH-used)*0.45
		for _, pl := range cs[0] {
			items := pl.b.draw(x, top+pl.y)
			scope.Place(items)
			pg.Items = append(pg.Items, items...)
		}
		p.pages = append(p.pages, pg)
	}
	p.cover = len(pages)
	return ledeFits
}

// summaryIsParagraphs reports whether the lede is plain paragraphs, the
// only form the title slide shows; anything richer gets its own slide.
func summaryIsParagraphs(b topic.Body) bool {
	for _, bl := range b {
		if bl.Kind != topic.ParagraphBlock {
			return false
		}
	}
	return true
}

// coverParts are the author, course and date of the title slide's last
// line.
func (p *planner) coverParts() []string {
	var parts []string
	if a := p.author(); a != "" {
		parts = append(parts, a)
	}
	if p.opt.Course != "" {
		parts = append(parts, p.opt.Course)
	}
	switch {
	case p.opt.Date != "":
		parts = append(parts, p.opt.Date)
	case p.e.Updated != "":
		parts = append(parts, p.lab.Get(locale.Updated)+" "+p.e.Updated)
	}
	return parts
}

// footers adds the footer to every slide but the title slide: the topic
// title and course on the left, "n / N" on the right.
func (p *planner) footers() {
	n := len(p.pages)
	font := textlayout.Font{Family: p.th.BodyFamily, Size: p.th.FooterSize}
	left := p.e.Title
	if p.opt.Course != "" {
		left += "  ·  " + p.opt.Course
	}
	left = flatten(left)
	y := p.h - 22 - p.th.FooterSize // the footer sits low, clear of the body
	for i := p.cover; i < n; i++ {
		pg := p.pages[i]
		counter := p.line(textlayout.Span{Text: p.lab.Format(locale.SlideCounter, i+1, n), Font: font, Color: p.th.Muted})
		room := p.w - 2*p.th.MarginX - counter.Width - 24
		l := p.line(textlayout.Span{Text: p.fit(left, font, room), Font: font, Color: p.th.Muted})
		if p.th.FooterRule {
			pg.Items = append(pg.Items, &plan.Rule{X1: p.th.MarginX, Y1: y - 9, X2: p.w - p.th.MarginX, Y2: y - 9, Color: p.th.Rule, Width: 0.5})
		}
		pg.Items = append(pg.Items,
			&plan.Text{X: p.th.MarginX, Y: y, Line: l},
			&plan.Text{X: p.w - p.th.MarginX - counter.Width, Y: y, Line: counter})
	}
}

// fit shortens s with an ellipsis until it is at most width wide; the
// footer repeats the title, which the title slide shows in full.
func (p *planner) fit(s string, font textlayout.Font, width float64) string {
	if p.eng.Width(textlayout.Span{Text: s, Font: font}) <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if p.eng.Width(textlayout.Span{Text: string(r[:mid]) + "…", Font: font}) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}
