#!/bin/sh
# awesome-compare.sh - awesome-lint (from the npm registry, installed here
# only, never a build or test dependency) against listlint --profile
# awesome on the awesome-style lists of the corpus.  Writes
# bench/awesome-lint-compare.md; bench/awesome-lint-differences.md explains
# every kind of difference with its evidence.
set -eu
cd "$(dirname "$0")/.."
make -s listlint
mkdir -p bench/node_modules
[ -x bench/node_modules/.bin/awesome-lint ] ||
  npm install --prefix bench --no-audit --no-fund --no-save awesome-lint@2 >/dev/null
python3 bench/awesome-compare.py bench/node_modules/.bin/awesome-lint \
  ./listlint "${CORPUS:-../shared/corpus/lists}" bench/awesome-lint-compare.md
