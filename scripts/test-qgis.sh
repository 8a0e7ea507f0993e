#!/usr/bin/env bash
# Opens the outputs of `geowalk demo` with real QGIS, headless (scripts/qgis_check.py): every layer of
# geowalk.qgs valid, with features, in the campaign CRS and styled; every layer of geowalk.gpkg picking up its
# default style from layer_styles. Installs Debian's QGIS and the CJK font when missing; the normal suite
# (scripts/test.sh) needs neither. Usage: scripts/test-qgis.sh [OUT_DIR]   (GEOWALK_LANG=zh for Chinese legends)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/geowalk-qgis-check}
build_dir=${GEOWALK_BUILD_DIR:-build}
python=/usr/bin/python3  # Debian's, where python3-qgis lives (not a pyenv or venv python3 earlier on PATH)

need=()
"$python" -c "import qgis.core" 2>/dev/null || need+=(qgis python3-qgis)
# (not `fc-list | grep -q`: grep stops early, fc-list dies of SIGPIPE and pipefail reads that as no font)
grep -q "Noto Sans CJK" < <(fc-list 2>/dev/null) || need+=(fonts-noto-cjk)
if ((${#need[@]})); then
  echo "installing ${need[*]} (QGIS is large: minutes the first time)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEOWALK_WERROR=ON >/dev/null
cmake --build "$build_dir" -j "${GEOWALK_JOBS:-2}" --target geowalk

rm -rf "$out"
"$build_dir/apps/geowalk/geowalk" demo --out "$out" >/dev/null

runtime=$(mktemp -d)  # Qt wants a private runtime folder; offscreen needs no display
trap 'rm -rf "$runtime"' EXIT
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$runtime" "$python" scripts/qgis_check.py "$out"
