package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/topic"
)

func init() { commands = append(commands, slidesCommand()) }

func slidesCommand() *cli.Command {
	return &cli.Command{
		Name:      "slides",
		Usage:     "make a slide deck (PDF) from an entry",
		ArgsUsage: "ENTRY (- for standard input)",
		Description: "Plans the entry as slides a lecturer can project as they are and writes\n" +
			"<slug>-slides.pdf in the working directory (or -o FILE; -o - for stdout).",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "layout", Value: exporter.DefaultSlideLayout, Usage: "slide layout `NAME`, or a layout file (path ending .yaml; see topicdeck layouts)"},
			&cli.StringFlag{Name: "aspect", Value: "16:9", Usage: "slide shape: 16:9 or 4:3"},
			&cli.StringFlag{Name: "lang", Usage: "language of the labels (en, sv), overriding the entry's"},
			&cli.StringFlag{Name: "author", Usage: "author line of the title slide"},
			&cli.StringFlag{Name: "course", Usage: "course name for the title slide and footers"},
			&cli.StringFlag{Name: "date", Usage: "date for the title slide, as written"},
			&cli.StringFlag{Name: "font-dir", Usage: "`DIR` of extra TrueType fonts for characters the built-in ones lack"},
			&cli.StringSliceFlag{Name: "bib", Usage: "bibliography `FILE` (.bib or CSL-JSON .json) for seminal works given as citation keys; repeatable"},
		},
		Action: runSlides,
	}
}

func runSlides(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 1 {
		return usagef("slides: want one ENTRY file, got %d arguments", cmd.Args().Len())
	}
	switch a := cmd.String("aspect"); a {
	case "16:9", "4:3":
	default:
		return usagef("slides: --aspect %q: want 16:9 or 4:3", a)
	}
	s := ios(cmd)
	var e *topic.Entry
	var err error
	if path := cmd.Args().First(); path == "-" {
		e, err = topic.ReadFrom("<stdin>", s.in, topic.Options{})
	} else {
		e, err = topic.ReadFile(path, topic.Options{})
	}
	if err != nil {
		return err
	}
	opt := exporter.SlideOptions{
		Layout:  cmd.String("layout"),
		Aspect:  cmd.String("aspect"),
		Lang:    cmd.String("lang"),
		Author:  cmd.String("author"),
		Course:  cmd.String("course"),
		Date:    cmd.String("date"),
		FontDir: cmd.String("font-dir"),
		Bib:     cmd.StringSlice("bib"),
	}
	out := cmd.String("output")
	if out == "" {
		out = e.SlugOrDefault() + "-slides.pdf"
	}
	var res exporter.Result
	err = exporter.WriteFile(out, s.out, func(w io.Writer) error {
		var err error
		res, err = exporter.Slides(e, opt, w)
		return err
	})
	for _, w := range res.Warnings {
		fmt.Fprintln(s.err, "topicdeck: warning: "+w)
	}
	return err
}
