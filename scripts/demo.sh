#!/usr/bin/env bash
# The main job on the embedded default: install dependencies, build, generate the sample town (Ganjun, Gansu),
# run every analysis on it and write all outputs. Usage: scripts/demo.sh [OUT_DIR] (default: out/demo).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/demo}
bash scripts/setup.sh
bash scripts/build.sh
build_dir=${GEOWALK_BUILD_DIR:-build}
"$build_dir/apps/geowalk/geowalk" demo --out "$out"
echo
echo "Done. Outputs are in $(cd "$out" && pwd):"
ls -1 "$out"
echo "Open $(cd "$out" && pwd)/geowalk.gpkg in QGIS; edit $(cd "$out" && pwd)/input/campaign.toml and re-run with"
echo "  $build_dir/apps/geowalk/geowalk run $out/input/campaign.toml --out $out"
