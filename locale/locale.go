// Package locale holds the fixed labels the artifacts print (section names,
// "Outline", "(cont.)", "Slide 3 of 20", …) in English and Swedish.
//
// A label missing in a language falls back to English, never to an empty
// string, so a half-translated table still gives readable output.
package locale

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Key names a label.
type Key string

// The labels. Section names use the field names of the entry format.
const (
	Definition      Key = "definition"
	Scope           Key = "scope"
	CoreQuestions   Key = "core_questions"
	KeyConcepts     Key = "key_concepts"
	KeyTheories     Key = "key_theories"
	Mechanisms      Key = "mechanisms"
	Relevance       Key = "relevance"
	History         Key = "history"
	Debates         Key = "debates"
	KeyFigures      Key = "key_figures"
	RelatedTopics   Key = "related_topics"
	SeminalWorks    Key = "seminal_works"
	FAQ             Key = "faq"
	Methods         Key = "methods"
	RelatedConcepts Key = "related_concepts"

	Outline    Key = "outline"
	Continued  Key = "continued"   // "%s (cont.)"
	ContinuedN Key = "continued_n" // "%s (cont. %d)": slide n of a section cut over three or more
	SlideOf    Key = "slide_of"    // "Slide %d of %d"
	PageOf     Key = "page_of"     // "Page %d of %d"
	References Key = "references"
	Review     Key = "review"
	Question   Key = "question"
	Answer     Key = "answer"
	Notes      Key = "notes"
	Summary    Key = "summary"
	Cues       Key = "cues"
	AnswerKey  Key = "answer_key"
	Glossary   Key = "glossary"
	Contents   Key = "contents"
	Updated    Key = "updated"
	Authors    Key = "authors"
	Course     Key = "course"
	Term       Key = "term"
	Topics     Key = "topics"
	Editor     Key = "editor"  // "(Ed.)"
	Editors    Key = "editors" // "(Eds.)"
	In         Key = "in"      // "In"
	NoDate     Key = "no_date" // "n.d."
	Picture    Key = "picture" // "[Image: %s]": what stands for a picture that was not loaded
	Pages      Key = "pages"   // "pp."
	Edition    Key = "edition" // "ed."
	And        Key = "and"     // "and" in running text
	Thesis     Key = "thesis"  // "Doctoral dissertation"
	Name       Key = "name"
	Theme      Key = "theme"
)

// Labels used by bibliography formatting (package bib).
const (
	EtAl          Key = "et_al"          // "et al." after a name list cut short by "others"
	Page          Key = "page"           // "p." before a single page
	Volume        Key = "volume"         // "Vol." before a volume number
	MastersThesis Key = "masters_thesis" // "Master's thesis"
	Unresolved    Key = "unresolved"     // "[unresolved reference]"
)

// Labels used by glossaries (package glossary).
const (
	NeedsReview     Key = "needs_review"     // review status of a row a person must check
	Approved        Key = "approved"         // review status of a checked row
	MissingLabel    Key = "missing"          // marks a term without a definition
	FromEntry       Key = "from_entry"       // definition written in the entry
	ExtractedFrom   Key = "extracted_from"   // "extracted from %s" (a section)
	MatchedAs       Key = "matched_as"       // "matched as “%s”" (a shortened term)
	OtherDefinition Key = "other_definition" // "Other definition (%s): %s" (topic, text)
	KindCore        Key = "kind_core"        // question kind: core question
	KindFAQ         Key = "kind_faq"         // question kind: FAQ
	KindDebate      Key = "kind_debate"      // question kind: debate
)

// Labels used by quizzes (package quiz).
const (
	QuizMatch     Key = "quiz_match"     // stem of a matching question
	QuizChoice    Key = "quiz_choice"    // "Which term is defined as: %s"
	QuizShort     Key = "quiz_short"     // "Write the term defined as: %s"
	QuizExtracted Key = "quiz_extracted" // tag of a question built on an extracted definition
	Quiz          Key = "quiz"           // name of a question bank with no course name
)

