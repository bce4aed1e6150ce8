package server

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/internal/phrases"
	"github.com/scholargate/topicdeck/topic"
)

const seedSlug = "neuroadaptation-and-tolerance"

// sampleFiles are the sample entries the tests serve, with their
// bibliographies; a fixed list, so a new sample does not change the counts.
var sampleFiles = []string{
	"neuroadaptation-and-tolerance.md",
	"neuroadaptation.bib",
	"cognitive-load-theory.yaml",
	"cognitive-load-theory.bib",
	"ekologisk-succession.md",
	"plate-tectonics.json",
	"plate-tectonics.bib",
}

// copySamples copies the sample entries into a fresh folder, so tests can
// change files freely.
func copySamples(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range sampleFiles {
		b, err := os.ReadFile(filepath.Join("../samples", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func newTestServer(t testing.TB, cfg Config) *Server {
	t.Helper()
	if cfg.Dir == "" {
		cfg.Dir = copySamples(t)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// do sends one request straight to the handler; target is parsed as a
// server parses a request line, so escapes reach the router as sent.
func do(s http.Handler, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

func saveBody(t *testing.T, w *httptest.ResponseRecorder, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, w.Body.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readSeed(t *testing.T, dir string) *topic.Entry {
	t.Helper()
	e, err := topic.ReadFile(filepath.Join(dir, seedSlug+".md"), topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestArtifacts downloads every artifact of the seed topic and checks its
// headers and content as a reader would.
func TestArtifacts(t *testing.T) {
	s := newTestServer(t, Config{})
	seed := readSeed(t, s.cfg.Dir)
	tests := []struct {
		target, ctype, file string
		check               func(t *testing.T, path string)
	}{
		{"/topics/" + seedSlug + "/slides.pdf", "application/pdf", seedSlug + "-slides.pdf", func(t *testing.T, p string) {
			checktool.PDF(t, p, phrases.Printed(seed), 12)
		}},
		{"/topics/" + seedSlug + "/slides.pdf?layout=contrast&aspect=4:3&lang=sv", "application/pdf", seedSlug + "-slides.pdf", func(t *testing.T, p string) {
			checktool.PDF(t, p, append(phrases.Printed(seed), "Kärnfrågor"), 12)
		}},
		{"/topics/" + seedSlug + "/handout.pdf", "application/pdf", seedSlug + "-handout-slides-3.pdf", func(t *testing.T, p string) {
			checktool.PDF(t, p, nil, 0)
		}},
		{"/topics/" + seedSlug + "/handout.pdf?layout=reader&paper=letter", "application/pdf", seedSlug + "-handout-reader.pdf", func(t *testing.T, p string) {
			checktool.PDF(t, p, []string{seed.Title, "What cellular and synaptic changes follow repeated drug exposure?"}, 0)
		}},
		{"/topics/" + seedSlug + "/glossary.xlsx", contentTypes[glossaryXLSX], seedSlug + "-glossary.xlsx", func(t *testing.T, p string) {
			checktool.XLSX(t, p, []string{"Tolerance", "Behavioral sensitization"})
		}},
		{"/glossary.xlsx", contentTypes[glossaryXLSX], "glossary.xlsx", func(t *testing.T, p string) {
			checktool.XLSX(t, p, []string{"Tolerance", "Cognitive load"})
		}},
		{"/topics/" + seedSlug + "/entry.json", "application/json", seedSlug + ".json", func(t *testing.T, p string) {
			e, err := topic.ReadFile(p, topic.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if e.Title != seed.Title || len(e.KeyConcepts) != len(seed.KeyConcepts) || e.Definition.Plain() != seed.Definition.Plain() {
				t.Errorf("entry.json does not read back as the seed: %q, %d concepts", e.Title, len(e.KeyConcepts))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			w := download(t, s, tt.target, tt.ctype, tt.file)
			tt.check(t, saveBody(t, w, tt.file))
		})
	}
}

// download fetches target and checks that it is a download: status 200,
// the media type ctype (not to be sniffed), an attachment named file, and
// an ETag to revalidate it with.
func download(t *testing.T, s http.Handler, target, ctype, file string) *httptest.ResponseRecorder {
	t.Helper()
	w := do(s, "GET", target, nil)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	h := w.Header()
	if got := h.Get("Content-Type"); got != ctype || h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("Content-Type %q, want %q; X-Content-Type-Options %q", got, ctype, h.Get("X-Content-Type-Options"))
	}
	if got, want := h.Get("Content-Disposition"), `attachment; filename="`+file+`"`; got != want {
		t.Errorf("Content-Disposition %q, want %q", got, want)
	}
	if h.Get("ETag") == "" || h.Get("Cache-Control") != "no-cache" {
		t.Errorf("ETag %q, Cache-Control %q", h.Get("ETag"), h.Get("Cache-Control"))
	}
	return w
}

// TestConditional checks that a repeated download comes from the cache
// with the same ETag, and that If-None-Match gets 304 without a body.
func TestConditional(t *testing.T) {
	s := newTestServer(t, Config{})
	target := "/topics/" + seedSlug + "/slides.pdf?layout=minimal"
	first := do(s, "GET", target, nil)
	if first.Code != http.StatusOK {
		t.Fatalf("status %d", first.Code)
	}
	etag := first.Header().Get("ETag")
	var renders int
	s.beforeRender = func() { renders++ }
	second := do(s, "GET", target, nil)
	if second.Code != http.StatusOK || second.Header().Get("ETag") != etag || !bytes.Equal(first.Body.Bytes(), second.Body.Bytes()) {
		t.Errorf("second download: status %d, ETag %q (want %q)", second.Code, second.Header().Get("ETag"), etag)
	}
	for _, inm := range []string{etag, `"other", ` + etag, "*"} {
		w := do(s, "GET", target, nil, "If-None-Match", inm)
		if w.Code != http.StatusNotModified || w.Body.Len() != 0 || w.Header().Get("ETag") != etag {
			t.Errorf("If-None-Match %s: status %d, %d bytes, ETag %q", inm, w.Code, w.Body.Len(), w.Header().Get("ETag"))
		}
	}
	if w := do(s, "GET", target, nil, "If-None-Match", `"stale"`); w.Code != http.StatusOK {
		t.Errorf("stale If-None-Match: status %d", w.Code)
	}
	if renders != 0 {
		t.Errorf("%d renders for a cached artifact", renders)
	}
	// Options are part of the key: another aspect is another artifact.
	other := do(s, "GET", target+"&aspect=4:3", nil)
	if other.Code != http.StatusOK || other.Header().Get("ETag") == etag || renders != 1 {
		t.Errorf("4:3: status %d, ETag %q, %d renders", other.Code, other.Header().Get("ETag"), renders)
	}
	if w := do(s, "HEAD", target, nil); w.Code != http.StatusOK || w.Header().Get("Content-Length") != first.Header().Get("Content-Length") {
		t.Errorf("HEAD: status %d, length %q", w.Code, w.Header().Get("Content-Length"))
	}
}

// TestBadOptions checks that every option is taken from a closed list.
func TestBadOptions(t *testing.T) {
	s := newTestServer(t, Config{})
	for _, target := range []string{
		"/topics/" + seedSlug + "/slides.pdf?layout=cornell",
		"/topics/" + seedSlug + "/slides.pdf?layout=../../etc/passwd",
		"/topics/" + seedSlug + "/slides.pdf?aspect=3:2",
		"/topics/" + seedSlug + "/slides.pdf?lang=xx",
		"/topics/" + seedSlug + "/handout.pdf?layout=lecture",
		"/topics/" + seedSlug + "/handout.pdf?paper=a5",
	} {
		w := do(s, "GET", target, nil)
		var body errorBody
		if w.Code != http.StatusBadRequest || json.Unmarshal(w.Body.Bytes(), &body) != nil || !strings.HasPrefix(body.Error, "unknown ") {
			t.Errorf("%s: status %d, body %s", target, w.Code, w.Body)
		}
	}
	w := do(s, "POST", "/render/slides.pdf?aspect=square", strings.NewReader("# Title\n\nText.\n"))
	if w.Code != http.StatusBadRequest {
		t.Errorf("upload with a bad aspect: status %d", w.Code)
	}
	// Case-blind paper and a regional language tag are accepted.
	if w := do(s, "GET", "/topics/"+seedSlug+"/handout.pdf?paper=Letter&layout=cornell", nil); w.Code != http.StatusOK {
		t.Errorf("paper=Letter: status %d", w.Code)
	}
	if w := do(s, "GET", "/topics/"+seedSlug+"/slides.pdf?lang=sv-SE", nil); w.Code != http.StatusOK {
		t.Errorf("lang=sv-SE: status %d", w.Code)
	}
}

// TestNotFoundAndTraversal sends paths that try to leave the folder or
// name files directly. None may succeed: a slug only selects an entry
// that was loaded, so the secret next to the folder is never read.
func TestNotFoundAndTraversal(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "entries")
	os.Mkdir(dir, 0o755)
	seed, _ := os.ReadFile("../samples/" + seedSlug + ".md")
	os.WriteFile(filepath.Join(dir, seedSlug+".md"), seed, 0o644)
	secret := "title: Secret\nslug: secret\nsummary: TOP-SECRET-CONTENT\n"
	os.WriteFile(filepath.Join(parent, "secret.yaml"), []byte(secret), 0o644)
	s := newTestServer(t, Config{Dir: dir})

	for _, target := range []string{
		"/topics/nope/slides.pdf",
		"/topics/secret/entry.json",
		"/topics/" + seedSlug + "/nope.pdf",
		"/topics/" + seedSlug + ".md/entry.json",
		"/topics/../secret.yaml",
		"/topics/../../secret/entry.json",
		"/topics/%2e%2e/entry.json",
		"/topics/%2e%2e%2fsecret/entry.json",
		"/topics/..%2Fsecret/entry.json",
		"/topics/..%2F..%2Fsecret.yaml/entry.json",
		"/topics/%2Fetc%2Fpasswd/entry.json",
		"/topics//etc/passwd/entry.json",
		"/topics/%2F" + strings.ReplaceAll(parent, "/", "%2F") + "%2Fsecret/entry.json",
		parent + "/secret.yaml",
		"/topics/C:%5Csecret/entry.json",
		"/topics/%252e%252e%252fsecret/entry.json",
		"/etc/passwd",
		"/..%2fsecret.yaml",
	} {
		w := do(s, "GET", target, nil)
		// The router answers a path with dot segments or doubled
		// slashes by redirecting to its clean form; follow it once.
		if w.Code == http.StatusMovedPermanently || w.Code == http.StatusTemporaryRedirect {
			w = do(s, "GET", w.Header().Get("Location"), nil)
		}
		if w.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", target, w.Code)
		}
		if strings.Contains(w.Body.String(), "TOP-SECRET") {
			t.Errorf("%s: the secret leaked", target)
		}
	}
	if s.Topics() != 1 {
		t.Errorf("%d topics, want 1", s.Topics())
	}
}

// TestMethodNotAllowed checks 405 with an Allow header.
func TestMethodNotAllowed(t *testing.T) {
	s := newTestServer(t, Config{})
	for _, tt := range []struct{ method, target, allow string }{
		{"POST", "/topics/" + seedSlug + "/slides.pdf", "GET, HEAD"},
		{"DELETE", "/topics/" + seedSlug + "/entry.json", "GET, HEAD"},
		{"GET", "/render/slides.pdf", "POST"},
		{"PUT", "/render/entry.json", "POST"},
		{"POST", "/", "GET, HEAD"},
	} {
		w := do(s, tt.method, tt.target, strings.NewReader("x"))
		if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != tt.allow {
			t.Errorf("%s %s: status %d, Allow %q", tt.method, tt.target, w.Code, w.Header().Get("Allow"))
		}
	}
}

// multipartBody builds a form upload of one file and some fields.
func multipartBody(t *testing.T, filename, content string, fields ...string) (io.Reader, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for i := 0; i+1 < len(fields); i += 2 {
		mw.WriteField(fields[i], fields[i+1])
	}
	fw, err := mw.CreateFormFile("entry", filename)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(fw, content)
	mw.Close()
	return &b, mw.FormDataContentType()
}

// TestUpload renders uploaded entries in each form the body can take.
func TestUpload(t *testing.T) {
	s := newTestServer(t, Config{})
	md, _ := os.ReadFile(filepath.Join(s.cfg.Dir, seedSlug+".md"))
	js, _ := os.ReadFile(filepath.Join(s.cfg.Dir, "plate-tectonics.json"))
	yml, _ := os.ReadFile(filepath.Join(s.cfg.Dir, "cognitive-load-theory.yaml"))
	page, _ := os.ReadFile("../topic/testdata/seed-page.txt")
	seed := readSeed(t, s.cfg.Dir)

	w := do(s, "POST", "/render/slides.pdf?name=seed.md", bytes.NewReader(md))
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/pdf" || w.Header().Get("Cache-Control") != "no-store" {
		t.Fatalf("markdown upload: status %d, headers %v: %s", w.Code, w.Header(), w.Body)
	}
	if got := w.Header().Get("Content-Disposition"); got != `attachment; filename="`+seedSlug+`-slides.pdf"` {
		t.Errorf("Content-Disposition %q", got)
	}
	// Uploads are rendered without their bibliography (no path from a
	// request touches the file system), so keys print in fallback form.
	upload := *seed
	upload.Bibliography = ""
	checktool.PDF(t, saveBody(t, w, "up.pdf"), phrases.Printed(&upload), 12)

	w = do(s, "POST", "/render/entry.json", bytes.NewReader(js), "Content-Type", "application/json")
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"title": "Plate Tectonics"`) {
		t.Errorf("JSON upload by Content-Type: status %d: %.200s", w.Code, w.Body)
	}
	w = do(s, "POST", "/render/glossary.xlsx", bytes.NewReader(yml), "Content-Type", "application/yaml")
	if w.Code != http.StatusOK {
		t.Fatalf("YAML upload: status %d: %s", w.Code, w.Body)
	}
	checktool.XLSX(t, saveBody(t, w, "up.xlsx"), []string{"Cognitive load"})

	// Page text with no hint at all is sniffed.
	w = do(s, "POST", "/render/handout.pdf?layout=notes", bytes.NewReader(page))
	if w.Code != http.StatusOK {
		t.Fatalf("page-text upload: status %d: %s", w.Code, w.Body)
	}
	checktool.PDF(t, saveBody(t, w, "notes.pdf"), nil, 0)

	// A form upload, as the page sends it, with options as fields.
	body, ctype := multipartBody(t, `C:\Users\me\seed.md`, string(md), "aspect", "4:3")
	w = do(s, "POST", "/render/slides.pdf", body, "Content-Type", ctype)
	if w.Code != http.StatusOK {
		t.Fatalf("multipart upload: status %d: %s", w.Code, w.Body)
	}
	checktool.PDF(t, saveBody(t, w, "form.pdf"), []string{seed.Title}, 0)
}

// TestUploadBibliographyIgnored checks that an uploaded entry's
// bibliography path is never opened: it names no file of the server's.
func TestUploadBibliographyIgnored(t *testing.T) {
	s := newTestServer(t, Config{})
	entry := "---\ntitle: Probe\nbibliography: /etc/passwd\n---\n\n# Probe\n\nText.\n\n## Seminal works\n\n- [@root]\n"
	w := do(s, "POST", "/render/glossary.xlsx?name=probe.md", strings.NewReader(entry))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if bytes.Contains(w.Body.Bytes(), []byte("root:x:")) {
		t.Error("the upload's bibliography was read from disk")
	}
}

// TestUploadTooLarge checks 413 with and without a Content-Length, for a
// raw body and a form.
func TestUploadTooLarge(t *testing.T) {
	s := newTestServer(t, Config{MaxUpload: 4 << 10})
	big := "# Big\n\n" + strings.Repeat("A sentence of filler text. ", 400) + "\n"
	w := do(s, "POST", "/render/slides.pdf?name=big.md", strings.NewReader(big))
	if w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("with Content-Length: status %d", w.Code)
	}
	r := httptest.NewRequest("POST", "/render/slides.pdf?name=big.md", io.MultiReader(strings.NewReader(big)))
	r.ContentLength = -1 // chunked: the limit must hold while reading
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, r)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked: status %d", rec.Code)
	}
	body, ctype := multipartBody(t, "big.md", big)
	r = httptest.NewRequest("POST", "/render/slides.pdf", body)
	r.Header.Set("Content-Type", ctype)
	r.ContentLength = -1
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, r)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("multipart: status %d", rec.Code)
	}
	var eb errorBody
	if json.Unmarshal(rec.Body.Bytes(), &eb) != nil || !strings.Contains(eb.Error, "4096-byte upload limit") {
		t.Errorf("body %s", rec.Body)
	}
	// Just under the limit is fine.
	if w := do(s, "POST", "/render/entry.json?name=small.md", strings.NewReader(big[:3000])); w.Code != http.StatusOK {
		t.Errorf("under the limit: status %d: %s", w.Code, w.Body)
	}
}

// TestUploadMalformed checks that a bad entry gets 422 with the CLI's
// message and its position, and a broken request gets 400.
func TestUploadMalformed(t *testing.T) {
	s := newTestServer(t, Config{})
	for _, tt := range []struct {
		name, target, body, ctype string
		readAs                    string // the name the CLI would report
	}{
		{"JSON syntax", "/render/slides.pdf", "{\n  \"title\": \"X\"\n  \"slug\": 1\n}\n", "application/json", "upload.json"},
		{"YAML syntax", "/render/handout.pdf?name=bad.yaml", "title: [unclosed\n", "", "bad.yaml"},
		{"no title", "/render/entry.json?name=untitled.md", "Just a paragraph.\n", "", "untitled.md"},
		{"unknown field", "/render/glossary.xlsx?name=x.json", "{\"title\": \"X\", \"sumary\": \"typo\"}", "", "x.json"},
		{"binary", "/render/slides.pdf?name=dir/x.md", "# T\x00itle\n", "", "x.md"},
		{"empty", "/render/slides.pdf?name=x.md", "", "", "x.md"},
		{"form mismatch", "/render/slides.pdf?name=x.md", "{\"title\": \"X\"}", "", "x.md"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, want := topic.Read(tt.readAs, []byte(tt.body), topic.Options{})
			var te *diag.Error
			if want == nil || !asTopicError(want, &te) {
				t.Fatalf("the reader accepts %q (%v)", tt.body, want)
			}
			w := do(s, "POST", tt.target, strings.NewReader(tt.body), "Content-Type", tt.ctype)
			var got errorBody
			if w.Code != http.StatusUnprocessableEntity || json.Unmarshal(w.Body.Bytes(), &got) != nil {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			if got.Error != te.Error() || got.Line != te.Pos.Line || got.Col != te.Pos.Col {
				t.Errorf("got %+v, want %q at %d:%d", got, te.Error(), te.Pos.Line, te.Pos.Col)
			}
		})
	}
	// A form without a file, or with a broken envelope, is a bad request.
	w := do(s, "POST", "/render/slides.pdf", strings.NewReader("--b\r\nContent-Disposition: form-data; name=\"aspect\"\r\n\r\n4:3\r\n--b--\r\n"), "Content-Type", "multipart/form-data; boundary=b")
	if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "no file") {
		t.Errorf("form without a file: status %d: %s", w.Code, w.Body)
	}
	w = do(s, "POST", "/render/slides.pdf", strings.NewReader("--b\r\nContent-Disp"), "Content-Type", "multipart/form-data; boundary=b")
	if w.Code != http.StatusBadRequest {
		t.Errorf("truncated form: status %d: %s", w.Code, w.Body)
	}
	w = do(s, "POST", "/render/slides.pdf", strings.NewReader("x"), "Content-Type", "multipart/form-data")
	if w.Code != http.StatusBadRequest {
		t.Errorf("form without a boundary: status %d: %s", w.Code, w.Body)
	}
}

func asTopicError(err error, te **diag.Error) bool {
	e, ok := err.(*diag.Error)
	if ok {
		*te = e
	}
	return ok
}

// TestBusy holds one render in flight with a single slot: a second
// render gets 503 with Retry-After, while cached artifacts and a request
// for the render already running still succeed.
func TestBusy(t *testing.T) {
	s := newTestServer(t, Config{MaxInflight: 1})
	cached := "/topics/" + seedSlug + "/entry.json"
	if w := do(s, "GET", cached, nil); w.Code != http.StatusOK {
		t.Fatal(w.Code)
	}
	started, release := make(chan struct{}), make(chan struct{})
	s.beforeRender = func() {
		started <- struct{}{}
		<-release
	}
	target := "/topics/" + seedSlug + "/slides.pdf"
	results := make(chan int, 2)
	go func() { results <- do(s, "GET", target, nil).Code }()
	<-started
	go func() { results <- do(s, "GET", target, nil).Code }() // joins the render running

	w := do(s, "GET", "/topics/"+seedSlug+"/handout.pdf", nil)
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Errorf("second render: status %d, Retry-After %q", w.Code, w.Header().Get("Retry-After"))
	}
	w = do(s, "POST", "/render/entry.json?name=x.md", strings.NewReader("# X\n\nText.\n"))
	if w.Code != http.StatusServiceUnavailable {
		t.Errorf("upload while busy: status %d", w.Code)
	}
	if w := do(s, "GET", cached, nil); w.Code != http.StatusOK {
		t.Errorf("cached artifact while busy: status %d", w.Code)
	}
	if w := do(s, "GET", "/healthz", nil); !strings.Contains(w.Body.String(), `"rendering":1`) {
		t.Errorf("healthz while busy: %s", w.Body)
	}
	close(release)
	for range 2 {
		if code := <-results; code != http.StatusOK {
			t.Errorf("held render: status %d", code)
		}
	}
	s.beforeRender = nil
	if w := do(s, "GET", "/topics/"+seedSlug+"/handout.pdf", nil); w.Code != http.StatusOK {
		t.Errorf("after the slot is free: status %d", w.Code)
	}
}

// touch rewrites a file and moves its modification time forward, so the
// change is seen even on a file system with coarse timestamps.
func touch(t *testing.T, path, content string, step int) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	when := time.Now().Add(time.Duration(step) * time.Minute)
	if err := os.Chtimes(path, when, when); err != nil {
		t.Fatal(err)
	}
}

// TestReload changes, adds and removes entry files under a running
// server and checks that each change is served.
func TestReload(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "alpha.md")
	touch(t, path, "---\nslug: alpha\n---\n# Alpha one\n\nFirst text.\n", 1)
	s := newTestServer(t, Config{Dir: dir, Rescan: time.Nanosecond})

	get := func(target string) *httptest.ResponseRecorder { return do(s, "GET", target, nil) }
	w := get("/topics/alpha/entry.json")
	etag := w.Header().Get("ETag")
	if !strings.Contains(w.Body.String(), "Alpha one") {
		t.Fatalf("first read: %s", w.Body)
	}

	touch(t, path, "---\nslug: alpha\n---\n# Alpha two\n\nSecond text.\n", 2)
	w = get("/topics/alpha/entry.json")
	if !strings.Contains(w.Body.String(), "Alpha two") || w.Header().Get("ETag") == etag {
		t.Errorf("after a change: ETag %q (was %q): %s", w.Header().Get("ETag"), etag, w.Body)
	}
	if w := do(s, "GET", "/topics/alpha/entry.json", nil, "If-None-Match", etag); w.Code != http.StatusOK {
		t.Errorf("old ETag after a change: status %d", w.Code)
	}

	touch(t, filepath.Join(dir, "beta.yaml"), "title: Beta\nsubject: Second subject\nsummary: Beta lede.\n", 3)
	page := get("/").Body.String()
	if !strings.Contains(page, "Beta lede.") || !strings.Contains(page, "Second subject") {
		t.Errorf("new file not on the page")
	}
	if w := get("/topics/beta/slides.pdf"); w.Code != http.StatusOK {
		t.Errorf("new file: status %d", w.Code)
	}

	// A broken edit keeps nothing half-read: the entry is withdrawn and
	// the page names the problem, until the file is fixed.
	touch(t, path, "---\nslug: alpha\ntitle: [oops\n---\n", 4)
	if w := get("/topics/alpha/entry.json"); w.Code != http.StatusNotFound {
		t.Errorf("broken file: status %d", w.Code)
	}
	if page := get("/").Body.String(); !strings.Contains(page, "<code>alpha.md:") || strings.Contains(page, dir) {
		t.Errorf("page does not name the broken file within the folder:\n%s", page)
	}
	touch(t, path, "---\nslug: alpha\n---\n# Alpha three\n\nThird text.\n", 5)
	if w := get("/topics/alpha/entry.json"); !strings.Contains(w.Body.String(), "Alpha three") {
		t.Errorf("fixed file: %s", w.Body)
	}

	if err := os.Remove(filepath.Join(dir, "beta.yaml")); err != nil {
		t.Fatal(err)
	}
	if w := get("/topics/beta/slides.pdf"); w.Code != http.StatusNotFound {
		t.Errorf("removed file: status %d", w.Code)
	}
	if s.Topics() != 1 {
		t.Errorf("%d topics after removal", s.Topics())
	}
}

// TestReloadBibliography checks that a change to an entry's bibliography
// file changes its artifacts' cache key.
func TestReloadBibliography(t *testing.T) {
	s := newTestServer(t, Config{Rescan: time.Nanosecond})
	target := "/topics/" + seedSlug + "/glossary.xlsx"
	etag := do(s, "GET", target, nil).Header().Get("ETag")
	bibPath := filepath.Join(s.cfg.Dir, "neuroadaptation.bib")
	b, _ := os.ReadFile(bibPath)
	touch(t, bibPath, strings.Replace(string(b), "}", "}\n", 1), 1)
	if w := do(s, "GET", target, nil, "If-None-Match", etag); w.Code != http.StatusOK && w.Code != http.StatusNotModified {
		t.Fatalf("status %d", w.Code)
	}
	if _, n := s.cache.stats(); n != 2 {
		t.Errorf("%d cached artifacts, want 2 (the key changed with the bibliography)", n)
	}
}

// TestRescanInterval checks that within the interval the folder is not
// looked at again.
func TestRescanInterval(t *testing.T) {
	dir := t.TempDir()
	touch(t, filepath.Join(dir, "a.md"), "# A\n\nText.\n", 1)
	s := newTestServer(t, Config{Dir: dir, Rescan: time.Hour})
	touch(t, filepath.Join(dir, "b.md"), "# B\n\nText.\n", 2)
	if s.Topics() != 1 {
		t.Errorf("%d topics: the folder was rescanned within the interval", s.Topics())
	}
}

// TestIndexPage checks the page: every topic with its buttons, forms that
// work without script, labels, language, and escaping.
func TestIndexPage(t *testing.T) {
	dir := copySamples(t)
	os.WriteFile(filepath.Join(dir, "xss.yaml"), []byte("title: \"<script>alert(1)</script>\"\nslug: xss\nsummary: \"Fish & <b>chips</b>\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.json"), []byte("{\"title\": \n"), 0o644)
	s := newTestServer(t, Config{Dir: dir})
	w := do(s, "GET", "/", nil)
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("status %d, type %q", w.Code, w.Header().Get("Content-Type"))
	}
	page := w.Body.String()
	seed := readSeed(t, dir)
	for _, want := range []string{
		`<html lang="en">`,
		`<h1>Topics</h1>`,
		`<h3 id="t-` + seedSlug + `" lang="en"><a href="/topics/` + seedSlug + `/">Neuroadaptation and Tolerance</a></h3>`,
		`<h2 id="subject-1" lang="en">Earth science</h2>`, `<h2 id="subject-4" lang="en">Neuroscience of addiction</h2>`, `<h2 id="subject-5" lang="en">Other topics</h2>`, `<h2 id="subject-3" lang="sv">Ekologi</h2>`,
		`Neuroscience of addiction`,
		shorten(lede(seed), 150),
		`<form method="get" action="/topics/` + seedSlug + `/slides.pdf">`,
		`<img class="thumb" src="/topics/` + seedSlug + `/slides/1.svg" alt="Title slide of Neuroadaptation and Tolerance" loading="lazy"`,
		`>Download slideshow</button>`,
		`<option value="16:9" selected>`,
		`<option value="letter">`,
		`action="/glossary.xlsx"`,
		`lang="sv"><a href="/topics/ekologisk-succession/">Ekologisk succession</a></h3>`,
		`enctype="multipart/form-data"`,
		`formaction="/render/handout.pdf"`,
		`:focus-visible`,
		`&lt;script&gt;alert(1)&lt;/script&gt;`,
		`Fish &amp; &lt;b&gt;chips&lt;/b&gt;`,
		`broken.json:`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "<script>") {
		t.Error("a title reached the page unescaped")
	}
	// Every select has a label that names it.
	if n, m := strings.Count(page, "<select id="), strings.Count(page, "<label for="); n == 0 || n > m {
		t.Errorf("%d selects, %d labels", n, m)
	}
}

// TestHealthzAndAccessLog checks /healthz and the access log's fields.
func TestHealthzAndAccessLog(t *testing.T) {
	var logBuf bytes.Buffer
	s := newTestServer(t, Config{Logger: slog.New(slog.NewTextHandler(&logBuf, nil))})
	w := do(s, "GET", "/healthz", nil)
	var h health
	if w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &h) != nil || h.Status != "ok" || h.Topics != 4 {
		t.Errorf("healthz: status %d: %s", w.Code, w.Body)
	}
	do(s, "GET", "/topics/"+seedSlug+"/entry.json", nil)
	do(s, "GET", "/topics/nope/entry.json", nil)
	log := logBuf.String()
	for _, want := range []string{
		"msg=request method=GET path=/healthz status=200 bytes=",
		"path=/topics/" + seedSlug + "/entry.json status=200 bytes=",
		"path=/topics/nope/entry.json status=404 bytes=",
		" duration=",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("access log lacks %q:\n%s", want, log)
		}
	}
	if strings.Count(log, "msg=request") != 3 {
		t.Errorf("want one line per request:\n%s", log)
	}
}

// TestNewErrors checks that a missing folder is an error at start.
func TestNewErrors(t *testing.T) {
	if _, err := New(Config{Dir: filepath.Join(t.TempDir(), "missing")}); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing folder: %v", err)
	}
	f := filepath.Join(t.TempDir(), "file.md")
	os.WriteFile(f, []byte("# A\n"), 0o644)
	if _, err := New(Config{Dir: f}); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("file as folder: %v", err)
	}
}

// TestAttachment checks the Content-Disposition of plain and non-ASCII
// file names.
func TestAttachment(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"a-slides.pdf", `attachment; filename="a-slides.pdf"`},
		{"ekologisk-övergång-slides.pdf", `attachment; filename="ekologisk-_verg_ng-slides.pdf"; filename*=UTF-8''ekologisk-%C3%B6verg%C3%A5ng-slides.pdf`},
	} {
		if got := attachment(tt.name); got != tt.want {
			t.Errorf("attachment(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestUploadLongTitleFileName checks that the Content-Disposition of an
// entry with a title of over 230 characters names a capped file.
func TestUploadLongTitleFileName(t *testing.T) {
	s := newTestServer(t, Config{})
	md, err := os.ReadFile("../topic/testdata/long/long-title.md")
	if err != nil {
		t.Fatal(err)
	}
	w := do(s, "POST", "/render/slides.pdf?name=long.md", bytes.NewReader(md))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	cd := w.Header().Get("Content-Disposition")
	if !strings.HasPrefix(cd, `attachment; filename="the-long-and-winding-history-`) || len(cd) > len(`attachment; filename=""`)+topic.MaxSlugBytes+len("-slides.pdf") {
		t.Errorf("Content-Disposition %q (%d bytes)", cd, len(cd))
	}
}
