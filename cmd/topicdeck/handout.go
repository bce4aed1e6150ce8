package main

import (
	"context"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/layouts"
)

// runHandout is the handout command (its flags are in commands.go).
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

// handoutLayoutsHelp lists the built-in handout layouts for the handout
// command's help, each with what it is (its description up to the
// colon), so that a new layout is listed without a change here. Lines
// break between layouts, near the width of the rest of the help.
func handoutLayoutsHelp() string {
	parts := []string{"Layouts:"}
	for _, l := range layouts.List() {
		if l.Kind == layouts.KindHandout {
			what, _, _ := strings.Cut(l.Description, ":")
			parts = append(parts, l.Name+" ("+what+"),")
		}
	}
	last := len(parts) - 1
	parts[last] = strings.TrimSuffix(parts[last], ",") + ";"
	parts = append(parts, "see topicdeck layouts.")
	var b strings.Builder
	width := 0
	for i, p := range parts {
		n := utf8.RuneCountInString(p)
		switch {
		case i == 0:
		case width+1+n > 80:
			b.WriteByte('\n')
			width = 0
		default:
			b.WriteByte(' ')
			width++
		}
		b.WriteString(p)
		width += n
	}
	return b.String()
}
