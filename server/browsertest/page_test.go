package browsertest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/scholargate/topicdeck/internal/synth"
)

// axePath is where scripts/test-deps installs axe-core with npm.
const axePath = "../../.cache/axe/node_modules/axe-core/axe.min.js"

// violation is what the test reports of one axe-core finding.
type violation struct {
	ID    string   `json:"id"`
	Help  string   `json:"help"`
	Nodes []string `json:"nodes"`
}

// checkAxe runs axe-core in the page at the WCAG 2.0 A and AA and WCAG
// 2.1 AA rules and fails the test for every violation it finds.
func checkAxe(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	src, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatalf("axe-core is missing (scripts/test-deps installs it with npm): %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](string(src))); err != nil {
		t.Fatalf("%s: loading axe-core: %v", what, err)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"]}}).then(r => JSON.stringify({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary)}))}))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: running axe-core: %v", what, err)
	}
	var out struct {
		Passes     int         `json:"passes"`
		Violations []violation `json:"violations"`
	}
	if err := json.Unmarshal([]byte(res), &out); err != nil {
		t.Fatalf("%s: axe-core result %q: %v", what, res, err)
	}
	// A run that checked nothing would find nothing.
	if out.Passes < 10 {
		t.Errorf("%s: axe-core passed only %d rules", what, out.Passes)
	}
	t.Logf("%s: axe-core: %d rules passed, %d violated", what, out.Passes, len(out.Violations))
	for _, v := range out.Violations {
		t.Errorf("%s: axe %s: %s\n  %s", what, v.ID, v.Help, strings.Join(v.Nodes, "\n  "))
	}
}

// checkTabbing presses Tab through the whole page and checks that focus
// reaches every download button, each with a visible outline.
func checkTabbing(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(() => { const bs = document.querySelectorAll("button.dl"); bs.forEach((b, i) => b.dataset.dl = i); return bs.length; })()`))
	if err != nil || n == 0 {
		t.Fatalf("%s: %d download buttons (%v)", what, n, err)
	}
	type focus struct {
		DL      string `json:"dl"`
		Outline string `json:"outline"`
		Tag     string `json:"tag"`
	}
	reached := map[string]bool{}
	for i := 0; i < 2000 && len(reached) < n; i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatalf("%s: Tab: %v", what, err)
		}
		f, err := chromedp.Run(ctx, chromedp.Evaluate[focus](`(() => { const e = document.activeElement; const s = getComputedStyle(e); return {dl: e.dataset.dl || "", outline: s.outlineStyle + " " + s.outlineWidth, tag: e.tagName}; })()`))
		if err != nil {
			t.Fatalf("%s: reading focus: %v", what, err)
		}
		if f.DL == "" {
			continue
		}
		reached[f.DL] = true
		if !strings.HasPrefix(f.Outline, "solid") {
			t.Errorf("%s: download button %s has focus but no visible outline (%s)", what, f.DL, f.Outline)
		}
	}
	if len(reached) != n {
		t.Errorf("%s: Tab reached %d of %d download buttons", what, len(reached), n)
	}
	t.Logf("%s: Tab reached all %d download buttons", what, n)
}

// loadAllImages scrolls down the page so every lazy image loads, and
// reports how many images there are and how many failed to show.
func loadAllImages(t *testing.T, ctx context.Context) (total, broken int) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Evaluate[any](`(async () => { for (let y = 0; y < document.body.scrollHeight; y += 400) { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); } window.scrollTo(0, 0); })()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`Array.from(document.images).every(i => i.complete)`, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		t.Fatalf("images did not load: %v", err)
	}
	type count struct{ Total, Broken int }
	c, err := chromedp.Run(ctx, chromedp.Evaluate[count](`({Total: document.images.length, Broken: Array.from(document.images).filter(i => i.naturalWidth === 0).length})`))
	if err != nil {
		t.Fatal(err)
	}
	return c.Total, c.Broken
}

