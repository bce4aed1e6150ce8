package glossary

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/topic"
)

// The section ranks used to break ties between candidates: definitional
// sections first, narrative ones last.
const (
	rankDefinition = iota
	rankSummary
	rankScope
	rankFAQ
	rankMechanisms
	rankTheories
	rankRelevance
	rankHistory
	rankDebates
	rankOther
)

// The patterns, strongest first.
const (
	patDefinedAs = iota
	patRefersTo
	patCopula
	patParenthesis
	patApposition
)

// token is one word of a sentence, by rune offsets.
type token struct {
	start, end int
	lower      string
}

// sentence is one sentence of an entry's prose, ready for matching.
type sentence struct {
	runes   []rune
	lower   []rune
	toks    []token
	section int
	label   string
	order   int
}

// candidate is one definition found for a term.
type candidate struct {
	text                   string
	variant, pattern, sect int
	order                  int
	label, matched         string
}

func (c candidate) better(d candidate) bool {
	if c.variant != d.variant {
		return c.variant < d.variant
	}
	if c.pattern != d.pattern {
		return c.pattern < d.pattern
	}
	if c.sect != d.sect {
		return c.sect < d.sect
	}
	return c.order < d.order
}

// prose holds an entry's sentences and an index from a word to where it
// occurs, so each term costs a few map look-ups, not a scan of the entry.
// Only the words a search starts from are indexed: an entry's prose has
// thousands of words, and indexing all of them cost more than the search.
type prose struct {
	sents []sentence
	index map[string][]tokRef
	sv    bool
	// seen counts the sentences read, kept or not: a sentence's order.
	seen int
	// Scratch space for reading a text, reused from one to the next:
	// most sentences hold no word a search starts from and are dropped,
	// so only the kept ones are copied out of it.
	text  []rune
	lower []byte
	at    []int32
	toks  []token
}

type tokRef struct{ sent, tok int }

// Extract returns the key concepts of one entry as glossary terms, each
// with the author's definition, else one extracted from the entry's prose
// (see the package documentation for the rule), else none (Missing).
func Extract(e *topic.Entry) []*Term {
	if len(e.KeyConcepts) == 0 {
		return nil
	}
	skip := map[string]bool{}
	for _, c := range e.KeyConcepts {
		skip[Key(c.Term.Plain())] = true
	}
	var out, search []*Term
	for _, c := range e.KeyConcepts {
		name := strings.Join(strings.Fields(c.Term.Plain()), " ")
		if name == "" {
			continue
		}
		t := &Term{Name: name, Topics: []string{e.Title}, Slugs: []string{e.SlugOrDefault()}}
		if len(c.Definition) > 0 && strings.TrimSpace(c.Definition.Plain()) != "" {
			t.Definition = Definition{Text: c.Definition, Origin: FromEntry, Topic: e.Title}
		} else {
			search = append(search, t)
		}
		out = append(out, t)
	}
	if len(search) == 0 {
		return out // entries that define every term skip reading the prose
	}
	p := &prose{index: map[string][]tokRef{}, sv: locale.Base(e.LangOrDefault()) == "sv"}
	// Register the words each term's search starts from; read indexes
	// only those.
	vs := make([][]variant, len(search))
	for i, t := range search {
		vs[i] = variants(t.Name, skip)
		for _, v := range vs[i] {
			for _, f := range p.firsts(v) {
				p.index[f] = nil
			}
		}
	}
	p.read(e, locale.For(e.LangOrDefault()))
	for i, t := range search {
		best, ok := p.find(vs[i])
		if !ok {
			t.Definition = Definition{Origin: Missing, Topic: e.Title}
			continue
		}
		d := Definition{Text: topic.Plain(best.text), Origin: Extracted, Section: best.label, Topic: e.Title}
		if best.variant > 0 {
			d.Matched = best.matched
		}
		t.Definition = d
	}
	return out
}

