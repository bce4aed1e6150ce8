package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/topic"
)

// manyConcepts is an upload of n one-line key concepts, each with a
// definition of words words.
func manyConcepts(n, words int) string {
	var b strings.Builder
	b.WriteString("# Many concepts\n\nA definition.\n\n## Key concepts\n\n")
	for i := range n {
		fmt.Fprintf(&b, "- T%d: %s\n", i, strings.TrimSpace(strings.Repeat("word ", words)))
	}
	return b.String()
}

// fillUpload repeats one-line key concepts up to the 2 MiB upload limit,
// as the attack on the server did.
func fillUpload() string {
	var b strings.Builder
	b.WriteString("# Attack\n\nA definition.\n\n## Key concepts\n\n")
	for i := 0; ; i++ {
		l := fmt.Sprintf("- T%d: d\n", i)
		if b.Len()+len(l) > DefaultMaxUpload {
			return b.String()
		}
		b.WriteString(l)
	}
}

// TestRenderLimits sends uploads over each limit: each is a 422 naming
// the limit, answered before any work (or, for pages, before drawing).
func TestRenderLimits(t *testing.T) {
	var table strings.Builder
	table.WriteString("# Table\n\nA definition.\n\n## History\n\n| a | b | c | d | e | f |\n|---|---|---|---|---|---|\n")
	for range 1000 {
		table.WriteString("| 1 | 2 | 3 | 4 | 5 | 6 |\n")
	}
	seed, err := os.ReadFile("../samples/" + seedSlug + ".md")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, target, body string
		cfg                Config
		want               string
	}{
		{"2 MiB of one-line concepts", "/render/slides.pdf?name=a.md", fillUpload(), Config{}, "this server renders at most 3000 (--max-items)"},
		{"2 MiB of one-line concepts, glossary", "/render/glossary.xlsx?name=a.md", fillUpload(), Config{}, "(--max-items)"},
		{"6,000 table cells", "/render/handout.pdf?name=a.md&layout=reader", table.String(), Config{}, "has 6006 table cells; this server renders at most 5000 (--max-cells)"},
		{"pages", "/render/slides.pdf?name=a.md", string(seed), Config{Limits: Limits{Pages: 5}}, "this server makes at most 5 (--max-pages)"},
		{"configured items", "/render/slides.pdf?name=a.md", manyConcepts(11, 1), Config{Limits: Limits{Items: 10}}, "has 11 list items"},
		{"alone over the memory budget", "/render/slides.pdf?name=a.md", string(seed), Config{MaxRenderBytes: 1 << 20}, "(--max-render-mb)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t, tt.cfg)
			rendered := false
			s.renderDone = func(error) { rendered = true }
			w := do(s, "POST", tt.target, strings.NewReader(tt.body))
			if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), tt.want) {
				t.Fatalf("status %d %s, want 422 with %q", w.Code, w.Body, tt.want)
			}
			if rendered && tt.name != "pages" {
				t.Errorf("the entry was rendered before it was refused")
			}
		})
	}
	// The samples, the largest real entries at hand, pass the defaults.
	s := newTestServer(t, Config{})
	for _, e := range s.catalog.current().topics {
		for _, target := range []string{"slides.pdf", "handout.pdf?layout=notes", "handout.pdf?layout=reader", "glossary.xlsx"} {
			if w := do(s, "GET", "/topics/"+e.Slug()+"/"+target, nil); w.Code != http.StatusOK {
				t.Errorf("%s %s: status %d %s", e.Slug(), target, w.Code, w.Body)
			}
		}
	}
}

