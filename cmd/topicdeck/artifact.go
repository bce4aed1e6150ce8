package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/internal/memlimit"
	"github.com/scholargate/topicdeck/topic"
)

// deckFlags are the flags every command that draws slides shares: the
// slide shape, the labels' language, the title-slide lines, extra fonts
// and bibliographies.
func deckFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "aspect", Value: "16:9", Usage: "slide shape: 16:9 or 4:3"},
		&cli.StringFlag{Name: "lang", Usage: "language of the labels (en, sv), overriding the entry's"},
		&cli.StringFlag{Name: "author", Usage: "author line of the title slide, overriding the entry's"},
		&cli.StringFlag{Name: "course", Usage: "course name for the title slide and footers"},
		&cli.StringFlag{Name: "date", Usage: "date for the title slide, as written"},
		&cli.StringFlag{Name: "font-dir", Usage: "`DIR` of extra TrueType fonts for characters the built-in ones lack"},
		&cli.StringSliceFlag{Name: "bib", Usage: "bibliography `FILE` (.bib or CSL-JSON .json) for seminal works given as citation keys; repeatable"},
	}
}

// readEntryArg reads the command's one ENTRY argument ("-" for standard
// input) within --max-size, after checking the --aspect value deckFlags
// declares.
func readEntryArg(cmd *cli.Command) (*topic.Entry, error) {
	name := cmd.Name
	if cmd.Args().Len() != 1 {
		return nil, usagef("%s: want one ENTRY file, got %d arguments", name, cmd.Args().Len())
	}
	switch a := cmd.String("aspect"); a {
	case "16:9", "4:3":
	default:
		return nil, usagef("%s: --aspect %q: want 16:9 or 4:3", name, a)
	}
	opt, err := readOptions(cmd)
	if err != nil {
		return nil, err
	}
	if path := cmd.Args().First(); path != "-" {
		return topic.ReadFile(path, opt)
	}
	return topic.ReadFrom("<stdin>", ios(cmd).in, opt)
}

// writeArtifact writes one artifact atomically to out ("-" for standard
// output) and prints the export's warnings to stderr, also when it failed.
func writeArtifact(cmd *cli.Command, out string, export func(w io.Writer) (exporter.Result, error)) error {
	memlimit.Apply(memlimit.Default)
	s := ios(cmd)
	var res exporter.Result
	err := exporter.WriteFile(out, s.out, func(w io.Writer) error {
		var err error
		res, err = export(w)
		return err
	})
	for _, w := range res.Warnings {
		fmt.Fprintln(s.err, "topicdeck: warning: "+w)
	}
	return err
}
