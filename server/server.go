// Package server is topicdeck's HTTP service: it serves a folder of topic
// entries as a page with download buttons and renders each artifact (slide
// deck, handouts, glossary, entry JSON) on request, keeping rendered files
// in a cache bounded in bytes. Only entries it loaded are ever served: no
// part of a request path is used as a file name.
package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync"
	"time"
)

// Defaults for the zero fields of Config.
const (
	DefaultCacheBytes      = 64 << 20
	DefaultMaxUpload       = 2 << 20
	DefaultRescan          = time.Second
	DefaultReadTimeout     = 30 * time.Second
	DefaultWriteTimeout    = 2 * time.Minute
	DefaultIdleTimeout     = 2 * time.Minute
	DefaultShutdownTimeout = 30 * time.Second
	// DefaultMaxRenderBytes bounds what the renders running at once are
	// expected to need together; with the cache and the server's own
	// share it keeps eight concurrent maximal uploads under 500 MB.
	DefaultMaxRenderBytes = 400 << 20
)

// Config configures a Server. Zero fields take the defaults above;
// MaxInflight defaults to twice the number of CPUs.
type Config struct {
	Dir         string // the folder of entry files served
	CacheBytes  int64  // bound of the rendered-artifact cache, in bytes
	MaxInflight int    // renders at once; beyond it a request gets 503
	MaxUpload   int64  // largest entry accepted by POST /render, in bytes
	// MaxRenderBytes bounds the memory the renders running at once are
	// expected to need together, by an estimate from each entry's size;
	// a render that does not fit beside the others gets 503.
	MaxRenderBytes int64
	// Limits bound what one render may produce (a 422 beyond).
	Limits Limits
	// Rescan is the least time between two looks at the folder for new,
	// changed and removed files; the look happens on a request.
	Rescan time.Duration
	// Timeouts of the HTTP server. The write timeout bounds a whole
	// response, render included.
	ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// ShutdownTimeout bounds how long Serve waits for requests in flight
	// once its context is done.
	ShutdownTimeout time.Duration
	Logger          *slog.Logger // access log and warnings; nil discards
}

// MemoryLimit is the heap the server is designed to stay within: the
// render budget and the cache. The server's own share (fonts, entries,
// connections) fits in it too, as the budget's estimates are upper bounds
// that renders reach about half of. A program serving one Server gives it
// to debug.SetMemoryLimit, so the collector works harder near the bound
// instead of letting the heap grow to twice what is live.
func (c Config) MemoryLimit() int64 {
	c.fill()
	return c.MaxRenderBytes + c.CacheBytes
}

func (c *Config) fill() {
	orDefault(&c.CacheBytes, DefaultCacheBytes)
	orDefault(&c.MaxInflight, runtime.NumCPU()*2)
	orDefault(&c.MaxUpload, DefaultMaxUpload)
	orDefault(&c.MaxRenderBytes, DefaultMaxRenderBytes)
	c.Limits.fill()
	orDefault(&c.Rescan, DefaultRescan)
	orDefault(&c.ReadTimeout, DefaultReadTimeout)
	orDefault(&c.WriteTimeout, DefaultWriteTimeout)
	orDefault(&c.IdleTimeout, DefaultIdleTimeout)
	orDefault(&c.ShutdownTimeout, DefaultShutdownTimeout)
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
}

// orDefault gives a field of Config or Limits its default when it is zero
// (or negative, which no bound means).
func orDefault[T ~int | ~int64](field *T, def T) {
	if *field <= 0 {
		*field = def
	}
}

// Server serves one folder of entries. It is an http.Handler; Serve runs
// it on a listener with timeouts and graceful shutdown.
type Server struct {
	cfg     Config
	log     *slog.Logger
	catalog *catalog
	cache   *lru
	slots   chan struct{} // one token per render running
	budget  *budget       // the memory the running renders are expected to need
	handler http.Handler

	flightMu sync.Mutex
	flights  map[string]*flight

	// beforeRender, when set, runs inside every render's slot; tests use
	// it to hold renders in flight. renderDone, when set, is told how
	// every render ended.
	beforeRender func()
	renderDone   func(error)
}

// flight is one render that requests for the same artifact wait on, so
// a burst of clicks on one button renders it once. It runs until it is
// done or every request waiting on it has left.
type flight struct {
	done    chan struct{}
	art     *artifact
	err     error
	ctx     context.Context
	cancel  context.CancelFunc
	waiters int // guarded by Server.flightMu
}

// errBusy means every render slot is taken: the request gets 503.
var errBusy = errors.New("server busy: too many renders in flight")

