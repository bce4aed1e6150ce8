package handout

import (
	"regexp"
	"strings"

	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// part is a run of units of one section that belongs to one slide.
type part struct {
	ref      topic.SectionRef
	from, to int
	// first is set on the part that starts its section, which prints the
	// section heading.
	first bool
}

// planNotes plans the lecturer's speaking notes: one slide at the top of
// each page, and under it the full text of the part of the entry the slide
// came from, continued onto further pages when it is long.
func planNotes(e *topic.Entry, env *layouts.Env, st Style) (*plan.Document, error) {
	doc, p, deck, err := newSlidesDocument(e, env, st)
	if err != nil {
		return nil, err
	}
	a := p.body()
	w := a.W
	h := w * deck.Height / deck.Width
	if h > a.H*0.45 {
		h = a.H * 0.45
		w = h * deck.Width / deck.Height
	}
	// Speaking notes are read standing at a lectern: a size up from the
	// reader's body text.
	ts := newTypesetter(env.Text, env.Labels, a.W)
	ts.size = 11.5
	s := &study{e: e, env: env, ts: ts, labels: env.Labels}
	parts := assign(e, deck, env.Labels)
	f := newFlow(a)
	root := ts.at
	for i, slide := range deck.Pages {
		x := (a.W - w) / 2
		sl := slide
		title := slide.Label
		if title == "" {
			title = env.Labels.Format(locale.SlideOf, i+1, len(deck.Pages))
		}
		// Each slide and its notes are a section: first the slide's own
		// structure (its heading at level 2, or the title's at level 1),
		// placed by the drawer under a node of its own, then the notes,
		// their section headings at level 3 under the slide's.
		ts.at = root.Add(plan.RoleSection)
		ts.at.Label = title
		var slideTag *plan.Node
		level := 2 // under the title slide's level-1 heading, or none
		if slide.Tag != nil {
			slideTag = ts.at.Add(plan.RoleSection)
			slideTag.Label = title
			level = headingBelow(slide.Tag)
		}
		f.add(block{
			newPage: true,
			mark:    &plan.Bookmark{Title: title, Level: 0},
			rows: []row{{h: h + 14, draw: func(ax, ay float64) []plan.Item {
				return slideItems(sl, deck, ax+x, ay, w, h, slideTag)
			}}},
		})
		var text []block
		for _, pt := range parts[i] {
			// The lede needs no heading: the title slide above names it.
			if pt.first && pt.ref.Field != topic.FieldSummary {
				text = append(text, s.ts.heading(sectionHeading(e, pt.ref, env.Labels), 12.5, 12, level))
			}
			text = append(text, s.content(pt.ref, pt.from, pt.to)...)
		}
		if len(text) == 0 {
			// A slide with no text of its own (an outline, a closing slide)
			// gets lines to write on instead.
			n := int(f.free() / p.lines)
			var rows []row
			for k := 0; k < n; k++ {
				rows = append(rows, row{h: p.lines, draw: func(x, y float64) []plan.Item {
					return p.ruled(x, y, a.W, p.lines)
				}})
			}
			f.add(block{rows: rows, loose: true})
			continue
		}
		f.add(text...)
	}
	doc.Pages = f.finish()
	place(doc)
	runningHead(doc, p, env, e.Title)
	return doc, nil
}

// headingBelow is the level for a heading under a slide's own: one more
// than the slide's deepest heading, at least 2, at most subLevel.
func headingBelow(n *plan.Node) int {
	level := 1
	n.Walk(func(k *plan.Node) bool {
		if k.Role == plan.RoleHeading {
			level = max(level, k.Level)
		}
		return true
	})
	return min(max(level+1, 2), subLevel)
}

// assign shares the entry's text out between the slides. A slide's label
// names the section it shows; a section that runs over several slides has
// its units (paragraphs, items, questions) placed on the slide that shows
// their first words. Text no slide names goes with the slide of the text
// before it, so every sentence lands under some slide, in reading order.
func assign(e *topic.Entry, deck *plan.Document, l locale.Labels) [][]part {
	out := make([][]part, len(deck.Pages))
	refs := append([]topic.SectionRef{{Field: topic.FieldSummary}}, readingOrder(e)...)
	// spans[i] lists the slides whose label names section i.
	spans := make([][]int, len(refs))
	for si, pg := range deck.Pages {
		if ri := matchLabel(e, refs, pg.Label, l); ri >= 0 {
			spans[ri] = append(spans[ri], si)
		}
	}
	texts := make([]string, len(deck.Pages))
	for si, pg := range deck.Pages {
		texts[si] = squash(pageText(pg))
	}
	last := 0
	for ri, r := range refs {
		n := unitCount(e, r)
		if sectionEmpty(e, r) {
			continue
		}
		span := spans[ri]
		if len(span) == 0 {
			span = []int{last}
		}
		cur := span[0]
		start := 0
		for u := 0; u < n; u++ {
			key := leadWords(unitText(e, r, u))
			for _, si := range span {
				if si > cur && key != "" && strings.Contains(texts[si], key) {
					if u > start {
						out[cur] = append(out[cur], part{ref: r, from: start, to: u, first: start == 0})
					}
					cur, start = si, u
					break
				}
			}
		}
		out[cur] = append(out[cur], part{ref: r, from: start, to: n, first: start == 0})
		last = cur
	}
	return out
}

// matchLabel finds the section a slide label names: the heading as written,
// the label in the entry's language or in English, with any "(cont.)"
// suffix removed. It returns -1 for slides that name no section.
func matchLabel(e *topic.Entry, refs []topic.SectionRef, label string, l locale.Labels) int {
	label = norm(stripContinued(label, l))
	if label == "" {
		return -1
	}
	en := locale.For("en")
	for i, r := range refs {
		cands := []string{sectionHeading(e, r, l), l.Get(locale.Key(r.Field)), en.Get(locale.Key(r.Field)), string(r.Field)}
		switch {
		case r.Field == topic.FieldSummary:
			cands = []string{e.Title, string(topic.FieldSummary)}
		case isReferences(r.Field):
			cands = append(cands, l.Get(locale.References), en.Get(locale.References))
		}
		for _, c := range cands {
			if c != "" && norm(c) == label {
				return i
			}
		}
	}
	return -1
}

// stripContinued removes the continuation mark the deck adds to a label
// ("Key concepts (cont.)", "Key concepts 2/3").
func stripContinued(s string, l locale.Labels) string {
	for _, lab := range []locale.Labels{l, locale.For("en")} {
		for _, k := range []locale.Key{locale.Continued, locale.ContinuedN} {
			// The label as a pattern: the title for %s, a number for %d.
			f := regexp.QuoteMeta(lab.Get(k))
			f = strings.Replace(f, "%s", "(.*)", 1)
			f = strings.Replace(f, "%d", "[0-9]+", 1)
			if m := regexp.MustCompile("^" + f + "$").FindStringSubmatch(s); m != nil {
				s = m[1]
			}
		}
	}
	// A trailing counter such as "2/3" or "(2)".
	fs := strings.Fields(s)
	if n := len(fs); n > 1 && strings.Trim(fs[n-1], "0123456789/()") == "" {
		s = strings.Join(fs[:n-1], " ")
	}
	return s
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// squash folds text for finding a unit on a slide: lower case, no spaces,
// so line breaks on the slide do not matter.
func squash(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// leadWords is the start of a unit's text, squashed: enough to recognise
// it on a slide that shows it.
func leadWords(s string) string {
	fs := strings.Fields(s)
	if len(fs) > 6 {
		fs = fs[:6]
	}
	return squash(strings.Join(fs, " "))
}

// pageText is everything a slide shows as text.
func pageText(pg *plan.Page) string {
	var b strings.Builder
	for _, it := range pg.Items {
		switch v := it.(type) {
		case *plan.Text:
			b.WriteString(lineText(v.Line))
			b.WriteByte(' ')
		case *plan.Embed:
			b.WriteString(pageText(v.Page))
		}
	}
	return b.String()
}

func lineText(l textlayout.Line) string {
	var b strings.Builder
	for _, s := range l.Segments {
		b.WriteString(s.Text)
	}
	return b.String()
}
