package server

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/internal/checktool"
)

// logBuffer is a slog handler's output that tests count lines in while
// the server writes to it.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) count(sub string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Count(l.b.String(), sub)
}

// xlsxText returns the XML of every member of a workbook, for checking
// what it holds and what it must not.
func xlsxText(t *testing.T, body []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("not a workbook: %v", err)
	}
	var s strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		s.Write(b)
	}
	return s.String()
}

// newServerWithin starts New in a goroutine and fails the test if it has
// not returned after a minute: a named pipe used to hang it for good.
func newServerWithin(t *testing.T, cfg Config) *Server {
	t.Helper()
	type result struct {
		s   *Server
		err error
	}
	done := make(chan result, 1)
	go func() {
		s, err := New(cfg)
		done <- result{s, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.s
	case <-time.After(time.Minute):
		t.Fatal("New blocked on a file in the folder")
	}
	return nil
}

// TestServedFolderSpecialFiles puts a named pipe, a link to /dev/zero and
// a sparse gigabyte .md beside a real entry: the server starts, serves the
// real entry, names each of the others once as a problem, and rescans
// without blocking.
func TestServedFolderSpecialFiles(t *testing.T) {
	dir := copySamples(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.md")); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "sparse.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var log logBuffer
	s := newServerWithin(t, Config{Dir: dir, Rescan: time.Nanosecond, Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if s.Topics() != 4 {
		t.Errorf("%d topics, want the 4 samples", s.Topics())
	}
	// A new file makes the next rescan build a new snapshot.
	touch(t, filepath.Join(dir, "extra.md"), "# Extra\n\nText.\n", 1)
	for range 3 {
		done := make(chan *http.Response, 1)
		go func() {
			w := do(s, "GET", "/", nil)
			done <- w.Result()
		}()
		select {
		case <-done:
		case <-time.After(time.Minute):
			t.Fatal("a rescan blocked on a file in the folder")
		}
	}
	page := do(s, "GET", "/", nil).Body.String()
	for _, tt := range []struct{ file, why string }{
		{"pipe.md", "not a regular file (a named pipe)"},
		{"zero.md", "escapes"}, // the link leads out of the folder
		{"sparse.md", "larger than the 8388608-byte limit"},
	} {
		if !strings.Contains(page, tt.file) || !strings.Contains(page, tt.why) {
			t.Errorf("the page does not say %s is %s", tt.file, tt.why)
		}
		if n := log.count("problem=\"" + filepath.Join(dir, tt.file)); n != 1 {
			t.Errorf("%s: logged %d times, want once:\n%s", tt.file, n, log.b.String())
		}
	}
	if w := do(s, "GET", "/topics/"+seedSlug+"/entry.json", nil); w.Code != http.StatusOK {
		t.Errorf("the real entry: status %d", w.Code)
	}
	if s.Topics() != 5 {
		t.Errorf("%d topics after adding one, want 5", s.Topics())
	}
}

// TestServedBibliographyStaysInFolder names bibliographies outside the
// served folder, by path and by a link: neither is read, the entry is
// served with its key unresolved, and a warning says why.
func TestServedBibliographyStaysInFolder(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "entries")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	secret := "@article{secret-2020, author = {Spy, Sam}, title = {Xylophonic Secrets}, journal = {Hidden}, year = 2020}\n"
	if err := os.WriteFile(filepath.Join(parent, "secret.bib"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(parent, "secret.bib"), filepath.Join(dir, "link.bib")); err != nil {
		t.Fatal(err)
	}
	entry := func(slug, bibliography string) string {
		return "---\ntitle: " + slug + "\nslug: " + slug + "\nbibliography: " + bibliography +
			"\n---\n\n# " + slug + "\n\nA probe entry.\n\n## Key concepts\n\n- **Probe term**: a term.\n\n## Seminal works\n\n- secret-2020\n"
	}
	touch(t, filepath.Join(dir, "up.md"), entry("up", "../secret.bib"), 1)
	touch(t, filepath.Join(dir, "abs.md"), entry("abs", filepath.Join(parent, "secret.bib")), 1)
	touch(t, filepath.Join(dir, "link.md"), entry("link", "link.bib"), 1)
	for _, n := range []string{seedSlug + ".md", "neuroadaptation.bib"} {
		b, err := os.ReadFile(filepath.Join("../samples", n))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, n), b, 0o644)
	}
	var log logBuffer
	s := newTestServer(t, Config{Dir: dir, Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if s.Topics() != 4 {
		t.Fatalf("%d topics, want 4", s.Topics())
	}
	for _, slug := range []string{"up", "abs", "link"} {
		for _, art := range []string{"glossary.xlsx", "entry.json", "slides.pdf"} {
			w := do(s, "GET", "/topics/"+slug+"/"+art, nil)
			if w.Code != http.StatusOK {
				t.Fatalf("%s %s: status %d: %s", slug, art, w.Code, w.Body)
			}
			body := w.Body.String()
			if art == "glossary.xlsx" {
				body = xlsxText(t, w.Body.Bytes())
				if !strings.Contains(body, "Probe term") {
					t.Errorf("%s: the glossary lost the entry's term", slug)
				}
			}
			if art == "slides.pdf" {
				p := saveBody(t, w, slug+".pdf")
				body = checktool.Text(t, p)
				if !strings.Contains(body, "unresolved") {
					t.Errorf("%s: the key is not shown as unresolved:\n%s", slug, body)
				}
			}
			if strings.Contains(body, "Xylophonic") || strings.Contains(body, parent) {
				t.Errorf("%s %s: the secret bibliography or the server's path leaked: %s", slug, art, body)
			}
		}
	}
	if n := log.count("is outside the served folder"); n != 3 {
		t.Errorf("%d warnings about a bibliography outside the folder, want 3:\n%s", n, log.b.String())
	}
	// A bibliography inside the folder still resolves.
	w := do(s, "GET", "/topics/"+seedSlug+"/glossary.xlsx", nil)
	if !strings.Contains(xlsxText(t, w.Body.Bytes()), "Neurocircuitry of addiction") {
		t.Errorf("the seed's own bibliography no longer resolves")
	}
}

// TestGlossaryLeavesOutBadEntry serves a folder where one entry's
// bibliography is not a bibliography: the course glossary is served with
// the other entries, the bad one is listed on the page, and no answer
// shows where the server keeps its files.
func TestGlossaryLeavesOutBadEntry(t *testing.T) {
	dir := copySamples(t)
	touch(t, filepath.Join(dir, "broken.md"), "---\ntitle: Broken\nbibliography: broken.bib\n---\n\n# Broken\n\nText.\n\n## Seminal works\n\n- broken-2020\n", 1)
	touch(t, filepath.Join(dir, "broken.bib"), "These are my notes.\x00\x01\x02\n", 1)
	s := newTestServer(t, Config{Dir: dir})
	abs, _ := filepath.Abs(dir)
	w := do(s, "GET", "/glossary.xlsx", nil)
	if w.Code != http.StatusOK {
		t.Fatalf("/glossary.xlsx: status %d: %s", w.Code, w.Body)
	}
	text := xlsxText(t, w.Body.Bytes())
	for _, want := range []string{"Tolerance", "Cognitive load", "Neurocircuitry of addiction"} {
		if !strings.Contains(text, want) {
			t.Errorf("the course glossary lacks %q", want)
		}
	}
	page := do(s, "GET", "/", nil).Body.String()
	if !strings.Contains(page, "broken.bib") || !strings.Contains(page, "not a text file") {
		t.Errorf("the page does not list the bad bibliography:\n%s", page)
	}
	for _, target := range []string{"/", "/glossary.xlsx", "/topics/broken/slides.pdf", "/topics/broken/glossary.xlsx"} {
		w := do(s, "GET", target, nil)
		if w.Code == http.StatusInternalServerError {
			t.Errorf("%s: status 500: %s", target, w.Body)
		}
		if strings.Contains(w.Body.String(), abs) || strings.Contains(w.Body.String(), dir) {
			t.Errorf("%s: the answer shows the server's path %s", target, dir)
		}
	}
}

// TestServedFolderSlugRules checks that the served folder goes by the
// entry loader's rules as a build does: the later of two entries with one
// slug and an entry whose title gives no slug are problems, with the line
// that gave the slug, and the course file is no entry.
func TestServedFolderSlugRules(t *testing.T) {
	dir := copySamples(t)
	touch(t, filepath.Join(dir, "zz-dup.yaml"), "title: Another plate page\nslug: plate-tectonics\n", 1)
	touch(t, filepath.Join(dir, "nodigits.yaml"), "summary: S.\ntitle: \"!!!\"\n", 1)
	touch(t, filepath.Join(dir, "topicdeck.yaml"), "course: GEO1\n", 1)
	var log logBuffer
	s := newTestServer(t, Config{Dir: dir, Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if s.Topics() != 4 {
		t.Errorf("%d topics, want the 4 samples", s.Topics())
	}
	page := html.UnescapeString(do(s, "GET", "/", nil).Body.String())
	for _, want := range []string{
		`zz-dup.yaml:2:1: error: slug "plate-tectonics" is already the slug of plate-tectonics.json`,
		"nodigits.yaml:2:1: error: the title gives no slug (no letters or digits); set slug:",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not say %s", want)
		}
	}
	if strings.Contains(page, "topicdeck.yaml") {
		t.Error("the page names the course file as a problem")
	}
}
