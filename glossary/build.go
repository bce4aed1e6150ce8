package glossary

import (
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/topic"
)

// Options steer FromEntries.
type Options struct {
	// Lang overrides the course language (BCP 47). Empty: the language all
	// entries share, else English.
	Lang string
	// Title names the glossary. Empty: the entry's title for one entry, the
	// shared subject for a course, else the localized word "Glossary".
	Title string
	// References formats the seminal works of an entry. Nil: each work is
	// shown as written (a citation key or free text). FromEntries calls it from
	// several goroutines at once.
	References func(e *topic.Entry) []Reference
}

// A Digest is what a glossary takes from one entry: its terms, theories,
// questions, people and references, extracted once. A course build keeps
// digests instead of entries, so its memory follows the glossary's size
// rather than the whole text of every entry.
type Digest struct {
	lang, subject, title string
	terms                []*Term
	info                 TopicInfo
	theories             []Theory
	questions            []Question
	people               []string
	works                []Reference
}

// Terms are the terms DigestOf extracted from the entry, as Extract gives
// them, for a caller that needs them too (a course build makes its quiz
// of them). They are the digest's own: read them before Merge, which
// takes them over.
func (d *Digest) Terms() []*Term { return d.terms }

// DigestOf extracts from e what its glossary rows need; opt.References,
// when set, formats its seminal works.
func DigestOf(e *topic.Entry, opt Options) *Digest {
	d := &Digest{
		lang: locale.Base(e.LangOrDefault()), subject: e.Subject, title: e.Title,
		terms: Extract(e),
		info: TopicInfo{
			Title: e.Title, Subject: e.Subject, Slug: e.SlugOrDefault(), Summary: oneLine(e.Summary.Plain()),
			Source: e.Source, Concepts: len(e.KeyConcepts), Theories: len(e.KeyTheories),
			Questions:  len(e.CoreQuestions) + len(e.FAQ) + len(e.Debates),
			References: len(e.SeminalWorks), People: len(e.KeyFigures), Sections: len(e.Sections),
		},
	}
	for _, th := range e.KeyTheories {
		d.theories = append(d.theories, Theory{Name: oneLine(th.Name.Plain()), Topic: e.Title, Description: th.Description.Plain()})
	}
	for _, it := range e.CoreQuestions {
		d.questions = append(d.questions, Question{Kind: CoreQuestion, Question: oneLine(it.Text.Plain()), Topic: e.Title})
	}
	for _, qa := range e.FAQ {
		d.questions = append(d.questions, Question{Kind: FAQQuestion, Question: oneLine(qa.Question.Plain()), Answer: qa.Answer.Plain(), Topic: e.Title})
	}
	for _, qa := range e.Debates {
		d.questions = append(d.questions, Question{Kind: DebateQuestion, Question: oneLine(qa.Question.Plain()), Answer: qa.Answer.Plain(), Topic: e.Title})
	}
	for _, it := range e.KeyFigures {
		if name := oneLine(it.Text.Plain()); name != "" {
			d.people = append(d.people, name)
		}
	}
	if opt.References != nil {
		d.works = opt.References(e)
	} else {
		d.works = AsWritten(e)
	}
	return d
}

// FromEntries extracts the vocabulary of each entry and merges it into one
// glossary, in course order (the order of entries), then sorts the terms,
// people and references with the course language's collation.
func FromEntries(entries []*topic.Entry, opt Options) *Glossary {
	return Merge(digestAll(entries, opt), opt)
}

