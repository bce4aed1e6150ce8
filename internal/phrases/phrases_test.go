package phrases

import (
	"slices"
	"testing"

	"github.com/scholargate/topicdeck/topic"
)

// TestGroupsCoverOf checks that the groups, put together, are Of: the same
// phrases in the same order, none empty.
func TestGroupsCoverOf(t *testing.T) {
	for _, path := range []string{"../../topic/testdata/seed-page.txt", "../../samples/plate-tectonics.json", "../../samples/cognitive-load-theory.yaml"} {
		e, err := topic.ReadFile(path, topic.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, g := range Groups(e) {
			if len(g) == 0 {
				t.Errorf("%s: an empty group", path)
			}
			all = append(all, g...)
		}
		if !slices.Equal(all, Of(e)) {
			t.Errorf("%s: groups hold %d phrases, Of %d", path, len(all), len(Of(e)))
		}
		if n := len(Groups(e)); n < 10 {
			t.Errorf("%s: only %d groups", path, n)
		}
	}
}
