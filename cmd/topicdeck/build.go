package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v3"
	"golang.org/x/term"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/internal/memlimit"
)

func init() { commands = append(commands, buildCommand()) }

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "build every artifact of every entry: decks, handouts and a course glossary",
		ArgsUsage: "ENTRY|DIR...",
		Description: "Makes, for each entry (a DIR stands for every entry file directly in it), the\n" +
			"slide deck and the handouts in OUT/<slug>/, and one glossary of all entries,\n" +
			"OUT/" + exporter.CourseGlossaryFile + ", with a question bank of all entries beside it,\n" +
			"OUT/" + exporter.CourseQuizFile + " (Moodle XML, one category per topic; see the quiz\n" +
			"command). Entries are built in parallel (--jobs).\n\n" +
			"A " + exporter.CourseFile + " in the input folder sets course-wide options (course,\n" +
			"author, date, layout, aspect, handouts, paper, order, lang, bibliography,\n" +
			"font_dir); flags override it.\n\n" +
			"Builds are incremental: OUT/manifest.json records each entry's inputs and\n" +
			"artifacts, unchanged entries are skipped (--force rebuilds them) and the\n" +
			"artifacts of removed entries are deleted. A bad entry is reported with its\n" +
			"file and line and the others are still built; the exit status is then 1.\n\n" +
			"--shard i/n builds the share of the entries whose slug hashes to i (0 ≤ i < n),\n" +
			"for splitting a catalogue across CI jobs; shard 0 also makes the glossary of\n" +
			"all entries.",
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
		OnUsageError: commandUsageError,
		Action:       runBuild,
	}
}

func runBuild(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() == 0 {
		return usagef("build: want at least one ENTRY file or DIR")
	}
	args := cmd.Args().Slice()
	opt, err := buildOptions(cmd, args)
	if err != nil {
		return err
	}
	s := ios(cmd)
	view := newBuildView(s, cmd.Bool("quiet"), opt.Out)
	opt.Progress = view.event
	memlimit.Apply(memlimit.Default)
	report, err := exporter.Build(args, opt)
	view.finish()
	if err != nil {
		return err
	}
	view.summary(report, opt.Out)
	if len(report.Failures) > 0 {
		return &exitError{code: 1}
	}
	return nil
}

// buildOptions merges the course file with the flags; a flag given on the
// command line wins over the file. The flags have no default values of
// their own (the defaults are the exporter's), so an empty flag is one not
// given: cli's IsSet would also do, but it stays set when a test runs the
// same command twice in one process.
func buildOptions(cmd *cli.Command, args []string) (exporter.BuildOptions, error) {
	ropt, err := readOptions(cmd)
	if err != nil {
		return exporter.BuildOptions{}, err
	}
	opt := exporter.BuildOptions{Out: cmd.String("output"), Jobs: cmd.Int("jobs"), Force: cmd.Bool("force"), Read: ropt}
	if opt.Jobs < 0 {
		return opt, usagef("build: --jobs %d: want a positive number", opt.Jobs)
	}
	if sh := cmd.String("shard"); sh != "" {
		if opt.Shard, err = exporter.ParseShard(sh); err != nil {
			return opt, usagef("build: --shard: %v", err)
		}
	}
	if opt.ArtifactOptions, err = artifactOptions(cmd); err != nil {
		return opt, err
	}
	opt.Layout = cmd.String("layout")
	opt.Paper = cmd.String("paper")
	opt.Order = cmd.String("order")
	if f := cmd.String("formats"); f != "" {
		opt.Formats = strings.Split(f, ",")
	}
	if h := cmd.String("handouts"); h != "" {
		opt.Handouts = splitList(h)
	}
	course, err := exporter.FindCourse(args)
	if err != nil {
		return opt, err
	}
	if course == nil {
		course = &exporter.Course{}
	}
	return course.BuildOptions(opt), nil
}

// splitList reads a comma-separated list; "none" or nothing is the empty
// (non-nil) list.
func splitList(s string) []string {
	out := []string{}
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" && p != "none" {
			out = append(out, p)
		}
	}
	return out
}

// buildView shows a build as it goes: a progress bar on a terminal, one
// line per entry otherwise, nothing with --quiet but errors and warnings.
type buildView struct {
	s     *streams
	out   string
	quiet bool
	tty   bool
	bar   *progressbar.ProgressBar
}

func newBuildView(s *streams, quiet bool, out string) *buildView {
	return &buildView{s: s, out: out, quiet: quiet, tty: isTerminal(s.err)}
}

// isTerminal reports whether w is a terminal, where a redrawn bar reads
// well; in a log file or a CI console plain lines do.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func (v *buildView) event(ev exporter.BuildEvent) {
	if v.quiet {
		return
	}
	if v.tty {
		if v.bar == nil {
			v.bar = progressbar.NewOptions(ev.Total,
				progressbar.OptionSetWriter(v.s.err),
				progressbar.OptionSetDescription("building"),
				progressbar.OptionShowCount(),
				progressbar.OptionSetPredictTime(true),
				progressbar.OptionClearOnFinish(),
				progressbar.OptionThrottle(100_000_000), // redraw at most every 0.1 s
			)
		}
		v.bar.Add(1)
		return
	}
	switch ev.Status {
	case exporter.Built:
		fmt.Fprintf(v.s.out, "[%d/%d] built     %s → %s (%s written)\n", ev.Done, ev.Total, ev.Path, filepath.Join(v.out, ev.Slug)+string(filepath.Separator), count(len(ev.Artifacts), "file", "files"))
	case exporter.Skipped:
		fmt.Fprintf(v.s.out, "[%d/%d] unchanged %s\n", ev.Done, ev.Total, ev.Path)
	default:
		fmt.Fprintf(v.s.out, "[%d/%d] failed    %s\n", ev.Done, ev.Total, ev.Path)
	}
}

func (v *buildView) finish() {
	if v.bar != nil {
		v.bar.Finish()
		v.bar = nil
	}
}

// summary prints the warnings and errors (sorted, so two runs of the same
// build print the same) and, unless quiet, how the build went.
func (v *buildView) summary(r *exporter.BuildReport, out string) {
	for _, w := range r.Warnings {
		fmt.Fprintln(v.s.err, "topicdeck: warning: "+w)
	}
	var msgs []string
	for _, err := range r.Failures {
		msgs = append(msgs, err.Error())
	}
	// An entry's unreadable bibliography stops its deck and the glossary
	// alike; say it once.
	sort.Strings(msgs)
	msgs = slices.Compact(msgs)
	for _, m := range msgs {
		fmt.Fprintln(v.s.err, "topicdeck: "+m)
	}
	if v.quiet {
		return
	}
	if r.Glossary != "" {
		fmt.Fprintf(v.s.out, "course glossary → %s\n", r.Glossary)
	}
	if r.Quiz != "" {
		fmt.Fprintf(v.s.out, "course quiz → %s\n", r.Quiz)
	}
	for _, p := range r.Removed {
		fmt.Fprintf(v.s.out, "removed %s\n", p)
	}
	secs := r.Elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(r.Artifacts) / secs
	}
	fmt.Fprintf(v.s.out, "%s: %d built, %d unchanged, %d failed; %s written in %.2fs (%.1f artifacts/s) → %s\n",
		count(r.Entries, "entry", "entries"), r.Built, r.Skipped, r.Failed, count(r.Artifacts, "file", "files"), secs, rate, filepath.Clean(out))
}

// count writes n with the singular or plural noun.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