// Merge makes one glossary of the digests of a course's entries, in course
// order, as FromEntries does. It takes the digests over: their terms become the
// glossary's, so a digest is merged once.
func Merge(ds []*Digest, opt Options) *Glossary {
	g := &Glossary{Lang: courseLang(ds, opt.Lang), Title: opt.Title}
	if g.Title == "" {
		g.Title = courseTitle(ds, g.Lang)
	}
	byKey := map[string]*merged{}
	people := map[string]*Person{}
	var peopleOrder []string
	refs := map[string]*Reference{}
	var refOrder []string
	for _, d := range ds {
		for _, t := range d.terms {
			k := Key(t.Name)
			if m, ok := byKey[k]; ok {
				m.merge(t)
				continue
			}
			byKey[k] = newMerged(t)
			g.Terms = append(g.Terms, t)
		}
		g.Topics = append(g.Topics, d.info)
		g.Theories = append(g.Theories, d.theories...)
		g.Questions = append(g.Questions, d.questions...)
		for _, name := range d.people {
			k := strings.ToLower(name)
			p, ok := people[k]
			if !ok {
				p = &Person{Name: name}
				people[k] = p
				peopleOrder = append(peopleOrder, k)
			}
			p.Topics = appendUnique(p.Topics, d.title)
		}
		for _, r := range d.works {
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
			m.Topics = appendUnique(m.Topics, d.title)
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

// digestAll digests every entry, several entries at a time: reading each
// entry's prose is most of the work of a course's glossary. The result is
// in entry order, so the glossary does not depend on which entry finished
// first. A panic in a worker is raised again in the caller, where a
// server's recovery sees it.
func digestAll(entries []*topic.Entry, opt Options) []*Digest {
	out := make([]*Digest, len(entries))
	workers := min(runtime.GOMAXPROCS(0), len(entries))
	if workers <= 1 {
		for i, e := range entries {
			out[i] = DigestOf(e, opt)
		}
		return out
	}
	var (
		next    atomic.Int64
		wg      sync.WaitGroup
		once    sync.Once
		failure any
	)
	for range workers {
		wg.Go(func() {
			defer func() {
				if p := recover(); p != nil {
					once.Do(func() { failure = p })
					next.Store(int64(len(entries))) // stop the other workers early
				}
			}()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(entries) {
					return
				}
				out[i] = DigestOf(entries[i], opt)
			}
		})
	}
	wg.Wait()
	if failure != nil {
		panic(failure)
	}
	return out
}

// merged is a term of the course while its topics are folded in, with
// the one-line text of its definition and of each of its others: a term
// common to many topics is compared with each new definition, and
// flattening the same runs again for every comparison made merging slow.
type merged struct {
	t      *Term
	def    string   // the text of t.Definition
	others []string // the texts of t.Others
}

func newMerged(t *Term) *merged {
	m := &merged{t: t, def: defText(t.Definition)}
	for _, o := range t.Others {
		m.others = append(m.others, defText(o))
	}
	return m
}

// merge folds another topic's row for the same term into the term. A
// differing definition is kept among Others; an explicit one beats an
// extracted one for the main cell.
func (m *merged) merge(o *Term) {
	t := m.t
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
	if d.Origin == Missing {
		return
	}
	dt := defText(d)
	switch {
	case t.Definition.Origin == Missing:
		t.Definition, m.def = d, dt
		return
	case d.Origin == FromEntry && t.Definition.Origin == Extracted:
		t.Definition, d = d, t.Definition
		m.def, dt = dt, m.def
	}
	// Definitions that differ only in case or white space are the same.
	if strings.EqualFold(dt, m.def) {
		return
	}
	for _, od := range m.others {
		if strings.EqualFold(od, dt) {
			return
		}
	}
	t.Others = append(t.Others, d)
	m.others = append(m.others, dt)
}

// defText is the text two definitions are compared by.
func defText(d Definition) string { return oneLine(d.Text.Plain()) }

// linkRelated fills each term's Related with the other terms its
// definition mentions (whole words, any case, singular or plural), in the
// order the definition mentions them (terms starting at the same word in
// course order).
//
// Each term's key is computed once and indexed by its text, and a
// definition is searched by looking up, at each word, the run of words as
// long as each key length met: a course of thousands of terms costs a few
// map look-ups per word of its definitions, where comparing every term
// with the terms sharing a first word took seconds.
func linkRelated(terms []*Term) {
	// FromEntries merged the terms by key, so a key mostly has one term.
	byKey := make(map[string][]int, len(terms))
	// The word counts of the keys, ascending.
	var lengths []int
	for i, t := range terms {
		k := Key(t.Name)
		if k == "" {
			continue
		}
		byKey[k] = append(byKey[k], i)
		if n := strings.Count(k, " ") + 1; !slices.Contains(lengths, n) {
			lengths = append(lengths, n)
		}
	}
	slices.Sort(lengths)
	// linked[j] == i+1 when terms[j] is already among terms[i].Related.
	linked := make([]int, len(terms))
	var text strings.Builder
	var starts, ends, found []int
	for i, t := range terms {
		words := strings.FieldsFunc(strings.ToLower(t.Definition.Text.Plain()), func(r rune) bool { return !isWordRune(r) })
		// The words joined by single spaces, with where each one starts and
		// ends, so a run of words is a substring to look up, not a new string.
		text.Reset()
		starts, ends = starts[:0], ends[:0]
		for wi, w := range words {
			if wi > 0 {
				text.WriteByte(' ')
			}
			starts = append(starts, text.Len())
			text.WriteString(singular(strings.Trim(w, "-'")))
			ends = append(ends, text.Len())
		}
		joined := text.String()
		linked[i] = i + 1
		for wi := range words {
			found = found[:0]
			for _, n := range lengths {
				if wi+n > len(words) {
					break
				}
				for _, j := range byKey[joined[starts[wi]:ends[wi+n-1]]] {
					if linked[j] != i+1 {
						found = append(found, j)
					}
				}
			}
			slices.Sort(found)
			for _, j := range found {
				linked[j] = i + 1
				t.Related = append(t.Related, terms[j].Name)
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
		if reCiteKey().MatchString(txt) {
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

// The expressions are compiled on first use, not at start-up: every
// command links this package, and compiling them cost each `topicdeck
// slides` process a few tenths of a millisecond for nothing.
var (
	reCiteKey = lazyRegexp(`^@?[\p{L}\p{N}_][\p{L}\p{N}_:.\-]*$`)
	reDOI     = lazyRegexp(`10\.\d{4,9}/[^\s"<>]+`)
)

// lazyRegexp returns a function that compiles expr on its first call.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// FindDOI returns the first DOI in s ("10.1038/npp.2009.110"), without
// trailing punctuation, or "".
func FindDOI(s string) string {
	return strings.TrimRight(reDOI().FindString(s), ".,;)")
}

// courseLang returns the override, else the language every entry shares,
// else English.
func courseLang(ds []*Digest, override string) string {
	if override != "" {
		return override
	}
	lang := ""
	for i, d := range ds {
		l := d.lang
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

func courseTitle(ds []*Digest, lang string) string {
	if len(ds) == 1 {
		return ds[0].title
	}
	subject := ""
	for i, d := range ds {
		if i == 0 {
			subject = d.subject
		} else if d.subject != subject {
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
