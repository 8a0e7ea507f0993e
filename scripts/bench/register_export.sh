#!/usr/bin/env bash
# The register export benchmark of issue 21: a day's forms for 1,200 villages (a county), as `geowalk register
# export` writes them (per village an XLSX of two sheets and two CSVs with BOM; one PDF of every village's transfer
# list), by tests/bench/register_export_main.cpp on generated villages (3 issues of the day, 20 earlier ones each).
# Prints the median of the repetitions, the files written, the PDF's pages and the peak resident memory.
#
# Usage: scripts/bench/register_export.sh [OUT_DIR]   (default out/bench/register_export; bench.sh passes OUT/register_export)
#
# Settings (environment): GEOWALK_REGEXPORT_VILLAGES (1200), GEOWALK_REGEXPORT_REPS (3), GEOWALK_BUILD_DIR (build),
# GEOWALK_REGEXPORT_SKIP_BUILD=1 to use the binary as it is. Uses one core.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-out/bench/register_export}
villages=${GEOWALK_REGEXPORT_VILLAGES:-1200}
reps=${GEOWALK_REGEXPORT_REPS:-3}
build_dir=${GEOWALK_BUILD_DIR:-build}
[ "${GEOWALK_REGEXPORT_SKIP_BUILD:-0}" = 1 ] || bash scripts/build.sh -DGEOWALK_BENCH=ON
bench_bin=$build_dir/tests/geowalk_bench_register_export
[ -x "$bench_bin" ] || { echo "register_export: $bench_bin was not built" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
/usr/bin/time -v -o "$out/time.txt" "$bench_bin" "$out/forms" "$villages" "$reps" >"$out/runs.tsv"
rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out/time.txt")
sort -n -k1,1 "$out/runs.tsv" | awk -v n="$reps" -v villages="$villages" -v rss="$rss_kb" '
  NR == int((n + 1) / 2) { median = $1; files = $2; pages = $3 }
  END {
    printf "register_export\tvillages\tmedian_s\tfiles\tpdf_pages\tpeak_rss_mb\n"
    printf "register_export\t%d\t%.3f\t%d\t%d\t%.0f\n", villages, median, files, pages, rss / 1024
  }' | tee "$out/results.tsv"
