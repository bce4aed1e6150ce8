// Package quiz turns topic entries into a question bank for a learning
// platform and writes it as Moodle XML, GIFT or a QTI 1.2 package for
// Canvas.
//
// # What becomes a question
//
// Only what the entry says. A key concept becomes a question when it has a
// definition the author wrote (package glossary decides which definitions
// those are, see glossary.Extract); a definition glossary extracted from
// the entry's prose is used only with Options.IncludeExtracted, and such a
// question is tagged so a reviewer finds it. A concept with no definition
// never becomes a question. From the usable concepts of one entry come
//
//   - matching questions, term ↔ definition, in sets of 4 to 8 (3 when the
//     entry has only 3; none below that), each concept in exactly one set;
//   - one multiple-choice question per concept, "Which term is defined as:
//     …?", with up to 3 distractors drawn first from the entry's other key
//     concepts, then from the course's, chosen with the seed (none when no
//     other term exists at all);
//   - one short-answer question per concept: the definition shown, the term
//     (and its form without diacritics) accepted, case ignored.
//
// Each core question, debate and FAQ item becomes an essay question; the
// entry's discussion or answer is the grader's information and the general
// feedback, never text the student sees while answering. An FAQ item that
// repeats a core question is folded into it.
//
// A term inside its own definition is blanked out ("_____"), so the
// definition does not give the answer away.
//
// Every fixed text (stems, tags) is in the entry's language (locale).
package quiz

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/topic"
)

// Kind is the type of a question.
type Kind uint8

// The kinds of questions.
const (
	Matching Kind = iota
	MultipleChoice
	ShortAnswer
	Essay
)

// String names the kind as Moodle's XML does.
func (k Kind) String() string {
	switch k {
	case Matching:
		return "matching"
	case MultipleChoice:
		return "multichoice"
	case ShortAnswer:
		return "shortanswer"
	default:
		return "essay"
	}
}

// Pair is one term with its definition in a matching question.
type Pair struct {
	Term, Definition string
}

// Choice is one answer of a multiple-choice question.
type Choice struct {
	Text    string
	Correct bool
}

// Question is one question of a category. Which fields are set depends on
// Kind: Pairs for Matching, Choices for MultipleChoice, Answers for
// ShortAnswer; Feedback is the essay's grader information.
type Question struct {
	Kind Kind
	// ID is unique in the bank and stable for the same input: letters,
	// digits and "-" only, so every format can use it as an identifier.
	ID string
	// Name is how the question appears in a teacher's question bank.
	Name string
	// Stem is the question text the student reads (plain text).
	Stem    string
	Pairs   []Pair
	Choices []Choice
	// Answers are the accepted answers of a short-answer question, the
	// term as written first.
	Answers []string
	// Feedback is the general feedback (paragraphs separated by blank
	// lines), for an essay the grader's information too.
	Feedback string
	// Terms are the concepts the question asks about (the correct ones).
	Terms []string
	// Extracted: the question uses a definition glossary extracted from
	// the entry's prose, which a person should review.
	Extracted bool
	// Tags mark the question for a reviewer (the localized "extracted
	// definition" for an Extracted question).
	Tags []string
}

// Category holds the questions of one topic.
type Category struct {
	Name string // the topic's title
	Slug string
	Lang string // BCP 47 language of the entry
	// Questions: matching sets, then multiple choice, short answer and
	// essays, each in entry order.
	Questions []Question
	// Undefined are the key concepts left out for want of a definition,
	// and Unreviewed those left out because their definition was
	// extracted (without Options.IncludeExtracted), so a caller can say
	// why a concept has no question.
	Undefined, Unreviewed []string
}

// Bank is a course's question bank: one category per topic, under the
// course.
type Bank struct {
	// Course names the bank (the top category).
	Course string
	Lang   string
	// Categories are in course order (the order of the entries).
	Categories []Category
}

