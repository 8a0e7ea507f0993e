#!/usr/bin/env bash
# The kernel density benchmark of issue 4: geowalk's density.tif against QGIS's heatmap (qgis_process) and GRASS
# v.kernel, on this machine, from the same point file, on the same grid, with agreement checked in the same run.
#
# Usage: scripts/bench/kde.sh [OUT_DIR]          (default out/bench/kde; scripts/bench.sh calls it with OUT/kde)
#
# Settings (environment):
#   GEOWALK_KDE_POINTS   number of points (default 1000000, the issue's size), over 20 km x 20 km of UTM 50N
#   GEOWALK_KDE_RADIUS   radius in m (300); GEOWALK_KDE_PIXEL pixel in m (10)
#   GEOWALK_BENCH_REPS   runs per measurement (3); a measurement stops repeating once its runs took
#                        GEOWALK_BENCH_BUDGET s together (300); the table shows the median and the number of runs
#   GEOWALK_KDE_GRASS_KERNELS  kernels run through v.kernel (default "quartic gaussian"; the first one is timed)
#   GEOWALK_KDE_SKIP_BUILD=1   use the binaries in $GEOWALK_BUILD_DIR (default build) as they are
#
# Steps:
#   1. Installs qgis, grass-core, python3-gdal, python3-numpy, gdal-bin with apt-get where missing (root or sudo).
#   2. N points (scripts/bench/kde_tool.py points: 70 % in 60 Gaussian clusters, 30 % uniform, fixed seed) written as
#      points.gpkg (EPSG:32650) with ogr2ogr.
#   3. geowalk: tests/bench/kde_points.cpp (geowalk_kde_bench), the library call the CLI makes (read the points,
#      QGIS's grid, raster::kde_tiles + output::write_density to a COG), whole-process wall time, quartic raw, with 2 and
#      with 1 thread; then once scaled (quartic and each GRASS kernel) for the GRASS comparison.
#   4. QGIS: /usr/bin/qgis_process.bin (QT_QPA_PLATFORM=offscreen; Debian's qgis_process wrapper passes a flag 3.22
#      rejects) run qgis:heatmapkerneldensityestimation, quartic, raw, whole-process wall time (its start-up, ~2 s,
#      included, as ours includes reading the points). Agreement: max |ours - QGIS| / max(ours) on the same grid,
#      expected below 0.5 % (QGIS 3.22 mirrors each kernel vertically about the point's pixel; see the README).
#   5. GRASS: a location in EPSG:32650 under OUT_DIR, the points imported with v.in.ascii (not timed), g.region set to
#      geowalk's grid exactly (n s e w rows cols), then v.kernel radius=R kernel=K timed on its own (module wall
#      time) and exported with r.out.gdal (Float64). GRASS's scaled kernels are ours (same constants; Gaussian
#      sigma = R / 4, cut at R), so ours scaled must agree to 1e-5 relative.
#   6. The Google Benchmark micro-benchmarks (geowalk_bench_kde: evaluation alone per kernel and thread count, and
#      evaluation + write) on the same size in-process scene.
# The table is printed and written to OUT_DIR/results.tsv. Uses at most 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=${1:-out/bench/kde}
n=${GEOWALK_KDE_POINTS:-1000000}
radius=${GEOWALK_KDE_RADIUS:-300}
pixel=${GEOWALK_KDE_PIXEL:-10}
reps=${GEOWALK_BENCH_REPS:-3}
budget=${GEOWALK_BENCH_BUDGET:-300}
grass_kernels=${GEOWALK_KDE_GRASS_KERNELS:-"quartic gaussian"}
log() { echo "kde bench: $*" >&2; }

