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

// runBuild is the build command (its flags are in commands.go).
func runBuild(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() == 0 {
		return usagef("build: want at least one ENTRY file or DIR")
	}
	args := cmd.Args().Slice()
	opt, err := buildOptions(cmd, args)
	if err != nil {
		return err
	}
	s := stdio(cmd)
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
// given.
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
