package topic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// siteChrome lists the site's navigation and button labels, in both of
// the site's languages. Copying a page from the browser picks them up
// with the content; they are not part of the entry.
var siteChrome = map[string]bool{
	"ScholarGate":               true,
	"Assistent":                 true,
	"Assistant":                 true,
	"Tools & resources":         true,
	"Verktyg & resurser":        true,
	"Ladda ner bildspel":        true,
	"Download slides":           true,
	"Learn & explore":           true,
	"Lär & utforska":            true,
	"Hitta ämne med PaperMind":  true,
	"Find topic with PaperMind": true,
	"Find papers & topics":      true,
	"Hitta artiklar & ämnen":    true,
	"Video":                     true,
	"Snart":                     true,
	"Soon":                      true,
	"Coming soon":               true,
	"Logga in":                  true,
	"Sign in":                   true,
	"Meny":                      true,
	"Menu":                      true,
}

// hasGluedBadge reports whether a button's "Snart" (soon) badge was copied
// glued to its label: "VideoSnart", "Hitta ämne med PaperMindSnartFind
// papers & topics". A badge glued between letters never occurs in prose.
func hasGluedBadge(line string) bool {
	for _, badge := range []string{"Snart", "Soon"} {
		for off := 0; ; {
			i := strings.Index(line[off:], badge)
			if i < 0 {
				break
			}
			i += off
			before, _ := utf8.DecodeLastRuneInString(line[:i])
			after, _ := utf8.DecodeRuneInString(line[i+len(badge):])
			if unicode.IsLetter(before) && (i+len(badge) == len(line) || unicode.IsUpper(after)) {
				return true
			}
			off = i + len(badge)
		}
	}
	return false
}

func isChrome(line string) bool {
	return siteChrome[line] || hasGluedBadge(line)
}

// pageLine is one non-blank, non-chrome line of page text.
type pageLine struct {
	text   string
	bullet int // 0 for text, 1 for "•", 2 for a nested "◦" / "▪"
	pos    Pos
}

// ReadPageText reads an entry in the form the site shows when a page is
// copied as text (see testdata/seed-page.txt).
//
// Site navigation and button labels are skipped (the siteChrome table and
// lines with a glued "Snart" badge). The first remaining line is the
// title; the lines up to the first known heading are the summary, one
// paragraph per line. A known heading (LookupHeading) alone on a line
// starts a section. Lines "  • item" are list items; "◦" or "▪" items nest
// under the item before. In key theories a line not ending in sentence
// punctuation is a theory name and the lines after it its description;
// in debates and FAQ a line ending in "?" is a question and the lines
// after it its answer (where no line ends in "?", lines alternate between
// question and answer). A section may be empty: it is still recorded in
// Order.
//
// The form carries no markup, so a heading the model does not know cannot
// be told from a paragraph: such a line stays a paragraph of the section
// before it.
func ReadPageText(name string, data []byte) (*Entry, error) {
	if err := validText(name, data); err != nil {
		return nil, err
	}
	s := strings.TrimPrefix(string(data), "\uFEFF")
	var lines []pageLine
	for i, raw := range strings.Split(s, "\n") {
		raw = strings.TrimRight(raw, "\r")
		t := strings.TrimSpace(raw)
		if t == "" || isChrome(t) {
			continue
		}
		indent := utf8.RuneCountInString(raw) - utf8.RuneCountInString(strings.TrimLeft(raw, " \t"))
		l := pageLine{text: t, pos: Pos{Line: i + 1, Col: indent + 1}}
		for _, m := range []struct {
			mark  string
			level int
		}{{"•", 1}, {"◦", 2}, {"▪", 2}} {
			if rest, ok := strings.CutPrefix(t, m.mark); ok {
				l.text, l.bullet = strings.TrimSpace(rest), m.level
				break
			}
		}
		if l.text == "" {
			// A bullet with nothing after it holds no words.
			continue
		}
		lines = append(lines, l)
	}
	if len(lines) == 0 {
		return nil, errorf(name, Pos{Line: 1, Col: 1}, "no title: the page text has no content line")
	}
	e := &Entry{Title: lines[0].text, Source: name, Format: FormatPageText}
	i := 1
	for ; i < len(lines) && !isPageHeading(lines[i]); i++ {
		e.Summary = append(e.Summary, pageBlocks(lines[i:i+1])...)
	}
	for i < len(lines) {
		h := lines[i]
		j := i + 1
		for j < len(lines) && !isPageHeading(lines[j]) {
			j++
		}
		pageSection(e, h, lines[i+1:j])
		i = j
	}
	// The page has no lang field; Swedish headings mean a Swedish page,
	// so labels in the output match its language.
	sv, en := 0, 0
	for _, r := range e.Order {
		switch headingLang(r.Heading) {
		case "sv":
			sv++
		case "en":
			en++
		}
	}
	if sv > en {
		e.Lang = "sv"
	}
	return e, nil
}