# --- dependencies and build ------------------------------------------------------------------------------------------
packages=(qgis grass-core python3-gdal python3-numpy gdal-bin time)
bash scripts/setup.sh "${packages[@]}"
[ "${GEOWALK_KDE_SKIP_BUILD:-0}" = 1 ] || bash scripts/build.sh -DGEOWALK_BENCH=ON
build_dir=${GEOWALK_BUILD_DIR:-build}
[[ "$build_dir" == /* ]] || build_dir=$root/$build_dir
ours=$build_dir/tests/geowalk_kde_bench
micro=$build_dir/tests/geowalk_bench_kde
[ -x "$ours" ] || { log "$ours was not built"; exit 1; }
tool=(/usr/bin/python3 "$root/scripts/bench/kde_tool.py")

mkdir -p "$out"
out=$(cd "$out" && pwd)
results=$out/results.tsv
: >"$results"
record() { printf '%s\t%s\n' "$1" "$2" >>"$results"; }
get() { awk -F'\t' -v k="$1" '$1 == k { v = $2 } END { print v }' "$results"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# timed KEY COMMAND...: runs the command up to $reps times (stopping once the runs took $budget s together) under
# /usr/bin/time; records KEY (median wall s), KEY_cpu (median user + system s: on a machine shared with other jobs
# the CPU time is the steadier measure of the work) and KEY_n. The last run's stdout is left in $run_output.
timed() {
  local key=$1 times=() cpus=() total=0 k wall user sys
  shift
  for ((k = 0; k < reps; k++)); do
    run_output=$(/usr/bin/time -f "%e %U %S" -o "$out/time.txt" "$@")
    read -r wall user sys <"$out/time.txt"
    times+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
    total=$(awk -v a="$total" -v b="$wall" 'BEGIN { print a + b }')
    awk -v t="$total" -v b="$budget" 'BEGIN { exit !(t > b) }' && break
  done
  record "$key" "$(median "${times[@]}")"
  record "${key}_cpu" "$(median "${cpus[@]}")"
  record "${key}_n" "${#times[@]}"
  log "$key: wall ${times[*]} s, cpu ${cpus[*]} s"
}

# --- points ----------------------------------------------------------------------------------------------------------
log "$n points"
"${tool[@]}" points "$n" 42 "$out/points.csv"
rm -f "$out/points.gpkg"
ogr2ogr -f GPKG "$out/points.gpkg" "$out/points.csv" -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y \
  -a_srs EPSG:32650 -nln points -lco SPATIAL_INDEX=NO

# --- geowalk ---------------------------------------------------------------------------------------------------------
common=(--radius "$radius" --pixel "$pixel")
timed geowalk_t2 "$ours" "$out/points.gpkg" "$out/ours_raw.tif" "${common[@]}" --kernel quartic --output raw --threads 2
log "geowalk: $run_output"
read -r _ xmin ymin xmax ymax cols rows < <(grep '^grid ' <<<"$run_output")
record grid "${cols}x${rows}"
timed geowalk_t1 "$ours" "$out/points.gpkg" "$out/ours_raw_t1.tif" "${common[@]}" --kernel quartic --output raw --threads 1
cmp -s "$out/ours_raw.tif" "$out/ours_raw_t1.tif" && record identical_1_2_threads yes || record identical_1_2_threads no
for k in $grass_kernels; do
  "$ours" "$out/points.gpkg" "$out/ours_scaled_$k.tif" "${common[@]}" --kernel "$k" --output scaled --threads 2 >/dev/null
done

# --- QGIS ------------------------------------------------------------------------------------------------------------
record qgis_version "$(dpkg-query -W -f='${Version}' qgis)"
rm -f "$out/qgis_raw.tif"
timed qgis env QT_QPA_PLATFORM=offscreen /usr/bin/qgis_process.bin run qgis:heatmapkerneldensityestimation -- \
  INPUT="$out/points.gpkg" RADIUS="$radius" PIXEL_SIZE="$pixel" KERNEL=0 DECAY=0 OUTPUT_VALUE=0 \
  OUTPUT="$out/qgis_raw.tif"
record agree_qgis "$("${tool[@]}" compare-qgis "$out/ours_raw.tif" "$out/qgis_raw.tif")"
log "QGIS agreement: $(get agree_qgis)"

# --- GRASS -----------------------------------------------------------------------------------------------------------
gdb=$out/grassdb
rm -rf "$gdb"
mkdir -p "$gdb"
grass -c EPSG:32650 -e "$gdb/utm50n" >/dev/null 2>&1
mapset=$gdb/utm50n/PERMANENT
record grass_version "$(grass --version 2>&1 | grep -m1 GRASS)"
t0=$(now)
grass "$mapset" --exec v.in.ascii input="$out/points.csv" output=pts separator=comma skip=1 x=1 y=2 -t --quiet
record grass_import "$(elapsed "$t0" "$(now)")"
first=1
for k in $grass_kernels; do
  cat >"$out/grass_$k.sh" <<EOF
set -e
g.region n=$ymax s=$ymin e=$xmax w=$xmin rows=$rows cols=$cols --quiet
/usr/bin/time -f "%e %U %S" -o "$out/grass_time.txt" \
  v.kernel input=pts output=kde_$k radius=$radius kernel=$k --overwrite --quiet
r.out.gdal input=kde_$k output="$out/grass_$k.tif" type=Float64 createopt=COMPRESS=DEFLATE -c --overwrite --quiet
cat "$out/grass_time.txt"
EOF
  grass_run() { grass "$mapset" --exec bash "$out/grass_$k.sh" 2>"$out/grass_$k.log" | tail -1; }
  if [ "$first" = 1 ]; then
    # Time the module itself: the wall time between its start and end, GRASS session start-up excluded.
    times=()
    cpus=()
    total=0
    for ((r = 0; r < reps; r++)); do
      read -r wall user sys < <(grass_run)
      times+=("$wall")
      cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
      total=$(awk -v a="$total" -v b="$wall" 'BEGIN { print a + b }')
      awk -v t="$total" -v b="$budget" 'BEGIN { exit !(t > b) }' && break
    done
    record "grass_$k" "$(median "${times[@]}")"
    record "grass_${k}_cpu" "$(median "${cpus[@]}")"
    record "grass_${k}_n" "${#times[@]}"
    log "grass $k: wall ${times[*]} s, cpu ${cpus[*]} s"
    first=0
  else
    grass_run >/dev/null
  fi
  record "agree_grass_$k" "$("${tool[@]}" compare-grass "$out/ours_scaled_$k.tif" "$out/grass_$k.tif")"
  log "GRASS $k agreement: $(get "agree_grass_$k")"
done

# --- micro-benchmarks --------------------------------------------------------------------------------------------------
if [ -x "$micro" ]; then
  "$micro" --benchmark_filter='BM_kde_evaluate/kernel:(0|5)/|BM_kde_write' --benchmark_repetitions=3 \
    --benchmark_report_aggregates_only=true --benchmark_out="$out/micro.json" --benchmark_out_format=json \
    >"$out/micro.txt" 2>&1 || log "micro-benchmarks failed"
fi

# --- report ----------------------------------------------------------------------------------------------------------
k1=$(echo "$grass_kernels" | awk '{ print $1 }')
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.1fx", a / b }'; }
row() { # LABEL KEY [AGREEMENT]
  printf '%-36s %8s %8s %4s %9s %9s  %s\n' "$1" "$(get "$2")" "$(get "${2}_cpu")" "$(get "${2}_n")" \
    "$(ratio "$(get "$2")" "$(get geowalk_t2)")" "$(ratio "$(get "${2}_cpu")" "$(get geowalk_t2_cpu)")" "${3:-}"
}
{
  echo
  echo "Kernel density: $n points, r = $radius m, $pixel m pixels, QGIS-rule grid $(get grid), $(nproc) cores,"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other jobs share this machine: compare the CPU times)"
  printf '%-36s %8s %8s %4s %9s %9s  %s\n' "tool" "wall s" "cpu s" "runs" "wall/ours" "cpu/ours" "agreement"
  row "geowalk, 2 threads (whole process)" geowalk_t2 "1 vs 2 threads bit-identical: $(get identical_1_2_threads)"
  row "geowalk, 1 thread (whole process)" geowalk_t1
  row "QGIS $(get qgis_version) heatmap raw (process)" qgis "$(get agree_qgis)"
  row "GRASS v.kernel $k1 (module only)" "grass_$k1" "$(get "agree_grass_$k1")"
  for k in $grass_kernels; do
    [ "$k" = "$k1" ] || printf '%-36s %8s %8s %4s %9s %9s  %s\n' "GRASS v.kernel $k" - - - - - "$(get "agree_grass_$k")"
  done
  echo "GRASS import (v.in.ascii, not timed above): $(get grass_import) s; $(get grass_version)"
  [ -f "$out/micro.txt" ] && grep -E "_median" "$out/micro.txt" || true
} | tee "$out/table.txt"
rm -f "$out"/ours_raw_t1.tif "$out/points.csv" "$out/time.txt"