// read splits the searchable sections of e into sentences.
func (p *prose) read(e *topic.Entry, labels locale.Labels) {
	addBody := func(b topic.Body, rank int, label string) {
		for _, para := range bodyTexts(b) {
			p.addText(para, rank, label)
		}
	}
	// A section is named by its heading as the author wrote it, so a
	// reviewer finds it in the entry; the label stands in where the source
	// had no heading (the summary, or an entry built in code).
	name := func(f topic.Field, k locale.Key) string {
		if r, ok := e.Ref(f); ok && strings.TrimSpace(r.Heading) != "" {
			return strings.TrimSpace(r.Heading)
		}
		return labels.Get(k)
	}
	addBody(e.Definition, rankDefinition, name(topic.FieldDefinition, locale.Definition))
	addBody(e.Summary, rankSummary, labels.Get(locale.Summary))
	addBody(e.Scope, rankScope, name(topic.FieldScope, locale.Scope))
	for _, qa := range e.FAQ {
		addBody(qa.Answer, rankFAQ, name(topic.FieldFAQ, locale.FAQ))
	}
	addBody(e.Mechanisms, rankMechanisms, name(topic.FieldMechanisms, locale.Mechanisms))
	for _, th := range e.KeyTheories {
		addBody(th.Description, rankTheories, name(topic.FieldKeyTheories, locale.KeyTheories))
	}
	if e.Relevance != nil {
		label := e.Relevance.Heading
		if label == "" {
			label = labels.Get(locale.Relevance)
		}
		addBody(e.Relevance.Body, rankRelevance, label)
	}
	addBody(e.History, rankHistory, name(topic.FieldHistory, locale.History))
	for _, qa := range e.Debates {
		addBody(qa.Answer, rankDebates, name(topic.FieldDebates, locale.Debates))
	}
	for _, s := range e.Sections {
		addBody(s.Body, rankOther, s.Heading)
	}
}

// bodyTexts returns the prose units of a body: each paragraph and each list
// item on its own, so a sentence never runs from one item into the next.
func bodyTexts(b topic.Body) []string {
	var out []string
	var items func([]topic.Item)
	items = func(its []topic.Item) {
		for _, it := range its {
			out = append(out, it.Text.Plain())
			out = append(out, bodyTexts(it.Blocks)...)
			items(it.Children)
		}
	}
	for _, bl := range b {
		switch bl.Kind {
		case topic.ParagraphBlock:
			out = append(out, bl.Text.Plain())
		case topic.ListBlock:
			items(bl.Items)
		case topic.QuoteBlock:
			out = append(out, bodyTexts(bl.Blocks)...)
		case topic.TableBlock:
			for _, row := range bl.Rows {
				for _, c := range row {
					out = append(out, c.Plain())
				}
			}
		}
	}
	return out
}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "cf": true, "vs": true, "al": true, "etc": true,
	"dr": true, "prof": true, "fig": true, "t.ex": true, "bl.a": true, "s.k": true, "d.v.s": true, "jfr": true,
}

func (p *prose) addText(text string, rank int, label string) {
	// The text with each run of white space made one space, as
	// strings.Fields and a join would give it.
	rs := p.text[:0]
	space := false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = len(rs) > 0
			continue
		}
		if space {
			rs = append(rs, ' ')
			space = false
		}
		rs = append(rs, r)
	}
	p.text = rs
	start := 0
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != '.' && r != '?' && r != '!' {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune(`"'”’)`, rs[j]) {
			j++
		}
		if j < len(rs) && rs[j] != ' ' {
			continue
		}
		if j+1 < len(rs) && !unicode.IsUpper(rs[j+1]) && !unicode.IsDigit(rs[j+1]) && !strings.ContainsRune(`"“‘(`, rs[j+1]) {
			continue
		}
		if r == '.' && abbreviations[strings.ToLower(lastWord(rs[start:i]))] {
			continue
		}
		p.addSentence(rs[start:j], rank, label)
		start = j + 1
		i = j
	}
	if start < len(rs) {
		p.addSentence(rs[start:], rank, label)
	}
}

func lastWord(rs []rune) string {
	i := len(rs)
	for i > 0 && rs[i-1] != ' ' && rs[i-1] != '(' {
		i--
	}
	return string(rs[i:])
}

