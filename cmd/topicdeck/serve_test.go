package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/internal/checktool"
)

// freeAddr returns a loopback address with a port nobody listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// waitHealthy polls /healthz until the server answers.
func waitHealthy(t *testing.T, base string, exited <-chan int) {
	t.Helper()
	for range 200 {
		select {
		case code := <-exited:
			t.Fatalf("serve exited with %d before answering", code)
		default:
		}
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatal("the server never answered /healthz")
}

// TestServeCommand runs `topicdeck serve` on the samples, downloads the
// seed's slides, checks that the flags reach the server, and stops it with
// SIGTERM as a service manager would.
func TestServeCommand(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"neuroadaptation-and-tolerance.md", "neuroadaptation.bib", "plate-tectonics.json"} {
		b, err := os.ReadFile(filepath.Join("../../samples", name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	addr := freeAddr(t)
	base := "http://" + addr
	// The server logs to stderr from its handlers while it runs: a file
	// takes writes from any goroutine, and is read once serve has exited.
	stderr, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer stderr.Close()
	logged := func() string {
		b, _ := os.ReadFile(stderr.Name())
		return string(b)
	}
	exited := make(chan int, 1)
	go func() {
		exited <- run(context.Background(), []string{"topicdeck", "serve", dir, "--addr", addr, "--cache-mb", "8", "--max-inflight", "3", "--max-upload", "1KiB"}, strings.NewReader(""), io.Discard, stderr)
	}()
	waitHealthy(t, base, exited)

	resp, err := http.Get(base + "/topics/neuroadaptation-and-tolerance/slides.pdf")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Disposition") != `attachment; filename="neuroadaptation-and-tolerance-slides.pdf"` {
		t.Fatalf("status %d, disposition %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
	p := filepath.Join(t.TempDir(), "deck.pdf")
	os.WriteFile(p, body, 0o644)
	checktool.PDF(t, p, []string{"Neuroadaptation and Tolerance"}, 0)

	// --max-upload 1KiB: a 2 KiB entry is refused.
	resp, err = http.Post(base+"/render/entry.json?name=big.md", "text/markdown", strings.NewReader("# Big\n\n"+strings.Repeat("x", 2048)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("upload over --max-upload: status %d", resp.StatusCode)
	}

	// The handler for SIGTERM is in place once the server answers.
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-exited:
		if code != 0 {
			t.Errorf("exit %d after SIGTERM:\n%s", code, logged())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	log := logged()
	for _, want := range []string{"msg=serving", "topics=2", "url=" + base + "/", "msg=request method=GET path=/topics/neuroadaptation-and-tolerance/slides.pdf status=200", "msg=\"shutting down\"", "msg=stopped"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
}

func TestServeCommandErrors(t *testing.T) {
	dir := t.TempDir()
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	checkMistakes(t, dir, []mistake{
		{[]string{"serve"}, 2, "want one DIR"},
		{[]string{"serve", dir, dir}, 2, "want one DIR"},
		{[]string{"serve", dir, "--cache-mb", "0"}, 2, "--cache-mb 0"},
		{[]string{"serve", dir, "--max-inflight", "0"}, 2, "--max-inflight 0"},
		{[]string{"serve", dir, "--max-render-mb", "0"}, 2, "--max-render-mb 0"},
		{[]string{"serve", dir, "--max-items", "-1"}, 2, "--max-items -1"},
		{[]string{"serve", dir, "--max-cells", "0"}, 2, "--max-cells 0"},
		{[]string{"serve", dir, "--max-pages", "0"}, 2, "--max-pages 0"},
		{[]string{"serve", dir, "--max-upload", "lots"}, 2, `--max-upload "lots"`},
		{[]string{"serve", dir, "--port", "80"}, 2, "port"},
		{[]string{"serve", filepath.Join(dir, "nope")}, 1, "cannot serve " + filepath.Join(dir, "nope") + ": no such file or directory"},
		{[]string{"serve", dir, "--addr", taken.Addr().String()}, 1, "address already in use"},
	})
}
