package bib

import (
	"os"
	"testing"

	"github.com/scholargate/topicdeck/topic"
)

// TestSeedPageResolves reads the real ScholarGate seed page and checks that
// every seminal work it lists resolves against the sample bibliography.
func TestSeedPageResolves(t *testing.T) {
	data, err := os.ReadFile("../topic/testdata/seed-page.txt")
	if err != nil {
		t.Fatal(err)
	}
	e, err := topic.ReadPageText("seed-page.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := LoadFile("../samples/neuroadaptation.bib")
	if err != nil {
		t.Fatal(err)
	}
	refs, problems := Resolve(e, lib)
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	if len(refs) != len(seedReferences) {
		t.Fatalf("%d references, want %d", len(refs), len(seedReferences))
	}
	for _, r := range refs {
		if !r.Found || markup(r.Text) != seedReferences[r.Key] {
			t.Errorf("%s: found=%v %s", r.Key, r.Found, markup(r.Text))
		}
	}
}
