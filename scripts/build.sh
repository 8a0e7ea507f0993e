#!/usr/bin/env bash
# Configures and builds geowalk into build/ (or $GEOWALK_BUILD_DIR). Used by demo.sh, test.sh and bench.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${GEOWALK_BUILD_DIR:-build}
jobs=${GEOWALK_JOBS:-2}
source scripts/ccache_env.sh
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEOWALK_WERROR=ON "$@" >/dev/null
cmake --build "$build_dir" -j "$jobs"