var tables = map[string]map[Key]string{
	"en": {
		Definition:      "Definition",
		Scope:           "Scope",
		CoreQuestions:   "Core questions",
		KeyConcepts:     "Key concepts",
		KeyTheories:     "Key theories",
		Mechanisms:      "Mechanisms",
		Relevance:       "Relevance",
		History:         "History",
		Debates:         "Debates",
		KeyFigures:      "Key figures",
		RelatedTopics:   "Related topics",
		SeminalWorks:    "Seminal works",
		FAQ:             "Frequently asked questions",
		Methods:         "Methods",
		RelatedConcepts: "Related concepts",
		Outline:         "Outline",
		Continued:       "%s (cont.)",
		ContinuedN:      "%s (cont. %d)",
		SlideOf:         "Slide %d of %d",
		PageOf:          "Page %d of %d",
		References:      "References",
		Review:          "Review",
		Question:        "Question",
		Answer:          "Answer",
		Notes:           "Notes",
		Summary:         "Summary",
		Cues:            "Cues",
		AnswerKey:       "Answer key",
		Glossary:        "Glossary",
		Contents:        "Contents",
		Updated:         "Updated",
		Authors:         "Authors",
		Course:          "Course",
		Term:            "Term",
		Topics:          "Topics",
		Editor:          "(Ed.)",
		Editors:         "(Eds.)",
		In:              "In",
		NoDate:          "n.d.",
		Picture:         "[Image: %s]",
		Pages:           "pp.",
		Edition:         "ed.",
		And:             "and",
		Thesis:          "Doctoral dissertation",
		Name:            "Name",
		Theme:           "Theme",
		EtAl:            "et al.",
		Page:            "p.",
		Volume:          "Vol.",
		MastersThesis:   "Master's thesis",
		Unresolved:      "[unresolved reference]",
		NeedsReview:     "Needs review",
		Approved:        "Approved",
		MissingLabel:    "missing",
		FromEntry:       "from the entry",
		ExtractedFrom:   "extracted from %s",
		MatchedAs:       "matched as “%s”",
		OtherDefinition: "Other definition (%s): %s",
		KindCore:        "core",
		KindFAQ:         "FAQ",
		KindDebate:      "debate",
		QuizMatch:       "Match each term with its definition.",
		QuizChoice:      "Which term is defined as: %s",
		QuizShort:       "Write the term that is defined as: %s",
		QuizExtracted:   "extracted definition",
		Quiz:            "Quiz",
	},
	"sv": {
		Definition:      "Definition",
		Scope:           "Omfattning",
		CoreQuestions:   "Kärnfrågor",
		KeyConcepts:     "Nyckelbegrepp",
		KeyTheories:     "Nyckelteorier",
		Mechanisms:      "Mekanismer",
		Relevance:       "Relevans",
		History:         "Historia",
		Debates:         "Debatter",
		KeyFigures:      "Nyckelpersoner",
		RelatedTopics:   "Relaterade ämnen",
		SeminalWorks:    "Centrala verk",
		FAQ:             "Vanliga frågor",
		Methods:         "Metoder",
		RelatedConcepts: "Relaterade begrepp",
		Outline:         "Översikt",
		Continued:       "%s (forts.)",
		ContinuedN:      "%s (forts. %d)",
		SlideOf:         "Bild %d av %d",
		PageOf:          "Sida %d av %d",
		References:      "Referenser",
		Review:          "Repetition",
		Question:        "Fråga",
		Answer:          "Svar",
		Notes:           "Anteckningar",
		Summary:         "Sammanfattning",
		Cues:            "Stödord",
		AnswerKey:       "Facit",
		Glossary:        "Ordlista",
		Contents:        "Innehåll",
		Updated:         "Uppdaterad",
		Authors:         "Författare",
		Course:          "Kurs",
		Term:            "Term",
		Topics:          "Ämnen",
		Editor:          "(Red.)",
		Editors:         "(Red.)",
		In:              "I",
		NoDate:          "u.å.",
		Picture:         "[Bild: %s]",
		Pages:           "s.",
		Edition:         "uppl.",
		And:             "och",
		Thesis:          "Doktorsavhandling",
		Name:            "Namn",
		Theme:           "Tema",
		EtAl:            "et al.",
		Page:            "s.",
		Volume:          "Vol.",
		MastersThesis:   "Masteruppsats",
		Unresolved:      "[referensen saknas]",
		NeedsReview:     "Behöver granskas",
		Approved:        "Godkänd",
		MissingLabel:    "saknas",
		FromEntry:       "från uppslaget",
		ExtractedFrom:   "hämtad ur %s",
		MatchedAs:       "matchad som ”%s”",
		OtherDefinition: "Annan definition (%s): %s",
		KindCore:        "kärnfråga",
		KindFAQ:         "vanlig fråga",
		KindDebate:      "debatt",
		QuizMatch:       "Para ihop varje term med dess definition.",
		QuizChoice:      "Vilken term definieras som: %s",
		QuizShort:       "Skriv termen som definieras som: %s",
		QuizExtracted:   "hämtad definition",
		Quiz:            "Quiz",
	},
}

// Labels are the labels of one language.
type Labels struct {
	lang string
}

// For returns the labels for a BCP 47 tag. Only the primary subtag counts
// ("sv-SE" is Swedish); an unknown language gives English labels.
func For(tag string) Labels {
	return Labels{lang: Base(tag)}
}

// Base returns the lower-cased primary language subtag of a BCP 47 tag,
// "en" for an empty tag.
func Base(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if tag == "" {
		return "en"
	}
	return tag
}

// Lang returns the language the labels were asked for.
func (l Labels) Lang() string { return l.lang }

// Get returns the label for key, falling back to English, and to the key
// itself if even English lacks it (so output is never silently blank).
func (l Labels) Get(k Key) string {
	if s := tables[l.lang][k]; s != "" {
		return s
	}
	if s := tables["en"][k]; s != "" {
		return s
	}
	return string(k)
}

// Format fills a label that takes arguments, such as PageOf.
func (l Labels) Format(k Key, args ...any) string {
	return fmt.Sprintf(l.Get(k), args...)
}

// Languages returns the languages that have a table, sorted.
func Languages() []string {
	return slices.Sorted(maps.Keys(tables))
}

// Keys returns every key of the English table, sorted; tests use it to
// check that each language covers them all.
func Keys() []Key {
	return slices.Sorted(maps.Keys(tables["en"]))
}

// Has reports whether lang has its own translation of k.
func Has(lang string, k Key) bool {
	return tables[Base(lang)][k] != ""
}
