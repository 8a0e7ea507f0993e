#!/usr/bin/env bash
# The memory benchmark of issue 6 ("limits"): does a town 100 times the sample run within 4 GB, and is a limit
# it cannot fit refused with a message rather than by the kernel's OOM killer?
#
# Usage: scripts/bench/memory.sh [OUT_DIR]     (default out/bench/memory; scripts/bench.sh calls it with OUT/memory)
#
# Settings (environment): GEOWALK_MEMORY_SCALE (100), GEOWALK_MEMORY_TARGET_GB (4), GEOWALK_BUILD_DIR (build),
# GEOWALK_MEMORY_SKIP_BUILD=1 to use the binaries as they are.
#
# Steps:
#   1. The inputs of `geowalk demo --scale 100` (geowalk_bench --scene: ~15,000 km², 1,200 villages, 4,000 GPS
#      tracks, 200,000 issues, ~250 MB of GeoPackage, GPX, KML, Shapefile and CSV).
#   2. `geowalk run` end to end (load, coverage, hotspots, GeoPackage, rasters, GeoJSON, QGIS project, maps,
#      report) with --max-memory at the target, under /usr/bin/time -v: wall time and peak resident memory. It must
#      succeed with the peak below the target.
#   3. The same with --max-memory 1: it must stop with exit status 1 and geowalk's message (which the table
#      quotes), its peak well below 1 GB, i.e. refused while reading, not killed.
# The table is printed and written to OUT_DIR/results.tsv. Uses at most 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-out/bench/memory}
scale=${GEOWALK_MEMORY_SCALE:-100}
target_gb=${GEOWALK_MEMORY_TARGET_GB:-4}
build_dir=${GEOWALK_BUILD_DIR:-build}
[ "${GEOWALK_MEMORY_SKIP_BUILD:-0}" = 1 ] || bash scripts/build.sh -DGEOWALK_BENCH=ON
geowalk=$build_dir/apps/geowalk/geowalk
bench_bin=$build_dir/tests/geowalk_bench
log() { echo "memory: $*" >&2; }

rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
log "generating the ${scale}x town"
"$bench_bin" --scene "$out/input" --scale "$scale" --fix-interval 10
results=$out/results.tsv
printf 'run\tlimit_gb\texit\twall_s\tpeak_rss_gb\tverdict\tmessage\n' >"$results"

# measure NAME LIMIT_GB: one run under /usr/bin/time -v; prints nothing, appends a row (verdict filled in by caller).
measure() {
  local name=$1 limit=$2 status=0
  /usr/bin/time -v -o "$out/time_$name.txt" "$geowalk" run --quiet "$out/input/campaign.toml" --out "$out/run_$name" \
    --max-memory "$limit" >"$out/log_$name.txt" 2>&1 || status=$?
  rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out/time_$name.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out/time_$name.txt")
  peak_gb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.2f", k * 1024 / 1e9 }')
  message=$(grep -m1 "error" "$out/log_$name.txt" | cut -c1-160 || true)
  run_status=$status
}

log "run within ${target_gb} GB"
measure fits "$target_gb"
verdict=$(awk -v s="$run_status" -v p="$peak_gb" -v t="$target_gb" 'BEGIN { print (s == 0 && p <= t) ? "ok" : "FAILED" }')
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${scale}x run" "$target_gb" "$run_status" "$wall" "$peak_gb" "$verdict" "$message" >>"$results"

log "run within 1 GB (must be refused with a message)"
measure refused 1
verdict=$(awk -v s="$run_status" -v p="$peak_gb" 'BEGIN { print (s == 1 && p < 1) ? "ok" : "FAILED" }')
grep -q "memory" <<<"$message" || verdict=FAILED
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${scale}x run" 1 "$run_status" "$wall" "$peak_gb" "$verdict" "$message" >>"$results"

rm -rf "$out/input" "$out/run_fits" "$out/run_refused"
echo
column -t -s $'\t' "$results"
! grep -q FAILED "$results"
