package main

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v3"
)

// TestCommandAlone checks that a run naming a command, which sets up that
// command alone (commandsFor), prints and exits exactly as with every
// command set up: its help, a subcommand's help, a mistake's message and
// shell completion.
func TestCommandAlone(t *testing.T) {
	var names []string
	for _, m := range commandMakers {
		if got := m.make().Name; got != m.name {
			t.Errorf("commandMakers: %q makes command %q", m.name, got)
		}
		names = append(names, m.name)
	}
	if !slices.IsSorted(names) {
		t.Errorf("commandMakers are not sorted by name as help lists them: %q", names)
	}
	var lines [][]string
	for _, name := range names {
		lines = append(lines,
			[]string{name, "--help"},
			[]string{name, "-h"},
			[]string{name, "--no-such-flag"},
			[]string{name, "--generate-shell-completion"},
		)
	}
	lines = append(lines, []string{"layouts", "show", "--help"}, []string{"layouts", "help", "show"})
	for _, args := range lines {
		args = append([]string{"topicdeck"}, args...)
		if len(commandsFor(args)) != 1 {
			t.Fatalf("%q: commandsFor does not pick the command alone", args)
		}
		code, out, errOut := runApp(args, commandsFor(args))
		wantCode, wantOut, wantErr := runApp(args, commands())
		if code != wantCode || out != wantOut || errOut != wantErr {
			t.Errorf("%q alone: exit %d\n%s\n%s\nwith every command: exit %d\n%s\n%s", args, code, out, errOut, wantCode, wantOut, wantErr)
		}
		if out+errOut == "" {
			t.Errorf("%q printed nothing", args)
		}
	}
	for _, args := range [][]string{{"topicdeck"}, {"topicdeck", "--help"}, {"topicdeck", "help", "slides"}, {"topicdeck", "slide"}, {"topicdeck", "--version"}} {
		if got := len(commandsFor(args)); got != len(commandMakers) {
			t.Errorf("%q: commandsFor gives %d commands, want all %d", args, got, len(commandMakers))
		}
	}
}

// runApp runs the CLI on args with the commands cmds and returns its exit
// code and output, as run does with commandsFor(args).
func runApp(args []string, cmds []*cli.Command) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = runCommands(context.Background(), args, cmds, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}
