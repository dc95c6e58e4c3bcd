#!/usr/bin/env bash
# Installs the Debian 12 packages schoolctl needs to build, test and run the demo.
# apt-get runs only when a package is absent, so a prepared machine pays nothing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libcli11-dev libsqlite3-dev sqlite3 libxlsxwriter-dev libhpdf-dev libtomlplusplus-dev
  catch2 libsodium-dev libicu-dev libzip-dev libexpat1-dev libfmt-dev nlohmann-json3-dev
  fonts-liberation2
  python3-openpyxl poppler-utils qpdf
  fet-data  # FET's example timetables, read by tests/unit/formats/fet_reader_test.cpp
  python3-icalendar  # a real iCalendar parser for tests/cli/export_ics.test
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "schoolctl: installing missing Debian packages: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
