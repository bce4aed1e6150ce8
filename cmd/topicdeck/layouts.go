package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/layoutfile"
)

func layoutsCommand() *cli.Command {
	return &cli.Command{
		Name:  "layouts",
		Usage: "list the layouts: name, kind, origin and description",
		Description: "Lists the built-in layouts and the layout files found in ./layouts/ and\n" +
			"$XDG_CONFIG_HOME/topicdeck/layouts/ (default ~/.config). A layout file is YAML\n" +
			"named NAME.yaml; `topicdeck layouts show NAME` prints one in full to start from.",
		Action: runLayouts,
		Commands: []*cli.Command{{
			Name:      "show",
			Usage:     "print a slide or handout layout as a complete layout file (YAML) to copy and change",
			ArgsUsage: "NAME|FILE",
			Action:    runLayoutsShow,
		}},
	}
}

func runLayouts(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 0 {
		return usagef("layouts: takes no arguments (or: layouts show NAME)")
	}
	s := stdio(cmd)
	list, warnings, errs := layouts.Catalog()
	for _, w := range warnings {
		fmt.Fprintln(s.err, w)
	}
	for _, err := range errs {
		fmt.Fprintln(s.err, err)
	}
	tw := tabwriter.NewWriter(s.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tORIGIN\tDESCRIPTION")
	for _, l := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.Name, l.Kind, l.Origin, l.Description)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(errs) > 0 {
		// The list is printed and the problems said; the exit code tells
		// scripts that a layout file needs fixing.
		return &exitError{code: 1}
	}
	return nil
}

func runLayoutsShow(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 1 {
		return usagef("layouts show: want one layout NAME or FILE, got %d arguments", cmd.Args().Len())
	}
	out, err := layoutfile.Show(cmd.Args().First())
	if err != nil {
		return err
	}
	_, err = stdio(cmd).out.Write(out)
	return err
}
