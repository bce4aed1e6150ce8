package server

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/internal/synth"
	"github.com/scholargate/topicdeck/layouts"
)

// TestPageTextComplete: every page string exists in every page language,
// and the Swedish differs from the English except where it is a name.
func TestPageTextComplete(t *testing.T) {
	names := map[string]bool{"kb": true, "mb": true, "powerpoint": true}
	for key, en := range pageText["en"] {
		for _, lang := range pageLangs {
			v, ok := pageText[lang][key]
			if !ok || v == "" {
				t.Errorf("%s: no %q", lang, key)
			}
			if lang != "en" && v == en && !names[key] {
				t.Errorf("%s: %q is the English %q", lang, key, en)
			}
		}
	}
	for key := range pageText["sv"] {
		if _, ok := pageText["en"][key]; !ok {
			t.Errorf("en: no %q", key)
		}
	}
	for _, in := range layouts.List() {
		if _, ok := layoutText["sv"][in.Name]; !ok {
			t.Errorf("sv: built-in layout %s has no Swedish description", in.Name)
		}
	}
}

// TestPageLang: the hl parameter, then Accept-Language, then English.
func TestPageLang(t *testing.T) {
	for _, c := range []struct{ target, accept, want string }{
		{"/", "", "en"},
		{"/", "sv-SE,sv;q=0.9,en;q=0.8", "sv"},
		{"/", "de, en;q=0.5, sv;q=0.7", "sv"},
		{"/", "de, fr", "en"},
		{"/", "sv;q=0", "en"},
		{"/?hl=en", "sv", "en"},
		{"/?hl=sv", "en", "sv"},
		{"/?hl=xx", "sv", "sv"},
	} {
		r, _ := http.NewRequest("GET", c.target, nil)
		r.Header.Set("Accept-Language", c.accept)
		if got := pageLang(r); got != c.want {
			t.Errorf("%s with %q: %s, want %s", c.target, c.accept, got, c.want)
		}
	}
}

