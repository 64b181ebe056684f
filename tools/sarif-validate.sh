#!/bin/sh
# sarif-validate.sh [FILE...] - check listlint's SARIF as its consumers do:
# Microsoft's SARIF Multitool (`validate`, the Sarif and Gh rule kinds:
# the specification's advice and GitHub code scanning's ingestion rules).
# The Multitool comes from the npm registry (@microsoft/sarif-multitool-linux,
# a prebuilt binary) and is installed into bench/ by this script only,
# beside the other tools the benchmarks compare; make test never runs it.
# Lints FILEs (default: examples/README.md, every fixture and the shared
# corpus) into one SARIF log each and exits 1 if the Multitool reports
# anything.
set -eu
cd "$(dirname "$0")/.."
bin=${LISTLINT:-./listlint}
mt=bench/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -x "$mt" ]; then
  npm install --prefix bench --no-audit --no-fund --no-save \
    @microsoft/sarif-multitool-linux@5 >/dev/null
  chmod u+x "$mt"
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ $# -eq 0 ]; then
  set -- examples/README.md tests/fixtures/*/*.md
  for f in ../shared/corpus/lists/*.md; do [ -f "$f" ] && set -- "$@" "$f"; done
fi
n=0
for f in "$@"; do
  n=$((n + 1))
  # findings exit 1: that is no failure here
  "$bin" --no-config --format=sarif "$f" >"$out/$n.sarif" || [ $? -eq 1 ]
done
"$mt" validate --rule-kind "Sarif;Gh" --output "$out/report.sarif" \
  "$out"/[0-9]*.sarif >"$out/log" 2>&1 || { cat "$out/log"; exit 1; }
problems=$(grep -c '"ruleId"' "$out/report.sarif" || true)
echo "sarif-validate: $n SARIF logs, $problems problems (Multitool $("$mt" --version 2>&1 | head -1 | cut -d' ' -f3 | cut -d+ -f1))"
if [ "$problems" -ne 0 ]; then
  grep -E '(warning|error|note) (SARIF|GH)[0-9]+' "$out/log" | head -40
  exit 1
fi
