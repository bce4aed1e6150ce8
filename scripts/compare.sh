#!/usr/bin/env bash
# compare.sh makes the same topic entry into a slide deck with topicdeck,
# `pandoc -t beamer` and `marp --pdf`, times each with hyperfine and checks
# each PDF with tools/pdfcheck (layout, phrases) and tools/pdfuacheck (the
# machine-checkable PDF/UA-1 conditions, phrases in the tag tree), then prints
# one Markdown table for the README.
#
# It installs nothing. Needs: go, hyperfine, pandoc + pdflatex (texlive-latex-
# recommended, texlive-fonts-recommended), marp (npm @marp-team/marp-cli) with
# Chromium, python3, poppler-utils and qpdf (for pdfcheck), python3-pikepdf
# (for pdfuacheck). Marp turns Chromium's sandbox off by itself when run as
# root (or with CHROME_NO_SANDBOX set).
#
# Environment (all optional):
#   ENTRY      entry to convert (default samples/neuroadaptation-and-tolerance.md)
#   RUNS       hyperfine runs for topicdeck (default 20, after 3 warm-ups)
#   SLOW_RUNS  hyperfine runs for pandoc and marp (default 10, after 1 warm-up);
#              they take seconds each, so fewer runs keep the script short
#   CHROME     browser for marp (default $CHROME_PATH, else /usr/bin/chromium)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

entry=$(realpath "${ENTRY:-samples/neuroadaptation-and-tolerance.md}")
runs=${RUNS:-20}
slow_runs=${SLOW_RUNS:-10}
chrome=${CHROME:-${CHROME_PATH:-/usr/bin/chromium}}
pdfcheck="$repo/tools/pdfcheck"
pdfuacheck="$repo/tools/pdfuacheck"

missing=()
for tool in go hyperfine pandoc pdflatex marp python3 pdftotext pdfinfo qpdf; do
	command -v "$tool" >/dev/null || missing+=("$tool")
done
[[ -x "$chrome" ]] || missing+=("$chrome (set CHROME)")
[[ -x "$pdfcheck" ]] || missing+=("$pdfcheck")
[[ -x "$pdfuacheck" ]] || missing+=("$pdfuacheck")
/usr/bin/python3 -c 'import pikepdf' 2>/dev/null || missing+=("python3-pikepdf")
[[ -f "$entry" ]] || missing+=("$entry")
if ((${#missing[@]})); then
	echo "compare.sh: missing: ${missing[*]}" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/topicdeck-compare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Build into the temp dir so the measured binary is this checkout's code
# and bin/ is left alone.
go build -o "$tmp/topicdeck" ./cmd/topicdeck

# Marp separates slides with "---" and renders only with "marp: true" in the
# front matter: insert a break before every "## " section heading and the
# directive as the first front matter line. Nothing else is changed.
awk '
	NR == 1 && /^---$/ { print; print "marp: true"; fm = 1; next }
	fm && /^---$/      { print; fm = 0; next }
	!fm && /^## /      { print "---"; print "" }
	{ print }
' "$entry" >"$tmp/marp.md"

# The phrases every deck must contain: each sentence of the prose, each list
# item, the title and each "###" heading (theory names, debate and FAQ
# questions). "##" section names are left out (topicdeck prints its own
# localized labels), and so are the citation keys under "Seminal works":
# topicdeck resolves them to full references through the entry's
# bibliography, pandoc and marp print the keys as written.
python3 - "$entry" >"$tmp/phrases.txt" <<'EOF'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
if lines and lines[0] == "---":
    lines = lines[lines.index("---", 1) + 1:]
section = ""
for line in lines:
    line = line.strip()
    if not line:
        continue
    if line.startswith("## "):
        section = line[3:].strip().lower()
        continue
    if section == "seminal works":
        continue
    m = re.match(r"^(#{1,6} |[-*+] |\d+[.)] )(.*)$", line)
    if m:
        print(m.group(2).strip())
        continue
    for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])", line):
        print(s.strip())
EOF
phrase_count=$(grep -c . "$tmp/phrases.txt")

td_cmd="$(printf '%q slides %q -o %q' "$tmp/topicdeck" "$entry" "$tmp/topicdeck.pdf")"
pandoc_cmd="$(printf 'pandoc -t beamer --slide-level=2 %q -o %q' "$entry" "$tmp/pandoc.pdf")"
marp_cmd="$(printf 'marp --pdf --browser-path %q %q -o %q' "$chrome" "$tmp/marp.md" "$tmp/marp.pdf")"

# hyperfine shows its progress on stderr; the results go to JSON files.
hyperfine --warmup 3 --runs "$runs" --command-name topicdeck \
	--export-json "$tmp/topicdeck.json" "$td_cmd" >&2
hyperfine --warmup 1 --runs "$slow_runs" --command-name "pandoc -t beamer" \
	--export-json "$tmp/pandoc.json" "$pandoc_cmd" >&2
hyperfine --warmup 1 --runs "$slow_runs" --command-name "marp --pdf" \
	--export-json "$tmp/marp.json" "$marp_cmd" >&2

td_version=$("$tmp/topicdeck" --version | awk '{print $NF}')
pandoc_version="$(pandoc --version | head -n1 | awk '{print $2}') + $(pdflatex --version | head -n1 | sed 's/.*(\(TeX Live [0-9]*\).*/\1/')"
marp_version="$(marp --version | awk '{print $2}' | sed 's/^v//') + Chromium $("$chrome" --version 2>/dev/null | awk '{print $2}')"

# row NAME VERSION STEM prints one table row from STEM.json and STEM.pdf.
row() {
	local name=$1 version=$2 stem=$3 check errors pages size found times
	# Wall time is what a user waits; user+sys CPU time varies less when
	# other work loads the machine.
	times=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.3f s ± %.3f (n=%d) | %.3f s" % (
    r["mean"], r["stddev"] or 0, len(r["times"]), r["user"] + r["system"]))