// TestTopicPage checks the topic page: a preview of every slide with its
// text as alt text, every handout in plain words with its first page,
// page count and size, and a download button for each.
func TestTopicPage(t *testing.T) {
	s := newTestServer(t, Config{})
	w := do(s, "GET", "/topics/"+seedSlug+"/", nil)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	page := w.Body.String()
	dir := s.cfg.Dir
	doc, _, err := exporter.PlanSlides(readSeed(t, dir), exporter.SlideOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(page, `<img src="/topics/`+seedSlug+`/slides/`); n != len(doc.Pages) {
		t.Errorf("%d slide previews, deck has %d slides", n, len(doc.Pages))
	}
	for _, want := range []string{
		`<h1 lang="en">Neuroadaptation and Tolerance</h1>`,
		`src="/topics/` + seedSlug + `/slides/18.svg?aspect=16%3A9&amp;layout=lecture"`,
		`alt="Slide 3 of 18: Definition. Neuroadaptation is the set of compensatory`,
		`loading="lazy"`,
		`Download slideshow <span class="facts">(PDF, 18 slides, `,
		`<h3 id="handout-cornell">Cornell notes</h3>`,
		`<h3 id="handout-slides-3">3 slides a page, with lines for notes</h3>`,
		`<h3 id="handout-reader">Study guide</h3>`,
		`<h3 id="handout-guided">Fill-in notes with answer key</h3>`,
		`src="/topics/` + seedSlug + `/handout/1.svg?layout=cornell&amp;paper=a4"`,
		`alt="First page of Cornell notes: `,
		`<input type="hidden" name="layout" value="cornell">`,
		`>High-contrast slides — Light text on a dark ground`,
		`formaction="/topics/` + seedSlug + `/quiz.qti.zip"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("topic page lacks %q", want)
		}
	}
	if !regexp.MustCompile(`aria-describedby="handout-cornell">Download <span class="facts">\(PDF, \d+ pages, \d+ kB\)`).MatchString(page) {
		t.Error("the Cornell button does not say its page count and size")
	}
	// The layout and shape pickers change the previews.
	page = do(s, "GET", "/topics/"+seedSlug+"/?layout=contrast&aspect=4:3&paper=letter", nil).Body.String()
	for _, want := range []string{`slides/1.svg?aspect=4%3A3&amp;layout=contrast`, `<option value="contrast" selected>`, `paper=letter`, `<option value="letter" selected>`} {
		if !strings.Contains(page, want) {
			t.Errorf("picked page lacks %q", want)
		}
	}
	if w := do(s, "GET", "/topics/"+seedSlug+"/?layout=nope", nil); w.Code != http.StatusBadRequest {
		t.Errorf("unknown layout: status %d", w.Code)
	}
	if w := do(s, "GET", "/topics/nope/", nil); w.Code != http.StatusNotFound {
		t.Errorf("unknown topic: status %d", w.Code)
	}
}

// TestPreviewImages: the SVG routes serve each slide and a handout's first
// page, and nothing else.
func TestPreviewImages(t *testing.T) {
	s := newTestServer(t, Config{})
	w := do(s, "GET", "/topics/"+seedSlug+"/slides/3.svg", nil)
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "image/svg+xml" {
		t.Fatalf("status %d, type %q", w.Code, w.Header().Get("Content-Type"))
	}
	if body := w.Body.String(); !strings.HasPrefix(body, "<svg") || !strings.Contains(body, "Neuroadaptation is the set of") || !strings.Contains(body, `@font-face`) {
		t.Errorf("slide 3 SVG: %.300s", body)
	}
	etag := w.Header().Get("ETag")
	if w := do(s, "GET", "/topics/"+seedSlug+"/slides/3.svg", nil, "If-None-Match", etag); w.Code != http.StatusNotModified {
		t.Errorf("revalidation: status %d", w.Code)
	}
	if w := do(s, "GET", "/topics/"+seedSlug+"/handout/1.svg?layout=cornell", nil); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "<svg") {
		t.Errorf("handout preview: status %d", w.Code)
	}
	for target, status := range map[string]int{
		"/topics/" + seedSlug + "/slides/0.svg":                http.StatusNotFound,
		"/topics/" + seedSlug + "/slides/01.svg":               http.StatusNotFound,
		"/topics/" + seedSlug + "/slides/99.svg":               http.StatusNotFound,
		"/topics/" + seedSlug + "/slides/1.png":                http.StatusNotFound,
		"/topics/" + seedSlug + "/slides/..%2f1.svg":           http.StatusNotFound,
		"/topics/" + seedSlug + "/handout/2.svg":               http.StatusNotFound,
		"/topics/" + seedSlug + "/slides/1.svg?layout=nope":    http.StatusBadRequest,
		"/topics/" + seedSlug + "/handout/1.svg?paper=huge":    http.StatusBadRequest,
		"/topics/nope/slides/1.svg":                            http.StatusNotFound,
		"/topics/" + seedSlug + "/slides/1.svg?layout=cornell": http.StatusBadRequest,
	} {
		if w := do(s, "GET", target, nil); w.Code != status {
			t.Errorf("%s: status %d, want %d", target, w.Code, status)
		}
	}
}

// downloads returns every form action, formaction and hidden input of a
// page: what its buttons download.
func downloads(page string) []string {
	re := regexp.MustCompile(`(?:action|formaction)="([^"]*)"|<input type="hidden" name="([^"]*)" value="([^"]*)"`)
	var out []string
	for _, m := range re.FindAllStringSubmatch(page, -1) {
		if m[2] == "hl" {
			continue
		}
		out = append(out, m[1]+m[2]+"="+m[3])
	}
	return out
}

// TestSwedishPage: with Accept-Language: sv the pages read in Swedish,
// with none of the English page strings left, and their buttons download
// the same files as the English pages'.
func TestSwedishPage(t *testing.T) {
	s := newTestServer(t, Config{})
	for _, target := range []string{"/", "/topics/" + seedSlug + "/"} {
		en := do(s, "GET", target, nil, "Accept-Language", "en").Body.String()
		sv := do(s, "GET", target, nil, "Accept-Language", "sv-SE,sv;q=0.9").Body.String()
		if !strings.Contains(sv, `<html lang="sv">`) {
			t.Errorf("%s: not in Swedish", target)
		}
		for key, v := range pageText["en"] {
			if v != pageText["sv"][key] && len(v) > 3 && strings.Contains(sv, ">"+v) {
				t.Errorf("%s: Swedish page holds the English %q", target, v)
			}
		}
		for _, in := range layouts.List() {
			if label, _ := layoutLabel("en", in); in.Kind == layouts.KindHandout && strings.Contains(sv, ">"+label+"<") {
				t.Errorf("%s: Swedish page names layout %s in English", target, in.Name)
			}
		}
		if a, b := downloads(en), downloads(sv); !slices.Equal(a, b) {
			t.Errorf("%s: the buttons differ:\nen %q\nsv %q", target, a, b)
		}
		// The switch leads to the other language and the links keep it.
		hl := do(s, "GET", target+"?hl=sv", nil, "Accept-Language", "en").Body.String()
		if !strings.Contains(hl, `<html lang="sv">`) || !strings.Contains(hl, `name="hl" value="sv"`) && !strings.Contains(hl, `?hl=sv"`) {
			t.Errorf("%s?hl=sv: language not kept", target)
		}
	}
	sv := do(s, "GET", "/topics/"+seedSlug+"/", nil, "Accept-Language", "sv").Body.String()
	for _, want := range []string{">Cornellanteckningar<", ">Studiehandledning<", ">Ladda ner bildspel <span", "18 bilder", " kB)"} {
		if !strings.Contains(sv, want) {
			t.Errorf("Swedish topic page lacks %q", want)
		}
	}
}

