#!/usr/bin/env bash
# The one-walker postman benchmark of issue 20 ("one walker, no day limit"): tests/bench/bench_route.cpp on
# generated grid networks (~50,000 edges; 10,000 required edges as one district or as scattered streets; a torus
# with a chosen number of odd nodes, full and restricted matching). Median times of the repetitions, the tours'
# figures (odd nodes, pieces, km, gap to the lower bound) and the peak resident memory of the whole run.
#
# Usage: scripts/bench/route.sh [OUT_DIR]     (default out/bench/route; scripts/bench.sh calls it with OUT/route)
#
# Settings (environment): GEOWALK_ROUTE_REPS (3), GEOWALK_BUILD_DIR (build), GEOWALK_ROUTE_SKIP_BUILD=1 to use the
# binaries as they are. Uses one core.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-out/bench/route}
reps=${GEOWALK_ROUTE_REPS:-3}
build_dir=${GEOWALK_BUILD_DIR:-build}
[ "${GEOWALK_ROUTE_SKIP_BUILD:-0}" = 1 ] || bash scripts/build.sh -DGEOWALK_BENCH=ON
bench_bin=$build_dir/tests/geowalk_bench_route
[ -x "$bench_bin" ] || { echo "route: $bench_bin was not built (libbenchmark-dev missing?)" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
/usr/bin/time -v -o "$out/time.txt" "$bench_bin" --benchmark_repetitions="$reps" --benchmark_min_time=0.001 \
  --benchmark_report_aggregates_only=true --benchmark_format=json --benchmark_out="$out/route.json" \
  >"$out/route.txt" 2>"$out/route.err"
rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out/time.txt")

/usr/bin/python3 - "$out/route.json" "$rss_kb" <<'PY' | tee "$out/results.tsv"
import json, sys
path, rss_kb = sys.argv[1], int(sys.argv[2])
print("benchmark\tmedian_s\todd_nodes\tpieces\trestricted\ttotal_km\tdeadhead_km\tgap_to_lower_bound_pct")
for b in json.load(open(path))["benchmarks"]:
    if b.get("aggregate_name") not in (None, "median"):
        continue
    name = b["run_name"].replace("/real_time", "")
    print(f"{name}\t{b['real_time'] / 1000:.3f}\t{b['odd_nodes']:.0f}\t{b['pieces']:.0f}\t{b['restricted']:.0f}"
          f"\t{b['total_km']:.3f}\t{b['deadhead_km']:.3f}\t{b['gap_pct']:.3f}")
print(f"peak_rss_mb\t{rss_kb / 1024:.0f}")
PY
