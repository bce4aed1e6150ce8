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

// heldServer is a Server on a loopback listener whose renders wait until
// release is closed, so that a test can stop it with a download in
// flight.
type heldServer struct {
	addr    string
	started chan struct{}      // closed when the first render waits
	release chan struct{}      // closing it lets the renders go on
	stop    context.CancelFunc // shuts the server down, as SIGINT does in the serve command
	served  chan error         // what Serve returned
}

func serveHeld(t *testing.T, cfg Config) *heldServer {
	t.Helper()
	s := newTestServer(t, cfg)
	h := &heldServer{started: make(chan struct{}), release: make(chan struct{}), served: make(chan error, 1)}
	s.beforeRender = func() {
		close(h.started)
		<-h.release
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h.addr = ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	h.stop = cancel
	go func() { h.served <- s.Serve(ctx, ln) }()
	return h
}

// TestShutdownFinishesDownload starts a download, shuts the server down
// while the artifact is still being rendered, and checks that the
// download completes, that Serve returns cleanly, and that no new
// connection is accepted.
func TestShutdownFinishesDownload(t *testing.T) {
	h := serveHeld(t, Config{ShutdownTimeout: 20 * time.Second})
	type result struct {
		resp *http.Response
		body []byte
		err  error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get("http://" + h.addr + "/topics/" + seedSlug + "/slides.pdf")
		if err != nil {
			got <- result{err: err}
			return
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		got <- result{resp, body, err}
	}()
	<-h.started
	h.stop()
	// Serve must wait for the download: it may not return yet.
	select {
	case err := <-h.served:
		t.Fatalf("Serve returned with a download in flight: %v", err)
	case <-time.After(200 * time.Millisecond):
	}
	// The listener is closed: a new client is refused.
	if c, err := net.DialTimeout("tcp", h.addr, time.Second); err == nil {
		c.Close()
		t.Error("a new connection was accepted during shutdown")
	}
	close(h.release)
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
	if err := <-h.served; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// TestShutdownDeadline checks that a request still running at the end of
// the grace period is cut off and Serve says so.
func TestShutdownDeadline(t *testing.T) {
	h := serveHeld(t, Config{ShutdownTimeout: 50 * time.Millisecond})
	defer close(h.release)
	go func() {
		if resp, err := http.Get("http://" + h.addr + "/topics/" + seedSlug + "/slides.pdf"); err == nil {
			resp.Body.Close()
		}
	}()
	<-h.started
	h.stop()
	if err := <-h.served; !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Serve: %v, want the deadline", err)
	}
}
