# topicdeck — build, demo, test, fuzz, bench, lint.
GO      ?= go
BIN     := bin/topicdeck
FUZZTIME ?= 30s

.PHONY: build demo test test-deps fuzz bench loadtest loadtest-uploads compare lint clean

# build links statically (no cgo): the binary then starts without the
# dynamic loader and libc, 60-90 fewer page faults and about 1 ms less CPU for
# every command; topicdeck needs neither cgo's DNS resolver nor its user
# lookup.
build:
	CGO_ENABLED=0 $(GO) build -o $(BIN) ./cmd/topicdeck

# demo builds every artifact of samples/ (decks as PDF and PowerPoint,
# handouts, course glossary and course quiz) into out/, incrementally: run it twice and the second run skips them all.
DEMO_HANDOUTS := slides-1,slides-2,slides-3,slides-4,slides-6,slides-9,notes,reader,cornell,guided

demo: build
	$(BIN) build samples -o out --handouts $(DEMO_HANDOUTS) --formats pdf,pptx
	@echo "demo: decks (PDF, PowerPoint) and handouts are in out/<slug>/, the glossary of all entries is out/course-glossary.xlsx, its quiz out/course-quiz.xml:"
	@find out -type f \( -name '*.pdf' -o -name '*.pptx' -o -name '*.xlsx' -o -name 'course-quiz.xml' \) | sort | sed 's/^/  /'

# test installs what the tests run first (scripts/test-deps: apt-get as
# root on Debian, else one line naming the missing packages).
test: test-deps lint
	$(GO) test -timeout 30m ./...

test-deps:
	@bash scripts/test-deps

STATICCHECK ?= $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2

lint:
	@test -z "$$(gofmt -l .)" || (echo "gofmt would change:"; gofmt -l .; exit 1)
	$(GO) vet ./...
	$(STATICCHECK) ./...

# fuzz runs every fuzz target for FUZZTIME each.
fuzz:
	@for pkg in $$($(GO) list ./...); do \
		for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "fuzz $$pkg $$t"; \
			$(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s $$pkg || exit 1; \
		done; \
	done

# bench builds N (default 1000) synthetic entries end to end and prints
# entries/s, artifacts/s and peak RSS with the machine, then runs the Go
# benchmarks (BenchmarkBuild… and the others), one package at a time so
# that no benchmark shares the CPUs with another.
bench:
	$(GO) run ./cmd/benchbuild -n $(or $(N),1000)
	$(GO) test -p 1 -run '^$$' -bench . -benchmem ./...

# loadtest runs 50 concurrent clients for 20 s against `topicdeck serve` on
# loopback and prints p50/p99 latency, requests per second and peak heap.
loadtest:
	$(GO) run ./cmd/loadtest -clients 50 -duration 20s

# loadtest-uploads sends maximal uploads (2 MiB, the costliest shapes) from
# 8 clients at once for 30 s and fails unless every answer is 200, 413,
# 422 or 503 and the peak RSS stays under 500 MiB.
loadtest-uploads:
	$(GO) run ./cmd/loadtest -uploads -clients 8 -duration 30s

# compare times topicdeck, pandoc -t beamer and marp --pdf on the seed entry
# and prints a Markdown table (needs hyperfine, pandoc+texlive, marp, chromium).
compare:
	bash scripts/compare.sh

clean:
	rm -rf bin out
