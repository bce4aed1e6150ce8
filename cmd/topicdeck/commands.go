package main

import (
	"runtime"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/glossary"
	"github.com/scholargate/topicdeck/quiz"
	"github.com/scholargate/topicdeck/server"
)

// commandMakers make every subcommand, sorted by name as help lists them:
// its name, help text and flags, declared below in that order so that they
// read as the manual does; what a command does is in the file named after
// it (layouts, with its show subcommand, is declared there too). Commands
// are made afresh for each run, so that no flag one in-process run sets
// stays set, and one at a time, so that a run makes only the one it runs
// (see commandsFor).
var commandMakers = []struct {
	name string
	make func() *cli.Command
}{
	{"build", buildCommand},
	{"glossary", glossaryCommand},
	{"handout", handoutCommand},
	{"import", importCommand},
	{"layouts", layoutsCommand},
	{"quiz", quizCommand},
	{"serve", serveCommand},
	{"slides", slidesCommand},
	{"validate", validateCommand},
}

// commands returns every subcommand, in help's order.
func commands() []*cli.Command {
	cmds := make([]*cli.Command, len(commandMakers))
	for i, m := range commandMakers {
		cmds[i] = usageErrors(m.make())
	}
	return cmds
}

// usageErrors makes a mistake on cmd's command line, or on any of its
// subcommands', a usage error (exit 2, one line on standard error), as the
// root command does for its own flags. Set here for every command, so that
// no command falls back to urfave/cli's own answer (its help after
// "Incorrect Usage", exit 1).
func usageErrors(cmd *cli.Command) *cli.Command {
	cmd.OnUsageError = commandUsageError
	for _, sub := range cmd.Commands {
		usageErrors(sub)
	}
	return cmd
}

// commandsFor returns the commands a run with args needs: the one that
// args name right after the program name, alone, or every command when
// they name none (no arguments, a flag such as --help or --version, help,
// a mistyped name). urfave/cli sets up every command it is given (a help
// command, a help flag, flag categories) before it runs one: a tenth of a
// millisecond and a hundred kilobytes of fresh heap at each start, for
// commands the run never reaches. A named command behaves the same alone:
// its help, flags, mistakes and completion never look at its siblings
// (TestCommandAlone compares its help with the whole tree's).
func commandsFor(args []string) []*cli.Command {
	if len(args) > 1 {
		for _, m := range commandMakers {
			if m.name == args[1] {
				return []*cli.Command{usageErrors(m.make())}
			}
		}
	}
	return commands()
}

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "build every artifact of every entry: decks, handouts and a course glossary",
		ArgsUsage: "ENTRY|DIR...",
		Description: `Makes, for each entry (a DIR stands for every entry file directly in it), the
slide deck and the handouts in OUT/<slug>/, and one glossary of all entries,
OUT/` + exporter.CourseGlossaryFile + `, with a question bank of all entries beside it,
OUT/` + exporter.CourseQuizFile + ` (Moodle XML, one category per topic; see the quiz
command). Entries are built in parallel (--jobs).

A ` + exporter.CourseFile + ` in the input folder sets course-wide options (course,
author, date, layout, aspect, handouts, paper, order, lang, bibliography,
font_dir); flags override it.

Builds are incremental: OUT/manifest.json records each entry's inputs and
artifacts, unchanged entries are skipped (--force rebuilds them) and the
artifacts of removed entries are deleted. A bad entry is reported with its
file and line and the others are still built; the exit status is then 1.

--shard i/n builds the share of the entries whose slug hashes to i (0 ≤ i < n),
for splitting a catalogue across CI jobs; shard 0 also makes the glossary of
all entries.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "out", Usage: "output `DIR`"},
			&cli.StringFlag{Name: "layout", Usage: "slide layout `NAME` (see topicdeck layouts; default " + exporter.DefaultSlideLayout + ")"},
			&cli.StringFlag{Name: "formats", Usage: "deck formats, comma-separated: pdf, pptx (editable PowerPoint) or pdf,pptx (default pdf)"},
			&cli.StringFlag{Name: "handouts", Usage: "handout layouts, comma-separated, or none (default " + strings.Join(exporter.DefaultHandouts, ",") + ")"},
			&cli.StringFlag{Name: "paper", Usage: "handout paper: a4 (default) or letter"},
			&cli.StringFlag{Name: "order", Usage: "how slides fill a handout page: horizontal (default) or vertical"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "entries built at once (default: one per CPU)"},
			&cli.BoolFlag{Name: "force", Usage: "rebuild every entry, changed or not"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only errors and warnings"},
			&cli.StringFlag{Name: "shard", Usage: "build only share `i/n` of the entries (0 ≤ i < n), by slug"},
			maxSizeFlag(),
		}, artifactFlags()...),
		Action: runBuild,
	}
}

func glossaryCommand() *cli.Command {
	return &cli.Command{
		Name:      "glossary",
		Usage:     "export the vocabulary of one topic or a whole course (xlsx, csv, tsv, anki, moodle)",
		ArgsUsage: "ENTRY|DIR...",
		Description: `Collects the key concepts of the entries (a DIR stands for every entry file
directly in it: ` + strings.Join(exporter.EntryExts, " ") + `, sorted by name), merges the
terms several topics share, finds a definition for each (written in the entry,
else extracted from its text and marked for review) and writes glossary.xlsx,
or glossary.<ext> for --format (csv, tsv, txt for anki, xml for moodle), or
-o FILE (-o - for standard output).`,
		Flags: []cli.Flag{
			outputFlag(),
			formatFlag(glossary.Formats(), glossary.XLSX),
			&cli.StringFlag{Name: "lang", Usage: "course language for sorting and labels (en, sv), overriding the entries'"},
			&cli.StringFlag{Name: "title", Usage: "name of the glossary (default: the topic's title or the course's subject)"},
			&cli.BoolFlag{Name: "bom", Usage: "start CSV/TSV with a UTF-8 byte order mark, so Excel reads it as UTF-8"},
			&cli.StringSliceFlag{Name: "bib", Usage: "bibliography `FILE` (BibTeX or CSL-JSON) for the References sheet; repeatable"},
			maxSizeFlag(),
		},
		Action: runGlossary,
	}
}

func handoutCommand() *cli.Command {
	return &cli.Command{
		Name:      "handout",
		Usage:     "make a printable handout (PDF) from an entry",
		ArgsUsage: "ENTRY (- for standard input)",
		Description: `Plans the entry as a handout to print and write on and writes
