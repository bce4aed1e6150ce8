package exporter

import (
	"io"
	"testing"

	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/topic"
)

// TestUnresolvedKeysEachNamed checks that validate and every export name
// each seminal work left unresolved on its own line, at its own position,
// rather than counting them: the author needs the keys to fix them.
func TestUnresolvedKeysEachNamed(t *testing.T) {
	want := []string{
		seedPage + `:75:3: seminal work "koob-2009-neurocircuitry" looks like a citation key, but no bibliography was given (set bibliography: or use --bib)`,
		seedPage + `:76:3: seminal work "hyman-2006" looks like a citation key, but no bibliography was given (set bibliography: or use --bib)`,
		seedPage + `:77:3: seminal work "kalivas-2007" looks like a citation key, but no bibliography was given (set bibliography: or use --bib)`,
	}
	e := readEntry(t, seedPage)
	exports := map[string]func() ([]string, error){
		"slides": func() ([]string, error) {
			res, err := Slides(e, SlideOptions{}, io.Discard)
			return res.Warnings, err
		},
		"handout": func() ([]string, error) {
			res, err := Handout(e, HandoutOptions{Layout: "reader"}, io.Discard)
			return res.Warnings, err
		},
		"glossary": func() ([]string, error) {
			return Glossary([]*topic.Entry{e}, GlossaryOptions{Format: glossary.CSV}, io.Discard)
		},
		"validate": func() ([]string, error) {
			ps, err := ReferenceProblems(e, nil)
			return problemWarnings(ps), err
		},
	}
	for name, export := range exports {
		t.Run(name, func(t *testing.T) {
			warns, err := export()
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range warns {
				for _, k := range want {
					if w == k {
						got = append(got, w)
					}
				}
			}
			if len(got) != len(want) {
				t.Errorf("warnings:\n%q\nwant each of:\n%q", warns, want)
			}
		})
	}
}
