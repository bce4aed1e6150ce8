package main

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/scholargate/topicdeck/server"
)

// loopback is a server both load tests run: `topicdeck serve` on a free
// loopback port over a copy of the sample entries.
type loopback struct {
	base    string // URL
	entries []sample
	dir     string
	stop    func() error
}

// startLoopback copies c's samples into a temporary folder and serves it
// with c's cache and render bounds; with limitMemory it sets the memory
// limit first, as `topicdeck serve` does.
func startLoopback(c config, limitMemory bool) (*loopback, error) {
	dir, err := os.MkdirTemp("", "topicdeck-loadtest-")
	if err != nil {
		return nil, err
	}
	entries, err := copyEntries(c.samplesDir, dir)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	cfg := server.Config{
		Dir:         dir,
		CacheBytes:  int64(c.cacheMB) << 20,
		MaxInflight: c.inflight,
		Logger:      slog.New(slog.DiscardHandler),
	}
	if limitMemory {
		debug.SetMemoryLimit(cfg.MemoryLimit())
	}
	srv, err := server.New(cfg)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	base, shutdown, err := serveLoopback(srv)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &loopback{base: base, entries: entries, dir: dir, stop: shutdown}, nil
}

// close shuts the server down, waiting for it to finish, and removes its
// folder.
func (l *loopback) close() error {
	defer os.RemoveAll(l.dir)
	return l.stop()
}

// serveLoopback starts srv on a free loopback port and returns its base
// URL and a shutdown that waits for the server to finish.
func serveLoopback(srv *server.Server) (base string, shutdown func() error, err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	return "http://" + ln.Addr().String(), func() error {
		stop()
		return <-served
	}, nil
}

// sampleMemory reads the heap in use and the memory taken from the OS
// every 100 ms until the returned stop is called, which gives their peaks.
func sampleMemory() (stop func() (peakHeap, peakSys uint64)) {
	var heap, sys atomic.Uint64
	sampled := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		defer close(sampled)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > heap.Load() {
				heap.Store(ms.HeapInuse)
			}
			if ms.Sys > sys.Load() {
				sys.Store(ms.Sys)
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	return func() (uint64, uint64) {
		cancel()
		<-sampled
		return heap.Load(), sys.Load()
	}
}

// drive sends requests to base from clients at once until d has passed,
// and returns how long that took. Client i's n-th request is pick(i, n);
// record hears of every answer (its status, or the error of a request
// that got none), from several clients at once. A client answered 503
// waits a little, as Retry-After asks, instead of spinning.
func drive(hc *http.Client, base string, clients int, d time.Duration, pick func(client, n int) request, record func(r request, status int, took time.Duration, err error)) time.Duration {
	deadline := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range clients {
		wg.Go(func() {
			for n := 0; time.Now().Before(deadline); n++ {
				r := pick(i, n)
				t0 := time.Now()
				status, err := send(hc, base, r)
				record(r, status, time.Since(t0), err)
				if status == http.StatusServiceUnavailable {
					time.Sleep(100 * time.Millisecond)
				}
			}
		})
	}
	wg.Wait()
	return time.Since(start)
}
