package exporter

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/internal/zipparts"
	"github.com/scholargate/topicdeck/quiz"
	"github.com/scholargate/topicdeck/topic"
)

var updateQuiz = flag.Bool("update-quiz", false, "rewrite the quiz golden files in testdata/quiz")

// TestQuizGolden pins the three formats for the seed entry (read with its
// bibliography, with its extracted definitions so it has concept
// questions) and for the Swedish sample. A QTI package is compared by
// its members' text, as compressed bytes may differ between Go releases;
// that it is byte-identical run to run is checked here too.
func TestQuizGolden(t *testing.T) {
	tests := []struct {
		name  string
		entry string
		opt   QuizOptions
	}{
		{"seed", "../samples/neuroadaptation-and-tolerance.md", QuizOptions{Seed: 1, IncludeExtracted: true}},
		{"ekologisk-succession", "../samples/ekologisk-succession.md", QuizOptions{Seed: 1}},
	}
	for _, tt := range tests {
		entries, _, err := LoadEntries([]string{tt.entry}, topic.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if tt.name == "seed" && entries[0].Bibliography == "" {
			t.Fatal("the seed entry names no bibliography")
		}
		for _, f := range quiz.Formats() {
			opt := tt.opt
			opt.Format = f
			var buf, again bytes.Buffer
			if _, err := Quiz(entries, opt, &buf); err != nil {
				t.Fatal(err)
			}
			if _, err := Quiz(entries, opt, &again); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Errorf("%s %s: two runs differ", tt.name, f)
			}
			got := buf.Bytes()
			if f == quiz.QTI {
				got = zipText(t, got)
			}
			golden := filepath.Join("testdata", "quiz", tt.name+"."+string(f)+".golden")
			if *updateQuiz {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./exporter -run TestQuizGolden -update-quiz)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s %s differs from %s (go test ./exporter -run TestQuizGolden -update-quiz rewrites it)", tt.name, f, golden)
			}
		}
	}
}

// zipText lists a package's members in order, each with its text, and
// checks that each is stamped with the document time, not the clock.
func zipText(t *testing.T, data []byte) []byte {
	t.Helper()
	var b strings.Builder
	for _, f := range zipparts.All(t, data) {
		if !f.Modified.Equal(DocumentTime()) {
			t.Errorf("%s stamped %v, want the document time %v", f.Name, f.Modified, DocumentTime())
		}
		b.WriteString("== " + f.Name + " ==\n")
		b.Write(f.Data)
	}
	return []byte(b.String())
}

func TestQuizErrors(t *testing.T) {
	if _, err := Quiz(nil, QuizOptions{}, io.Discard); err == nil {
		t.Error("no entries: no error")
	}
	e := &topic.Entry{Title: "Empty"}
	if _, err := Quiz([]*topic.Entry{e}, QuizOptions{Format: "docx"}, io.Discard); err == nil || !strings.Contains(err.Error(), "docx") {
		t.Errorf("format docx: %v", err)
	}
	if _, err := Quiz([]*topic.Entry{e}, QuizOptions{}, io.Discard); err != quiz.ErrEmpty {
		t.Errorf("empty entry: %v", err)
	}
}
