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
		g := Build([]*topic.Entry{e, e}, Options{})
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
	// 'Ⱥ' lower-cases to a longer UTF-8 sequence; 'İ' to a shorter one.
	for _, prose := range []string{"Ⱥx is a ȺȺȺ thing; rest.", "İx is a İİİ thing; rest.", "Ⱥx (İİ Ⱥ) y"} {
		e := &topic.Entry{Title: "T", Mechanisms: topic.Paragraphs(prose), KeyConcepts: []topic.Concept{{Term: topic.Plain(prose[:len(prose)/2])}, {Term: topic.Plain("Ⱥx")}}}
		Extract(e)
	}
}