' "$tmp/$stem.json")
	pages=$(pdfinfo "$tmp/$stem.pdf" | awk '/^Pages:/ {print $2}')
	size=$(pdfinfo "$tmp/$stem.pdf" | awk '/^Page size:/ {printf "%.0f × %.0f pt", $3, $5}')
	# pdfcheck exits 1 when it finds errors; the count is what we report.
	check=$("$pdfcheck" --json --expect "$tmp/phrases.txt" "$tmp/$stem.pdf" || true)
	errors=$(python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
layout = [e for e in d["errors"] if not e.startswith("coverage:")]
print(len(layout), len(d["errors"]) - len(layout))
' <<<"$check")
	found=$((phrase_count - ${errors#* }))
	# pdfuacheck exits 1 when it finds errors too. Its errors other than
	# phrases missing from the tag tree are the PDF/UA-1 failures, counted
	# with the Matterhorn checkpoints they fail.
	ua=$("$pdfuacheck" --json --expect "$tmp/phrases.txt" "$tmp/$stem.pdf" || true)
	uaresult=$(python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
ua = [e for e in d["errors"] if not e.startswith("struct-text")]
missing = len(d["errors"]) - len(ua)
cps = sorted({e.split()[0].split("-")[0] for e in ua})
verdict = "pass, 0 errors" if not ua else "fail, %d errors (checkpoints %s)" % (len(ua), ", ".join(cps))
print("%s | %d/%d" % (verdict, int(sys.argv[1]) - missing, int(sys.argv[1])))
' "$phrase_count" <<<"$ua")
	printf '| %s | %s | %s | %s | %s | %s | %s/%s | %s |\n' \
		"$name" "$version" "$times" "$pages" "$size" "${errors% *}" "$found" "$phrase_count" "$uaresult"
	# Keep the details on stderr for whoever wants to look.
	python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
for e in d["errors"]:
    print("  %s: %s" % (sys.argv[1], e), file=sys.stderr)
' "$name" <<<"$check"
	# pdfuacheck: the first message of each kind, with how many there are.
	python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
kinds = {}
for e in d["errors"]:
    k = e.split()[0]
    kinds.setdefault(k, [0, e])[0] += 1
for k, (n, e) in sorted(kinds.items()):
    print("  %s: pdfuacheck %d× %s" % (sys.argv[1], n, e[:160]), file=sys.stderr)
' "$name" <<<"$ua"
}

echo "Entry: ${entry#"$repo"/} ($phrase_count phrases: sentences, items, headings)"
echo
echo "| tool | version | mean wall time | mean CPU (user+sys) | pages | page size | pdfcheck errors (layout) | phrases found | pdfuacheck (PDF/UA-1) | phrases in the tag tree |"
echo "|---|---|---|---|---|---|---|---|---|---|"
row topicdeck "$td_version" topicdeck
row "pandoc -t beamer" "$pandoc_version" pandoc
row "marp --pdf" "$marp_version" marp
echo
mem=$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
echo "Machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $mem RAM, $(uname -sr);" \
	"load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
