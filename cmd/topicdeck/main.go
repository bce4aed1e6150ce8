// Command topicdeck turns ScholarGate topic entries into slide decks,
// printable handouts and glossaries. Each subcommand parses its flags and
// calls a package API (topic, exporter) that a Go program can call too.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
)

// exitError carries the process exit code with a message already printed
// (or to print).
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func main() {
	handleInterrupts()
	os.Exit(run(context.Background(), os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// interrupts receives SIGINT and SIGTERM. A command stopped by one must not
// leave half-written .NAME.NNN.tmp files beside its outputs.
var interrupts = make(chan os.Signal, 1)

// handleInterrupts makes SIGINT and SIGTERM remove temporary files and exit.
func handleInterrupts() {
	signal.Notify(interrupts, os.Interrupt, syscall.SIGTERM)
	go exitOnInterrupt()
}

// exitOnInterrupt removes the temporary files of the writes under way and
// exits as a shell expects of a process killed by the signal (128+n).
func exitOnInterrupt() {
	sig, ok := <-interrupts
	if !ok {
		return
	}
	exporter.RemoveTempFiles()
	code := 128 + int(syscall.SIGINT)
	if sig == syscall.SIGTERM {
		code = 128 + int(syscall.SIGTERM)
	}
	os.Exit(code)
}

// keepRunningOnInterrupt hands SIGINT and SIGTERM to the command: serve
// shuts down gracefully on them and writes no temporary files.
func keepRunningOnInterrupt() {
	signal.Stop(interrupts)
}

// run is main without os.Exit, so tests can run the CLI in-process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runCommands(ctx, args, commandsFor(args), stdin, stdout, stderr)
}

// runCommands is run with the subcommands given, so that a test can run
// a command line with every command as well as with commandsFor's.
func runCommands(ctx context.Context, args []string, cmds []*cli.Command, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr, cmds)
	err := app.Run(ctx, args)
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(stderr, "topicdeck: "+ee.msg)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "topicdeck: "+err.Error())
	if isUsageError(err) {
		return 2
	}
	return 1
}

// streams are the standard input, output and error of one run. newApp
// stores them in the root command's metadata and commands fetch them with
// stdio, so tests can run the CLI on buffers and capture what it writes.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

func newApp(stdin io.Reader, stdout, stderr io.Writer, cmds []*cli.Command) *cli.Command {
	return &cli.Command{
		Name:                  "topicdeck",
		Usage:                 "turn topic entries into slide decks, handouts and glossaries",
		Version:               exporter.Version,
		EnableShellCompletion: true,
		Reader:                stdin,
		Writer:                stdout,
		ErrWriter:             stderr,
		Commands:              cmds,
		Metadata:              map[string]any{"streams": &streams{in: stdin, out: stdout, err: stderr}},
		OnUsageError: func(ctx context.Context, cmd *cli.Command, err error, isSubcommand bool) error {
			return usageError{err}
		},
		ExitErrHandler: func(context.Context, *cli.Command, error) {},
		Action:         runRoot,
	}
}

// runRoot runs when no command is named: with no arguments it prints the
// help, and a word that names no command is a usage error (exit 2) with a
// suggestion, where urfave/cli would answer "No help topic" with exit 1.
func runRoot(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() == 0 {
		return cli.ShowRootCommandHelp(cmd)
	}
	name := cmd.Args().First()
	msg := fmt.Sprintf("unknown command %q", name)
	// urfave/cli's suggestion is the nearest name however far it is;
	// offered only when it starts as the word does ("slide" → slides).
	if s := cli.SuggestCommand(cmd.Commands, name); len(name) >= 3 && strings.HasPrefix(s, name[:3]) {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return usagef("%s (topicdeck --help lists the commands)", msg)
}

// stdio returns the run's standard input, output and error, kept by the
// root command.
func stdio(cmd *cli.Command) *streams {
	return cmd.Root().Metadata["streams"].(*streams)
}

// usageError marks a command-line mistake: exit code 2.
type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }

func isUsageError(err error) bool {
	var u usageError
	return errors.As(err, &u)
}

// usagef returns a usage error (exit 2) with a message.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}
