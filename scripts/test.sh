#!/usr/bin/env bash
# Installs dependencies, builds, and runs every check CI runs, stopping at the first failure:
#   1. the normal build (RelWithDebInfo, -Werror, the benchmarks compiled too) and the whole test suite (ctest): unit and end-to-end tests;
#   2. a second tree with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/): the unit suite (the in-process
#      map and report tests included) and one end-to-end smoke run of the instrumented binary with maps and the
#      report (label "smoke"); the other end-to-end tests (label "e2e") drive the same library code through the CLI
#      and are left to stage 1;
#   3. the libFuzzer targets for a short bounded time each (scripts/fuzz.sh);
#   4. static analysis: clang-tidy on the files changed since the lint baseline's commit and cppcheck, against the
#      checked-in baseline (scripts/lint.sh; `scripts/lint.sh --all` for the whole tree).
# Ends with a table of the stages' times. Builds go through ccache (cache outside the checkout), so a second run, even
# from a clone in another folder, recompiles little.
# Usage: scripts/test.sh [--quick] (--quick: stage 1 only, for a fast local edit-test loop).
# GEOWALK_FUZZ_SECONDS sets the fuzzing time per target (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."

banner() { printf '\n==== %s ====  (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }
stage_names=()
stage_seconds=()
stage_start=$SECONDS
stage_end() {
  stage_names+=("$1")
  stage_seconds+=($((SECONDS - stage_start)))
  echo "---- $1 took $((SECONDS - stage_start)) s"
  stage_start=$SECONDS
}
stage_table() {
  printf '\n%-40s %8s\n' "stage" "seconds"
  local total=0
  for i in "${!stage_names[@]}"; do
    printf '%-40s %8d\n' "${stage_names[$i]}" "${stage_seconds[$i]}"
    total=$((total + stage_seconds[i]))
  done
  printf '%-40s %8d  (%d min %02d s)\n' "total" "$total" $((total / 60)) $((total % 60))
}
trap stage_table EXIT

bash scripts/setup.sh
stage_end "setup"

build_dir=${GEOWALK_BUILD_DIR:-build}
banner "1/4 normal build and tests ($build_dir/)"
# The benchmarks are compiled (not run) so that a change of a library signature cannot leave them broken unseen.
bash scripts/build.sh -DGEOWALK_BENCH=ON
stage_end "normal build"
# The register's store tests run on a GeoPackage always and, with GEOWALK_TEST_PG set, on a throw-away PostGIS
# cluster too (scripts/pg_cluster.sh: loopback, unprivileged, removed at exit).
eval "$(bash scripts/pg_cluster.sh start)"
trap 'bash scripts/pg_cluster.sh stop; stage_table' EXIT
ctest --test-dir "$build_dir" --output-on-failure -j 2 --timeout 900
stage_end "normal tests (unit + end-to-end)"
GEOWALK_BUILD_DIR=$build_dir bash scripts/test-web.sh
stage_end "web map in headless chromium"
[ "${1:-}" = "--quick" ] && exit 0

asan_dir=${GEOWALK_ASAN_BUILD_DIR:-build-asan}
banner "2/4 AddressSanitizer + UndefinedBehaviorSanitizer build and tests ($asan_dir/)"
# clang, -O1 -g, -fno-sanitize-recover=all (every UBSan check is fatal); the same tree holds the fuzz targets of
# stage 3, so libgeo is compiled instrumented once (scripts/build_asan.sh).
GEOWALK_ASAN_BUILD_DIR=$asan_dir bash scripts/build_asan.sh
stage_end "sanitizer build"
# LeakSanitizer runs at exit of each test process; tests/sanitizers/lsan.supp lists the third-party caches that
# live until exit on purpose (each entry says why). Nothing of ours may be in it.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0
# -LE e2e: every test but the end-to-end ones, whose one exception is the smoke run (labelled "smoke" alone).
ctest --test-dir "$asan_dir" --output-on-failure -j 2 --timeout 1800 -LE '^e2e$'
unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
stage_end "sanitizer tests (unit + smoke run)"

banner "3/4 fuzzing (${GEOWALK_FUZZ_SECONDS:-30} s per target)"
bash scripts/fuzz.sh "${GEOWALK_FUZZ_SECONDS:-30}"
stage_end "fuzzing"

banner "4/4 static analysis (clang-tidy, cppcheck)"
bash scripts/lint.sh
stage_end "static analysis"

banner "all checks passed"
