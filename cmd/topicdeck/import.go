package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/topic"
)

// runImport is the import command (its flags are in commands.go).
func runImport(ctx context.Context, cmd *cli.Command) error {
	args := cmd.Args().Slice()
	if len(args) != 1 {
		return usagef("import: give exactly one entry file (or - for standard input)")
	}
	opt, err := readOptions(cmd)
	if err != nil {
		return err
	}
	out := cmd.String("output")
	to, err := outputFormat(cmd.String("to"), out)
	if err != nil {
		return err
	}
	st := stdio(cmd)
	e, err := readEntry(args[0], st.in, opt)
	if err != nil {
		var te *diag.Error
		if errors.As(err, &te) {
			// The problem line is the whole message, in the form editors
			// and scripts parse; no "topicdeck:" prefix in front of it.
			fmt.Fprintln(st.err, te.Error())
			return &exitError{code: 1}
		}
		return &exitError{code: 1, msg: err.Error()}
	}
	if err := exporter.WriteFile(out, st.out, func(w io.Writer) error {
		return topic.Write(w, e, to)
	}); err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	return nil
}

// outputFormat decides the output form: --to, else the output file's
// extension, else Markdown, the authoring form.
func outputFormat(to, out string) (topic.Format, error) {
	switch to {
	case "md", "markdown":
		return topic.FormatMarkdown, nil
	case "json":
		return topic.FormatJSON, nil
	case "yaml", "yml":
		return topic.FormatYAML, nil
	case "txt":
		return "", usagef("--to txt: page text is an input form only; use md, json or yaml")
	case "":
	default:
		return "", usagef("--to %q: use md, json or yaml", to)
	}
	if out != "-" {
		if f, ok := topic.FormatOfName(out); ok {
			if f == topic.FormatPageText {
				return "", usagef("-o %s: page text is an input form only; use .md, .json or .yaml", out)
			}
			return f, nil
		}
	}
	return topic.FormatMarkdown, nil
}
