package main

import (
	"fmt"
	"io"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/scholargate/topicdeck/internal/peakrss"
	"github.com/scholargate/topicdeck/server"
)

// maximalUploads are uploads at the default 2 MiB limit in the shapes
// that cost a render the most: what an attacker would send. Each is sent
// for the artifacts where it costs most.
func maximalUploads() []request {
	fill := func(head string, line func(i int) string) []byte {
		var b strings.Builder
		b.WriteString(head)
		for i := 0; ; i++ {
			l := line(i)
			if b.Len()+len(l) > server.DefaultMaxUpload {
				return []byte(b.String())
			}
			b.WriteString(l)
		}
	}
	words := strings.TrimSpace(strings.Repeat("word ", 120))
	shapes := map[string][]byte{
		// The attack of the issue: 170,000 one-line key concepts.
		"oneline": fill("# Attack\n\nA definition.\n\n## Key concepts\n\n", func(i int) string { return fmt.Sprintf("- T%d: d\n", i) }),
		// As many long key concepts as the item limit lets in.
		"concepts": fill("# Concepts\n\nA definition.\n\n## Key concepts\n\n", func(i int) string {
			if i >= server.DefaultMaxItems {
				return strings.Repeat("x", server.DefaultMaxUpload)
			}
			return fmt.Sprintf("- T%d: %s\n", i, words[:min(len(words), 700)])
		}),
		// 2 MiB of prose.
		"prose": fill("# Prose\n\nA definition.\n\n## History\n\n", func(int) string { return words + "\n\n" }),
		// A table at the cell limit with long cells.
		"table": fill("# Table\n\nA definition.\n\n## History\n\n| a | b | c | d | e |\n|---|---|---|---|---|\n", func(i int) string {
			if i >= server.DefaultMaxCells/5-1 {
				return strings.Repeat("x", server.DefaultMaxUpload)
			}
			return "| " + words[:400] + " | b | c | d | e |\n"
		}),
	}
	var out []request
	for _, name := range []string{"oneline", "concepts", "prose", "table"} {
		for _, art := range []string{"slides.pdf", "handout.pdf?layout=notes", "handout.pdf?layout=slides-6", "glossary.xlsx"} {
			sep := "?"
			if strings.Contains(art, "?") {
				sep = "&"
			}
			out = append(out, request{method: "POST", path: "/render/" + art + sep + "name=" + name + ".md", body: shapes[name], ctype: "text/markdown"})
		}
	}
	return out
}

// uploadsTest sends maximal uploads from c.clients clients at once for
// c.duration against a server with the default limits and budget, and
// checks what the README promises: every answer is 200, 413, 422 or 503,
// and the process stays under c.maxRSSMB of resident memory.
func uploadsTest(c config, out io.Writer) error {
	srv, err := startLoopback(c, true)
	if err != nil {
		return err
	}
	client := &http.Client{
		Timeout:   2 * time.Minute,
		Transport: &http.Transport{MaxIdleConnsPerHost: c.clients, MaxConnsPerHost: c.clients},
	}
	uploads := maximalUploads()

	stopSampler := sampleMemory()
	var mu sync.Mutex
	statuses := map[string]map[int]int{}
	var latencies []time.Duration
	errs := 0
	elapsed := drive(client, srv.base, c.clients, c.duration, func(i, n int) request {
		return uploads[(i+n*c.clients)%len(uploads)]
	}, func(r request, status int, took time.Duration, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			errs++
			return
		}
		name := strings.TrimPrefix(r.path, "/render/")
		if statuses[name] == nil {
			statuses[name] = map[int]int{}
		}
		statuses[name][status]++
		latencies = append(latencies, took)
	})
	peakHeap, _ := stopSampler()
	if err := srv.close(); err != nil {
		return err
	}

	rss, rssKnown := peakrss.Bytes()
	var problems []string
	fmt.Fprintf(out, "loadtest -uploads: %d clients sending maximal uploads (2 MiB) for %s, %d CPUs, render budget %d MiB, cache %d MiB\n\n",
		c.clients, c.duration, runtime.NumCPU(), server.DefaultMaxRenderBytes>>20, c.cacheMB)
	names := make([]string, 0, len(statuses))
	for n := range statuses {
		names = append(names, n)
	}
	slices.Sort(names)
	total := 0
	for _, n := range names {
		var parts []string
		codes := make([]int, 0, len(statuses[n]))
		for code := range statuses[n] {
			codes = append(codes, code)
		}
		slices.Sort(codes)
		for _, code := range codes {
			k := statuses[n][code]
			total += k
			parts = append(parts, fmt.Sprintf("%d×%d", k, code))
			switch code {
			case http.StatusOK, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity, http.StatusServiceUnavailable:
			default:
				problems = append(problems, fmt.Sprintf("%s: %d answers with status %d", n, k, code))
			}
		}
		fmt.Fprintf(out, "  %-55s %s\n", n, strings.Join(parts, " "))
	}
	if errs > 0 {
		problems = append(problems, fmt.Sprintf("%d requests failed", errs))
	}
	slices.Sort(latencies)
	fmt.Fprintf(out, "\ntotal: %d answers in %s, p50 %s, p99 %s, max %s\n", total, elapsed.Round(time.Second),
		round(percentile(latencies, 0.5)), round(percentile(latencies, 0.99)), round(percentile(latencies, 1)))
	fmt.Fprintf(out, "memory: peak heap in use %.1f MiB", mib(peakHeap))
	if rssKnown {
		fmt.Fprintf(out, ", peak RSS %.1f MiB (bound %d MiB)\n", mib(uint64(rss)), c.maxRSSMB)
		if rss > int64(c.maxRSSMB)<<20 {
			problems = append(problems, fmt.Sprintf("peak RSS %.1f MiB is over the bound of %d MiB", mib(uint64(rss)), c.maxRSSMB))
		}
	} else {
		fmt.Fprintln(out, ", peak RSS unknown on this system")
	}
	if len(problems) > 0 {
		return fmt.Errorf("failed:\n  %s", strings.Join(problems, "\n  "))
	}
	fmt.Fprintln(out, "PASS: every answer 200, 413, 422 or 503; resident memory within the bound")
	return nil
}
