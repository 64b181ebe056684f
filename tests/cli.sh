#!/bin/sh
# cli.sh - every real list through the whole binary ($LL_BIN): text, JSON
# and --dump-entries must work (exit 0 or 1, valid JSON, no sanitizer
# report, which would exit with another status).  The corpus sits beside
# the project in CI (../shared/corpus/lists); the seeds are also in
# tests/golden so that the sweep never runs on nothing.
set -u
bin=${LL_BIN:-./listlint}
pass=0
fail=0
tmp=$(mktemp -d) || exit 3
trap 'rm -rf "$tmp"' EXIT

check() { # name, expected statuses ("0 1"), command...
  name=$1 ok=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  st=$?
  case " $ok " in
  *" $st "*) pass=$((pass + 1)) ;;
  *)
    fail=$((fail + 1))
    echo "FAIL: $name: exit $st"
    head -c 2000 "$tmp/err"
    ;;
  esac
}

json_ok() { # name
  if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/out"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: $1: output is not valid JSON"
  fi
}

set -- tests/golden/*.md
if [ -d ../shared/corpus/lists ]; then
  set -- "$@" ../shared/corpus/lists/*.md
else
  echo "note: ../shared/corpus/lists not found; sweeping the seeds only"
fi
for f in "$@"; do
  b=$(basename "$f")
  check "$b text" "0 1" "$bin" --no-show-source "$f"
  check "$b show-source" "0 1" "$bin" --show-source --color=always "$f"
  check "$b json" "0 1" "$bin" --format=json "$f"
  json_ok "$b json"
  check "$b dump" "0" "$bin" --dump-entries "$f"
  json_ok "$b dump"
done
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
