package server

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"net/http"
	"strings"
	"testing"
)

// TestQuizDownloads fetches each quiz format of one topic, of every topic
// and of an uploaded entry, and checks headers and content.
func TestQuizDownloads(t *testing.T) {
	s := newTestServer(t, Config{})
	tests := []struct {
		target, ctype, file string
		check               func(t *testing.T, body []byte)
	}{
		{"/topics/ekologisk-succession/quiz.xml", "application/xml", "ekologisk-succession-quiz.xml", func(t *testing.T, b []byte) {
			if err := xml.Unmarshal(b, new(struct{})); err != nil {
				t.Error(err)
			}
			for _, want := range []string{"$course$/top/Ekologi/Ekologisk succession", "Para ihop varje term med dess definition.", `<question type="essay">`} {
				if !bytes.Contains(b, []byte(want)) {
					t.Errorf("lacks %q", want)
				}
			}
		}},
		{"/topics/" + seedSlug + "/quiz.gift.txt", "text/plain; charset=utf-8", seedSlug + "-quiz.gift.txt", func(t *testing.T, b []byte) {
			if !bytes.Contains(b, []byte("$CATEGORY: $course$/top/Neuroscience of addiction/Neuroadaptation and Tolerance\n")) ||
				!bytes.Contains(b, []byte("::[html]<p>Is sensitization the opposite of tolerance?</p> {")) {
				t.Errorf("GIFT:\n%s", b)
			}
		}},
		{"/quiz.qti.zip", "application/zip", "quiz.qti.zip", func(t *testing.T, b []byte) {
			zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatal(err)
			}
			// The manifest and one assessment per topic.
			if len(zr.File) != 5 || zr.File[0].Name != "imsmanifest.xml" {
				t.Errorf("%d members, first %s", len(zr.File), zr.File[0].Name)
			}
		}},
		{"/quiz.xml", "application/xml", "quiz.xml", func(t *testing.T, b []byte) {
			if n := bytes.Count(b, []byte(`<question type="category">`)); n != 4 {
				t.Errorf("%d categories, want one per topic", n)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			w := download(t, s, tt.target, tt.ctype, tt.file)
			tt.check(t, w.Body.Bytes())
			again := do(s, "GET", tt.target, nil, "If-None-Match", w.Header().Get("ETag"))
			if again.Code != http.StatusNotModified {
				t.Errorf("revalidation: status %d", again.Code)
			}
		})
	}

	// An uploaded entry: markup in a term reaches the file as text.
	entry := "---\ntitle: Upload\n---\n\n# Upload\n\n## Key concepts\n\n- `<script>`: a tag\n- Alpha: the first\n- Beta: the second\n"
	w := do(s, "POST", "/render/quiz.xml?name=u.md", strings.NewReader(entry))
	if w.Code != http.StatusOK {
		t.Fatalf("upload: status %d: %s", w.Code, w.Body)
	}
	if body := w.Body.String(); strings.Contains(body, "<script>") || !strings.Contains(body, "&lt;script&gt;") {
		t.Errorf("upload quiz:\n%s", body)
	}
	// An entry with nothing to ask is no server failure.
	w = do(s, "POST", "/render/quiz.gift.txt?name=e.md", strings.NewReader("---\ntitle: Empty\n---\n\nNothing.\n"))
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "no questions") {
		t.Errorf("empty upload: status %d: %s", w.Code, w.Body)
	}
	if w := do(s, "GET", "/topics/nope/quiz.xml", nil); w.Code != http.StatusNotFound {
		t.Errorf("unknown topic: status %d", w.Code)
	}

	page := do(s, "GET", "/", nil).Body.String() + do(s, "GET", "/topics/"+seedSlug+"/", nil).Body.String()
	for _, want := range []string{
		`formaction="/topics/` + seedSlug + `/quiz.xml"`,
		`formaction="/topics/` + seedSlug + `/quiz.qti.zip"`,
		`formaction="/quiz.xml"`, `formaction="/quiz.gift.txt"`, `formaction="/render/quiz.xml"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}
