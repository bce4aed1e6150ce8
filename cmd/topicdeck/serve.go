package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/server"
)

// runServe is the serve command (its flags are in commands.go).
func runServe(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 1 {
		return usagef("serve: want one DIR, got %d arguments", cmd.Args().Len())
	}
	if mb := cmd.Int("cache-mb"); mb <= 0 {
		return usagef("serve: --cache-mb %d: want a positive number", mb)
	}
	if n := cmd.Int("max-inflight"); n <= 0 {
		return usagef("serve: --max-inflight %d: want a positive number", n)
	}
	for _, name := range []string{"max-render-mb", "max-items", "max-cells", "max-pages"} {
		if n := cmd.Int(name); n <= 0 {
			return usagef("serve: --%s %d: want a positive number", name, n)
		}
	}
	maxUpload, err := parseSize(cmd.String("max-upload"))
	if err != nil || maxUpload <= 0 {
		return usagef("serve: --max-upload %q: want a size such as 2MiB", cmd.String("max-upload"))
	}
	s := stdio(cmd)
	log := slog.New(slog.NewTextHandler(s.err, nil))
	cfg := server.Config{
		Dir:            cmd.Args().First(),
		CacheBytes:     int64(cmd.Int("cache-mb")) << 20,
		MaxInflight:    int(cmd.Int("max-inflight")),
		MaxUpload:      maxUpload,
		MaxRenderBytes: int64(cmd.Int("max-render-mb")) << 20,
		Limits: server.Limits{
			Items: int(cmd.Int("max-items")),
			Cells: int(cmd.Int("max-cells")),
			Pages: int(cmd.Int("max-pages")),
		},
		Logger: log,
	}
	// The garbage collector is told what the server may hold, so that it
	// collects before the heap doubles past it; GOMEMLIMIT overrides.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(cfg.MemoryLimit())
	}
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	// Every render would fail on a bad SOURCE_DATE_EPOCH: refuse to start.
	if _, err := exporter.SourceDateEpoch(); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cmd.String("addr"))
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	keepRunningOnInterrupt()
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	log.Info("serving", "dir", cmd.Args().First(), "topics", srv.Topics(), "url", "http://"+ln.Addr().String()+"/")
	if err := srv.Serve(ctx, ln); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}
