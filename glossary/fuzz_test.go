package glossary

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"testing"

	"github.com/scholargate/topicdeck/topic"
)

// FuzzGlossary feeds arbitrary prose and terms through extraction, merging
// and every writer: nothing may panic, and the CSV and Moodle XML must
// still parse.
func FuzzGlossary(f *testing.F) {
	f.Add("Tolerance", "Tolerance is a reduced effect; dependence (a state of need) follows.", "sv")
	f.Add("Physical and psychological dependence", "Users show dependence—the need to continue—over time.", "en")
	f.Add("a (b", "a (b (c) d e— f —g) x is an y; z.", "")
	f.Add("Ärftlighet och miljö", "Ärftligheten är den del som förklaras av gener. E.g. \x00 ok?", "sv")
	f.Add("\"quoted\"\tterm", "\"quoted\" term is the <b>thing</b> & more\n\nnext", "en")
	f.Fuzz(func(t *testing.T, term, prose, lang string) {
		e := &topic.Entry{Title: "T", Lang: lang, Mechanisms: topic.Paragraphs(prose), Summary: topic.Paragraphs(prose),
			KeyConcepts: []topic.Concept{{Term: topic.Plain(term)}, {Term: topic.Plain(prose)}}}
		g := FromEntries([]*topic.Entry{e, e}, Options{})
		for _, fm := range Formats() {
			var buf bytes.Buffer
			if _, err := g.Write(&buf, WriteOptions{Format: fm, Time: fixedTime}); err != nil {
				t.Fatalf("%s: %v", fm, err)
			}
			switch fm {
			case CSV:
				if _, err := csv.NewReader(&buf).ReadAll(); err != nil {
					t.Fatalf("csv: %v", err)
				}
			case Moodle:
				var v struct{}
				if err := xml.Unmarshal(buf.Bytes(), &v); err != nil {
					t.Fatalf("moodle: %v\n%s", err, buf.Bytes())
				}
			}
		}
	})
}

func TestExtractCaseChangesLength(t *testing.T) {
	// 'Ⱥ' lower-cases to a longer UTF-8 sequence, 'İ' to a shorter one:
	// the search matches on folded text but must cut the definition from
	// the text as written, every letter kept. A half term (cut inside a
	// letter) rides along to check it neither breaks nor steals the row.
	tests := []struct{ prose, term, want string }{
		{"Ⱥx is a ȺȺȺ thing; rest.", "Ⱥx", "A ȺȺȺ thing."},
		{"İx is a İİİ thing; rest.", "İx", "A İİİ thing."},
		{"Ⱥx (İİ Ⱥ) y", "Ⱥx", "İİ Ⱥ."},
	}
	for _, tt := range tests {
		e := &topic.Entry{Title: "T", Mechanisms: topic.Paragraphs(tt.prose),
			KeyConcepts: []topic.Concept{{Term: topic.Plain(tt.prose[:len(tt.prose)/2])}, {Term: topic.Plain(tt.term)}}}
		terms := Extract(e)
		if len(terms) != 2 {
			t.Fatalf("%q: %d terms, want 2", tt.prose, len(terms))
		}
		d := terms[1].Definition
		if terms[1].Name != tt.term || d.Origin != Extracted || d.Text.Plain() != tt.want || d.Section != "Mechanisms" {
			t.Errorf("%q: %q is defined as %q (origin %v, from %q), want %q extracted from Mechanisms",
				tt.prose, terms[1].Name, d.Text.Plain(), d.Origin, d.Section, tt.want)
		}
		if half := terms[0].Definition; half.Origin != Missing {
			t.Errorf("%q: the half term %q got a definition %q", tt.prose, terms[0].Name, half.Text.Plain())
		}
	}
}
