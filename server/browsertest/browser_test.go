package browsertest

import (
	"context"
	"fmt"
	"iter"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/internal/phrases"
	"github.com/scholargate/topicdeck/server"
	"github.com/scholargate/topicdeck/topic"
)

// chromiumPath is where Debian's chromium package puts the browser; .ci/run
// installs it. The test fails rather than skips without it: clicking the
// real button is what it proves.
const chromiumPath = "/usr/bin/chromium"

const seedFile = "neuroadaptation-and-tolerance.md"

// copyDir copies the files of src (not its sub-folders) into a new folder.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	des, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range des {
		if de.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, de.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, de.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// newBrowser starts headless Chromium with a fresh profile and the flags
// that let it run as root in a container without reaching the network.
func newBrowser(t *testing.T) (context.Context, context.CancelFunc) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Fatalf("%s is missing (apt-get install chromium); .ci/run installs it: %v", chromiumPath, err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1200, 900),
	}
	ctx, cancelTimeout := context.WithTimeout(context.Background(), 25*time.Second)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	return bctx, func() {
		cancelBrowser()
		cancelAlloc()
		cancelTimeout()
	}
}

// serveInBrowser serves the entries of dir on a loopback HTTP server and
// starts a browser to visit it; both stop when the test ends. It returns
// the server's base URL and the browser's context.
func serveInBrowser(t *testing.T, dir string) (string, context.Context) {
	t.Helper()
	srv, err := server.New(server.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	ctx, cancel := newBrowser(t)
	t.Cleanup(cancel)
	return ts.URL, ctx
}

// TestDownloadSlideshow opens the page, clicks the seed topic's "Download
// slideshow" button and checks the file the browser saved: its name is
// the one the server suggested and it is a sound PDF holding every
// sentence of the entry.
func TestDownloadSlideshow(t *testing.T) {
	dir := copyDir(t, "../../samples")
	seed, err := topic.ReadFile(filepath.Join(dir, seedFile), topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	base, ctx := serveInBrowser(t, dir)
	downloads := t.TempDir()
	// Subscribe before the click, so no event is missed.
	willBegin := chromedp.Events(ctx, browser.DownloadWillBegin)
	progress := chromedp.Events(ctx, browser.DownloadProgress)

	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior:      browser.SetDownloadBehaviorBehaviorAllowAndName,
				DownloadPath:  downloads,
				EventsEnabled: new(true),
			})
			return err
		}),
	)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	heading, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
	if err != nil || heading != "Topics" {
		t.Errorf("page heading %q (%v)", heading, err)
	}
	lang, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("html"), "lang"))
	if err != nil || lang.Value != "en" {
		t.Errorf("page language %q (%v)", lang.Value, err)
	}

	// The button as a person finds it: in the seed topic's article, by
	// its words.
	button := `//li[h3[normalize-space()="` + seed.Title + `"]]//button[normalize-space()="Download slideshow"]`
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.Search(button))); err != nil {
		t.Fatalf("click: %v", err)
	}

	done := awaitDownload(t, progress)
	for ev, err := range willBegin {
		if err != nil {
			t.Fatal(err)
		}
		if ev.SuggestedFilename != "neuroadaptation-and-tolerance-slides.pdf" {
			t.Errorf("suggested file name %q", ev.SuggestedFilename)
		}
		break
	}
	// allowAndName saves the file under the download's GUID.
	deck := filepath.Join(downloads, done.GUID)
	checktool.PDF(t, deck, phrases.Printed(seed), 12)
	if w, h := pageSize(t, deck); w/h < 1.7 {
		t.Errorf("default deck is %gx%g pt, want 16:9", w, h)
	}

	// The topic page's layout picker is a plain form: choosing another
	// layout and shape in its selects shows those slides, and the download
	// button beside them gets that deck, with no script on the page.
	progress = chromedp.Events(ctx, browser.DownloadProgress)
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.Search(`//li[h3[normalize-space()="`+seed.Title+`"]]//h3/a`)),
		chromedp.WaitVisible(chromedp.CSS("#layout")),
		chromedp.SetValue(chromedp.CSS("#layout"), "contrast"),
		chromedp.SetValue(chromedp.CSS("#aspect"), "4:3"),
		chromedp.Click(chromedp.Search(`//button[normalize-space()="Show these slides"]`)),
		chromedp.WaitVisible(chromedp.CSS(`img[src*="layout=contrast"]`)),
		chromedp.Click(chromedp.CSS("#download-slides")),
	)
	if err != nil {
		t.Fatalf("picking a layout: %v", err)
	}
	done = awaitDownload(t, progress)
	deck = filepath.Join(downloads, done.GUID)
	checktool.PDF(t, deck, phrases.Printed(seed), 12)
	if w, h := pageSize(t, deck); w/h > 1.4 {
		t.Errorf("4:3 deck is %gx%g pt", w, h)
	}
}

// awaitDownload waits for the download that the events report to end, and
// fails the test unless it completed.
func awaitDownload(t *testing.T, progress iter.Seq2[browser.EventDownloadProgress, error]) browser.EventDownloadProgress {
	t.Helper()
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("waiting for the download: %v", err)
		}
		switch ev.State {
		case browser.DownloadProgressStateCompleted:
			return ev
		case browser.DownloadProgressStateCanceled:
			t.Fatalf("download %s was cancelled", ev.GUID)
		}
	}
	t.Fatal("the browser stopped reporting before the download ended")
	return browser.EventDownloadProgress{}
}

// pageSize returns the first page's size in points, from pdfinfo.
func pageSize(t *testing.T, path string) (w, h float64) {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(line, "Page size:"); ok {
			if _, err := fmt.Sscanf(strings.TrimSpace(rest), "%g x %g", &w, &h); err == nil && h > 0 {
				return w, h
			}
		}
	}
	t.Fatalf("pdfinfo %s: no page size", path)
	return 0, 0
}