<slug>-handout-<layout>.pdf in the working directory (or -o FILE; -o - for stdout).
` + handoutLayoutsHelp(),
		Flags: append([]cli.Flag{
			outputFlag(),
			&cli.StringFlag{Name: "layout", Value: exporter.DefaultHandoutLayout, Usage: "handout layout `NAME` (see topicdeck layouts)"},
			&cli.StringFlag{Name: "paper", Value: "a4", Usage: "paper size: a4 or letter"},
			&cli.StringFlag{Name: "order", Value: "horizontal", Usage: "how slides fill a page: horizontal or vertical"},
			&cli.StringFlag{Name: "slides-layout", Value: exporter.DefaultSlideLayout, Usage: "slide layout `NAME` the slides are drawn from"},
			maxSizeFlag(),
		}, artifactFlags()...),
		Action: runHandout,
	}
}

func importCommand() *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "convert a topic entry between Markdown, JSON and YAML (page text is read, not written)",
		ArgsUsage: "FILE",
		Description: `Reads FILE ("-" for standard input) in any of the four forms and writes it
in the form --to names, or the one OUT's extension names, else Markdown.
Without -o (or with -o -) the result goes to standard output.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "output file (- for standard output)", Value: "-"},
			&cli.StringFlag{Name: "to", Usage: "output form: md, json or yaml"},
			maxSizeFlag(),
		},
		Action: runImport,
	}
}

