#!/usr/bin/env bash
# The independent iCalendar parsers tests/parsers reads our .ics files with (issue 16):
# libical (Debian's libical-dev, compiled against by the test with gcc and pkg-config) and
# ical.js (npm, the exact version in tests/parsers/js/package-lock.json). vobject comes from
# PyPI with the `test` extra. Idempotent; run as root on Debian (CI), or by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
pkg-config --exists libical 2>/dev/null || need+=(libical-dev)
command -v gcc >/dev/null || need+=(gcc libc6-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v npm >/dev/null || need+=(nodejs npm)
if [ "${#need[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "install-parsers: missing ${need[*]} (install them as root with apt-get)" >&2
    exit 1
  fi
fi
(cd tests/parsers/js && npm ci --no-audit --no-fund --loglevel=error)
