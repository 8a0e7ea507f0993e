#!/usr/bin/env bash
# The hotspot benchmark of issue 24: `geowalk hotspots` on a county-sized register (1,000,000 issues over
# 20 km x 20 km of UTM 50N) with its default outputs, against QGIS's heatmap alone on the same points as the peer
# (QGIS makes only the density raster; geowalk also bins, runs Gi*, the band search, emerging hot spots and writes
# the GeoPackage).
#
# Usage: scripts/bench/hotspots.sh [OUT_DIR]     (default out/bench/hotspots; scripts/bench.sh calls it with OUT/hotspots)
#
# Settings (environment):
#   GEOWALK_HOTSPOTS_ISSUES  number of issues (default 1000000)
#   GEOWALK_BENCH_REPS       runs of geowalk (3; the median is reported); QGIS runs GEOWALK_HOTSPOTS_QGIS_REPS (1)
#   GEOWALK_HOTSPOTS_QGIS=0  skip the QGIS peer
#   GEOWALK_HOTSPOTS_SKIP_BUILD=1  use $GEOWALK_BUILD_DIR/apps/geowalk/geowalk (default build) as it is
#
# Steps:
#   1. Installs qgis, python3-gdal, python3-numpy, gdal-bin, time with apt-get where missing (root or sudo).
#   2. The campaign (scripts/bench/hotspots_tool.py campaign: kde_tool.py's points, a 10 x 10 grid of 2 km villages,
#      found dates over 10 weeks) as GeoPackages made with ogr2ogr.
#   3. geowalk hotspots CAMPAIGN --out DIR --threads 2 under /usr/bin/time -v: wall time and peak RSS (medians),
#      cells, written features, geowalk.gpkg size.
#   4. QGIS: qgis:heatmapkerneldensityestimation on the same points (r = 300 m, 10 m pixels, quartic, raw), as in
#      kde.sh, whole-process wall time.
# Prints the table and writes OUT_DIR/results.json. Uses at most 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=${1:-out/bench/hotspots}
n=${GEOWALK_HOTSPOTS_ISSUES:-1000000}
reps=${GEOWALK_BENCH_REPS:-3}
qgis_reps=${GEOWALK_HOTSPOTS_QGIS_REPS:-1}
log() { echo "hotspots bench: $*" >&2; }

