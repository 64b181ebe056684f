#!/bin/sh
# action-lint.sh - the composite action's lint step (action.yml), kept in
# a file so that tests/test_action.c runs exactly what the action runs.
# Reads LL_FILES, LL_FAIL_ON, LL_BASE; writes listlint.sarif; prints
# annotations; exits with listlint's status.
set -u
bin=${LISTLINT:-${GITHUB_ACTION_PATH:-$(dirname "$0")/..}/listlint}
base=""
if [ -n "${LL_BASE:-}" ]; then
  # a shallow checkout may lack the base commit
  git cat-file -e "$LL_BASE^{commit}" 2>/dev/null ||
    git fetch --quiet --depth=1 origin "$LL_BASE" 2>/dev/null || true
  base="--diff-base=$LL_BASE"
fi
# shellcheck disable=SC2086 # LL_FILES is a list of words
"$bin" $base --format=sarif --fail-on="${LL_FAIL_ON:-error}" ${LL_FILES:-README.md} >listlint.sarif
sarif_status=$?
# shellcheck disable=SC2086
"$bin" $base --format=github --fail-on="${LL_FAIL_ON:-error}" ${LL_FILES:-README.md}
status=$?
[ "$sarif_status" -le 1 ] || status=$sarif_status
exit "$status"