// Count returns the number of questions in the bank.
func (b *Bank) Count() int {
	n := 0
	for _, c := range b.Categories {
		n += len(c.Questions)
	}
	return n
}

// Options steer Build.
type Options struct {
	// Course names the bank. Empty: the subject the entries share, else
	// the one entry's title, else the localized word "Quiz".
	Course string
	// Seed chooses the distractors and the order of choices; the same
	// seed gives the same bank.
	Seed int64
	// IncludeExtracted lets definitions glossary extracted from the prose
	// into questions, tagged for review.
	IncludeExtracted bool
}

// concept is a key concept of one entry as the quiz sees it.
type concept struct {
	term, key  string
	definition string // empty: none usable
	blanked    string // definition with term blanked out, once usable
	extracted  bool
	unreviewed bool // has an extracted definition the options leave out
}

// topicTerms is what one entry gives to the bank.
type topicTerms struct {
	p        *Part
	concepts []concept
}

// Part is what a question bank takes from one entry: its key concepts
// with their definitions, its essay questions and the names of its
// category, without the entry. A course build keeps a part of each entry
// as it reads it for the decks, rather than holding the entries or
// reading them all again for the course quiz.
type Part struct {
	slug, title, subject string
	lang                 string // as the entry gives it, for its labels
	// concepts have every definition, extracted or not; Options decide
	// which become questions.
	concepts []concept
	essays   []Question
}

// PartOf takes from e what its questions need. terms are e's glossary
// terms, glossary.Extract(e), passed in so that a caller that has them
// already does not extract them again. The part shares no memory with e.
func PartOf(e *topic.Entry, terms []*glossary.Term) *Part {
	p := &Part{
		slug: strings.Clone(e.SlugOrDefault()), title: strings.Clone(e.Title),
		subject: strings.Clone(e.Subject), lang: strings.Clone(e.LangOrDefault()),
		essays: essays(e),
	}
	for _, t := range terms {
		c := concept{term: strings.Clone(oneLine(t.Name)), key: strings.Clone(glossary.Key(t.Name))}
		if o := t.Definition.Origin; o == glossary.FromEntry || o == glossary.Extracted {
			c.definition = strings.Clone(oneLine(t.Definition.Text.Plain()))
			c.extracted = o == glossary.Extracted
		}
		p.concepts = append(p.concepts, c)
	}
	return p
}

// Build makes the question bank of the entries, in course order.
func Build(entries []*topic.Entry, opt Options) *Bank {
	parts := make([]*Part, len(entries))
	forEach(len(entries), func(i int) {
		parts[i] = PartOf(entries[i], glossary.Extract(entries[i]))
	})
	return FromParts(parts, opt)
}

// FromParts makes the question bank of the entries the parts were taken
// from, in course order: the bank Build makes of the entries themselves.
func FromParts(parts []*Part, opt Options) *Bank {
	b := &Bank{Course: opt.Course, Lang: courseLang(parts)}
	if b.Course == "" {
		b.Course = courseName(parts, b.Lang)
	}
	ts := make([]topicTerms, len(parts))
	for i, p := range parts {
		ts[i] = topicTerms{p: p, concepts: slices.Clone(p.concepts)}
		for j := range ts[i].concepts {
			if c := &ts[i].concepts[j]; c.extracted && !opt.IncludeExtracted {
				c.definition, c.extracted, c.unreviewed = "", false, true
			}
		}
	}
	ids := map[string]int{}
	for i := range ts {
		b.Categories = append(b.Categories, category(ts, i, opt, ids))
	}
	return b
}

