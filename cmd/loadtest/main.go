// Command loadtest puts the topicdeck server under load on loopback and
// reports what a reader of the README wants to know: latency (p50, p99)
// and requests per second for cached and freshly rendered artifacts, and
// the memory the process needed. It starts its own server on 127.0.0.1
// over a copy of the sample entries, runs a fixed number of clients for a
// fixed time and stops by itself.
//
// It exits non-zero when a request failed, when any 5xx other than the
// designed 503 (every render slot taken) was answered, or when the heap
// grew past the cache bound plus the margin. With -uploads it sends only
// maximal uploads, as an attacker would, and checks that every answer is
// 200, 413, 422 or 503 and that the peak resident memory stays in bound.
//
//	go run ./cmd/loadtest -clients 50 -duration 20s
//	go run ./cmd/loadtest -uploads -clients 8 -duration 30s
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/scholargate/topicdeck/exporter"
	"github.com/scholargate/topicdeck/internal/peakrss"
	"github.com/scholargate/topicdeck/topic"
)

func main() {
	os.Exit(run())
}

// config is the command line.
type config struct {
	clients    int
	duration   time.Duration
	cacheMB    int
	inflight   int
	uncached   float64
	marginMB   int
	samplesDir string
	uploads    bool
	maxRSSMB   int
}

func run() int {
	var c config
	flag.IntVar(&c.clients, "clients", 50, "concurrent clients")
	flag.DurationVar(&c.duration, "duration", 20*time.Second, "how long the clients send requests")
	flag.IntVar(&c.cacheMB, "cache-mb", 64, "the server's cache bound in MiB")
	flag.IntVar(&c.inflight, "max-inflight", 0, "the server's render bound (0: 2 per CPU)")
	flag.Float64Var(&c.uncached, "uncached", 0.2, "share of requests that upload an entry, which is rendered every time")
	flag.IntVar(&c.marginMB, "margin-mb", 128, "heap allowed beyond the cache bound, in MiB")
	flag.StringVar(&c.samplesDir, "samples", "samples", "folder of entries to serve")
	flag.BoolVar(&c.uploads, "uploads", false, "send only maximal uploads (2 MiB, the costliest shapes) and check the resident memory")
	flag.IntVar(&c.maxRSSMB, "max-rss-mb", 500, "with -uploads: the peak resident memory allowed, in MiB")
	flag.Parse()
	if c.clients <= 0 || c.duration <= 0 || c.uncached < 0 || c.uncached > 1 {
		fmt.Fprintln(os.Stderr, "loadtest: -clients and -duration must be positive, -uncached between 0 and 1")
		return 2
	}
	test := loadtest
	if c.uploads {
		test = uploadsTest
	}
	if err := test(c, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest: "+err.Error())
		return 1
	}
	return 0
}

// request is one kind of request the clients send.
type request struct {
	method, path, ctype string
	body                []byte
	// class is the row of the report it counts in: cached or uncached.
	class string
}

// stats gathers one class of requests.
type stats struct {
	mu        sync.Mutex
	latencies []time.Duration // of answered requests other than 503
	statuses  map[int]int
	errors    int
}

func (s *stats) add(status int, d time.Duration, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case err != nil:
		s.errors++
	case status == http.StatusServiceUnavailable:
		s.statuses[status]++
	default:
		s.statuses[status]++
		s.latencies = append(s.latencies, d)
	}
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted)-1) * p)
	return sorted[i]
}

