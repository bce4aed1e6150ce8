package glossary

import (
	"regexp"
	"strings"

	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/topic"
)

// Options steer Build.
type Options struct {
	// Lang overrides the course language (BCP 47). Empty: the language all
	// entries share, else English.
	Lang string
	// Title names the glossary. Empty: the entry's title for one entry, the
	// shared subject for a course, else the localized word "Glossary".
	Title string
	// References formats the seminal works of an entry. Nil: each work is
	// shown as written (a citation key or free text).
	References func(e *topic.Entry) []Reference
}

// Build extracts the vocabulary of each entry and merges it into one
// glossary, in course order (the order of entries), then sorts the terms,
// people and references with the course language's collation.
func Build(entries []*topic.Entry, opt Options) *Glossary {
	g := &Glossary{Lang: courseLang(entries, opt.Lang), Title: opt.Title}
	if g.Title == "" {
		g.Title = courseTitle(entries, g.Lang)
	}
	byKey := map[string]*Term{}
	people := map[string]*Person{}
	var peopleOrder []string
	refs := map[string]*Reference{}
	var refOrder []string
	for _, e := range entries {
		terms := Extract(e)
		for _, t := range terms {
			k := Key(t.Name)
			if m, ok := byKey[k]; ok {
				m.merge(t)
				continue
			}
			byKey[k] = t
			g.Terms = append(g.Terms, t)
		}
		info := TopicInfo{
			Title: e.Title, Subject: e.Subject, Slug: e.SlugOrDefault(), Summary: oneLine(e.Summary.Plain()),
			Source: e.Source, Concepts: len(e.KeyConcepts), Theories: len(e.KeyTheories),
			Questions:  len(e.CoreQuestions) + len(e.FAQ) + len(e.Debates),
			References: len(e.SeminalWorks), People: len(e.KeyFigures), Sections: len(e.Sections),
		}
		g.Topics = append(g.Topics, info)
		for _, th := range e.KeyTheories {
			g.Theories = append(g.Theories, Theory{Name: oneLine(th.Name.Plain()), Topic: e.Title, Description: th.Description.Plain()})
		}
		for _, it := range e.CoreQuestions {
			g.Questions = append(g.Questions, Question{Kind: CoreQuestion, Question: oneLine(it.Text.Plain()), Topic: e.Title})
		}
		for _, qa := range e.FAQ {
			g.Questions = append(g.Questions, Question{Kind: FAQQuestion, Question: oneLine(qa.Question.Plain()), Answer: qa.Answer.Plain(), Topic: e.Title})
		}
		for _, qa := range e.Debates {
			g.Questions = append(g.Questions, Question{Kind: DebateQuestion, Question: oneLine(qa.Question.Plain()), Answer: qa.Answer.Plain(), Topic: e.Title})
		}
		for _, it := range e.KeyFigures {
			name := oneLine(it.Text.Plain())
			if name == "" {
				continue
			}
			k := strings.ToLower(name)
			p, ok := people[k]
			if !ok {
				p = &Person{Name: name}
				people[k] = p
				peopleOrder = append(peopleOrder, k)
			}
			p.Topics = appendUnique(p.Topics, e.Title)
		}
		var works []Reference
		if opt.References != nil {
			works = opt.References(e)
		} else {
			works = AsWritten(e)
		}
		for _, r := range works {
			k := r.Key
			if k == "" {
				k = "\x00" + strings.ToLower(oneLine(r.Text.Plain()))
			}
			m, ok := refs[k]
			if !ok {
				r.Topics = nil
				m = &r
				refs[k] = m
				refOrder = append(refOrder, k)
			}
			m.Topics = appendUnique(m.Topics, e.Title)
		}
	}
	for _, k := range peopleOrder {
		g.People = append(g.People, *people[k])
	}
	for _, k := range refOrder {
		g.References = append(g.References, *refs[k])
	}
	linkRelated(g.Terms)
	c := newCollator(g.Lang)
	sortBy(c, g.Terms, func(t *Term) string { return t.Name })
	sortBy(c, g.People, func(p Person) string { return p.Name })
	sortBy(c, g.References, func(r Reference) string {
		if r.Key != "" && len(r.Text) == 0 {
			return r.Key
		}
		return r.Text.Plain()
	})
	return g
}