// category makes the questions of entry i; ts is the whole course, for
// distractors.
func category(ts []topicTerms, i int, opt Options, ids map[string]int) Category {
	p := ts[i].p
	l := locale.For(p.lang)
	c := Category{Name: oneLine(p.title), Slug: p.slug, Lang: locale.Base(p.lang)}
	id := func(kind string) string {
		base := identifier(c.Slug) + "-" + kind
		ids[base]++
		return base + "-" + itoa(ids[base])
	}
	var usable []concept
	for _, k := range ts[i].concepts {
		switch {
		case k.definition != "":
			// Every question shows the definition with its term blanked
			// out: done once here, not by each (a regular expression each).
			k.blanked = blankOut(k.definition, k.term)
			usable = append(usable, k)
		case k.unreviewed:
			c.Unreviewed = append(c.Unreviewed, k.term)
		default:
			c.Undefined = append(c.Undefined, k.term)
		}
	}
	tags := func(extracted bool) []string {
		if extracted {
			return []string{l.Get(locale.QuizExtracted)}
		}
		return nil
	}
	for n, set := range matchingSets(usable) {
		q := Question{Kind: Matching, ID: id("match"), Stem: l.Get(locale.QuizMatch)}
		q.Name = shorten(c.Name + " – " + l.Get(locale.KeyConcepts) + " " + itoa(n+1))
		for _, k := range set {
			q.Pairs = append(q.Pairs, Pair{Term: k.term, Definition: k.blanked})
			q.Terms = append(q.Terms, k.term)
			q.Extracted = q.Extracted || k.extracted
		}
		q.Tags = tags(q.Extracted)
		c.Questions = append(c.Questions, q)
	}
	for _, k := range usable {
		ds := distractors(ts, i, k, opt.Seed)
		if len(ds) == 0 {
			continue
		}
		q := Question{Kind: MultipleChoice, ID: id("choice"), Name: shorten(c.Name + " – " + k.term),
			Stem: l.Format(locale.QuizChoice, k.blanked), Terms: []string{k.term},
			Extracted: k.extracted, Tags: tags(k.extracted)}
		q.Choices = append(q.Choices, Choice{Text: k.term, Correct: true})
		for _, d := range ds {
			q.Choices = append(q.Choices, Choice{Text: d})
		}
		newRand(opt.Seed, c.Slug+"\x00order\x00"+k.key).shuffle(len(q.Choices), func(a, b int) {
			q.Choices[a], q.Choices[b] = q.Choices[b], q.Choices[a]
		})
		c.Questions = append(c.Questions, q)
	}
	for _, k := range usable {
		c.Questions = append(c.Questions, Question{Kind: ShortAnswer, ID: id("short"), Name: shorten(c.Name + " – " + k.term),
			Stem: l.Format(locale.QuizShort, k.blanked), Answers: accepted(k.term),
			Terms: []string{k.term}, Extracted: k.extracted, Tags: tags(k.extracted)})
	}
	for _, q := range p.essays {
		q.ID = id("essay")
		q.Name = shorten(c.Name + " – " + q.Stem)
		c.Questions = append(c.Questions, q)
	}
	return c
}

// matchingSets splits the concepts, in order, into sets of 4 to 8 of
// nearly equal size; 3 concepts make one set, fewer none.
func matchingSets(cs []concept) [][]concept {
	n := len(cs)
	if n < 3 {
		return nil
	}
	sets := (n + 7) / 8
	var out [][]concept
	for s := range sets {
		from, to := s*n/sets, (s+1)*n/sets
		out = append(out, cs[from:to])
	}
	return out
}

// essays makes the essay questions of e: core questions, debates, then
// the FAQ items that do not repeat a core question (whose answers go to
// that core question instead). Their texts share no memory with e.
func essays(e *topic.Entry) []Question {
	var out []Question
	core := map[string]int{}
	for _, it := range e.CoreQuestions {
		s := strings.Clone(oneLine(it.Text.Plain()))
		if s == "" {
			continue
		}
		core[strings.ToLower(s)] = len(out)
		out = append(out, Question{Kind: Essay, Stem: s})
	}
	for _, qa := range e.Debates {
		if s := strings.Clone(oneLine(qa.Question.Plain())); s != "" {
			out = append(out, Question{Kind: Essay, Stem: s, Feedback: paragraphs(qa.Answer)})
		}
	}
	for _, qa := range e.FAQ {
		s := strings.Clone(oneLine(qa.Question.Plain()))
		if s == "" {
			continue
		}
		if i, ok := core[strings.ToLower(s)]; ok && out[i].Feedback == "" {
			out[i].Feedback = paragraphs(qa.Answer)
			continue
		}
		out = append(out, Question{Kind: Essay, Stem: s, Feedback: paragraphs(qa.Answer)})
	}
	return out
}

