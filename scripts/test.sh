#!/usr/bin/env bash
# Installs dependencies, builds, and runs every check CI runs, stopping at the first failure:
#   1. the normal build (RelWithDebInfo, -Werror) and the whole test suite (ctest);
#   2. a second tree with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/) and the suite again;
#   3. the libFuzzer targets for a short bounded time each (scripts/fuzz.sh);
#   4. static analysis: clang-tidy and cppcheck against the checked-in baseline (scripts/lint.sh).
# Usage: scripts/test.sh [--quick] (--quick: stage 1 only, for a fast local edit-test loop).
# GEOWALK_FUZZ_SECONDS sets the fuzzing time per target (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."

banner() { printf '\n==== %s ====  (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }
stage_start=$SECONDS
stage_end() { echo "---- $1 took $((SECONDS - stage_start)) s"; stage_start=$SECONDS; }

bash scripts/setup.sh

build_dir=${GEOWALK_BUILD_DIR:-build}
banner "1/4 normal build and tests ($build_dir/)"
bash scripts/build.sh
ctest --test-dir "$build_dir" --output-on-failure -j 2 --timeout 900
stage_end "normal build and tests"
[ "${1:-}" = "--quick" ] && exit 0

asan_dir=${GEOWALK_ASAN_BUILD_DIR:-build-asan}
banner "2/4 AddressSanitizer + UndefinedBehaviorSanitizer build and tests ($asan_dir/)"
# clang, -O1 -g, -fno-sanitize-recover=all (every UBSan check is fatal); the same tree holds the fuzz targets of
# stage 3, so libgeo is compiled instrumented once (scripts/build_asan.sh).
GEOWALK_ASAN_BUILD_DIR=$asan_dir bash scripts/build_asan.sh
# LeakSanitizer runs at exit of each test process; tests/sanitizers/lsan.supp lists the third-party caches that
# live until exit on purpose (each entry says why). Nothing of ours may be in it.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0
# The whole suite runs, the end-to-end CLI tests included (they exec the instrumented geowalk binary, so the CLI is
# checked too).
ctest --test-dir "$asan_dir" --output-on-failure -j 2 --timeout 1800
unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
stage_end "sanitizer build and tests"

banner "3/4 fuzzing (${GEOWALK_FUZZ_SECONDS:-30} s per target)"
bash scripts/fuzz.sh "${GEOWALK_FUZZ_SECONDS:-30}"
stage_end "fuzzing"

banner "4/4 static analysis (clang-tidy, cppcheck)"
bash scripts/lint.sh
stage_end "static analysis"

banner "all checks passed"
