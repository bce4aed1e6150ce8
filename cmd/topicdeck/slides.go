package main

import (
	"context"
	"io"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
)

// runSlides is the slides command (its flags are in commands.go).
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