// TestIndexFilter: the filter is a GET form; its words pick topics by
// title, subject or summary.
func TestIndexFilter(t *testing.T) {
	s := newTestServer(t, Config{})
	page := do(s, "GET", "/?q=TECTONIC+plates", nil).Body.String()
	if !strings.Contains(page, ">Plate Tectonics</a>") || strings.Contains(page, ">Cognitive Load Theory</a>") || !strings.Contains(page, "1 of 4 topics") {
		t.Errorf("filtered page:\n%s", page)
	}
	if page := do(s, "GET", "/?q=%3Cscript%3E", nil).Body.String(); strings.Contains(page, "<script>") || !strings.Contains(page, "No topic matches") {
		t.Error("a filter with no match")
	}
}

// TestUploadErrorPage: a browser posting a bad entry gets the page back
// with the file:line: message beside the form; an API client gets JSON.
func TestUploadErrorPage(t *testing.T) {
	s := newTestServer(t, Config{})
	form := func() (*bytes.Buffer, string) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, _ := mw.CreateFormFile("entry", "bad.yaml")
		fw.Write([]byte("title: Fine\nsummary: [unclosed\n"))
		mw.WriteField("aspect", "16:9")
		mw.Close()
		return &body, mw.FormDataContentType()
	}
	body, ct := form()
	w := do(s, "POST", "/render/slides.pdf?hl=sv", body, "Content-Type", ct, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	page := w.Body.String()
	if w.Code != http.StatusUnprocessableEntity || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("status %d, type %q", w.Code, w.Header().Get("Content-Type"))
	}
	if !regexp.MustCompile(`<code>bad\.yaml:\d+(:\d+)?: `).MatchString(page) || !strings.Contains(page, `role="alert"`) || !strings.Contains(page, `aria-describedby="upload-error"`) || !strings.Contains(page, `<html lang="sv">`) {
		t.Errorf("error page:\n%s", page)
	}
	if w.Header().Get("Cache-Control") != cacheNever {
		t.Errorf("error page Cache-Control %q", w.Header().Get("Cache-Control"))
	}
	// Too large a file is told on the page too.
	small := newTestServer(t, Config{MaxUpload: 10})
	body, ct = form()
	w = do(small, "POST", "/render/slides.pdf", body, "Content-Type", ct, "Accept", "text/html")
	if w.Code != http.StatusRequestEntityTooLarge || !strings.Contains(w.Body.String(), `<code>entry is larger than the 10-byte upload limit</code>`) {
		t.Errorf("too large: status %d:\n%s", w.Code, w.Body)
	}
	body, ct = form()
	w = do(s, "POST", "/render/slides.pdf", body, "Content-Type", ct, "Accept", "application/json")
	if w.Code != http.StatusUnprocessableEntity || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") || !strings.Contains(w.Body.String(), `"line":`) {
		t.Errorf("JSON answer: status %d %q: %s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
}

// TestIndexSize: a course of 300 topics makes an index under 300 KB.
func TestIndexSize(t *testing.T) {
	dir := t.TempDir()
	if _, err := synth.WriteDir(dir, 300, synth.Options{Small: true}); err != nil {
		t.Fatal(err)
	}
	s := newTestServer(t, Config{Dir: dir})
	w := do(s, "GET", "/", nil)
	if s.Topics() != 300 {
		t.Fatalf("%d topics served", s.Topics())
	}
	t.Logf("index of 300 topics: %d bytes", w.Body.Len())
	if w.Body.Len() >= 300<<10 {
		t.Errorf("index of 300 topics is %d bytes", w.Body.Len())
	}
}

