// Command benchbuild measures a whole build: it writes N synthetic entries
// (internal/synth, seeded), builds every artifact of them with
// exporter.Build (deck, handouts, course glossary), then builds again with
// nothing changed, and prints entries per second, artifacts per second and
// the peak resident memory, with the machine it ran on, so numbers from
// different runs can be compared honestly. `make bench` runs it.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/internal/memlimit"
	"github.com/scholargate/topicdeck/internal/peakrss"
	"github.com/scholargate/topicdeck/internal/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of synthetic entries")
	seed := flag.Uint64("seed", 1, "seed of the synthetic catalogue")
	jobs := flag.Int("jobs", 0, "entries built at once (default: one per CPU)")
	keep := flag.String("dir", "", "work in `DIR` and keep it (default: a temporary folder, removed)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the full build to `FILE`")
	flag.Parse()
	if err := run(*n, *seed, *jobs, *keep, *cpuprofile); err != nil {
		fmt.Fprintln(os.Stderr, "benchbuild:", err)
		os.Exit(1)
	}
}

func run(n int, seed uint64, jobs int, dir, cpuprofile string) error {
	if dir == "" {
		tmp, err := os.MkdirTemp("", "benchbuild-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	in, out := filepath.Join(dir, "entries"), filepath.Join(dir, "out")
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	printMachine()
	t := time.Now()
	if _, err := synth.WriteDir(in, n, synth.Options{Seed: seed}); err != nil {
		return err
	}
	fmt.Printf("generated:   %d entries (seed %d) in %.2fs\n", n, seed, time.Since(t).Seconds())

	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	// The same collector settings as `topicdeck build`, so the figures are
	// the command's.
	if memlimit.Apply(memlimit.Default) {
		fmt.Printf("collector:   heap limit %d MiB, as topicdeck build sets it\n", memlimit.Default>>20)
	} else {
		fmt.Printf("collector:   GOGC=%q GOMEMLIMIT=%q from the environment\n", os.Getenv("GOGC"), os.Getenv("GOMEMLIMIT"))
	}
	opt := exporter.BuildOptions{Out: out, Jobs: jobs}
	full, err := exporter.Build([]string{in}, opt)
	if cpuprofile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return err
	}
	if len(full.Failures) > 0 {
		return fmt.Errorf("%d entries failed, first: %v", len(full.Failures), full.Failures[0])
	}
	rss, rssOK := peakrss.Bytes()
	report("full build", full)
	if rssOK {
		fmt.Printf("peak RSS:    %.0f MB (whole process: generation and full build)\n", float64(rss)/(1<<20))
	}

	again, err := exporter.Build([]string{in}, opt)
	if err != nil {
		return err
	}
	report("no-change", again)
	if again.Built != 0 {
		return fmt.Errorf("no-change build rebuilt %d entries", again.Built)
	}
	return nil
}

func report(name string, r *exporter.BuildReport) {
	s := r.Elapsed.Seconds()
	fmt.Printf("%-12s %d entries (%d built, %d unchanged), %d files in %.2fs: %.1f entries/s, %.1f artifacts/s\n",
		name+":", r.Entries, r.Built, r.Skipped, r.Artifacts, s, float64(r.Entries)/s, float64(r.Artifacts)/s)
}

// printMachine says where the numbers come from; the load average tells
// whether something else was competing for the CPUs.
func printMachine() {
	fmt.Printf("machine:     %d CPUs (GOMAXPROCS %d), %s, %s %s/%s\n",
		runtime.NumCPU(), runtime.GOMAXPROCS(0), cpuModel(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if l, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Printf("load:        %s (1, 5, 15 min averages before the run)\n", strings.Join(strings.Fields(string(l))[:3], " "))
	}
}

func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}
