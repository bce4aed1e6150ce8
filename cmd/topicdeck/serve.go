package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"syscall"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/server"
)

func init() { commands = append(commands, serveCommand()) }

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "serve a folder of entries as a page with download buttons",
		ArgsUsage: "DIR",
		Description: "Serves every entry file directly in DIR: GET / lists the topics by subject\n" +
			"(in English or Swedish, with a filter box and the course glossary and quiz), and\n" +
			"GET /topics/{slug}/ previews every slide and handout beside buttons that download\n" +
			"them, rendered on request and cached in memory. Files are re-read when they\n" +
			"change. POST\n" +
			"/render/{slides.pdf,handout.pdf,glossary.xlsx,entry.json} renders an uploaded\n" +
			"entry without keeping it. SIGINT or SIGTERM stops the server after the downloads\n" +
			"in flight finish.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "listen on `HOST:PORT`"},
			&cli.IntFlag{Name: "cache-mb", Value: 64, Usage: "keep at most `MB` mebibytes of rendered files in memory"},
			&cli.IntFlag{Name: "max-inflight", Value: runtime.NumCPU() * 2, Usage: "render at most `N` files at once; more get 503; the default is 2 per CPU"},
			&cli.StringFlag{Name: "max-upload", Value: "2MiB", Usage: "largest entry accepted by POST /render, as `SIZE` (e.g. 2MiB, 500KB or a byte count)"},
			&cli.IntFlag{Name: "max-render-mb", Value: server.DefaultMaxRenderBytes >> 20, Usage: "renders running at once may need `MB` mebibytes together, by an estimate from each entry's size; more get 503"},
			&cli.IntFlag{Name: "max-items", Value: server.DefaultMaxItems, Usage: "render entries of at most `N` list items (key concepts, questions, list entries); more get 422"},
			&cli.IntFlag{Name: "max-cells", Value: server.DefaultMaxCells, Usage: "render entries of at most `N` table cells; more get 422"},
			&cli.IntFlag{Name: "max-pages", Value: server.DefaultMaxPages, Usage: "make PDFs of at most `N` pages; more get 422"},
		},
		OnUsageError: commandUsageError,
		Action:       runServe,
	}
}

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
	s := ios(cmd)
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
