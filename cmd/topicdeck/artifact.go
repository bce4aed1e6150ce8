package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/internal/memlimit"
	"github.com/scholargate/topicdeck/topic"
)

// artifactFlags are the one declaration of the flags for the choices
// every artifact takes (exporter.ArtifactOptions), shared by slides,
// handout and build. They have no values of their own: an empty flag is
// the exporter's default, so a build's course file can fill what a flag
// does not give.
func artifactFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "aspect", Usage: "slide shape: 16:9 (default) or 4:3"},
		&cli.StringFlag{Name: "lang", Usage: "language of the labels (en, sv), overriding the entries'"},
		&cli.StringFlag{Name: "author", Usage: "author line of the title slides, overriding the entries'"},
		&cli.StringFlag{Name: "course", Usage: "course name for the title slides, footers and the glossary"},
		&cli.StringFlag{Name: "date", Usage: "date for the title slides, as written"},
		&cli.StringFlag{Name: "font-dir", Usage: "`DIR` of extra TrueType fonts for characters the built-in ones lack"},
		&cli.StringSliceFlag{Name: "bib", Usage: "bibliography `FILE` (.bib or CSL-JSON .json) for seminal works given as citation keys; repeatable"},
	}
}

// artifactOptions reads the flags artifactFlags declares, checking the
// --aspect value.
func artifactOptions(cmd *cli.Command) (exporter.ArtifactOptions, error) {
	switch a := cmd.String("aspect"); a {
	case "", "16:9", "4:3":
	default:
		return exporter.ArtifactOptions{}, usagef("%s: --aspect %q: want 16:9 or 4:3", cmd.Name, a)
	}
	return exporter.ArtifactOptions{
		Aspect:  cmd.String("aspect"),
		Lang:    cmd.String("lang"),
		Author:  cmd.String("author"),
		Course:  cmd.String("course"),
		Date:    cmd.String("date"),
		FontDir: cmd.String("font-dir"),
		Bib:     cmd.StringSlice("bib"),
	}, nil
}

// readEntryArg reads the command's one ENTRY argument ("-" for standard
// input) within --max-size, with the artifact options of the flags.
func readEntryArg(cmd *cli.Command) (*topic.Entry, exporter.ArtifactOptions, error) {
	name := cmd.Name
	if cmd.Args().Len() != 1 {
		return nil, exporter.ArtifactOptions{}, usagef("%s: want one ENTRY file, got %d arguments", name, cmd.Args().Len())
	}
	ao, err := artifactOptions(cmd)
	if err != nil {
		return nil, ao, err
	}
	opt, err := readOptions(cmd)
	if err != nil {
		return nil, ao, err
	}
	e, err := readEntry(cmd.Args().First(), stdio(cmd).in, opt)
	return e, ao, err
}

// readEntry reads one entry file, or standard input for "-".
func readEntry(path string, stdin io.Reader, opt topic.Options) (*topic.Entry, error) {
	if path == "-" {
		return topic.ReadFrom("<stdin>", stdin, opt)
	}
	return topic.ReadFile(path, opt)
}

// writeArtifact writes one artifact atomically to out ("-" for standard
// output) and prints the export's warnings to stderr, also when it failed.
func writeArtifact(cmd *cli.Command, out string, export func(w io.Writer) (exporter.Result, error)) error {
	memlimit.Apply(memlimit.Default)
	s := stdio(cmd)
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
