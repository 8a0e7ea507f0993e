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
out_abs=$(cd "$out" && pwd)
echo
echo "Done. Outputs are in $out_abs:"
ls -1 "$out"
geowalk_abs=$(cd "$build_dir/apps/geowalk" && pwd -P)/geowalk
echo "The program is $geowalk_abs"
echo "  (to run it as just 'geowalk': scripts/package.sh and apt install the .deb, or see README.md, 'putting it on PATH')"
echo "Edit $out_abs/input/campaign.toml and re-run with"
echo "  $build_dir/apps/geowalk/geowalk run $out/input/campaign.toml --out $out"
# The last line is the one thing to do next: open the project (every layer, grouped and styled) in QGIS.
if [[ ! -f $out_abs/geowalk.qgs ]]; then
  echo "geowalk.qgs was not written in $out_abs / 未生成 QGIS 工程 geowalk.qgs" >&2
  exit 1
fi
echo "Open in QGIS / 用 QGIS 打开: $out_abs/geowalk.qgs"
