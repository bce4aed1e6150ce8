package quiz

import (
	"reflect"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/topic"
)

// FuzzWriters builds a topic from arbitrary terms, definitions and a
// question, and wants each format to read back as written: no text can
// break a file's structure or another question.
func FuzzWriters(f *testing.F) {
	f.Add("=1+1", "a formula", "<script>alert(1)</script>", "markup", "Why {or} not ~#:?", "a\\b -> c")
	f.Add("Öring", "en laxfisk", "50% -> half", "an ->", "", "")
	f.Add("%50% off", "a weight", "[html]x", "a format", "Title: with colon", "\\:")
	f.Fuzz(func(t *testing.T, t1, d1, t2, d2, question, answer string) {
		e := &topic.Entry{Title: "Fuzz " + t1, Lang: "en"}
		for _, c := range [][2]string{{t1, d1}, {t2, d2}, {"Third", "the third term"}} {
			e.KeyConcepts = append(e.KeyConcepts, topic.Concept{Term: topic.Plain(c[0]), Definition: topic.Plain(c[1])})
		}
		e.Debates = []topic.QA{{Question: topic.Plain(question), Answer: topic.Paragraphs(answer)}}
		b := Build([]*topic.Entry{e}, Options{Seed: 1})
		if b.Count() == 0 {
			return
		}
		wantQs := want(b)
		for _, format := range Formats() {
			data := write(t, b, format)
			got, err := readFormat(format, data)
			if err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if !reflect.DeepEqual(got, wantQs) {
				t.Fatalf("%s: read back\n%+v\nwrote\n%+v\n%s", format, got, wantQs, strings.ToValidUTF8(string(data), "?"))
			}
		}
	})
}
