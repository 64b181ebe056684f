#!/bin/sh
# fix.sh - the cost of --fix (issue #14): the concatenation of the corpus
# lists, linted as it is and fixed with --fix (each run on a fresh copy),
# as whole processes, five rounds in turn; the fastest run of each stands
# (this VM's wall clock is noisy: other builds share its two cores).
# Target: --fix within 2x the time of a lint.
set -eu
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus/lists}
out=bench/out
mkdir -p "$out"
make -s listlint
big="$out/corpus-all.md"
for f in "$corpus"/*.md; do cat "$f"; printf '\n\n'; done >"$big"
bytes=$(wc -c <"$big")
now() { date +%s.%N; }
best_lint=999 best_fix=999
for round in 1 2 3 4 5; do
  t0=$(now)
  ./listlint -q --no-config "$big" >/dev/null || true
  t1=$(now)
  cp "$big" "$out/corpus-fix.md"
  t2=$(now)
  ./listlint -q --no-config --fix "$out/corpus-fix.md" >/dev/null 2>&1 || true
  t3=$(now)
  best_lint=$(echo "$best_lint $t0 $t1" | awk '{d=$3-$2; print (d<$1)?d:$1}')
  best_fix=$(echo "$best_fix $t2 $t3" | awk '{d=$3-$2; print (d<$1)?d:$1}')
done
edits=$(./listlint -q --no-config --diff "$big" 2>/dev/null | grep -c '^+[^+]' || true)
echo "$bytes bytes, $edits lines changed by --fix" |
  awk -v l="$best_lint" -v f="$best_fix" '{ print; printf "lint %.2f s, --fix %.2f s: %.2fx\n", l, f, f / l }'