// New loads the folder and returns a Server for it. It fails only when
// the folder cannot be listed; an entry file that cannot be read is
// logged and shown on the page, and read again when it changes.
func New(cfg Config) (*Server, error) {
	cfg.fill()
	cat, err := newCatalog(cfg.Dir, cfg.Rescan, cfg.Logger)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:     cfg,
		log:     cfg.Logger,
		catalog: cat,
		cache:   newLRU(cfg.CacheBytes),
		slots:   make(chan struct{}, cfg.MaxInflight),
		budget:  &budget{limit: cfg.MaxRenderBytes},
		flights: map[string]*flight{},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /glossary.xlsx", s.courseArtifact(glossaryXLSX, fileName(glossaryXLSX, "", options{}), "a glossary"))
	s.pageRoutes(mux)
	s.quizRoutes(mux)
	for art := range contentTypes {
		mux.HandleFunc("GET /topics/{slug}/"+art, s.topicArtifact(art))
		mux.HandleFunc("POST /render/"+art, s.upload(art))
	}
	s.handler = s.accessLog(mux)
	return s, nil
}

// Topics returns the number of entries served now.
func (s *Server) Topics() int { return len(s.catalog.current().topics) }

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// Serve answers requests on ln until ctx is done, then shuts down
// gracefully: it stops accepting, lets requests in flight (a download
// being rendered or sent) finish within ShutdownTimeout, and closes what
// is left after that. It returns nil after a graceful shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: min(s.cfg.ReadTimeout, 10*time.Second),
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "grace", s.cfg.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	if err != nil {
		hs.Close()
		err = fmt.Errorf("shutdown: requests still running after %s were cut off: %w", s.cfg.ShutdownTimeout, err)
	}
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// produce returns the artifact under key: from the cache, from a render
// of the same key already running, or rendered now in a free slot. cache
// false renders without keeping or sharing the result (uploads). cost is
// the render's expected memory (see estimate). A render stops when ctx is
// done; a shared one when every request waiting on it has left.
func (s *Server) produce(ctx context.Context, key string, cache bool, cost int64, draw renderFunc) (*artifact, error) {
	if !cache {
		return s.renderInSlot(ctx, cost, draw)
	}
	if a, ok := s.cache.get(key); ok {
		return a, nil
	}
	s.flightMu.Lock()
	f, ok := s.flights[key]
	if !ok || f.ctx.Err() != nil {
		// A new render, free of the request that starts it: others
		// may come to wait on it, and it stops only when all have left.
		fctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		f = &flight{done: make(chan struct{}), ctx: fctx, cancel: cancel}
		s.flights[key] = f
		go func() {
			art, err := s.renderInSlot(fctx, cost, draw)
			if err == nil {
				s.cache.add(key, art)
			}
			s.flightMu.Lock()
			if s.flights[key] == f {
				delete(s.flights, key)
			}
			s.flightMu.Unlock()
			f.art, f.err = art, err
			cancel()
			close(f.done)
		}()
	}
	f.waiters++
	s.flightMu.Unlock()
	select {
	case <-f.done:
		return f.art, f.err
	case <-ctx.Done():
		s.flightMu.Lock()
		f.waiters--
		if f.waiters == 0 {
			f.cancel()
		}
		s.flightMu.Unlock()
		return nil, ctx.Err()
	}
}

// renderFunc draws one artifact into w, stopping when ctx is done.
type renderFunc func(ctx context.Context, w io.Writer) ([]string, error)

// renderInSlot renders into memory if a slot is free and the render's
// expected memory fits beside the others', and fails with errBusy at once
// if not: a client told to retry is better than a queue that grows until
// every request times out. A panic in a renderer is turned into an error
// so one bad entry cannot take the server down.
func (s *Server) renderInSlot(ctx context.Context, cost int64, draw renderFunc) (a *artifact, err error) {
	select {
	case s.slots <- struct{}{}:
	default:
		return nil, errBusy
	}
	started := false
	defer func() {
		<-s.slots
		// Told last, once the slot and the budget are free again, so
		// that what a test sees after it is the server at rest.
		if started && s.renderDone != nil {
			s.renderDone(err)
		}
	}()
	release, err := s.budget.take(cost)
	if err != nil {
		return nil, err
	}
	started = true
	defer release()
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("render panicked", "panic", p)
			err = fmt.Errorf("internal error while rendering: %v", p)
		}
	}()
	if s.beforeRender != nil {
		s.beforeRender()
	}
	var buf bytes.Buffer
	warnings, err := draw(ctx, &buf)
	if err != nil {
		return nil, err
	}
	for _, w := range warnings {
		s.log.Warn("render warning", "warning", w)
	}
	// A copy of the exact size: the buffer's spare capacity would
	// otherwise sit in the cache uncounted.
	body := bytes.Clone(buf.Bytes())
	sum := sha256.Sum256(body)
	return &artifact{body: body, etag: `"` + hex.EncodeToString(sum[:16]) + `"`}, nil
}
