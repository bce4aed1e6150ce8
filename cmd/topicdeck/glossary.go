package main

import (
	"context"
	"io"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/topic"
)

// runGlossary is the glossary command (its flags are in commands.go).
func runGlossary(ctx context.Context, cmd *cli.Command) error {
	return exportEntries(cmd, glossary.ParseFormat, func(entries []*topic.Entry, format glossary.Format, w io.Writer) ([]string, error) {
		opt := exporter.GlossaryOptions{
			Format: format,
			Lang:   cmd.String("lang"),
			Title:  cmd.String("title"),
			BOM:    cmd.Bool("bom"),
			Bib:    cmd.StringSlice("bib"),
		}
		return exporter.Glossary(entries, opt, w)
	})
}
