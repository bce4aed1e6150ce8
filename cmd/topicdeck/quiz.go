package main

import (
	"context"
	"io"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/quiz"
	"github.com/scholargate/topicdeck/topic"
)

// runQuiz is the quiz command (its flags are in commands.go).
func runQuiz(ctx context.Context, cmd *cli.Command) error {
	return exportEntries(cmd, quiz.ParseFormat, func(entries []*topic.Entry, format quiz.Format, w io.Writer) ([]string, error) {
		opt := exporter.QuizOptions{
			Format:           format,
			Course:           cmd.String("course"),
			Seed:             cmd.Int64("seed"),
			IncludeExtracted: cmd.Bool("include-extracted"),
		}
		return exporter.Quiz(entries, opt, w)
	})
}
