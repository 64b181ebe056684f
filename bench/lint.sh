#!/bin/sh
# lint.sh - the core linter's benchmark (issue: speed of a full lint).
# Builds a ~10 MB list by concatenating the corpus, then in one run times
# cmark-gfm parsing alone and a full lint, on it and on the largest corpus
# file, and reports peak memory.  Targets: lint within 1.3x of parsing,
# peak memory under 15x the input, under 20 ms for the largest corpus file.
set -eu
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus/lists}
out=bench/out
mkdir -p "$out"
make -s listlint build/liblistlint.a
cc -std=c11 -D_GNU_SOURCE -O2 -Isrc -Irules bench/llbench.c \
  build/liblistlint.a $(pkg-config --cflags --libs libcmark-gfm libpcre2-8 \
  libcurl inih jansson) -o "$out/llbench"

big="$out/corpus-10mb.md"
: >"$big"
while [ "$(wc -c <"$big")" -lt 10000000 ]; do
  for f in "$corpus"/*.md; do cat "$f"; printf '\n\n'; done >>"$big"
done
largest=$(ls -S "$corpus"/*.md | head -n 1)

for f in "$largest" "$big"; do
  p=$("$out/llbench" parse "$f" 9)
  l=$("$out/llbench" lint "$f" 9)
  echo "$p"
  echo "$l"
  pm=$(echo "$p" | sed 's/.*median_ms=\([0-9.]*\).*/\1/')
  lm=$(echo "$l" | sed 's/.*median_ms=\([0-9.]*\).*/\1/')
  bytes=$(echo "$l" | sed 's/.*bytes=\([0-9]*\).*/\1/')
  rss=$(echo "$l" | sed 's/.*maxrss_kb=\([0-9]*\).*/\1/')
  # peak memory of one parse, one lint, each in a process of its own
  prss=$("$out/llbench" parse "$f" 1 | sed 's/.*maxrss_kb=\([0-9]*\).*/\1/')
  rss=$("$out/llbench" lint "$f" 1 | sed 's/.*maxrss_kb=\([0-9]*\).*/\1/')
  awk -v p="$pm" -v l="$lm" -v b="$bytes" -v r="$rss" -v pr="$prss" \
    -v f="$(basename "$f")" \
    'BEGIN { printf "%s: wall lint/parse = %.2fx; peak memory: lint %.1fx input (%d KB), parse alone %.1fx (%d KB)\n", f, l / p, r * 1024 / b, r, pr * 1024 / b, pr }'
  # Wall time on a shared 2-core VM is noisy: instruction counts are not.
  if command -v valgrind >/dev/null; then
    for mode in load parse lint; do
      valgrind --tool=callgrind --callgrind-out-file="$out/cg.$mode" \
        "$out/llbench" "$mode" "$f" 1 >/dev/null 2>&1
    done
    ir() { sed -n 's/^summary: *//p' "$out/cg.$1"; }
    awk -v l0="$(ir load)" -v p="$(ir parse)" -v l="$(ir lint)" \
      -v f="$(basename "$f")" 'BEGIN { printf "%s: instructions: parse %.1fM, lint %.1fM: lint/parse = %.2fx\n", f, (p - l0) / 1e6, (l - l0) / 1e6, (l - l0) / (p - l0) }'
  fi
  # the whole binary, as a user runs it (process start, output included)
  /usr/bin/time -f "$(basename "$f"): listlint process %e s wall, %M KB max RSS" \
    ./listlint -q --no-show-source "$f" >/dev/null || true
done