// merge folds another topic's row for the same term into t. A differing
// definition is kept among Others; an explicit one beats an extracted one
// for the main cell.
func (t *Term) merge(o *Term) {
	for i, topicTitle := range o.Topics {
		if !contains(t.Topics, topicTitle) {
			t.Topics = append(t.Topics, topicTitle)
			t.Slugs = append(t.Slugs, o.Slugs[i])
		}
	}
	if o.Name != t.Name && !contains(t.Aliases, o.Name) {
		t.Aliases = append(t.Aliases, o.Name)
	}
	d := o.Definition
	switch {
	case d.Origin == Missing:
		return
	case t.Definition.Origin == Missing:
		t.Definition = d
		return
	case d.Origin == FromEntry && t.Definition.Origin == Extracted:
		t.Definition, d = d, t.Definition
	}
	if sameText(d, t.Definition) {
		return
	}
	for _, od := range t.Others {
		if sameText(od, d) {
			return
		}
	}
	t.Others = append(t.Others, d)
}

func sameText(a, b Definition) bool {
	return strings.EqualFold(oneLine(a.Text.Plain()), oneLine(b.Text.Plain()))
}

// linkRelated fills each term's Related with the other terms its
// definition mentions (whole words, any case, singular or plural).
func linkRelated(terms []*Term) {
	byFirst := map[string][]*Term{}
	for _, t := range terms {
		ws := strings.Fields(Key(t.Name))
		if len(ws) > 0 {
			byFirst[ws[0]] = append(byFirst[ws[0]], t)
		}
	}
	for _, t := range terms {
		words := strings.FieldsFunc(strings.ToLower(t.Definition.Text.Plain()), func(r rune) bool { return !isWordRune(r) })
		for i := range words {
			words[i] = singular(strings.Trim(words[i], "-'"))
		}
		seen := map[*Term]bool{t: true}
		for i, w := range words {
			for _, o := range byFirst[w] {
				if seen[o] {
					continue
				}
				ows := strings.Fields(Key(o.Name))
				if i+len(ows) <= len(words) && strings.Join(words[i:i+len(ows)], " ") == strings.Join(ows, " ") {
					seen[o] = true
					t.Related = append(t.Related, o.Name)
				}
			}
		}
	}
}

// AsWritten lists an entry's seminal works as the author wrote them: a
// citation key (one word like "koob-2009-neurocircuitry") or free text,
// with any DOI or link found in it.
func AsWritten(e *topic.Entry) []Reference {
	var out []Reference
	for _, it := range e.SeminalWorks {
		txt := oneLine(it.Text.Plain())
		if txt == "" {
			continue
		}
		r := Reference{Text: it.Text}
		if reCiteKey.MatchString(txt) {
			r.Key, r.Text = txt, nil
		}
		r.DOI = FindDOI(txt)
		for _, run := range it.Text {
			if run.URL != "" {
				if r.DOI == "" {
					r.DOI = FindDOI(run.URL)
				}
				if r.URL == "" {
					r.URL = run.URL
				}
			}
		}
		out = append(out, r)
	}
	return out
}

var (
	reCiteKey = regexp.MustCompile(`^@?[\p{L}\p{N}_][\p{L}\p{N}_:.\-]*$`)
	reDOI     = regexp.MustCompile(`10\.\d{4,9}/[^\s"<>]+`)
)

// FindDOI returns the first DOI in s ("10.1038/npp.2009.110"), without
// trailing punctuation, or "".
func FindDOI(s string) string {
	return strings.TrimRight(reDOI.FindString(s), ".,;)")
}

// courseLang returns the override, else the language every entry shares,
// else English.
func courseLang(entries []*topic.Entry, override string) string {
	if override != "" {
		return override
	}
	lang := ""
	for i, e := range entries {
		l := locale.Base(e.LangOrDefault())
		if i == 0 {
			lang = l
		} else if l != lang {
			return "en"
		}
	}
	if lang == "" {
		return "en"
	}
	return lang
}

func courseTitle(entries []*topic.Entry, lang string) string {
	if len(entries) == 1 {
		return entries[0].Title
	}
	subject := ""
	for i, e := range entries {
		if i == 0 {
			subject = e.Subject
		} else if e.Subject != subject {
			subject = ""
			break
		}
	}
	if subject != "" {
		return subject
	}
	return locale.For(lang).Get(locale.Glossary)
}

// oneLine folds white space (including newlines) to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func appendUnique(list []string, s string) []string {
	if contains(list, s) {
		return list
	}
	return append(list, s)
}