func quizCommand() *cli.Command {
	return &cli.Command{
		Name:      "quiz",
		Usage:     "export a question bank of one topic or a whole course (Moodle XML, GIFT, QTI for Canvas)",
		ArgsUsage: "ENTRY|DIR...",
		Description: `Makes questions of what the entries say (a DIR stands for every entry file
directly in it: ` + strings.Join(exporter.EntryExts, " ") + `, sorted by name): matching and
multiple-choice questions of the defined key concepts, a short-answer question
per concept, and an essay question per core question, debate and FAQ item, with
the entry's answer as the grader's information. One category per topic.
Writes quiz.xml (moodle), quiz.txt (gift) or quiz.zip (qti, an IMS package
Canvas imports), or -o FILE (-o - for standard output). Definitions the
glossary extracted from the prose are used only with --include-extracted.`,
		Flags: []cli.Flag{
			outputFlag(),
			formatFlag(quiz.Formats(), quiz.Moodle),
			&cli.StringFlag{Name: "course", Usage: "name of the question bank (default: the entries' subject)"},
			&cli.BoolFlag{Name: "include-extracted", Usage: "also use definitions extracted from the text, tagged for review"},
			&cli.Int64Flag{Name: "seed", Usage: "choose distractors and choice order with seed `N` (same seed, same file)"},
			maxSizeFlag(),
		},
		Action: runQuiz,
	}
}

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "serve a folder of entries as a page with download buttons",
		ArgsUsage: "DIR",
		Description: `Serves every entry file directly in DIR: GET / lists the topics by subject
(in English or Swedish, with a filter box and the course glossary and quiz), and
GET /topics/{slug}/ previews every slide and handout beside buttons that download
them, rendered on request and cached in memory. Files are re-read when they
change. POST
/render/{slides.pdf,handout.pdf,glossary.xlsx,entry.json} renders an uploaded
entry without keeping it. SIGINT or SIGTERM stops the server after the downloads
in flight finish.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "listen on `HOST:PORT`"},
			&cli.IntFlag{Name: "cache-mb", Value: 64, Usage: "keep at most `MB` mebibytes of rendered files in memory"},
			&cli.IntFlag{Name: "max-inflight", Value: runtime.NumCPU() * 2, Usage: "render at most `N` files at once; more get 503; the default is 2 per CPU"},
			&cli.StringFlag{Name: "max-upload", Value: "2MiB", Usage: "largest entry accepted by POST /render, as `SIZE` (e.g. 2MiB, 500KB or a byte count)"},
			&cli.IntFlag{Name: "max-render-mb", Value: server.DefaultMaxRenderBytes >> 20, Usage: "renders running at once may need `MB` mebibytes together, by an estimate from each entry's size; more get 503"},
			&cli.IntFlag{Name: "max-items", Value: server.DefaultMaxItems, Usage: "render entries of at most `N` list items (key concepts, questions, list entries); more get 422"},
			&cli.IntFlag{Name: "max-cells", Value: server.DefaultMaxCells, Usage: "render entries of at most `N` table cells; more get 422"},
			&cli.IntFlag{Name: "max-pages", Value: server.DefaultMaxPages, Usage: "make PDFs of at most `N` pages; more get 422"},
		},
		Action: runServe,
	}
}

func slidesCommand() *cli.Command {
	return &cli.Command{
		Name:      "slides",
		Usage:     "make a slide deck (PDF or editable PowerPoint) from an entry",
		ArgsUsage: "ENTRY (- for standard input)",
		Description: `Plans the entry as slides a lecturer can project as they are and writes
<slug>-slides.pdf in the working directory (or -o FILE; -o - for stdout).
-o deck.pptx (or --format pptx) writes an editable PowerPoint deck instead:
the same slides, with the entry's text for each slide as speaker notes.`,
		Flags: append([]cli.Flag{
			outputFlag(),
			&cli.StringFlag{Name: "format", Usage: "pdf or pptx (default: from the -o extension, else pdf)"},
			&cli.StringFlag{Name: "layout", Value: exporter.DefaultSlideLayout, Usage: "slide layout `NAME`, or a layout file (path ending .yaml; see topicdeck layouts)"},
			maxSizeFlag(),
		}, artifactFlags()...),
		Action: runSlides,
	}
}

func validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check topic entries and report problems as file:line:col: severity: message",
		ArgsUsage: "FILE...",
		Description: `Loads each entry (Markdown, JSON, YAML or page text; "-" reads standard input)
and prints every problem on standard output. Prints nothing when all is well.
Exit status: 0 no errors (warnings alone pass), 1 errors found (or warnings
with --strict), 2 usage error.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "strict", Usage: "treat warnings as errors"},
			&cli.StringSliceFlag{Name: "bib", Usage: "bibliography `FILE` (.bib or CSL-JSON) to resolve seminal works against, besides the entry's own; repeatable"},
			maxSizeFlag(),
		},
		Action: runValidate,
	}
}
