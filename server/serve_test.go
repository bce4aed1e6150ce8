package server

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/internal/checktool"
)

// TestShutdownFinishesDownload starts a download, shuts the server down
// while the artifact is still being rendered, and checks that the
// download completes, that Serve returns cleanly, and that no new
// connection is accepted.
func TestShutdownFinishesDownload(t *testing.T) {
	s := newTestServer(t, Config{ShutdownTimeout: 20 * time.Second})
	started, release := make(chan struct{}), make(chan struct{})
	s.beforeRender = func() {
		close(started)
		<-release
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()

	base := "http://" + ln.Addr().String()
	type result struct {
		resp *http.Response
		body []byte
		err  error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get(base + "/topics/" + seedSlug + "/slides.pdf")
		if err != nil {
			got <- result{err: err}
			return
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		got <- result{resp, body, err}
	}()
	<-started
	cancel() // as SIGINT does in the serve command
	// Serve must wait for the download: it may not return yet.
	select {
	case err := <-served:
		t.Fatalf("Serve returned with a download in flight: %v", err)
	case <-time.After(200 * time.Millisecond):
	}
	// The listener is closed: a new client is refused.
	if c, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		c.Close()
		t.Error("a new connection was accepted during shutdown")
	}
	close(release)
	r := <-got
	if r.err != nil {
		t.Fatalf("download: %v", r.err)
	}
	if r.resp.StatusCode != http.StatusOK || int64(len(r.body)) != r.resp.ContentLength {
		t.Fatalf("download: status %d, %d of %d bytes", r.resp.StatusCode, len(r.body), r.resp.ContentLength)
	}
	p := filepath.Join(t.TempDir(), "deck.pdf")
	os.WriteFile(p, r.body, 0o644)
	checktool.PDF(t, p, nil, 0)
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// TestShutdownDeadline checks that a request still running at the end of
// the grace period is cut off and Serve says so.
func TestShutdownDeadline(t *testing.T) {
	s := newTestServer(t, Config{ShutdownTimeout: 50 * time.Millisecond})
	started, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	s.beforeRender = func() {
		close(started)
		<-release
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	go func() {
		if resp, err := http.Get("http://" + ln.Addr().String() + "/topics/" + seedSlug + "/slides.pdf"); err == nil {
			resp.Body.Close()
		}
	}()
	<-started
	cancel()
	if err := <-served; !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Serve: %v, want the deadline", err)
	}
}