// TestRenderBudget holds one render in flight and sends another that
// does not fit beside it in the memory budget: a 503 to retry, and a 200
// once the first is done.
func TestRenderBudget(t *testing.T) {
	seed, err := os.ReadFile("../samples/" + seedSlug + ".md")
	if err != nil {
		t.Fatal(err)
	}
	e, err := topic.Read("a.md", seed, topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	one := estimate(slidesPDF, []*topic.Entry{e})
	s := newTestServer(t, Config{MaxRenderBytes: one + one/2, MaxInflight: 8})
	hold, held := make(chan struct{}), make(chan struct{}, 1)
	s.beforeRender = func() {
		select {
		case held <- struct{}{}:
			<-hold
		default:
		}
	}
	first := make(chan int)
	go func() { first <- do(s, "POST", "/render/slides.pdf?name=a.md", strings.NewReader(string(seed))).Code }()
	<-held
	w := do(s, "POST", "/render/slides.pdf?name=b.md", strings.NewReader(string(seed)))
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Errorf("second render beside the first: status %d %s, want 503 with Retry-After", w.Code, w.Body)
	}
	close(hold)
	if code := <-first; code != http.StatusOK {
		t.Errorf("first render: status %d", code)
	}
	if used := s.budget.inUse(); used != 0 {
		t.Errorf("%d bytes of the budget still taken after every render ended", used)
	}
	if w := do(s, "POST", "/render/slides.pdf?name=b.md", strings.NewReader(string(seed))); w.Code != http.StatusOK {
		t.Errorf("second render alone: status %d", w.Code)
	}
}

// TestRenderStopsWhenClientLeaves starts renders of a large entry (the
// largest the limits let in takes seconds), lets the client leave while
// it is planned or drawn, and checks that the render ends with the
// client's context error instead of running on, and frees its slot.
// That drawing stops between pages is pdfdraw's
// TestWriteContextStopsBetweenPages: here a wait long enough to reach the
// drawing would depend on the machine's speed.
func TestRenderStopsWhenClientLeaves(t *testing.T) {
	big := manyConcepts(2900, 60)
	dir := copySamples(t)
	touch(t, filepath.Join(dir, "big.md"), strings.Replace(big, "# Many concepts", "---\nslug: big\n---\n\n# Many concepts", 1), 1)
	for _, tt := range []struct {
		name, method, target string
		after                time.Duration // how long the client waits before leaving
	}{
		{"upload slides, planning", "POST", "/render/slides.pdf?name=a.md", 50 * time.Millisecond},
		{"upload notes handout", "POST", "/render/handout.pdf?name=a.md&layout=notes", 200 * time.Millisecond},
		{"served slides", "GET", "/topics/big/slides.pdf", 200 * time.Millisecond},
		// The reader handout of the big entry is done in about a quarter of
		// a second on a loaded 2-core machine, so its client leaves soon.
		{"served reader handout", "GET", "/topics/big/handout.pdf?layout=reader", 10 * time.Millisecond},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t, Config{Dir: dir})
			started := make(chan struct{}, 1)
			ended := make(chan error, 1)
			s.beforeRender = func() { started <- struct{}{} }
			s.renderDone = func(err error) { ended <- err }
			ctx, cancel := context.WithCancel(context.Background())
			var body *strings.Reader
			if tt.method == "POST" {
				body = strings.NewReader(big)
			}
			r := httptest.NewRequestWithContext(ctx, tt.method, tt.target, nil)
			if body != nil {
				r = httptest.NewRequestWithContext(ctx, tt.method, tt.target, body)
			}
			answered := make(chan struct{})
			go func() {
				s.ServeHTTP(httptest.NewRecorder(), r)
				close(answered)
			}()
			<-started
			time.Sleep(tt.after)
			cancel()
			left := time.Now()
			var err error
			select {
			case err = <-ended:
			case <-answered:
				err = <-ended
			}
			stopped := time.Since(left)
			<-answered
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("the render ended with %v, want context.Canceled: it ran to its end", err)
			}
			t.Logf("the render stopped %v after the client left", stopped.Round(time.Millisecond))
			if n := len(s.slots); n != 0 {
				t.Errorf("%d render slots still taken", n)
			}
			if used := s.budget.inUse(); used != 0 {
				t.Errorf("%d bytes of the budget still taken", used)
			}
		})
	}
}
