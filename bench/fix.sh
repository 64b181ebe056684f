#!/bin/sh
# fix.sh - the cost of --fix (issue #14): the concatenation of the corpus
# lists, linted as it is and fixed with --fix (each run on a fresh copy),
# as whole processes, seven rounds in turn; for each the fastest run, in
# wall time and in CPU time (user + system, steadier on this shared
# 2-core VM).  Target: --fix within 2x the time of a lint.
set -eu
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus/lists}
out=bench/out
mkdir -p "$out"
make -s listlint
# the corpus lists, repeated to the issue's 11.6 MB (as bench/run does)
big="$out/corpus-all.md"
: >"$big"
while [ "$(wc -c <"$big")" -lt 11600000 ]; do
  for f in "$corpus"/*.md; do cat "$f"; printf '\n\n'; done >>"$big"
done
python3 - "$big" "$out/corpus-fix.md" <<'PY'
import os, resource, shutil, subprocess, sys, time
big, copy = sys.argv[1], sys.argv[2]
def once(args):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t1 = time.monotonic()
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return t1 - t0, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
lint, fix = [], []
for _ in range(7):
    lint.append(once(["./listlint", "-q", "--no-config", big]))
    shutil.copyfile(big, copy)
    fix.append(once(["./listlint", "-q", "--no-config", "--fix", copy]))
diff = subprocess.run(["./listlint", "-q", "--no-config", "--diff", big],
                      capture_output=True).stdout.decode("utf-8", "replace")
changed = sum(1 for l in diff.splitlines() if l.startswith("+") and not l.startswith("+++"))
lw, lc = min(x[0] for x in lint), min(x[1] for x in lint)
fw, fc = min(x[0] for x in fix), min(x[1] for x in fix)
print("%d bytes, %d lines changed by --fix" % (os.path.getsize(big), changed))
print("wall: lint %.2f s, --fix %.2f s: %.2fx" % (lw, fw, fw / lw))
print("cpu:  lint %.2f s, --fix %.2f s: %.2fx" % (lc, fc, fc / lc))
PY