// TestDownloadsKeepTopicLanguage: whatever language the page reads in,
// its buttons carry no language, so a Swedish topic's deck and handout
// have Swedish labels and an English topic's English ones.
func TestDownloadsKeepTopicLanguage(t *testing.T) {
	s := newTestServer(t, Config{})
	dir := t.TempDir()
	for _, c := range []struct{ target, want, not string }{
		{"/topics/ekologisk-succession/slides.pdf", "Översikt", "Outline"},
		{"/topics/ekologisk-succession/handout.pdf?layout=cornell", "Sammanfattning", "Summary"},
		{"/topics/" + seedSlug + "/slides.pdf", "Outline", "Översikt"},
	} {
		w := do(s, "GET", c.target, nil, "Accept-Language", "sv")
		if w.Code != http.StatusOK {
			t.Fatalf("%s: status %d", c.target, w.Code)
		}
		path := filepath.Join(dir, "f.pdf")
		if err := os.WriteFile(path, w.Body.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		text := checktool.Text(t, path)
		if !strings.Contains(text, c.want) || strings.Contains(text, c.not) {
			t.Errorf("%s: want %q, not %q, in %.300s", c.target, c.want, c.not, text)
		}
	}
	if w := do(s, "GET", "/page.js", nil); w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/javascript") || !strings.Contains(w.Body.String(), "DataTransfer") {
		t.Errorf("page.js: status %d, type %q", w.Code, w.Header().Get("Content-Type"))
	}
}

// TestFileLayoutsOffered: a slide or handout layout file where the CLI
// finds layouts is on the page with its own description and can be
// downloaded and previewed; one that does not load is not offered.
func TestFileLayoutsOffered(t *testing.T) {
	xdg := t.TempDir()
	dir := filepath.Join(xdg, "topicdeck", "layouts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "dept.yaml"), []byte("description: \"Department slides: navy on white, the department's footer\"\nextends: minimal\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("extends: [\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "eight-up.yaml"), []byte("description: \"Eight slides a page: two columns of four\"\nextends: slides-4\nslides-per-page: {columns: 2, rows: 4}\n"), 0o644)
	t.Setenv("XDG_CONFIG_HOME", xdg)
	s := newTestServer(t, Config{})
	page := do(s, "GET", "/topics/"+seedSlug+"/", nil).Body.String()
	if !strings.Contains(page, `<option value="dept">Department slides — Navy on white, the department’s footer</option>`) && !strings.Contains(page, `<option value="dept">Department slides — Navy on white, the department&#39;s footer</option>`) {
		t.Errorf("the layout file is not offered:\n%s", page)
	}
	if strings.Contains(page, `value="broken"`) {
		t.Error("a layout file that does not load is offered")
	}
	for _, target := range []string{"/topics/" + seedSlug + "/slides.pdf?layout=dept", "/topics/" + seedSlug + "/slides/1.svg?layout=dept"} {
		if w := do(s, "GET", target, nil); w.Code != http.StatusOK {
			t.Errorf("%s: status %d: %s", target, w.Code, w.Body)
		}
	}
	if w := do(s, "GET", "/topics/"+seedSlug+"/slides.pdf?layout=broken", nil); w.Code != http.StatusBadRequest {
		t.Errorf("broken layout: status %d", w.Code)
	}

	// A handout layout file is a handout on the page, downloaded and
	// previewed like the built-ins, and never a slide layout.
	if !strings.Contains(page, `id="handout-eight-up"`) || !strings.Contains(page, "Eight slides a page") {
		t.Errorf("the handout layout file is not offered:\n%s", page)
	}
	if strings.Contains(page, `<option value="eight-up">`) {
		t.Error("a handout layout file is offered as a slide layout")
	}
	w := do(s, "GET", "/topics/"+seedSlug+"/handout.pdf?layout=eight-up", nil)
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Body.String(), "%PDF-") {
		t.Fatalf("eight-up handout: status %d: %.300s", w.Code, w.Body)
	}
	path := filepath.Join(t.TempDir(), "eight-up.pdf")
	if err := os.WriteFile(path, w.Body.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	slides := do(s, "GET", "/topics/"+seedSlug+"/slides.pdf", nil).Body.Bytes()
	slidesPath := filepath.Join(t.TempDir(), "slides.pdf")
	if err := os.WriteFile(slidesPath, slides, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := checktool.Pages(t, path), (checktool.Pages(t, slidesPath)+7)/8; got != want {
		t.Errorf("eight-up handout has %d pages, want %d", got, want)
	}
	if w := do(s, "GET", "/topics/"+seedSlug+"/slides.pdf?layout=eight-up", nil); w.Code != http.StatusBadRequest {
		t.Errorf("a handout layout as slides: status %d", w.Code)
	}
}
