#!/usr/bin/env bash
# Configures and builds the instrumented tree, build-asan/ (or $GEOWALK_ASAN_BUILD_DIR), used by test.sh (the suite
# under the sanitizers) and fuzz.sh (the libFuzzer targets): clang, AddressSanitizer + UndefinedBehaviorSanitizer,
# libFuzzer coverage instrumentation, -O1 -g (fast enough to run, readable stack traces). One tree serves both so
# CI compiles libgeo instrumented once. Extra arguments are passed to cmake --build (e.g. --target fuzz_all).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${GEOWALK_ASAN_BUILD_DIR:-build-asan}
jobs=${GEOWALK_JOBS:-2}
source scripts/ccache_env.sh
cmake -S . -B "$build_dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DGEOWALK_WERROR=ON -DGEOWALK_SANITIZE=ON -DGEOWALK_FUZZ=ON >/dev/null
cmake --build "$build_dir" -j "$jobs" "$@"