// paragraphs is b's plain text with each paragraph on one line and
// paragraphs separated by a blank line, in memory of its own.
func paragraphs(b topic.Body) string {
	var ps []string
	for _, p := range strings.Split(b.Plain(), "\n\n") {
		if p = oneLine(p); p != "" {
			ps = append(ps, p)
		}
	}
	return strings.Clone(strings.Join(ps, "\n\n"))
}

// Blank is what replaces a term inside its own definition.
const Blank = "_____"

// blankOut replaces the term, in any case, inside its definition.
func blankOut(def, term string) string {
	if strings.TrimSpace(term) == "" {
		return def
	}
	re, err := regexp.Compile(`(?i)` + regexp.QuoteMeta(term))
	if err != nil {
		return def
	}
	return re.ReplaceAllLiteralString(def, Blank)
}

// courseLang is the language all entries share, else English.
func courseLang(parts []*Part) string {
	lang := ""
	for _, p := range parts {
		l := locale.Base(p.lang)
		if lang != "" && l != lang {
			return "en"
		}
		lang = l
	}
	if lang == "" {
		return "en"
	}
	return lang
}

// courseName is the subject the entries share, else the one entry's
// title, else the localized "Quiz".
func courseName(parts []*Part, lang string) string {
	subject := ""
	for i, p := range parts {
		if i > 0 && p.subject != subject {
			subject = ""
			break
		}
		subject = p.subject
	}
	if s := oneLine(subject); s != "" {
		return s
	}
	if len(parts) == 1 && oneLine(parts[0].title) != "" {
		return oneLine(parts[0].title)
	}
	return locale.For(lang).Get(locale.Quiz)
}

// identifier keeps the letters, digits and "-" of an ASCII slug; other
// runs become "-", so the result is safe as an XML ID and a file name.
func identifier(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimRight(b.String(), "-")
	if out == "" {
		return "topic"
	}
	return out
}

// maxName is the longest question name, in characters: Moodle keeps 255
// bytes of a name, and a bank's list is read at a glance.
const maxName = 100

// shorten cuts a name to maxName characters, ending it with "…".
func shorten(s string) string {
	rs := []rune(oneLine(s))
	if len(rs) <= maxName {
		return string(rs)
	}
	return strings.TrimSpace(string(rs[:maxName-1])) + "…"
}

// oneLine is s on one line, white space runs made one space, and with
// what no format can carry (invalid UTF-8, control characters,
// noncharacters) replaced or left out, so that what the bank holds is
// what every file says.
func oneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	return remakeLine(s)
}

// remakeLine is oneLine for a text that needs the work.
func remakeLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unprintable(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return strings.Join(strings.Fields(s), " ")
}

// unprintable is a character oneLine leaves out.
func unprintable(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r == 0xFFFE || r == 0xFFFF
}

// isOneLine reports whether oneLine would give s back as it is: valid
// UTF-8 without a character it leaves out, words apart by single spaces.
// Nearly every text of an entry is, and a course's bank passes a few
// hundred thousand texts through oneLine: looking costs no allocation,
// splitting into fields and joining them again two.
func isOneLine(s string) bool {
	space := true // at the start, as after a space: no space may follow
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == ' ':
			if space {
				return false
			}
			space = true
		case r == utf8.RuneError && n == 1, unicode.IsSpace(r), unprintable(r):
			return false
		default:
			space = false
		}
	}
	return !space || s == ""
}