// isPageHeading reports whether a line is a known section heading. A
// heading is short and not a sentence, so a line of prose that happens to
// end in "relevance" is not taken for one.
func isPageHeading(l pageLine) bool {
	if l.bullet != 0 || len(strings.Fields(l.text)) > 5 || strings.ContainsAny(l.text[len(l.text)-1:], ".?!:;,") {
		return false
	}
	_, ok := LookupHeading(l.text)
	return ok
}

// pageSection fills the section a heading line starts.
func pageSection(e *Entry, h pageLine, lines []pageLine) {
	f, _ := LookupHeading(h.text)
	ref := SectionRef{Field: f, Heading: h.text, Pos: h.pos}
	if e.Has(f) {
		// A repeated heading keeps its content as a generic section.
		f = FieldSection
		ref.Field, ref.Index = FieldSection, len(e.Sections)
	}
	e.Order = append(e.Order, ref)
	if b := e.ProseField(f); b != nil {
		*b = pageBlocks(lines)
		return
	}
	if l := e.ListField(f); l != nil {
		*l = pageItems(lines)
		return
	}
	switch f {
	case FieldSection:
		e.Sections = append(e.Sections, Section{Heading: h.text, Body: pageBlocks(lines)})
	case FieldRelevance:
		e.Relevance = &Relevance{Heading: h.text, Body: pageBlocks(lines)}
	case FieldKeyConcepts:
		for _, it := range pageItems(lines) {
			term, def := splitConcept(it.Text)
			e.KeyConcepts = append(e.KeyConcepts, Concept{Term: term, Definition: def, Pos: it.Pos})
			// A nested item has no place in a concept; keep its words
			// as a concept of its own.
			for _, ch := range flattenItems(it.Children) {
				t, d := splitConcept(ch.Text)
				e.KeyConcepts = append(e.KeyConcepts, Concept{Term: t, Definition: d, Pos: ch.Pos})
			}
		}
	case FieldKeyTheories:
		for _, g := range pageGroups(lines, func(s string) bool { return !endsSentence(s) }) {
			e.KeyTheories = append(e.KeyTheories, Theory{Name: pageText(g[0].text), Description: pageBlocks(g[1:]), Pos: g[0].pos})
		}
	}
	if qs := e.QuestionsField(f); qs != nil {
		*qs = pageQuestions(lines)
	}
}

// pageText is the text of one line. Page text has no markup: what looks
// like Markdown is literal.
func pageText(s string) Text { return Plain(s) }

// pageBlocks turns lines into paragraphs, one per line, with runs of
// bullet lines as lists.
func pageBlocks(lines []pageLine) Body {
	var b Body
	for i := 0; i < len(lines); {
		if lines[i].bullet != 0 {
			j := i
			for j < len(lines) && lines[j].bullet != 0 {
				j++
			}
			b = append(b, Block{Kind: ListBlock, Items: pageItems(lines[i:j]), Pos: lines[i].pos})
			i = j
			continue
		}
		b = append(b, Block{Kind: ParagraphBlock, Text: pageText(lines[i].text), Pos: lines[i].pos})
		i++
	}
	return b
}

// pageItems turns lines into list items; a line without a bullet is an
// item too, since a list section holds nothing else.
func pageItems(lines []pageLine) []Item {
	var items []Item
	for _, l := range lines {
		it := Item{Text: pageText(l.text), Pos: l.pos}
		if l.bullet == 2 && len(items) > 0 {
			last := &items[len(items)-1]
			last.Children = append(last.Children, it)
			continue
		}
		items = append(items, it)
	}
	return items
}

func flattenItems(items []Item) []Item {
	var out []Item
	for _, it := range items {
		out = append(out, it)
		out = append(out, flattenItems(it.Children)...)
	}
	return out
}

// pageGroups splits lines into groups, each starting at a line that
// starts reports true (the first line always starts one).
func pageGroups(lines []pageLine, starts func(string) bool) [][]pageLine {
	var groups [][]pageLine
	for i, l := range lines {
		if i == 0 || l.bullet == 0 && starts(l.text) {
			groups = append(groups, []pageLine{l})
			continue
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], l)
	}
	return groups
}

// pageQuestions pairs questions with answers: a line ending in "?" asks,
// the lines after it answer. Without any "?" line, lines alternate.
func pageQuestions(lines []pageLine) []QA {
	asks := false
	for _, l := range lines {
		asks = asks || strings.HasSuffix(l.text, "?")
	}
	var out []QA
	if !asks {
		for i := 0; i < len(lines); i += 2 {
			q := QA{Question: pageText(lines[i].text), Pos: lines[i].pos}
			if i+1 < len(lines) {
				q.Answer = pageBlocks(lines[i+1 : i+2])
			}
			out = append(out, q)
		}
		return out
	}
	for _, g := range pageGroups(lines, func(s string) bool { return strings.HasSuffix(s, "?") }) {
		out = append(out, QA{Question: pageText(g[0].text), Answer: pageBlocks(g[1:]), Pos: g[0].pos})
	}
	return out
}

// endsSentence reports whether a line ends like a sentence rather than a
// name or title.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)]")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") ||
		strings.HasSuffix(s, ":") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, "…")
}
