package topic

import "testing"

func TestLookupHeading(t *testing.T) {
	tests := []struct {
		heading string
		want    Field
		ok      bool
	}{
		{"Definition", FieldDefinition, true},
		{"  definition: ", FieldDefinition, true},
		{"SCOPE", FieldScope, true},
		{"Omfattning", FieldScope, true},
		{"Core questions", FieldCoreQuestions, true},
		{"Core  Questions.", FieldCoreQuestions, true},
		{"Kärnfrågor", FieldCoreQuestions, true},
		{"KÄRNFRÅGOR", FieldCoreQuestions, true},
		{"Key concepts", FieldKeyConcepts, true},
		{"Nyckelbegrepp", FieldKeyConcepts, true},
		{"Key theories", FieldKeyTheories, true},
		{"Nyckelteorier", FieldKeyTheories, true},
		{"Mechanisms", FieldMechanisms, true},
		{"Mekanismer", FieldMechanisms, true},
		{"Clinical relevance", FieldRelevance, true},
		{"Educational relevance", FieldRelevance, true},
		{"Klinisk relevans", FieldRelevance, true},
		{"Pedagogisk relevans", FieldRelevance, true},
		{"Relevance", FieldRelevance, true},
		{"History", FieldHistory, true},
		{"Historia", FieldHistory, true},
		{"Debates", FieldDebates, true},
		{"Debatter", FieldDebates, true},
		{"Key figures", FieldKeyFigures, true},
		{"Nyckelpersoner", FieldKeyFigures, true},
		{"Related topics", FieldRelatedTopics, true},
		{"Relaterade ämnen", FieldRelatedTopics, true},
		{"Seminal works", FieldSeminalWorks, true},
		{"Centrala verk", FieldSeminalWorks, true},
		{"Frequently asked questions", FieldFAQ, true},
		{"FAQ", FieldFAQ, true},
		{"faq:", FieldFAQ, true},
		{"Vanliga frågor", FieldFAQ, true},
		{"Methods", FieldMethods, true},
		{"Methods for this concept", FieldMethods, true},
		{"Metoder", FieldMethods, true},
		{"Related concepts", FieldRelatedConcepts, true},
		{"Relaterade begrepp", FieldRelatedConcepts, true},
		{"Worked example", "", false},
		{"Irrelevance theory", "", false},
		{"Relevance for teachers", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := LookupHeading(tt.heading)
		if got != tt.want || ok != tt.ok {
			t.Errorf("LookupHeading(%q) = %q, %v; want %q, %v", tt.heading, got, ok, tt.want, tt.ok)
		}
	}
}

// TestDefaultHeadingsReadBack checks that every default heading, in both
// languages, is recognised as its own field, so written entries read back.
func TestDefaultHeadingsReadBack(t *testing.T) {
	for _, lang := range []string{"en", "sv", "sv-SE", "de"} {
		for _, f := range Fields {
			h := DefaultHeading(f, lang)
			if got, ok := LookupHeading(h); !ok || got != f {
				t.Errorf("DefaultHeading(%q, %q) = %q reads back as %q, %v", f, lang, h, got, ok)
			}
		}
	}
}

func TestHeadingLang(t *testing.T) {
	for h, want := range map[string]string{
		"Kärnfrågor": "sv", "Klinisk relevans": "sv", "Core questions": "en",
		"Clinical relevance": "en", "Definition": "", "Worked example": "",
	} {
		if got := headingLang(h); got != want {
			t.Errorf("headingLang(%q) = %q; want %q", h, got, want)
		}
	}
}
