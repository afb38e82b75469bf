#!/usr/bin/env bash
# The CalDAV servers of the sync's contract tests that come from Debian packages (tests/sync/
# servers/): sabre/dav 1.8 under PHP's built-in server with SQLite, and DAViCal with its own
# PostgreSQL cluster. Radicale and Xandikos come from PyPI. Debian 12, as root; elsewhere it
# does nothing and those tests are skipped.
set -euo pipefail
if ! command -v apt-get >/dev/null || [ "$(id -u)" != 0 ]; then
  exit 0
fi
# php-cgi satisfies DAViCal's dependency on `php` without Apache, which would start a service
# on port 80.
packages=(php-cli php-cgi php-sabre-dav php-sqlite3 php-pgsql postgresql davical)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ "${#missing[@]}" = 0 ] && exit 0
# No Apache: DAViCal runs under PHP's built-in server in the tests; "PACKAGE-" tells apt not to
# pick Apache's PHP module for DAViCal's `php` dependency (only where Apache is not there anyway).
# The packages' own services are not needed: the tests start their own, on 127.0.0.1.
if ! dpkg-query -W -f='${Status}' apache2 2>/dev/null | grep -q "install ok installed"; then
  missing+=("libapache2-mod-php8.2-")
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
  >/dev/null