func loadtest(c config, out io.Writer) error {
	srv, err := startLoopback(c, false)
	if err != nil {
		return err
	}
	entries := srv.entries
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: c.clients, MaxConnsPerHost: c.clients},
	}
	cached, uncached := requests(entries)
	// Warm the cache: every cached request answered once before timing.
	for _, r := range cached {
		if status, err := send(client, srv.base, r); err != nil || status != http.StatusOK {
			srv.close()
			return fmt.Errorf("warm-up %s %s: status %d, %v", r.method, r.path, status, err)
		}
	}

	stopSampler := sampleMemory()
	classes := map[string]*stats{"cached": {statuses: map[int]int{}}, "uncached": {statuses: map[int]int{}}}
	rngs := make([]*rand.Rand, c.clients)
	for i := range rngs {
		rngs[i] = rand.New(rand.NewPCG(uint64(i), 1))
	}
	elapsed := drive(client, srv.base, c.clients, c.duration, func(i, _ int) request {
		pool := cached
		if rngs[i].Float64() < c.uncached {
			pool = uncached
		}
		return pool[rngs[i].IntN(len(pool))]
	}, func(r request, status int, took time.Duration, err error) {
		classes[r.class].add(status, took, err)
	})
	peakHeap, peakSys := stopSampler()
	if err := srv.close(); err != nil {
		return err
	}

	var problems []string
	fmt.Fprintf(out, "loadtest: %d clients for %s on loopback, %d topics, cache %d MiB, %d CPUs\n\n",
		c.clients, c.duration, len(entries), c.cacheMB, runtime.NumCPU())
	fmt.Fprintf(out, "%-9s %9s %9s %6s %6s %9s %9s %9s\n", "class", "requests", "ok/s", "503", "errors", "p50", "p99", "max")
	total := 0
	for _, name := range []string{"cached", "uncached"} {
		s := classes[name]
		slices.Sort(s.latencies)
		n := s.errors
		ok := 0
		for status, k := range s.statuses {
			n += k
			if status == http.StatusOK {
				ok += k
			}
			// Anything but 200 and the designed 503 is a failure,
			// a 5xx above all.
			if status != http.StatusOK && status != http.StatusServiceUnavailable {
				problems = append(problems, fmt.Sprintf("%s: %d answers with status %d", name, k, status))
			}
		}
		if s.errors > 0 {
			problems = append(problems, fmt.Sprintf("%s: %d requests failed", name, s.errors))
		}
		total += n
		fmt.Fprintf(out, "%-9s %9d %9.1f %6d %6d %9s %9s %9s\n", name, n, float64(ok)/elapsed.Seconds(),
			s.statuses[http.StatusServiceUnavailable], s.errors,
			round(percentile(s.latencies, 0.50)), round(percentile(s.latencies, 0.99)), round(percentile(s.latencies, 1)))
	}
	bound := uint64(c.cacheMB+c.marginMB) << 20
	fmt.Fprintf(out, "\ntotal: %d requests, %.1f requests/s\n", total, float64(total)/elapsed.Seconds())
	rss := "unknown"
	if n, ok := peakrss.Bytes(); ok {
		rss = fmt.Sprintf("%.1f MiB", mib(uint64(n)))
	}
	fmt.Fprintf(out, "memory: peak heap in use %.1f MiB, peak from the OS %.1f MiB, peak RSS %s (bound: cache %d MiB + margin %d MiB)\n",
		mib(peakHeap), mib(peakSys), rss, c.cacheMB, c.marginMB)
	if peakHeap > bound {
		problems = append(problems, fmt.Sprintf("peak heap %.1f MiB is over the bound of %d MiB", mib(peakHeap), c.cacheMB+c.marginMB))
	}
	if len(problems) > 0 {
		return fmt.Errorf("failed:\n  %s", strings.Join(problems, "\n  "))
	}
	fmt.Fprintln(out, "PASS: no 5xx but the designed 503s, memory within the bound")
	return nil
}

func round(d time.Duration) time.Duration { return d.Round(100 * time.Microsecond) }

func mib(n uint64) float64 { return float64(n) / (1 << 20) }

// send makes one request and reads the whole answer, as a download does.
func send(client *http.Client, base string, r request) (int, error) {
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequest(r.method, base+r.path, body)
	if err != nil {
		return 0, err
	}
	if r.ctype != "" {
		req.Header.Set("Content-Type", r.ctype)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// sample is an entry file copied into the served folder.
type sample struct {
	name string
	data []byte
	slug string
}

// copyEntries copies the files of src into dst and returns the entries
// among them.
func copyEntries(src, dst string) ([]sample, error) {
	des, err := os.ReadDir(src)
	if err != nil {
		return nil, err
	}
	var out []sample
	for _, de := range des {
		if de.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, de.Name()))
		if err != nil {
			return nil, err
		}
		path := filepath.Join(dst, de.Name())
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return nil, err
		}
		if !slices.Contains(exporter.EntryExts, strings.ToLower(filepath.Ext(de.Name()))) {
			continue
		}
		e, err := topic.Read(path, b, topic.Options{})
		if err != nil {
			continue // a bibliography in CSL-JSON, say; the server passes it over too
		}
		out = append(out, sample{name: de.Name(), data: b, slug: e.SlugOrDefault()})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s holds no entries", src)
	}
	return out, nil
}

// requests returns the cached mix (every artifact of every topic, the
// page and the all-topics glossary) and the uncached one (uploads, which
// are rendered on every request).
func requests(entries []sample) (cached, uncached []request) {
	cached = []request{{method: "GET", path: "/", class: "cached"}, {method: "GET", path: "/glossary.xlsx", class: "cached"}}
	for _, e := range entries {
		for _, p := range []string{"slides.pdf", "slides.pdf?layout=contrast&aspect=4:3", "handout.pdf", "handout.pdf?layout=reader", "glossary.xlsx", "entry.json"} {
			cached = append(cached, request{method: "GET", path: "/topics/" + e.slug + "/" + p, class: "cached"})
		}
		for _, art := range []string{"slides.pdf", "handout.pdf?layout=slides-6", "glossary.xlsx", "entry.json"} {
			sep := "?"
			if strings.Contains(art, "?") {
				sep = "&"
			}
			uncached = append(uncached, request{method: "POST", path: "/render/" + art + sep + "name=" + e.name, body: e.data, ctype: "application/octet-stream", class: "uncached"})
		}
	}
	return cached, uncached
}
