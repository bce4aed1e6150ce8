package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/topic"
)

// exportEntries is what glossary and quiz share: read the ENTRY and DIR
// arguments, write what export makes of them to -o (or def), and print
// every warning, those of reading first.
func exportEntries(cmd *cli.Command, def string, export func([]*topic.Entry, io.Writer) ([]string, error)) error {
	ropt, err := readOptions(cmd)
	if err != nil {
		return err
	}
	entries, skipped, err := exporter.LoadEntries(cmd.Args().Slice(), ropt)
	if err != nil {
		return err
	}
	out := cmd.String("output")
	if out == "" {
		out = def
	}
	s := ios(cmd)
	for _, w := range skipped {
		fmt.Fprintln(s.err, "topicdeck: warning: "+w)
	}
	var warnings []string
	err = exporter.WriteFile(out, s.out, func(w io.Writer) error {
		var err error
		warnings, err = export(entries, w)
		return err
	})
	for _, w := range warnings {
		fmt.Fprintln(s.err, "topicdeck: warning: "+w)
	}
	return err
}