packages=(python3-gdal python3-numpy gdal-bin time)
[ "${GEOWALK_HOTSPOTS_QGIS:-1}" = 1 ] && packages+=(qgis)
bash scripts/setup.sh "${packages[@]}"
[ "${GEOWALK_HOTSPOTS_SKIP_BUILD:-0}" = 1 ] || bash scripts/build.sh
build_dir=${GEOWALK_BUILD_DIR:-build}
[[ "$build_dir" == /* ]] || build_dir=$root/$build_dir
geowalk=$build_dir/apps/geowalk/geowalk
[ -x "$geowalk" ] || { log "$geowalk was not built"; exit 1; }
tool=(/usr/bin/python3 "$root/scripts/bench/hotspots_tool.py")

mkdir -p "$out"
out=$(cd "$out" && pwd)
input=$out/input
rm -rf "$input"
log "$n issues"
"${tool[@]}" campaign "$n" 42 "$input"
ogr2ogr -f GPKG "$input/villages.gpkg" "$input/villages.csv" -oo GEOM_POSSIBLE_NAMES=wkt -oo KEEP_GEOM_COLUMNS=NO \
  -a_srs EPSG:32650 -nln villages
ogr2ogr -f GPKG "$input/issues.gpkg" "$input/issues.csv" -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y \
  -oo KEEP_GEOM_COLUMNS=NO -a_srs EPSG:32650 -nln issues -lco SPATIAL_INDEX=NO
rm -f "$input/issues.csv" "$input/villages.csv"

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
wall_of() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }
rss_of() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
cpu_of() { awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$1"; }

# --- geowalk ---------------------------------------------------------------------------------------------------------
walls=() rss=() cpus=()
for ((k = 0; k < reps; k++)); do
  rm -rf "$out/run"
  /usr/bin/time -v -o "$out/time_geowalk.txt" "$geowalk" hotspots "$input/campaign.toml" --out "$out/run" \
    --threads 2 --quiet >"$out/geowalk.log" 2>&1 || { log "geowalk failed: $(tail -5 "$out/geowalk.log")"; exit 1; }
  walls+=("$(wall_of "$out/time_geowalk.txt")")
  rss+=("$(rss_of "$out/time_geowalk.txt")")
  cpus+=("$(cpu_of "$out/time_geowalk.txt")")
  log "geowalk run $((k + 1)): ${walls[-1]} s, peak RSS ${rss[-1]} kB"
done
read -r size_m rule cells written emerging_written hot cold < <("${tool[@]}" summary "$out/run/summary.json")
gpkg_bytes=$(stat -c %s "$out/run/geowalk.gpkg")

# --- QGIS heatmap alone (the peer) -------------------------------------------------------------------------------------
qgis_walls=() qgis_cpus=()
qgis_version=-
if [ "${GEOWALK_HOTSPOTS_QGIS:-1}" = 1 ]; then
  qgis_version=$(dpkg-query -W -f='${Version}' qgis)
  for ((k = 0; k < qgis_reps; k++)); do
    rm -f "$out/qgis_raw.tif"
    /usr/bin/time -v -o "$out/time_qgis.txt" env QT_QPA_PLATFORM=offscreen /usr/bin/qgis_process.bin run \
      qgis:heatmapkerneldensityestimation -- INPUT="$input/issues.gpkg|layername=issues" RADIUS=300 PIXEL_SIZE=10 \
      KERNEL=0 DECAY=0 OUTPUT_VALUE=0 OUTPUT="$out/qgis_raw.tif" >"$out/qgis.log" 2>&1 || log "QGIS failed"
    qgis_walls+=("$(wall_of "$out/time_qgis.txt")")
    qgis_cpus+=("$(cpu_of "$out/time_qgis.txt")")
    log "QGIS run $((k + 1)): ${qgis_walls[-1]} s"
  done
fi

# --- report ----------------------------------------------------------------------------------------------------------
geowalk_s=$(median "${walls[@]}")
geowalk_rss=$(median "${rss[@]}")
geowalk_cpu=$(median "${cpus[@]}")
qgis_s=$([ ${#qgis_walls[@]} -gt 0 ] && median "${qgis_walls[@]}" || echo "")
qgis_cpu=$([ ${#qgis_cpus[@]} -gt 0 ] && median "${qgis_cpus[@]}" || echo "")
/usr/bin/python3 - "$out/results.json" <<EOF
import json, sys
r = {"issues": $n, "runs": $reps, "geowalk_wall_s": $geowalk_s, "geowalk_cpu_s": $geowalk_cpu,
     "geowalk_peak_rss_mb": round($geowalk_rss / 1024, 1), "cell_size_m": $size_m, "cell_size_rule": "$rule",
     "cells": $cells, "hotspot_cells_written": $written, "emerging_written": "$emerging_written",
     "hot": $hot, "cold": $cold, "gpkg_mb": round($gpkg_bytes / 1e6, 1),
     "qgis_version": "$qgis_version", "qgis_heatmap_wall_s": ${qgis_s:-None}, "qgis_heatmap_cpu_s": ${qgis_cpu:-None},
     "walls": "${walls[*]}", "peak_rss_kb": "${rss[*]}", "qgis_walls": "${qgis_walls[*]:-}"}
json.dump(r, open(sys.argv[1], "w"), indent=2)
EOF
{
  echo
  echo "Hotspots: $n issues over 20 km x 20 km, 100 villages, 10 weeks; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "(a machine shared with other jobs: compare the CPU times, user + system over all threads)"
  printf '%-44s %8s %8s %10s\n' "tool" "wall s" "cpu s" "peak MB"
  printf '%-44s %8s %8s %10s\n' "geowalk hotspots, 2 threads (median of $reps)" "$geowalk_s" "$geowalk_cpu" \
    "$(awk -v k="$geowalk_rss" 'BEGIN { printf "%.0f", k / 1024 }')"
  printf '%-44s %8s %8s %10s\n' "QGIS $qgis_version heatmap alone" "${qgis_s:--}" "${qgis_cpu:--}" -
  echo "cells: $size_m m ($rule), $cells analysed, $written written; emerging_hotspots $emerging_written features;" \
    "hot $hot, cold $cold; geowalk.gpkg $(awk -v b="$gpkg_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB"
} | tee "$out/table.txt"
rm -rf "$input" "$out/qgis_raw.tif"