// addSentence keeps a sentence (rs, in the scratch space) and indexes
// its words when it holds a word a search starts from; a sentence without
// one can match no term, and is dropped.
func (p *prose) addSentence(rs []rune, rank int, label string) {
	if len(rs) == 0 || rs[len(rs)-1] == '?' {
		return // a question defines nothing
	}
	order := p.seen
	p.seen++
	// The sentence lower-cased once, with where each rune starts in it,
	// gives every token its text without a string each; about one rune
	// in six starts a word.
	low, at := p.lower[:0], p.at[:0]
	for _, r := range rs {
		at = append(at, int32(len(low))) // a sentence is far shorter than 2 GB
		low = utf8.AppendRune(low, unicode.ToLower(r))
	}
	at = append(at, int32(len(low)))
	p.lower, p.at = low, at
	toks := p.toks[:0]
	indexed := false
	for i := 0; i < len(rs); {
		if !isWordRune(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && isWordRune(rs[j]) {
			j++
		}
		// Trailing apostrophes and hyphens belong to punctuation, not the word.
		e := j
		for e > i && (rs[e-1] == '-' || rs[e-1] == '\'') {
			e--
		}
		if e > i {
			toks = append(toks, token{start: i, end: e})
			if !indexed {
				_, indexed = p.index[string(low[at[i]:at[e]])]
			}
		}
		i = j
	}
	p.toks = toks
	if !indexed {
		return
	}
	s := sentence{runes: slices.Clone(rs), lower: make([]rune, len(rs)), section: rank, label: label, order: order}
	for i, r := range s.runes {
		s.lower[i] = unicode.ToLower(r)
	}
	lower := string(low)
	s.toks = slices.Clone(toks)
	for ti := range s.toks {
		t := &s.toks[ti]
		t.lower = lower[at[t.start]:at[t.end]]
		if refs, ok := p.index[t.lower]; ok {
			p.index[t.lower] = append(refs, tokRef{sent: len(p.sents), tok: ti})
		}
	}
	p.sents = append(p.sents, s)
}

// forms returns the inflected forms a word may take at the end of a term:
// singular and plural, and in Swedish the definite and plural endings.
func (p *prose) forms(w string) []string {
	out := []string{w}
	add := func(f string) {
		for _, o := range out {
			if o == f {
				return
			}
		}
		out = append(out, f)
	}
	add(w + "s")
	add(w + "es")
	if strings.HasSuffix(w, "y") {
		add(w[:len(w)-1] + "ies")
	}
	if s := singular(w); s != w {
		add(s)
	}
	if p.sv {
		for _, suf := range []string{"en", "et", "n", "t", "er", "ar", "or", "na", "erna", "arna", "orna"} {
			add(w + suf)
		}
	}
	return out
}

// firsts returns the words a match of v may start with: its first word,
// or any form of it when it is the only (and so also the last) word.
func (p *prose) firsts(v variant) []string {
	if len(v.words) == 1 {
		return p.forms(v.words[0])
	}
	return v.words[:1]
}

// find returns the best definition candidate for a term, given its
// variants, strongest first.
func (p *prose) find(vs []variant) (candidate, bool) {
	var best candidate
	found := false
	for _, v := range vs {
		if found && best.variant < v.rank {
			break // a stronger form already matched
		}
		n := len(v.words)
		firsts := p.firsts(v)
		lastForms := p.forms(v.words[n-1])
		for _, f := range firsts {
			for _, ref := range p.index[f] {
				s := &p.sents[ref.sent]
				end, ok := matchWords(s, ref.tok, v.words, lastForms)
				if !ok {
					continue
				}
				b := s.toks[ref.tok].start
				text, pat, ok := definitionAfter(s, b, end)
				if !ok {
					continue
				}
				c := candidate{text: text, variant: v.rank, pattern: pat, sect: s.section, order: s.order, label: s.label, matched: v.text}
				if !found || c.better(best) {
					best, found = c, true
				}
			}
		}
	}
	return best, found
}

// matchWords reports whether the words of a term start at token ti of s,
// separated by single spaces, and returns the rune offset where they end.
func matchWords(s *sentence, ti int, words, lastForms []string) (int, bool) {
	n := len(words)
	if ti+n > len(s.toks) {
		return 0, false
	}
	for k := 0; k < n; k++ {
		t := s.toks[ti+k]
		if k > 0 {
			prev := s.toks[ti+k-1]
			if t.start != prev.end+1 || s.runes[prev.end] != ' ' {
				return 0, false
			}
		}
		if k == n-1 {
			ok := false
			for _, f := range lastForms {
				if t.lower == f {
					ok = true
					break
				}
			}
			if !ok {
				return 0, false
			}
		} else if t.lower != words[k] {
			return 0, false
		}
	}
	return s.toks[ti+n-1].end, true
}
