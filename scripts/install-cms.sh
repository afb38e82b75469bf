#!/usr/bin/env bash
# The form editor at /admin/ (issue 19): Decap CMS and its local backend decap-server, the exact
# versions and npm integrity hashes of web/admin/package-lock.json, into web/admin/node_modules.
# `python -m web build` copies the bundle from there into site/admin/ and checks it against
# web/admin/bundle.sha256. Idempotent; run as root on Debian (CI), or by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v npm >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends nodejs npm >/dev/null
  else
    echo "install-cms: npm is missing (apt-get install nodejs npm as root)" >&2
    exit 1
  fi
fi
# --ignore-scripts: the bundle is prebuilt; no package runs code at install time.
(cd web/admin && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
