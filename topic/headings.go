package topic

import (
	"strings"
	"unicode"
)

// headings maps section headings, folded by foldHeading, to their fields.
// The site is bilingual, so each field is listed in English and Swedish,
// with the variants authors actually write ("Methods" for the site's
// "Methods for this concept", "FAQ" for "Frequently asked questions").
var headings = map[string]Field{
	"definition":                 FieldDefinition,
	"scope":                      FieldScope,
	"omfattning":                 FieldScope,
	"core questions":             FieldCoreQuestions,
	"kärnfrågor":                 FieldCoreQuestions,
	"key concepts":               FieldKeyConcepts,
	"nyckelbegrepp":              FieldKeyConcepts,
	"key theories":               FieldKeyTheories,
	"nyckelteorier":              FieldKeyTheories,
	"mechanisms":                 FieldMechanisms,
	"mekanismer":                 FieldMechanisms,
	"history":                    FieldHistory,
	"historia":                   FieldHistory,
	"debates":                    FieldDebates,
	"debatter":                   FieldDebates,
	"key figures":                FieldKeyFigures,
	"nyckelpersoner":             FieldKeyFigures,
	"related topics":             FieldRelatedTopics,
	"relaterade ämnen":           FieldRelatedTopics,
	"seminal works":              FieldSeminalWorks,
	"centrala verk":              FieldSeminalWorks,
	"frequently asked questions": FieldFAQ,
	"faq":                        FieldFAQ,
	"faqs":                       FieldFAQ,
	"vanliga frågor":             FieldFAQ,
	"methods":                    FieldMethods,
	"methods for this concept":   FieldMethods,
	"metoder":                    FieldMethods,
	"metoder för detta begrepp":  FieldMethods,
	"related concepts":           FieldRelatedConcepts,
	"relaterade begrepp":         FieldRelatedConcepts,
}

// swedishHeadings are the folded headings only the Swedish site uses; a
// page copied as text has no lang field, so they tell its language.
var swedishHeadings = map[string]bool{
	"omfattning": true, "kärnfrågor": true, "nyckelbegrepp": true, "nyckelteorier": true,
	"mekanismer": true, "historia": true, "debatter": true, "nyckelpersoner": true,
	"relaterade ämnen": true, "centrala verk": true, "vanliga frågor": true, "metoder": true,
	"metoder för detta begrepp": true, "relaterade begrepp": true,
}

// headingLang tells which language a known heading is written in: "sv",
// "en", or "" when both sites use it ("Definition").
func headingLang(h string) string {
	k := foldHeading(h)
	switch {
	case swedishHeadings[k] || k == "relevans" || strings.HasSuffix(k, " relevans"):
		return "sv"
	case k == "definition":
		return ""
	}
	if _, ok := LookupHeading(h); ok {
		return "en"
	}
	return ""
}

// defaultHeadings are the headings a writer uses for a section the model
// holds but whose heading the source did not give (an entry built in Go or
// read from JSON).
var defaultHeadings = map[string]map[Field]string{
	"en": {
		FieldDefinition:      "Definition",
		FieldScope:           "Scope",
		FieldCoreQuestions:   "Core questions",
		FieldKeyConcepts:     "Key concepts",
		FieldKeyTheories:     "Key theories",
		FieldMechanisms:      "Mechanisms",
		FieldRelevance:       "Clinical relevance",
		FieldHistory:         "History",
		FieldDebates:         "Debates",
		FieldKeyFigures:      "Key figures",
		FieldRelatedTopics:   "Related topics",
		FieldSeminalWorks:    "Seminal works",
		FieldFAQ:             "Frequently asked questions",
		FieldMethods:         "Methods for this concept",
		FieldRelatedConcepts: "Related concepts",
	},
	"sv": {
		FieldDefinition:      "Definition",
		FieldScope:           "Omfattning",
		FieldCoreQuestions:   "Kärnfrågor",
		FieldKeyConcepts:     "Nyckelbegrepp",
		FieldKeyTheories:     "Nyckelteorier",
		FieldMechanisms:      "Mekanismer",
		FieldRelevance:       "Klinisk relevans",
		FieldHistory:         "Historia",
		FieldDebates:         "Debatter",
		FieldKeyFigures:      "Nyckelpersoner",
		FieldRelatedTopics:   "Relaterade ämnen",
		FieldSeminalWorks:    "Centrala verk",
		FieldFAQ:             "Vanliga frågor",
		FieldMethods:         "Metoder",
		FieldRelatedConcepts: "Relaterade begrepp",
	},
}

// LookupHeading maps a section heading as written, in English or Swedish,
// in any case and with surrounding spaces or punctuation ("Scope:",
// "  FAQ ") ignored, to its field. Any heading ending in "relevance" or
// "relevans" ("Clinical relevance", "Pedagogisk relevans") is
// FieldRelevance; the caller keeps the heading as written. ok is false for
// a heading the model does not know, which makes a generic section.
func LookupHeading(h string) (Field, bool) {
	k := foldHeading(h)
	if f, ok := headings[k]; ok {
		return f, true
	}
	if k == "relevance" || k == "relevans" || strings.HasSuffix(k, " relevance") || strings.HasSuffix(k, " relevans") {
		return FieldRelevance, true
	}
	return "", false
}

// DefaultHeading returns the heading a writer uses for a known field in a
// language ("en" or "sv"; others fall back to English).
func DefaultHeading(f Field, lang string) string {
	if m, ok := defaultHeadings[baseLang(lang)]; ok {
		return m[f]
	}
	return defaultHeadings["en"][f]
}

// baseLang reduces a BCP 47 tag to its language: "sv-SE" → "sv".
func baseLang(tag string) string {
	tag = strings.ToLower(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

// foldHeading lower-cases a heading, trims punctuation and space at both
// ends and collapses inner space, so "  Key   Concepts: " is "key concepts".
func foldHeading(h string) string {
	h = strings.TrimFunc(h, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	})
	return strings.ToLower(strings.Join(strings.Fields(h), " "))
}