// shotDir is where the screenshots go: $TOPICDECK_SCREENSHOTS when set,
// so a person can look at them, else the test's temporary folder.
func shotDir(t *testing.T) string {
	if d := os.Getenv("TOPICDECK_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// TestPagesAccessible loads the index and the seed's topic page, in
// English and Swedish: axe-core finds no WCAG 2.1 AA violation, Tab
// reaches every download button, every preview shows, and the page fits
// a window at 200 % zoom without scrolling sideways. A screenshot of the
// topic page is kept.
func TestPagesAccessible(t *testing.T) {
	base, ctx := serveInBrowser(t, copyDir(t, "../../samples"))
	shots := shotDir(t)

	for _, c := range []struct{ name, path, lang string }{
		{"index", "/", "en"},
		{"topic page", "/topics/neuroadaptation-and-tolerance/", "en"},
		{"Swedish index", "/?hl=sv", "sv"},
		{"Swedish topic page", "/topics/ekologisk-succession/?hl=sv", "sv"},
	} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1200, 900), chromedp.Navigate(base+c.path)); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		lang, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("html"), "lang"))
		if err != nil || lang.Value != c.lang {
			t.Errorf("%s: page language %q (%v)", c.name, lang.Value, err)
		}
		total, broken := loadAllImages(t, ctx)
		if total == 0 || broken > 0 {
			t.Errorf("%s: %d of %d previews did not show", c.name, broken, total)
		}
		checkAxe(t, ctx, c.name)
		checkTabbing(t, ctx, c.name)
		if c.name == "topic page" {
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(shots, "topic-page.png")
			if err := os.WriteFile(path, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot of the topic page: %s (%d previews)", path, total)
		}
		// 200 % zoom: the same page in half the width.
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(600, 450)); err != nil {
			t.Fatal(err)
		}
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
		if err != nil || wide {
			t.Errorf("%s: at 200 %% zoom the page scrolls sideways (%v)", c.name, err)
		}
	}
}

// TestLargeCourse loads the index of 300 generated topics and logs its
// size and how long Chromium takes to show it; the bound is checked by
// the size, the time is only reported (speed is for benchmarks).
func TestLargeCourse(t *testing.T) {
	dir := t.TempDir()
	if _, err := synth.WriteDir(dir, 300, synth.Options{Small: true}); err != nil {
		t.Fatal(err)
	}
	base, ctx := serveInBrowser(t, dir)
	// A first visit warms the browser; the second is measured.
	for range 2 {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
			t.Fatal(err)
		}
	}
	type timing struct{ Size, DOM, Load float64 }
	tm, err := chromedp.Run(ctx, chromedp.Evaluate[timing](`(() => { const n = performance.getEntriesByType("navigation")[0]; return {Size: n.transferSize || n.encodedBodySize, DOM: n.domContentLoadedEventEnd, Load: n.loadEventEnd}; })()`))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("index of 300 topics: %.0f bytes; DOMContentLoaded %.0f ms, load (thumbnails in view rendered) %.0f ms", tm.Size, tm.DOM, tm.Load)
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("ul.cards > li").length`))
	if err != nil || n != 300 {
		t.Errorf("%d topics on the page (%v)", n, err)
	}
}

// TestDropBadEntry drops a broken entry file on the upload form, sends
// it, and finds the CLI's file:line: message beside the form.
func TestDropBadEntry(t *testing.T) {
	base, ctx := serveInBrowser(t, copyDir(t, "../../samples"))
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(() => {
		const dt = new DataTransfer();
		dt.items.add(new File(["title: Fine\nsummary: [unclosed\n"], "bad.yaml", {type: "application/yaml"}));
		document.getElementById("drop").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return document.getElementById("upload-entry").files.length;
	})()`))
	if err != nil || n != 1 {
		t.Fatalf("the dropped file did not reach the form: %d files (%v)", n, err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#upload button[formaction="/render/slides.pdf"]`)),
		chromedp.WaitVisible(chromedp.CSS("#upload-error")),
	)
	if err != nil {
		t.Fatalf("sending the dropped file: %v", err)
	}
	msg, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#upload-error code")))
	if err != nil || !strings.HasPrefix(msg, "bad.yaml:") {
		t.Errorf("message beside the form: %q (%v)", msg, err)
	}
	checkAxe(t, ctx, "upload error page")
}
