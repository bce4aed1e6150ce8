# topicdeck — build, demo, test, fuzz, bench, lint.
GO      ?= go
BIN     := bin/topicdeck
FUZZTIME ?= 30s

.PHONY: build demo test fuzz bench lint clean

build:
	$(GO) build -o $(BIN) ./cmd/topicdeck

# demo builds every artifact for samples/ into out/.
demo: build
	@mkdir -p out
	@for f in samples/*.md samples/*.json samples/*.yaml; do \
		$(BIN) validate "$$f" || exit 1; \
	done
	@for f in samples/*.md samples/*.json samples/*.yaml; do \
		base=$$(basename "$${f%.*}"); \
		$(BIN) import "$$f" --to json -o "out/$$base.json" || exit 1; \
	done
	@echo "demo: artifacts are in out/"

test: lint
	$(GO) test ./...

lint:
	@test -z "$$(gofmt -l .)" || (echo "gofmt would change:"; gofmt -l .; exit 1)
	$(GO) vet ./...

# fuzz runs every fuzz target for FUZZTIME each.
fuzz:
	@for pkg in $$($(GO) list ./...); do \
		for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "fuzz $$pkg $$t"; \
			$(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin out
