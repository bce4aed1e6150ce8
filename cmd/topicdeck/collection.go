package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/topic"
)

// exportFormat is a format of the glossary or the quiz, which names the
// extension of its default file.
type exportFormat interface {
	~string
	Ext() string
}

// exportEntries is what glossary and quiz share: read the ENTRY and DIR
// arguments (at least one) and --format, write what export makes of them
// to -o (or COMMAND.EXT), and print every warning, those of reading first.
func exportEntries[F exportFormat](cmd *cli.Command, parse func(string) (F, error), export func([]*topic.Entry, F, io.Writer) ([]string, error)) error {
	if cmd.Args().Len() == 0 {
		return usagef("%s: want at least one ENTRY file or DIR", cmd.Name)
	}
	format, err := parse(cmd.String("format"))
	if err != nil {
		return usagef("%s: --format: %v", cmd.Name, err)
	}
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
		out = cmd.Name + "." + format.Ext()
	}
	s := stdio(cmd)
	for _, w := range skipped {
		fmt.Fprintln(s.err, "topicdeck: warning: "+w)
	}
	var warnings []string
	err = exporter.WriteFile(out, s.out, func(w io.Writer) error {
		var err error
		warnings, err = export(entries, format, w)
		return err
	})
	for _, w := range warnings {
		fmt.Fprintln(s.err, "topicdeck: warning: "+w)
	}
	return err
}
