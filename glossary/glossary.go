// Package glossary turns topic entries into a course glossary: it collects
// each entry's key concepts, finds a definition for every term (the entry's
// own, else one extracted from the entry's text), merges the terms of many
// entries into one row per term, sorts them the way the course language
// sorts words, and writes the result as a workbook, CSV/TSV, an Anki deck or
// a Moodle glossary.
//
// # Choosing a definition
//
// A definition written beside the term in the entry always wins ("from the
// entry"). Otherwise the entry's prose is searched (see Extract) and the
// candidates are ranked, best first, by
//
//  1. how the term was matched: the whole term (in any case, singular or
//     plural) before a shortened form of it (the term without a trailing
//     prepositional phrase, one part of a coordination, or its head noun
//     when only adjectives precede it: "Physical and psychological
//     dependence" → "dependence", but not "Allostatic reward set-point" →
//     "set-point");
//  2. the pattern: "X is defined as …", then "X refers to …" (or
//     "denotes"), then "X is/are a|an|the …", then "X (…)", then "X—…—".
//     The first three need X to open its clause (the sentence, or the
//     text after ";" or ":"), so "the key point of reward is a matter of
//     debate" is not read as defining reward; a parenthesis or dash pair
//     counts when it holds two or more words that do not start like a
//     continuation ("and", "from", "e.g.") and no year (a citation). The
//     Swedish forms (är en/ett, avser, definieras som) count the same;
//  3. the section: Definition, Summary, Scope, FAQ, Mechanisms, Key
//     theories, Relevance, History, Debates, then other sections;
//  4. the position in the section.
//
// The definition runs to the end of its clause (";" or the sentence's
// end; a contrast ", whereas …" is cut off), and is capitalised and ended
// with a full stop. Questions are never searched. The first candidate is
// used; it is marked "extracted from <section>" and needs review. A term
// with no candidate keeps an empty definition, marked missing.
//
// # Merging a course
//
// Terms of different entries are the same term when their Key matches
// (case, white space and a regular plural ending do not count). The row
// lists every topic; differing definitions are all kept, the first
// explicit one (in course order) in the Definition column and the others
// in Notes with their topics.
package glossary

import (
	"github.com/scholargate/topicdeck/topic"
)

// Origin tells where a term's definition came from.
type Origin uint8

// The origins of a definition.
const (
	// Missing: no definition was written or found.
	Missing Origin = iota
	// FromEntry: the author wrote it beside the term.
	FromEntry
	// Extracted: found in the entry's prose by a pattern; needs review.
	Extracted
)

// Definition is one definition of a term, with where it came from.
type Definition struct {
	Text   topic.Text
	Origin Origin
	// Section is the label of the section it was extracted from.
	Section string
	// Matched is the form of the term the extraction matched, when it was
	// not the whole term ("dependence" for "Physical and psychological
	// dependence"), so a reviewer sees why it was picked.
	Matched string
	// Topic is the title of the entry it belongs to.
	Topic string
}

// Term is one row of the glossary: a term with all the topics that list it.
type Term struct {
	// Name is the term as first written in the course.
	Name string
	// Definition is the chosen definition (the first explicit one in course
	// order, else the first extracted one).
	Definition Definition
	// Others are the other, differing definitions, with their topics.
	Others []Definition
	// Topics are the titles of the entries listing the term, in course order.
	Topics []string
	// Slugs are the slugs of those entries, in the same order.
	Slugs []string
	// Aliases are other spellings of the term met in the course.
	Aliases []string
	// Related are other glossary terms that the definition mentions.
	Related []string
}

// NeedsReview reports whether a person should check the row: the
// definition was extracted or is missing, or topics disagree on it.
func (t *Term) NeedsReview() bool {
	return t.Definition.Origin != FromEntry || len(t.Others) > 0
}

// TopicInfo describes one entry of the course for the Topics sheet.
type TopicInfo struct {
	Title, Subject, Slug, Summary, Source                       string
	Concepts, Theories, Questions, References, People, Sections int
}

// Theory is a key theory of one topic.
type Theory struct {
	Name        string
	Topic       string
	Description string
}

// QuestionKind tells where a question came from.
type QuestionKind uint8

// The kinds of questions.
const (
	CoreQuestion QuestionKind = iota
	FAQQuestion
	DebateQuestion
)

// Question is a core question, FAQ item or debate of one topic.
type Question struct {
	Kind     QuestionKind
	Question string
	Answer   string
	Topic    string
}

// Person is a key figure with the topics naming them.
type Person struct {
	Name   string
	Topics []string
}

// Reference is one seminal work with the topics citing it.
type Reference struct {
	// Key is the citation key, empty for a free-text reference.
	Key string
	// Text is the formatted reference, or the text as written.
	Text topic.Text
	// DOI is the work's DOI ("10.1000/xyz"), when known.
	DOI string
	// URL is a link found in the reference, when there is no DOI.
	URL    string
	Topics []string
}

// Glossary is the merged vocabulary of one or more entries.
type Glossary struct {
	// Lang is the course language (BCP 47), used for sorting and labels.
	Lang string
	// Title names the glossary (the topic's title, or the course's).
	Title      string
	Terms      []*Term
	Topics     []TopicInfo
	Theories   []Theory
	Questions  []Question
	People     []Person
	References []Reference
}
