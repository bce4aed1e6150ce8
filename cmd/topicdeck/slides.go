package main

import (
	"context"
	"io"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
)

func init() { commands = append(commands, slidesCommand()) }

func slidesCommand() *cli.Command {
	return &cli.Command{
		Name:      "slides",
		Usage:     "make a slide deck (PDF or editable PowerPoint) from an entry",
		ArgsUsage: "ENTRY (- for standard input)",
		Description: "Plans the entry as slides a lecturer can project as they are and writes\n" +
			"<slug>-slides.pdf in the working directory (or -o FILE; -o - for stdout).\n" +
			"-o deck.pptx (or --format pptx) writes an editable PowerPoint deck instead:\n" +
			"the same slides, with the entry's text for each slide as speaker notes.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "format", Usage: "pdf or pptx (default: from the -o extension, else pdf)"},
			&cli.StringFlag{Name: "layout", Value: exporter.DefaultSlideLayout, Usage: "slide layout `NAME`, or a layout file (path ending .yaml; see topicdeck layouts)"},
			maxSizeFlag(),
		}, artifactFlags()...),
		Action: runSlides,
	}
}

func runSlides(ctx context.Context, cmd *cli.Command) error {
	e, ao, err := readEntryArg(cmd)
	if err != nil {
		return err
	}
	opt := exporter.SlideOptions{Layout: cmd.String("layout"), ArtifactOptions: ao}
	out := cmd.String("output")
	format, err := exporter.DeckFormat(out, cmd.String("format"))
	if err != nil {
		return usagef("slides: --format: %v", err)
	}
	if out == "" {
		out = exporter.ArtifactFile(e.SlugOrDefault(), exporter.SlidesArtifact, "", format)
	}
	if format == exporter.FormatPPTX {
		return writeArtifact(cmd, out, func(w io.Writer) (exporter.Result, error) {
			return exporter.SlidesPPTX(e, opt, w)
		})
	}
	return writeArtifact(cmd, out, func(w io.Writer) (exporter.Result, error) {
		return exporter.Slides(e, opt, w)
	})
}
