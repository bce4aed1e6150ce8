package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/figure"
	"github.com/scholargate/topicdeck/topic"
)

func init() {
	commands = append(commands, &cli.Command{
		Name:      "validate",
		Usage:     "check topic entries and report problems as file:line:col: severity: message",
		ArgsUsage: "FILE...",
		Description: "Loads each entry (Markdown, JSON, YAML or page text; \"-\" reads standard input)\n" +
			"and prints every problem on standard output. Prints nothing when all is well.\n" +
			"Exit status: 0 no errors (warnings alone pass), 1 errors found (or warnings\n" +
			"with --strict), 2 usage error.",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "strict", Usage: "treat warnings as errors"},
			&cli.StringSliceFlag{Name: "bib", Usage: "bibliography `FILE` (.bib or CSL-JSON) to resolve seminal works against, besides the entry's own; repeatable"},
			maxSizeFlag(),
		},
		OnUsageError: commandUsageError,
		Action:       validateAction,
	})
}

// commandUsageError makes a bad flag on a subcommand a usage error (exit
// 2), as the root command does for its own flags.
func commandUsageError(ctx context.Context, cmd *cli.Command, err error, isSubcommand bool) error {
	return usageError{err}
}

// maxSizeFlag is shared by the commands that read entries.
func maxSizeFlag() cli.Flag {
	return &cli.StringFlag{
		Name:  "max-size",
		Usage: "largest entry file to read, e.g. 8MiB, 2MB, 500KB or a byte count",
		Value: "8MiB",
	}
}

// readOptions turns the reading flags into topic.Options.
func readOptions(cmd *cli.Command) (topic.Options, error) {
	n, err := parseSize(cmd.String("max-size"))
	if err != nil {
		return topic.Options{}, usagef("--max-size: %v", err)
	}
	return topic.Options{MaxSize: n}, nil
}

// parseSize reads a byte count with an optional unit: B, KB/MB/GB
// (powers of 1000) or KiB/MiB/GiB (powers of 1024); K, M and G alone are
// taken as binary units, as most tools do.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.') {
		i++
	}
	num, unit := t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	var mult float64
	switch unit {
	case "", "b":
		mult = 1
	case "kb":
		mult = 1e3
	case "mb":
		mult = 1e6
	case "gb":
		mult = 1e9
	case "k", "kib":
		mult = 1 << 10
	case "m", "mib":
		mult = 1 << 20
	case "g", "gib":
		mult = 1 << 30
	default:
		return 0, fmt.Errorf("unknown unit %q in %q (use B, KB, MB, GB, KiB, MiB or GiB)", t[i:], s)
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || num == "" {
		return 0, fmt.Errorf("%q is not a size (e.g. 8MiB or 2MB)", s)
	}
	n := v * mult
	if n < 1 || n > 1<<40 {
		return 0, fmt.Errorf("%q is out of range (1 byte to 1 TiB)", s)
	}
	return int64(n), nil
}

func validateAction(ctx context.Context, cmd *cli.Command) error {
	files := cmd.Args().Slice()
	if len(files) == 0 {
		return usagef("validate: give at least one entry file (or - for standard input)")
	}
	opt, err := readOptions(cmd)
	if err != nil {
		return err
	}
	st := ios(cmd)
	strict := cmd.Bool("strict")
	failed := false
	for _, f := range files {
		for _, p := range validateFile(f, st, opt, cmd.StringSlice("bib")) {
			fmt.Fprintln(st.out, p.String())
			if p.Severity == diag.SeverityError || strict {
				failed = true
			}
		}
	}
	if failed {
		return &exitError{code: 1}
	}
	return nil
}

// validateFile loads one entry and returns its load error or its
// warnings, as problems: the entry's own, then its references' (keys no
// bibliography resolves, errors in the bibliography itself).
func validateFile(path string, st *streams, opt topic.Options, bibs []string) []diag.Problem {
	var e *topic.Entry
	var err error
	if path == "-" {
		e, err = topic.ReadFrom("<stdin>", st.in, opt)
	} else {
		e, err = topic.ReadFile(path, opt)
	}
	if err != nil {
		var te *diag.Error
		if errors.As(err, &te) {
			return []diag.Problem{te.Problem}
		}
		return []diag.Problem{{File: path, Severity: diag.SeverityError, Message: err.Error()}}
	}
	problems := topic.Validate(e)
	_, pictures := figure.Load(e) // pictures not found or refused
	problems = append(problems, pictures...)
	refs, err := exporter.ReferenceProblems(e, bibs)
	if err != nil {
		var te *diag.Error
		if errors.As(err, &te) {
			return append(problems, te.Problem)
		}
		return append(problems, diag.Problem{File: path, Severity: diag.SeverityError, Message: err.Error()})
	}
	return append(problems, refs...)
}
