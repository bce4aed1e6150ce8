package exporter

import (
	"sort"

	"github.com/scholargate/topicdeck/figure"
	"github.com/scholargate/topicdeck/topic"
)

// withFigures returns e with its figures' pictures loaded from its folder
// (package figure says what is refused), and the warnings of doing so
// with those for figures without alt text, in source order. An entry
// whose pictures were loaded already (a server's) is not read again.
func withFigures(e *topic.Entry) (*topic.Entry, []string) {
	e, probs := figure.Load(e)
	probs = append(topic.FigureProblems(e), probs...)
	sort.SliceStable(probs, func(i, j int) bool {
		a, b := probs[i].Pos, probs[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return e, problemWarnings(probs)
}
