#!/usr/bin/env bash
# The CARP benchmark of issue 20 ("k teams, a day limit"): libgeo's CARP solver on the classical benchmark files in
# ../shared/reference/postman/carp_instances/, each solution checked independently of the solver (every required
# edge served once, capacity, cost walked again), against the published best-known upper bounds.
#
# Usage: scripts/bench/carp.sh [--time-limit S] [--threads N] [--effort X] [--solutions DIR] [FILES...]
#   default FILES: gdb*.dat val*.dat egl-e*.dat egl-s*.dat; --threads defaults to 2, --time-limit (a safety cap:
#   the search stops on its deterministic budget) to 60 s per instance.
# Prints one JSON line per instance ({"instance","cost","ub","gap_pct","seconds","routes","feasible"}) and a summary
# line with the average gaps per family (gdb+val and egl-e+egl-s are the issue's targets: 1 % and 2 %), also written
# to $GEOWALK_CARP_OUT (default out/bench/carp/results.jsonl). --solutions DIR writes DIR/<instance>.json with the
# routes as [from, to] vertex pairs in walking order. Exit status 1 if a solution fails its check.
# Settings (environment): GEOWALK_BUILD_DIR (build), GEOWALK_CARP_SKIP_BUILD=1 to use the binary as it is.
# Builds only its own target (configured as scripts/build.sh configures, with GEOWALK_BENCH=ON). Uses at most 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
build_dir=${GEOWALK_BUILD_DIR:-build}
[[ "$build_dir" == /* ]] || build_dir=$root/$build_dir
out=${GEOWALK_CARP_OUT:-out/bench/carp/results.jsonl}
instances=$(cd "$root/.." && pwd)/shared/reference/postman/carp_instances

args=(--threads 2 --time-limit 60)
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time-limit | --threads | --effort | --seed | --solutions)
      [ $# -ge 2 ] || { echo "carp: $1 needs a value" >&2; exit 2; }
      args+=("$1" "$2")
      shift 2
      ;;
    -*) echo "carp: unknown option $1" >&2; exit 2 ;;
    *) files+=("$1"); shift ;;
  esac
done
if [ ${#files[@]} -eq 0 ]; then
  shopt -s nullglob
  files=("$instances"/gdb*.dat "$instances"/val*.dat "$instances"/egl-e*.dat "$instances"/egl-s*.dat)
  [ ${#files[@]} -gt 0 ] || { echo "carp: no benchmark files in $instances" >&2; exit 1; }
fi

if [ "${GEOWALK_CARP_SKIP_BUILD:-0}" != 1 ]; then
  source scripts/ccache_env.sh
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEOWALK_WERROR=ON -DGEOWALK_BENCH=ON >/dev/null
  cmake --build "$build_dir" -j "${GEOWALK_JOBS:-2}" --target geowalk_carp_bench
fi
bench_bin=$build_dir/tests/geowalk_carp_bench
[ -x "$bench_bin" ] || { echo "carp: $bench_bin was not built" >&2; exit 1; }

mkdir -p "$(dirname "$out")"
status=0
"$bench_bin" "${args[@]}" "${files[@]}" | tee "$out" || status=$?
echo "carp: results in $out" >&2
exit "$status"
