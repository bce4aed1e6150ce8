package topic

import (
	"strings"
	"unicode"
)

// headings maps section headings, folded by foldHeading, to their fields,
// from sectionTable. The site is bilingual, so each field is listed in
// English and Swedish, with the variants authors actually write
// ("Methods" for the site's "Methods for this concept", "FAQ" for
// "Frequently asked questions"). Relevance is found by its suffix in
// LookupHeading, so its default headings are left out here.
var headings = func() map[string]Field {
	m := map[string]Field{}
	for _, s := range sectionTable {
		if s.Shape == ShapeRelevance {
			continue
		}
		for _, hs := range s.Headings {
			for _, h := range hs {
				m[foldHeading(h)] = s.Field
			}
		}
	}
	return m
}()

// swedishHeadings are the folded headings only the Swedish site uses; a
// page copied as text has no lang field, so they tell its language.
var swedishHeadings = func() map[string]bool {
	en := map[string]bool{}
	for _, s := range sectionTable {
		for _, h := range s.Headings["en"] {
			en[foldHeading(h)] = true
		}
	}
	m := map[string]bool{}
	for _, s := range sectionTable {
		if s.Shape == ShapeRelevance {
			continue
		}
		for _, h := range s.Headings["sv"] {
			if k := foldHeading(h); !en[k] {
				m[k] = true
			}
		}
	}
	return m
}()

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
	s, ok := LookupKind(f)
	if !ok {
		return ""
	}
	if hs := s.Headings[baseLang(lang)]; len(hs) > 0 {
		return hs[0]
	}
	return s.Headings["en"][0]
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
