package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/figure"
	"github.com/scholargate/topicdeck/topic"
)

// runValidate is the validate command (its flags are in commands.go).
func runValidate(ctx context.Context, cmd *cli.Command) error {
	files := cmd.Args().Slice()
	if len(files) == 0 {
		return usagef("validate: give at least one entry file (or - for standard input)")
	}
	opt, err := readOptions(cmd)
	if err != nil {
		return err
	}
	st := stdio(cmd)
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
	e, err := readEntry(path, st.in, opt)
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
