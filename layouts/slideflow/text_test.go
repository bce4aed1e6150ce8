package slideflow_test

import (
	"testing"

	"github.com/scholargate/topicdeck/layouts/slideflow"
	"github.com/scholargate/topicdeck/topic"
)

// Sentences must keep each run's link and style: a cut between sentences
// that lost them would drop a link from the slide.
func TestSentencesKeepRuns(t *testing.T) {
	in := topic.Text{{Text: "See "}, {Text: "the docs", URL: "https://x.org"}, {Text: ". Then "}, {Text: "bold", Style: topic.Bold}, {Text: " text. End."}}
	got := slideflow.Sentences(in)
	if len(got) != 3 {
		t.Fatalf("got %d sentences: %+v", len(got), got)
	}
	if got[0].Plain() != "See the docs." || got[0][1].URL != "https://x.org" {
		t.Errorf("first = %+v", got[0])
	}
	if got[1].Plain() != "Then bold text." || got[1][1].Style != topic.Bold {
		t.Errorf("second = %+v", got[1])
	}
	if got[2].Plain() != "End." {
		t.Errorf("third = %+v", got[2])
	}
}
