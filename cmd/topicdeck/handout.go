package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/topic"
)

func init() { commands = append(commands, handoutCommand()) }

func handoutCommand() *cli.Command {
	return &cli.Command{
		Name:      "handout",
		Usage:     "make a printable handout (PDF) from an entry",
		ArgsUsage: "ENTRY",
		Description: "Plans the entry as a handout to print and write on and writes\n" +
			"<slug>-handout-<layout>.pdf in the working directory (or -o FILE; -o - for stdout).\n" +
			"Layouts: slides-1, slides-2, slides-3, slides-4, slides-6, slides-9 (the deck's\n" +
			"slides N to a page), notes (speaker notes), reader (study guide), cornell (note\n" +
			"sheet) and guided (guided notes with an answer key); see topicdeck layouts.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "layout", Value: exporter.DefaultHandoutLayout, Usage: "handout layout `NAME` (see topicdeck layouts)"},
			&cli.StringFlag{Name: "paper", Value: "a4", Usage: "paper size: a4 or letter"},
			&cli.StringFlag{Name: "order", Value: "horizontal", Usage: "how slides fill a page: horizontal or vertical"},
			&cli.StringFlag{Name: "slides-layout", Value: exporter.DefaultSlideLayout, Usage: "slide layout `NAME` the slides are drawn from"},
			&cli.StringFlag{Name: "aspect", Value: "16:9", Usage: "slide shape: 16:9 or 4:3"},
			&cli.StringFlag{Name: "lang", Usage: "language of the labels (en, sv), overriding the entry's"},
			&cli.StringFlag{Name: "author", Usage: "author line, overriding the entry's"},
			&cli.StringFlag{Name: "course", Usage: "course name"},
			&cli.StringFlag{Name: "date", Usage: "date for the title slide, as written"},
			&cli.StringSliceFlag{Name: "bib", Usage: "bibliography `FILE` (BibTeX or CSL-JSON) for the references; repeatable"},
			&cli.StringFlag{Name: "font-dir", Usage: "`DIR` of extra TrueType fonts for characters the built-in ones lack"},
		},
		Action: runHandout,
	}
}

func runHandout(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 1 {
		return usagef("handout: want one ENTRY file, got %d arguments", cmd.Args().Len())
	}
	paper := strings.ToLower(cmd.String("paper"))
	if paper != "a4" && paper != "letter" {
		return usagef("handout: --paper %q: want a4 or letter", cmd.String("paper"))
	}
	order := strings.ToLower(cmd.String("order"))
	if order != "horizontal" && order != "vertical" {
		return usagef("handout: --order %q: want horizontal or vertical", cmd.String("order"))
	}
	switch a := cmd.String("aspect"); a {
	case "16:9", "4:3":
	default:
		return usagef("handout: --aspect %q: want 16:9 or 4:3", a)
	}
	e, err := topic.ReadFile(cmd.Args().First(), topic.Options{})
	if err != nil {
		return err
	}
	opt := exporter.HandoutOptions{
		Layout:       cmd.String("layout"),
		SlidesLayout: cmd.String("slides-layout"),
		Paper:        paper,
		Order:        order,
		Aspect:       cmd.String("aspect"),
		Lang:         cmd.String("lang"),
		Author:       cmd.String("author"),
		Course:       cmd.String("course"),
		Date:         cmd.String("date"),
		FontDir:      cmd.String("font-dir"),
		Bib:          cmd.StringSlice("bib"),
	}
	out := cmd.String("output")
	if out == "" {
		out = exporter.HandoutFileName(e, opt.Layout)
	}
	s := ios(cmd)
	var res exporter.Result
	err = exporter.WriteFile(out, s.out, func(w io.Writer) error {
		var err error
		res, err = exporter.Handout(e, opt, w)
		return err
	})
	for _, w := range res.Warnings {
		fmt.Fprintln(s.err, "topicdeck: warning: "+w)
	}
	return err
}
