package main

import (
	"context"
	"io"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/topic"
)

func init() { commands = append(commands, glossaryCommand()) }

func glossaryCommand() *cli.Command {
	var formats []string
	for _, f := range glossary.Formats() {
		formats = append(formats, string(f))
	}
	return &cli.Command{
		Name:      "glossary",
		Usage:     "export the vocabulary of one topic or a whole course (xlsx, csv, tsv, anki, moodle)",
		ArgsUsage: "ENTRY|DIR...",
		Description: "Collects the key concepts of the entries (a DIR stands for every entry file\n" +
			"directly in it: " + strings.Join(exporter.EntryExts, " ") + ", sorted by name), merges the\n" +
			"terms several topics share, finds a definition for each (written in the entry,\n" +
			"else extracted from its text and marked for review) and writes glossary.xlsx,\n" +
			"or glossary.<ext> for --format (csv, tsv, txt for anki, xml for moodle), or\n" +
			"-o FILE (-o - for standard output).",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: string(glossary.XLSX), Usage: "output format: " + strings.Join(formats, ", ")},
			&cli.StringFlag{Name: "lang", Usage: "course language for sorting and labels (en, sv), overriding the entries'"},
			&cli.StringFlag{Name: "title", Usage: "name of the glossary (default: the topic's title or the course's subject)"},
			&cli.BoolFlag{Name: "bom", Usage: "start CSV/TSV with a UTF-8 byte order mark, so Excel reads it as UTF-8"},
			&cli.StringSliceFlag{Name: "bib", Usage: "bibliography `FILE` (BibTeX or CSL-JSON) for the References sheet; repeatable"},
			maxSizeFlag(),
		},
		Action: runGlossary,
	}
}

func runGlossary(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() == 0 {
		return usagef("glossary: want at least one ENTRY file or DIR")
	}
	format, err := glossary.ParseFormat(cmd.String("format"))
	if err != nil {
		return usagef("glossary: --format: %v", err)
	}
	opt := exporter.GlossaryOptions{
		Format: format,
		Lang:   cmd.String("lang"),
		Title:  cmd.String("title"),
		BOM:    cmd.Bool("bom"),
		Bib:    cmd.StringSlice("bib"),
	}
	return exportEntries(cmd, "glossary."+format.Ext(), func(entries []*topic.Entry, w io.Writer) ([]string, error) {
		return exporter.Glossary(entries, opt, w)
	})
}
