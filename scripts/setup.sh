#!/usr/bin/env bash
# Installs everything geowalk needs to build, test and run, from Debian 12 packages only.
# Idempotent: skips apt entirely when every package is already installed.
# Usage: scripts/setup.sh [EXTRA_PACKAGE...]   (the benchmarks add their peers' packages, e.g. qgis, this way)
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates
  libgdal-dev gdal-bin libproj-dev proj-data libgeos-dev
  libboost-dev libboost-graph-dev
  # Walk plans: LEMON's minimum-weight perfect matching (Boost licence; Boost 1.74's own matching is wrong on some graphs).
  liblemon-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  libtomlplusplus-dev nlohmann-json3-dev
  # Faster rebuilds (CMakeLists.txt uses them when present): ccache with its cache outside the checkout, mold as linker.
  ccache mold
  # Checks of scripts/test.sh: clang with its sanitizer and libFuzzer runtimes (build_asan.sh, fuzz.sh; the runtimes
  # are only a recommendation of clang, hence named), clang-tidy (run-clang-tidy), clang-format, cppcheck (lint.sh).
  clang libclang-rt-14-dev clang-tidy clang-format cppcheck
  # Maps and the PDF report: Cairo draws, Pango shapes text, Noto CJK renders Chinese labels; pdftoppm (poppler-utils)
  # lets the tests look at rendered report pages.
  libcairo2-dev libpango1.0-dev fonts-noto-cjk poppler-utils
  # The register's PostGIS store is tested against a real PostgreSQL 15 + PostGIS 3, a throw-away cluster that
  # scripts/pg_cluster.sh starts on loopback for the tests (no system service is used or started).
  postgresql-15 postgresql-client-15 postgresql-15-postgis-3
  # The register's daily forms as XLSX formatted for printing (GDAL's XLSX driver cannot format); unzip lets the
  # tests read the sheets' XML back.
  libxlsxwriter-dev unzip
  # The register (issue 21): SHA-256 of each imported file, so that re-importing the same upload changes nothing.
  libssl-dev
  # The offline web map (libgeo/web): Leaflet draws it (libjs-leaflet); HarfBuzz's subsetter cuts the CJK font down
  # (libharfbuzz-dev); scripts/test-web.sh drives chromium headless with puppeteer-core from npm (nodejs, npm);
  # sqlite3 and GDAL's SpatiaLite dialect are its oracles. `geowalk serve` speaks HTTP through cpp-httplib.
  libjs-leaflet libharfbuzz-dev chromium nodejs sqlite3 libcpp-httplib-dev
)
packages+=("$@")
# Debian's npm, unless the nodejs installed brings its own (NodeSource's does, and conflicts with Debian's npm).
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The browser tests' npm packages, at the versions tests/web/package-lock.json pins; node_modules stays out of git.
if [ ! -d tests/web/node_modules/puppeteer-core ]; then
  (cd "$(dirname "$0")/../tests/web" && npm ci --no-audit --no-fund)
fi
echo "setup: all dependencies present"
