package exporter

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/topic"
)

// TestBuildCourseQuiz: a build writes the course's question bank beside
// the glossary, the same bank the quiz command makes of the same entries
// (one category per topic under the course); an unchanged course leaves
// it alone, a removed bank is made again, and an edited entry changes it.
func TestBuildCourseQuiz(t *testing.T) {
	in := copySamples(t)
	out := filepath.Join(t.TempDir(), "out")
	opt := BuildOptions{Out: out, ArtifactOptions: ArtifactOptions{Course: "Demo / course"}, Handouts: []string{}}
	r := mustBuild(t, []string{in}, opt)
	path := filepath.Join(out, CourseQuizFile)
	if r.Quiz != path {
		t.Fatalf("report names quiz %q, want %q", r.Quiz, path)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	entries, _, err := LoadEntries([]string{in}, topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if _, err := Quiz(entries, QuizOptions{Course: "Demo / course"}, &want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Error("the build's course quiz differs from the quiz command's")
	}
	for _, title := range []string{"Cognitive Load Theory", "Ekologisk succession", "Neuroadaptation and Tolerance", "Plate Tectonics"} {
		cat := "<category><text>$course$/top/Demo // course/" + title + "</text></category>"
		if strings.Count(string(got), cat) != 1 {
			t.Errorf("no single category %s", cat)
		}
	}

	before, _ := os.Stat(path)
	if r := mustBuild(t, []string{in}, opt); r.Quiz != "" || r.Artifacts != 0 {
		t.Errorf("unchanged course: %+v", r)
	}
	if after, _ := os.Stat(path); !after.ModTime().Equal(before.ModTime()) {
		t.Error("unchanged course quiz was rewritten")
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if r := mustBuild(t, []string{in}, opt); r.Quiz != path {
		t.Errorf("removed quiz not made again: %+v", r)
	}
	entry := filepath.Join(in, "ekologisk-succession.md")
	data, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte("- Fröbank\n"), []byte("- Fröbank: de frön som ligger vilande i marken\n"), 1)
	if err := os.WriteFile(entry, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := mustBuild(t, []string{in}, opt); r.Quiz != path {
		t.Errorf("edited entry did not change the quiz: %+v", r)
	}
	if got, _ := os.ReadFile(path); !bytes.Contains(got, []byte("de frön som ligger vilande i marken")) {
		t.Error("the new definition is not in the course quiz")
	}
}
