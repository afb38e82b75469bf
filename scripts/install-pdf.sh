#!/usr/bin/env bash
# What WeasyPrint needs to write the minutes' PDFs (web/printable.py): Pango (it lays out the
# text through it) and the DejaVu fonts web/templates/minutes.css names, so every machine embeds
# the same glyphs. WeasyPrint itself comes from PyPI with the `site` and `test` extras.
# Idempotent; run as root on Debian (CI), or by hand.
set -euo pipefail

need=()
libs=$(ldconfig -p)
grep -q "libpango-1.0.so.0 " <<<"$libs" || need+=(libpango-1.0-0)
grep -q "libpangoft2-1.0.so.0 " <<<"$libs" || need+=(libpangoft2-1.0-0)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ "${#need[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "install-pdf: missing ${need[*]} (install them as root with apt-get)" >&2
    exit 1
  fi
fi
