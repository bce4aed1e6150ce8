#!/usr/bin/env bash
# Renders the pictures of real output the README shows (docs/img/) from the
# samples, with the current code: the seed deck as a contact sheet, each
# slide layout's title and definition slides, and a page of each handout.
set -euo pipefail
cd "$(dirname "$0")/.."
go build -o bin/topicdeck ./cmd/topicdeck
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
seed=samples/neuroadaptation-and-tolerance.md
sheet() { go run ./internal/contactsheet "$@"; }

bin/topicdeck slides "$seed" -o "$tmp/seed.pdf"
pdftoppm -r 24 -png "$tmp/seed.pdf" "$tmp/s"
sheet -cols 6 -o docs/img/seed-deck.png "$tmp"/s-*.png

for l in lecture contrast minimal; do
	bin/topicdeck slides "$seed" --layout "$l" -o "$tmp/$l.pdf"
	pdftoppm -r 36 -png -f 1 -l 3 "$tmp/$l.pdf" "$tmp/$l"
done
sheet -cols 3 -o docs/img/slide-layouts.png "$tmp"/lecture-*.png "$tmp"/contrast-*.png "$tmp"/minimal-*.png

for l in slides-3 slides-6 notes reader cornell guided; do
	bin/topicdeck handout "$seed" --layout "$l" -o "$tmp/h-$l.pdf"
	pdftoppm -r 30 -png -f 1 -l 1 "$tmp/h-$l.pdf" "$tmp/h-$l"
done
sheet -cols 6 -o docs/img/handouts.png "$tmp"/h-slides-3-*.png "$tmp"/h-slides-6-*.png "$tmp"/h-notes-*.png "$tmp"/h-reader-*.png "$tmp"/h-cornell-*.png "$tmp"/h-guided-*.png
echo "docs/img/ updated"
