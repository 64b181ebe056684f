#!/bin/sh
# links.sh - the link checker's benchmark: 500 and 5,000 distinct URLs over
# 10 hosts (10 ports of tests/httpd.py on 127.0.0.1, 100 ms per response),
# listlint side by side with markdown-link-check and linkinator (installed
# from the npm registry into bench/ by this script only).
# Floor set by the per-host limit: URLs x 0.1 s / (10 hosts x 4 per host).
set -eu
cd "$(dirname "$0")/.."
make -s listlint
out=bench/out
mkdir -p "$out"
if [ ! -x bench/node_modules/.bin/linkinator ] ||
  [ ! -x bench/node_modules/.bin/markdown-link-check ]; then
  npm install --prefix bench --no-audit --no-fund --no-save \
    markdown-link-check linkinator >/dev/null
fi
rm -f "$out/ports"
python3 tests/httpd.py --port-file "$out/ports" --ports 10 --delay-ms 100 \
  --lifetime 3600 --parent-pid $$ &
srv=$!
trap 'kill $srv 2>/dev/null' EXIT
while [ ! -s "$out/ports" ]; do sleep 0.1; done

for n in 500 5000; do
  f="$out/links-$n.md"
  python3 - "$n" "$out/ports" >"$f" <<'PY'
import sys
n = int(sys.argv[1])
ports = [int(p) for p in open(sys.argv[2]).read().split()]
print("# Links\n")
for i in range(n):
    print("- [U%d](http://127.0.0.1:%d/load/%d-%d) - Url %d." %
          (i, ports[i % len(ports)], n, i, i))
PY
  floor=$(awk -v n="$n" 'BEGIN { print n * 0.1 / (10 * 4) }')
  echo "== $n URLs over 10 hosts, 100 ms each; floor $floor s"
  /usr/bin/time -f "listlint: %e s wall, %M KB max RSS" ./listlint -q \
    --no-config --check-links --allow-private --rule private-address=off \
    --rule insecure-http=off "$f" >"$out/ll-$n.txt" || true
  grep -c . "$out/ll-$n.txt" | sed 's/^/listlint findings: /'
  if [ "$n" -le "${MLC_MAX:-500}" ]; then
    /usr/bin/time -o "$out/time" \
      -f "markdown-link-check: %e s wall, %M KB max RSS" \
      bench/node_modules/.bin/markdown-link-check -q "$f" \
      >"$out/mlc-$n.txt" 2>&1 || true
    cat "$out/time"
  else
    echo "markdown-link-check: not run on $n URLs (MLC_MAX=${MLC_MAX:-500}); its 500-URL time scales linearly"
  fi
  /usr/bin/time -o "$out/time" -f "linkinator: %e s wall, %M KB max RSS" \
    bench/node_modules/.bin/linkinator "$f" --markdown --concurrency 40 \
    >"$out/lk-$n.txt" 2>&1 || true
  cat "$out/time"
done
