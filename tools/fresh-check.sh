#!/bin/sh
# fresh-check.sh - run the README's two commands on a fresh minimal Debian.
#
# Builds a minimal Debian (debootstrap --variant=minbase) in a temporary
# directory, copies a clean clone of this project's HEAD and ../shared
# into it, and runs there what the README's quick start says a new user
# runs: the one apt-get line for make, then `make run` and `make test`.
# Each command's exit status is printed; the script exits non-zero when
# any of them failed.
#
# Not part of `make test`: it takes minutes and needs the package mirror.
# Run it (as root) before resolving anything that touches the build, the
# dependencies or the tests.
#
#   sh tools/fresh-check.sh [SUITE]      SUITE defaults to the host's
#                                        (bookworm on Debian 12)
# Environment: KEEP=1 keeps the directory for a look afterwards.

set -u
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$here/../shared" 2>/dev/null && pwd) || {
  echo "fresh-check: no ../shared beside $here" >&2
  exit 2
}
if [ "$(id -u)" != 0 ]; then
  echo "fresh-check: run as root (debootstrap and chroot need it)" >&2
  exit 2
fi

suite=${1:-}
if [ -z "$suite" ] && [ -r /etc/os-release ]; then
  suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
fi
suite=${suite:-bookworm}

# The mirror the host's apt uses, so the check reaches what the host can.
mirror=$(grep -hs -E '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources \
  /etc/apt/sources.list.d/*.list /etc/apt/sources.list 2>/dev/null |
  sed -E 's/^URIs: *//; s/^deb +(\[[^]]*\] +)?//; s/ .*//' |
  grep -v security | head -n 1)

if ! command -v debootstrap >/dev/null; then
  echo "+ apt-get install -y debootstrap"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq debootstrap >/dev/null || {
    echo "fresh-check: cannot install debootstrap" >&2
    exit 2
  }
fi

root=$(mktemp -d /var/tmp/listlint-fresh.XXXXXX)
cleanup() {
  for m in dev/pts dev proc sys; do
    umount "$root/$m" 2>/dev/null
  done
  if [ "${KEEP:-0}" = 1 ]; then
    echo "fresh-check: kept $root"
  else
    rm -rf "$root"
  fi
}
trap cleanup EXIT INT TERM

echo "+ debootstrap --variant=minbase $suite $root $mirror"
if ! debootstrap --variant=minbase "$suite" "$root" $mirror \
  >"$root.log" 2>&1; then
  tail -n 20 "$root.log" >&2
  echo "fresh-check: debootstrap failed (log: $root.log)" >&2
  exit 2
fi
rm -f "$root.log"

mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t sysfs sys "$root/sys"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null

# A clean clone: only what is committed, as CI and a new user get it.
mkdir -p "$root/work"
git clone -q "$here" "$root/work/main" || exit 2
cp -R "$shared" "$root/work/shared"
chmod -R a-w "$root/work/shared"

status=0
step() {
  echo "+ $*"
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 sh -c "cd /work/main && $*" >"$root/step.log" 2>&1
  rc=$?
  tail -n 5 "$root/step.log" | sed 's/^/    /'
  echo "  -> exit status $rc: $*"
  [ $rc = 0 ] || status=1
  return $rc
}

# The README's quick start, as written there.
step "apt-get update -qq && apt-get install -y -qq make" || exit 1
step "make run"
step "make test"

if [ $status = 0 ]; then
  echo "fresh-check: both README commands pass on a fresh $suite"
else
  echo "fresh-check: FAILED on a fresh $suite"
fi
exit $status
