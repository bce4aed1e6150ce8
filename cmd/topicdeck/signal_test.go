package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/scholargate/topicdeck/exporter"
)

// helperEnv tells a re-run of this test binary to act as the CLI process a
// test sends signals to or reads standard output from.
const helperEnv = "TOPICDECK_TEST_HELPER"

// TestMain runs the helper modes before any test: the process then is the
// CLI as main sets it up.
func TestMain(m *testing.M) {
	switch mode := os.Getenv(helperEnv); {
	case strings.HasPrefix(mode, "block:"):
		// Start writing an artifact and stall half-way, as a long render
		// does, until a signal ends the process.
		handleInterrupts()
		out := strings.TrimPrefix(mode, "block:")
		exporter.WriteFile(out, nil, func(w io.Writer) error {
			io.WriteString(w, "%PDF-1.7 half")
			fmt.Println("writing")
			select {}
		})
		os.Exit(3)
	case strings.HasPrefix(mode, "run:"):
		handleInterrupts()
		args := append([]string{"topicdeck"}, strings.Split(strings.TrimPrefix(mode, "run:"), "\x1f")...)
		os.Exit(run(context.Background(), args, os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestInterruptRemovesTempFiles stops a command half-way through writing
// with SIGINT and SIGTERM: it exits 128+signal and leaves neither the
// temporary file nor a partial output behind.
func TestInterruptRemovesTempFiles(t *testing.T) {
	for _, tt := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "deck.pdf")
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), helperEnv+"=block:"+out)
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(stdout).ReadString('\n')
			if line != "writing\n" {
				cmd.Process.Kill()
				t.Fatalf("helper said %q (%v)", line, err)
			}
			if tmps, _ := filepath.Glob(filepath.Join(dir, ".deck.pdf.*.tmp")); len(tmps) != 1 {
				t.Fatalf("while writing: temporary files %q", tmps)
			}
			cmd.Process.Signal(tt.sig)
			err = cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != tt.code {
				t.Errorf("exit: %v, want code %d", err, tt.code)
			}
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

// TestSlidesToStdoutDevice writes a deck with -o naming the process's
// standard output through /proc/self/fd/1, a link to a pipe: the PDF goes
// into the pipe instead of replacing the link.
func TestSlidesToStdoutDevice(t *testing.T) {
	seed := absPath(t, seedPage)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"=run:"+strings.Join([]string{"slides", seed, "-o", "/proc/self/fd/1"}, "\x1f"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	if !bytes.HasPrefix(stdout.Bytes(), []byte("%PDF-")) || !bytes.Contains(stdout.Bytes(), []byte("%%EOF")) {
		t.Errorf("stdout is not the PDF: %.40q (stderr %s)", stdout.Bytes(), stderr.String())
	}
}
