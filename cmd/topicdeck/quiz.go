package main

import (
	"context"
	"io"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/quiz"
	"github.com/scholargate/topicdeck/topic"
)

func init() { commands = append(commands, quizCommand()) }

func quizCommand() *cli.Command {
	var formats []string
	for _, f := range quiz.Formats() {
		formats = append(formats, string(f))
	}
	return &cli.Command{
		Name:      "quiz",
		Usage:     "export a question bank of one topic or a whole course (Moodle XML, GIFT, QTI for Canvas)",
		ArgsUsage: "ENTRY|DIR...",
		Description: "Makes questions of what the entries say (a DIR stands for every entry file\n" +
			"directly in it: " + strings.Join(exporter.EntryExts, " ") + ", sorted by name): matching and\n" +
			"multiple-choice questions of the defined key concepts, a short-answer question\n" +
			"per concept, and an essay question per core question, debate and FAQ item, with\n" +
			"the entry's answer as the grader's information. One category per topic.\n" +
			"Writes quiz.xml (moodle), quiz.txt (gift) or quiz.zip (qti, an IMS package\n" +
			"Canvas imports), or -o FILE (-o - for standard output). Definitions the\n" +
			"glossary extracted from the prose are used only with --include-extracted.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: string(quiz.Moodle), Usage: "output format: " + strings.Join(formats, ", ")},
			&cli.StringFlag{Name: "course", Usage: "name of the question bank (default: the entries' subject)"},
			&cli.BoolFlag{Name: "include-extracted", Usage: "also use definitions extracted from the text, tagged for review"},
			&cli.Int64Flag{Name: "seed", Usage: "choose distractors and choice order with seed `N` (same seed, same file)"},
			maxSizeFlag(),
		},
		Action: runQuiz,
	}
}

func runQuiz(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() == 0 {
		return usagef("quiz: want at least one ENTRY file or DIR")
	}
	format, err := quiz.ParseFormat(cmd.String("format"))
	if err != nil {
		return usagef("quiz: --format: %v", err)
	}
	opt := exporter.QuizOptions{
		Format:           format,
		Course:           cmd.String("course"),
		Seed:             cmd.Int64("seed"),
		IncludeExtracted: cmd.Bool("include-extracted"),
	}
	return exportEntries(cmd, "quiz."+format.Ext(), func(entries []*topic.Entry, w io.Writer) ([]string, error) {
		return exporter.Quiz(entries, opt, w)
	})
}
