package main

import (
	"context"
	"io"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
)

func init() { commands = append(commands, handoutCommand()) }

func handoutCommand() *cli.Command {
	return &cli.Command{
		Name:      "handout",
		Usage:     "make a printable handout (PDF) from an entry",
		ArgsUsage: "ENTRY (- for standard input)",
		Description: "Plans the entry as a handout to print and write on and writes\n" +
			"<slug>-handout-<layout>.pdf in the working directory (or -o FILE; -o - for stdout).\n" +
			"Layouts: slides-1, slides-2, slides-3, slides-4, slides-6, slides-9 (the deck's\n" +
			"slides N to a page), notes (speaker notes), reader (study guide), cornell (note\n" +
			"sheet) and guided (guided notes with an answer key); see topicdeck layouts.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "layout", Value: exporter.DefaultHandoutLayout, Usage: "handout layout `NAME` (see topicdeck layouts)"},
			&cli.StringFlag{Name: "paper", Value: "a4", Usage: "paper size: a4 or letter"},
			&cli.StringFlag{Name: "order", Value: "horizontal", Usage: "how slides fill a page: horizontal or vertical"},
			&cli.StringFlag{Name: "slides-layout", Value: exporter.DefaultSlideLayout, Usage: "slide layout `NAME` the slides are drawn from"},
			maxSizeFlag(),
		}, artifactFlags()...),
		Action: runHandout,
	}
}

func runHandout(ctx context.Context, cmd *cli.Command) error {
	paper := strings.ToLower(cmd.String("paper"))
	if paper != "a4" && paper != "letter" {
		return usagef("handout: --paper %q: want a4 or letter", cmd.String("paper"))
	}
	order := strings.ToLower(cmd.String("order"))
	if order != "horizontal" && order != "vertical" {
		return usagef("handout: --order %q: want horizontal or vertical", cmd.String("order"))
	}
	e, ao, err := readEntryArg(cmd)
	if err != nil {
		return err
	}
	opt := exporter.HandoutOptions{
		Layout:          cmd.String("layout"),
		SlidesLayout:    cmd.String("slides-layout"),
		Paper:           paper,
		Order:           order,
		ArtifactOptions: ao,
	}
	out := cmd.String("output")
	if out == "" {
		out = exporter.HandoutFileName(e, opt.Layout)
	}
	return writeArtifact(cmd, out, func(w io.Writer) (exporter.Result, error) {
		return exporter.Handout(e, opt, w)
	})
}
