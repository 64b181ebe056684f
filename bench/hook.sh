#!/bin/sh
# hook.sh - the pre-commit hook on the largest corpus list, staged in full,
# side by side with awesome-lint and markdownlint-cli2 on the same file
# (both from the npm registry, installed into bench/ by this script only).
set -eu
cd "$(dirname "$0")/.."
make -s listlint
corpus=$(cd "${CORPUS:-../shared/corpus/lists}" && pwd)
largest=$(ls -S "$corpus"/*.md | head -n 1)
if [ ! -x bench/node_modules/.bin/awesome-lint ] ||
  [ ! -x bench/node_modules/.bin/markdownlint-cli2 ]; then
  npm install --prefix bench --no-audit --no-fund --no-save awesome-lint@2 \
    markdownlint-cli2 >/dev/null
fi
bin=$(pwd)/listlint
nm=$(pwd)/bench/node_modules/.bin
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
cd "$repo"
git init -q . && git config user.email b@example.org && git config user.name B
git commit -q --allow-empty -m base
cp "$largest" readme.md
git add readme.md
echo "== $(basename "$largest") ($(wc -c <readme.md) bytes) staged in full"
timeit() { # runs, label, command...
  runs=$1
  label=$2
  shift 2
  best=999999999
  total=0
  i=0
  while [ $i -lt "$runs" ]; do
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    t=$(((e - s) / 1000))
    total=$((total + t))
    [ $t -lt $best ] && best=$t
    i=$((i + 1))
  done
  echo "$label: best $((best / 1000)).$(((best % 1000) / 100)) ms, mean $((total / runs / 1000)) ms over $runs runs"
}
# the installed hook itself, as git runs it (sh, then listlint)
"$bin" install-hook >/dev/null
timeit 20 "pre-commit hook (installed, sh .git/hooks/pre-commit)" \
  sh .git/hooks/pre-commit
# what the hook runs: the staged blob, only what the commit brings in
timeit 20 "listlint --staged --diff-base HEAD" \
  "$bin" --staged --diff-base HEAD --no-show-source
timeit 20 "listlint --staged (whole file)" "$bin" --staged --no-show-source
timeit 3 "awesome-lint readme.md" "$nm/awesome-lint" readme.md
timeit 3 "markdownlint-cli2 readme.md" "$nm/markdownlint-cli2" readme.md
