#!/usr/bin/env bash
# The coverage benchmark of issue 3: geowalk's coverage step against PostGIS, and its walk-distance raster against
# GDAL's gdal_proximity, on this machine, from the same inputs, computing the same numbers, at several sizes.
#
# Usage: scripts/bench.sh [OUT_DIR]     (default out/bench; the table is printed and written to OUT_DIR/results.json)
#
# Scenes ($GEOWALK_BENCH_SCENES, words NAME:SCALE:SECONDS_BETWEEN_FIXES:PEERS, PEERS "pg" to run PostGIS too):
#   1x, 3x, 10x       the sample town tiled 1, 3, 10 times, a fix every 10 s (~12 m): growth with size
#   issue             the issue's scene: scale 15 (~4,700 km of network, ~3,600 km of cleaned tracks) with a fix
#                     every 4 s (~5.6 m along the noisy tracks)
#   100x              the sample town tiled 100 times (~31,000 km of network, ~22,000 km of tracks, 205 M pixels of
#                     walk_distance.tif): ~16 min without PostGIS, which finishes no formulation already on the issue's
#                     scene within $GEOWALK_BENCH_PG_TIMEOUT s; the whole script takes ~55 min.
#
# Per scene:
#   1. The input files, from the sample generator (tests/bench: the library call `geowalk demo --scale N
#      --fix-interval S` makes, without demo's full run; the 1x scene is checked byte for byte against data/sample).
#   2. geowalk_bench --export: the loaded network and cleaned tracks (geowalk.gpkg, local CRS, as every run writes
#      them), the network coverage numbers with 1 and 2 threads (must be bit-identical) and walk_distance.tif as
#      analyse makes it (1 and 2 threads bit-identical). Used for the peers when the CLI step cannot finish.
#   3. geowalk coverage CAMPAIGN --sight 30 --threads 2 --no-maps --no-report (the whole step: load, analyse, write
#      every data output): median time, peak RSS (/usr/bin/time -v); once with --threads 1 where a run takes under a
#      minute, and the coverage sections of both summary.json compared; once with maps/ and report.pdf drawn too
#      where a run takes under 30 s (pictures, not figures PostGIS computes, so not in the PostGIS ratio). Each run is cut at $GEOWALK_BENCH_STEP_TIMEOUT s and $GEOWALK_BENCH_MEM_GB GB of address
#      space (ulimit -v), so a step that runs away cannot take the machine down.
#   4. tests/bench/bench_coverage.cpp (Google Benchmark, medians of the repetitions): BM_network_coverage/threads:1,2
#      (the part of the analysis that computes what PostGIS computes) and, where the step takes under 30 s,
#      BM_analyse/threads:2 (the analysis without load and write, seconds per stage).
#   5. PostGIS (scenes marked pg): the gpkg layers network and tracks copied with ogr2ogr into a private PostgreSQL +
#      PostGIS on 127.0.0.1:$GEOWALK_BENCH_PG_PORT (started here, removed on exit), GiST indexes, VACUUM ANALYZE, then
#        (a) scripts/bench/coverage_union.sql       ST_Intersection(line, ST_Buffer(ST_Union(tracks), 30)), summed
#        (b) scripts/bench/coverage_per_road.sql    per line ST_Buffer(ST_Union(tracks ST_DWithin 30 m)), grouped
#        (c) scripts/bench/coverage_subdivided.sql  (b) on ST_Subdivide'd network and tracks, subdivision timed
#      each cut at $GEOWALK_BENCH_PG_TIMEOUT s (statement_timeout) and, as the server runs under the same ulimit -v,
#      at $GEOWALK_BENCH_MEM_GB GB. Agreement = |PostGIS covered - geowalk covered| / network length, quad_segs=8
#      (ST_Buffer's default); (c) is run once more with quad_segs=32 where it takes under a minute.
#   6. BM_walk_distance/threads:1,2 (the raster) and BM_walk_distance_seed_centres/threads:1,2 (the raster with
#      walk_distance = "pixel_centres"), then, right after them, the same tracks burnt into the grid of
#      walk_distance.tif (gdal_rasterize -at, same -te/-ts) and gdal_proximity.py -distunits GEO on it, timed; the
#      largest |difference| over the .tif's valid pixels, in pixels, for both measures (geowalk_bench --export
#      writes both rasters).
# Then the kernel density benchmark, scripts/bench/kde.sh OUT_DIR/kde (its own table; GEOWALK_BENCH_KDE=0 skips it),
# the hotspot benchmark, scripts/bench/hotspots.sh OUT_DIR/hotspots (GEOWALK_BENCH_HOTSPOTS=0 skips it),
# the memory benchmark, scripts/bench/memory.sh OUT_DIR/memory (GEOWALK_BENCH_MEMORY=0 skips it), the postman
# benchmark, scripts/bench/route.sh OUT_DIR/route (GEOWALK_BENCH_ROUTE=0 skips it), and the CARP benchmark,
# scripts/bench/carp.sh into OUT_DIR/carp (GEOWALK_BENCH_CARP=0 skips it), and the register export benchmark,
# scripts/bench/register_export.sh OUT_DIR/register_export (GEOWALK_BENCH_REGEXPORT=0 skips it).
# Times are medians of up to $GEOWALK_BENCH_REPS runs (3; the raster parts and gdal_rasterize + gdal_proximity
# $GEOWALK_BENCH_RASTER_REPS, 7); a measurement stops repeating once its runs have taken
# $GEOWALK_BENCH_BUDGET s together (the table then shows n). Uses at most 2 cores; needs root or sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${1:-out/bench}
reps=${GEOWALK_BENCH_REPS:-3}
raster_reps=${GEOWALK_BENCH_RASTER_REPS:-7}
budget=${GEOWALK_BENCH_BUDGET:-90}
pg_port=${GEOWALK_BENCH_PG_PORT:-54329}
pg_timeout=${GEOWALK_BENCH_PG_TIMEOUT:-180}
step_timeout=${GEOWALK_BENCH_STEP_TIMEOUT:-600}
mem_gb=${GEOWALK_BENCH_MEM_GB:-8}
scenes=${GEOWALK_BENCH_SCENES:-"1x:1:10:pg 3x:3:10:- 10x:10:10:pg issue:15:4:pg 100x:100:10:-"}
sight=30
mem_kb=$((mem_gb * 1024 * 1024))
started=$(date +%s)

# --- dependencies and build ------------------------------------------------------------------------------------------
# The peers' packages besides the project's (PostgreSQL and PostGIS are among those already).
bash scripts/setup.sh time python3-gdal python3-numpy gdal-bin
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
bash scripts/build.sh -DGEOWALK_BENCH=ON
build_dir=${GEOWALK_BUILD_DIR:-build}
[[ "$build_dir" == /* ]] || build_dir=$root/$build_dir
geowalk=$build_dir/apps/geowalk/geowalk
bench_bin=$build_dir/tests/geowalk_bench
[ -x "$bench_bin" ] || { echo "bench: $bench_bin was not built (libbenchmark-dev missing?)" >&2; exit 1; }
tool=(/usr/bin/python3 "$root/scripts/bench/bench_tool.py")

mkdir -p "$out"
out=$(cd "$out" && pwd)
measurements=$out/measurements.tsv
: >"$measurements"
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$measurements"; }
get() { awk -F'\t' -v s="$1" -v k="$2" '$1 == s && $2 == k { v = $3 } END { print v }' "$measurements"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
log() { echo "bench: $*" >&2; }
# Runs a command under the memory cap (a subshell, so the limit stays with it).
capped() { (ulimit -v "$mem_kb" && "$@"); }

# --- a private PostgreSQL + PostGIS on loopback ----------------------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_root=$(mktemp -d /tmp/geowalk-bench-pg.XXXXXX)
chown postgres "$pg_root"
as_postgres() { $sudo_cmd runuser -u postgres -- "$@"; }
cleanup() {
  if [ -f "$pg_root/data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_root/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_root"
}
trap cleanup EXIT
as_postgres "$pg_bin/initdb" -D "$pg_root/data" -A trust -U postgres -E UTF8 --no-locale >/dev/null
# What a DBA would give one analytical job on this machine (2 cores, 24 GB); durability is not needed. The server
# and its backends run under the memory cap.
as_postgres bash -c "ulimit -v $mem_kb && exec '$pg_bin/pg_ctl' -D '$pg_root/data' -l '$pg_root/log' -w \
  -o '-p $pg_port -k $pg_root -c listen_addresses=127.0.0.1 -c shared_buffers=2GB -c work_mem=512MB \
      -c maintenance_work_mem=1GB -c max_parallel_workers_per_gather=2 -c fsync=off -c synchronous_commit=off \
      -c full_page_writes=off' start" >/dev/null
psql_base=(psql -X -q -A -t -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1)
"${psql_base[@]}" -d postgres -c "CREATE DATABASE bench"
psql_bench=("${psql_base[@]}" -d bench)
"${psql_bench[@]}" -c "CREATE EXTENSION postgis"
pg_dsn="PG:host=127.0.0.1 port=$pg_port dbname=bench user=postgres"
pg_version=$("${psql_bench[@]}" -c "SELECT 'PostgreSQL ' || current_setting('server_version') || ', PostGIS ' || postgis_lib_version() || ', GEOS ' || postgis_geos_version()")
log "$pg_version"
record _machine postgis "$pg_version"
record _machine cpu "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) cores"
record _machine gdal "$(gdalinfo --version)"
record _machine reps "$reps"
record _machine raster_reps "$raster_reps"

# timed SCENE KEY MAX_RUNS COMMAND...: runs the command up to MAX_RUNS times, stopping once the runs have taken $budget
# s together; records KEY (median s) and KEY_n. Returns the command's status (then records KEY_failed, exit status
# 124 meaning the time-out). The last run's stdout is left in $run_output.
timed() {
  local scene=$1 key=$2 runs=$3
  shift 3
  local times=() t0 t1 k total=0 status
  for ((k = 0; k < runs; k++)); do
    t0=$(now)
    status=0
    run_output=$("$@") || status=$?
    t1=$(now)
    if [ "$status" -ne 0 ]; then
      record "$scene" "${key}_failed" "$(elapsed "$t0" "$t1") s, exit $status"
      log "$scene $key: failed after $(elapsed "$t0" "$t1") s (exit $status)"
      return "$status"
    fi
    times+=("$(elapsed "$t0" "$t1")")
    total=$(awk -v a="$total" -v b="${times[-1]}" 'BEGIN { print a + b }')
    awk -v t="$total" -v b="$budget" 'BEGIN { exit !(t > b) }' && break
  done
  record "$scene" "$key" "$("${tool[@]}" median "${times[@]}")"
  record "$scene" "${key}_n" "${#times[@]}"
  log "$scene $key: ${times[*]} s"
}

# postgis SCENE KEY MAX_RUNS SQL_FILE BUFFER_STYLE: one formulation on the scene's tables; records KEY (median s), its
# covered and total lengths and agree_KEY, or KEY_failed with the reason (time-out, memory).
postgis() {
  local scene=$1 key=$2 runs=$3 sql=$4 style=$5
  local err=$dir/$key.err
  pg_query() {
    PGOPTIONS="-c statement_timeout=${pg_timeout}s" "${psql_bench[@]}" -v network="network_$scene" \
      -v tracks="tracks_$scene" -v sight=$sight -v style="$style" -v max_vertices=16 \
      -f "$root/scripts/bench/$sql" 2>"$err" | tail -1
  }
  if ! timed "$scene" "$key" "$runs" pg_query; then
    local why="error"
    grep -q "canceling statement" "$err" && why="> $pg_timeout s (statement_timeout)"
    grep -qi "out of memory\|bad_alloc\|server closed the connection" "$err" && why="out of memory (> $mem_gb GB)"
    record "$scene" "${key}_why" "$why"
    log "$scene $key: $why: $(head -c 300 "$err")"
    # A backend that died takes the server into recovery for a moment.
    until "${psql_bench[@]}" -c "SELECT 1" >/dev/null 2>&1; do sleep 1; done
    return 0
  fi
  local total covered
  total=${run_output%%|*}
  covered=${run_output#*|}
  record "$scene" "${key}_total_m" "$total"
  record "$scene" "${key}_covered_m" "$covered"
  record "$scene" "agree_$key" "$(awk -v a="$covered" -v b="$gw_covered" -v l="$gw_length" \
    'BEGIN { d = a - b; if (d < 0) d = -d; printf "%.5f", 100 * d / l }')"
  log "$scene $key: covered $covered m of $total m (geowalk $gw_covered of $gw_length m)"
}

# bench_json FILE NAME FIELD: a field of one benchmark in a Google Benchmark JSON file: its median aggregate, or the
# run itself when there was one repetition. FIELD real_time_s, or stages (the s_* counters as name=seconds).
bench_json() {
  /usr/bin/python3 - "$@" <<'EOF'
import json, sys
path, name, field = sys.argv[1:4]
runs = [b for b in json.load(open(path))["benchmarks"] if b.get("run_name") == name]
medians = [b for b in runs if b.get("aggregate_name") == "median"]
b = (medians or runs or [None])[0]
if b is None:
    print("")
elif field == "real_time_s":
    print(b["real_time"] / 1000.0)
elif field == "stages":
    print(" ".join(f"{k[2:]}={v:.3f}" for k, v in b.items() if k.startswith("s_")))
EOF
}

# --- scenes ----------------------------------------------------------------------------------------------------------
for spec in $scenes; do
  IFS=: read -r scene scale interval peers <<<"$spec"
  dir=$out/$scene
  rm -rf "$dir"
  mkdir -p "$dir"
  log "=== scene $scene: scale $scale, a fix every $interval s ==="
  record "$scene" scale "$scale"
  record "$scene" fix_interval_s "$interval"

  # 1. Inputs.
  "$bench_bin" --scene "$dir/input" --scale "$scale" --fix-interval "$interval"
  if [ "$scale" = 1 ] && [ "$interval" = 10 ]; then
    diff -r -q "$dir/input" data/sample >/dev/null || { log "the 1x scene differs from data/sample/"; exit 1; }
  fi
  campaign=$dir/input/campaign.toml

  # 2. Export: inputs for the peers, numbers, thread identity of the parts.
  capped /usr/bin/time -v -o "$dir/time_export.txt" "$bench_bin" --export "$campaign" "$dir/export" >"$dir/export.txt"
  read -r gw_length gw_covered lines_identical raster_identical <"$dir/export.txt"
  read -r _ _ network_km fixes_read fixes_kept pieces < <("${tool[@]}" summary "$dir/export/summary.json")
  record "$scene" network_km "$network_km"
  record "$scene" fixes_read "$fixes_read"
  record "$scene" fixes_kept "$fixes_kept"
  record "$scene" track_pieces "$pieces"
  record "$scene" track_km "$(ogrinfo -q -ro -sql "SELECT SUM(length_m) / 1000 AS km FROM tracks" \
    "$dir/export/geowalk.gpkg" | awk -F'= ' '/km \(Real\)/ { print $2 }')"
  record "$scene" length_m "$gw_length"
  record "$scene" covered_m "$gw_covered"
  record "$scene" lines_threads_identical "$lines_identical"
  record "$scene" raster_threads_identical "$raster_identical"
  record "$scene" export_rss_kb "$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time_export.txt")"

  # 3. The whole step with the CLI: every data output (geowalk.gpkg, geojson/, walk_distance.tif, summary.json,
  # geowalk.qgs), the figures PostGIS is compared on; then once more drawing maps/ and report.pdf as well.
  # step THREADS RUN_DIR [OPTIONS...]: one capped geowalk coverage run; prints its peak RSS in kB.
  step() {
    local threads=$1 run=$2
    shift 2
    capped /usr/bin/time -v -o "$dir/time_$run.txt" timeout -k 10 "$step_timeout" "$geowalk" coverage "$campaign" \
      --out "$dir/$run" --sight $sight --threads "$threads" --quiet "$@" >"$dir/$run.log" 2>&1 || {
      local status=$?
      rm -rf "$dir/.$run.partial-"*
      return $status
    }
    awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time_$run.txt"
  }
  step_ok=no
  if timed "$scene" step_t2 "$reps" step 2 run_t2 --no-maps --no-report; then
    step_ok=yes
    record "$scene" rss_kb "$run_output"
    if awk -v t="$(get "$scene" step_t2)" 'BEGIN { exit !(t < 30) }' && timed "$scene" step_maps 1 step 2 run_maps; then
      record "$scene" rss_maps_kb "$run_output"
    fi
    if awk -v t="$(get "$scene" step_t2)" 'BEGIN { exit !(t < 60) }' && timed "$scene" step_t1 1 step 1 run_t1 --no-maps --no-report; then
      record "$scene" threads_identical \
        "$("${tool[@]}" same-coverage "$dir/run_t1/summary.json" "$dir/run_t2/summary.json")"
    fi
    read -r _ cli_covered _ < <("${tool[@]}" summary "$dir/run_t2/summary.json")
    record "$scene" cli_covered_m "$cli_covered"
    [ "$cli_covered" = "$gw_covered" ] || log "$scene: the CLI's covered length $cli_covered differs from the export's $gw_covered"
  else
    status=$(get "$scene" step_t2_failed)
    if [[ "$status" == *"exit 124" || "$status" == *"exit 137" ]]; then
      record "$scene" step_t2_why "> $step_timeout s"
    elif grep -qi "bad_alloc\|memory" "$dir/run_t2.log"; then
      record "$scene" step_t2_why "out of memory (> $mem_gb GB)"
    else
      record "$scene" step_t2_why "failed (exit ${status##* })"
    fi
    record "$scene" step_t2_log "$(tail -c 300 "$dir/run_t2.log" | tr '\n\t' '  ')"
  fi

  # 4. The analysis and its parts without load and write (Google Benchmark; the raster in 6).
  GEOWALK_BENCH_CAMPAIGN=$campaign capped "$bench_bin" --benchmark_filter='BM_network_coverage' \
    --benchmark_repetitions="$reps" --benchmark_min_time=0.001 --benchmark_report_aggregates_only=true \
    --benchmark_format=json --benchmark_out="$dir/parts.json" >/dev/null 2>"$dir/parts.err"
  for threads in 1 2; do
    record "$scene" "lines_t$threads" "$(bench_json "$dir/parts.json" "BM_network_coverage/threads:$threads/real_time" real_time_s)"
  done
  if [ "$step_ok" = yes ] && awk -v t="$(get "$scene" step_t2)" 'BEGIN { exit !(t < 30) }'; then
    if GEOWALK_BENCH_CAMPAIGN=$campaign capped "$bench_bin" \
        --benchmark_filter='BM_analyse/threads:2' --benchmark_repetitions="$reps" --benchmark_min_time=0.001 \
        --benchmark_report_aggregates_only=true --benchmark_format=json --benchmark_out="$dir/analyse.json" \
        >/dev/null 2>"$dir/analyse.err"; then
      name=BM_analyse/threads:2/real_time
      analyse_s=$(bench_json "$dir/analyse.json" "$name" real_time_s)
      stages=$(bench_json "$dir/analyse.json" "$name" stages)
      record "$scene" analyse_t2 "$analyse_s"
      record "$scene" analyse_stages "$stages"
      log "$scene analyse: $analyse_s s: $stages"
    fi
  fi

  # 5. PostGIS.
  if [ "$peers" = pg ]; then
    gpkg=$dir/export/geowalk.gpkg
    [ "$step_ok" = yes ] && gpkg=$dir/run_t2/geowalk.gpkg
    for layer in network tracks; do
      ogr2ogr -f PostgreSQL "$pg_dsn" "$gpkg" "$layer" -nln "${layer}_$scene" -lco GEOMETRY_NAME=geom -lco FID=fid \
        -lco SPATIAL_INDEX=GIST -overwrite
    done
    "${psql_bench[@]}" -c "VACUUM ANALYZE network_$scene" -c "VACUUM ANALYZE tracks_$scene"
    record "$scene" pg_track_km "$("${psql_bench[@]}" -c "SELECT sum(ST_Length(geom)) / 1000 FROM tracks_$scene")"
    postgis "$scene" pg_a "$reps" coverage_union.sql quad_segs=8
    postgis "$scene" pg_b "$reps" coverage_per_road.sql quad_segs=8
    postgis "$scene" pg_c "$reps" coverage_subdivided.sql quad_segs=8
    if [ -n "$(get "$scene" pg_c)" ] && awk -v t="$(get "$scene" pg_c)" 'BEGIN { exit !(t < 60) }'; then
      postgis "$scene" pg_c32 1 coverage_subdivided.sql quad_segs=32
    fi
    "${psql_bench[@]}" -c "DROP TABLE network_$scene" -c "DROP TABLE tracks_$scene"
  fi

  # 6. The raster against gdal_proximity, timed back to back (a sub-second part measured minutes away from its peer
  # drifted with the shared machine by as much as the margin asked for), $raster_reps runs each.
  GEOWALK_BENCH_CAMPAIGN=$campaign capped "$bench_bin" --benchmark_filter='BM_walk_distance' \
    --benchmark_repetitions="$raster_reps" --benchmark_min_time=0.001 --benchmark_report_aggregates_only=true \
    --benchmark_format=json --benchmark_out="$dir/raster.json" >/dev/null 2>"$dir/raster.err"
  for threads in 1 2; do
    record "$scene" "raster_t$threads" "$(bench_json "$dir/raster.json" "BM_walk_distance/threads:$threads/real_time" real_time_s)"
    record "$scene" "centres_t$threads" \
      "$(bench_json "$dir/raster.json" "BM_walk_distance_seed_centres/threads:$threads/real_time" real_time_s)"
  done
  tif=$dir/export/walk_distance.tif
  [ -f "$dir/run_t2/walk_distance.tif" ] && tif=$dir/run_t2/walk_distance.tif
  if [ -f "$tif" ]; then
    read -r xmin ymin xmax ymax pixel cols rows < <("${tool[@]}" grid "$tif")
    burn() {
      rm -f "$dir/tracks_burnt.tif"
      gdal_rasterize -q -burn 1 -at -init 0 -ot Byte -te "$xmin" "$ymin" "$xmax" "$ymax" -ts "$cols" "$rows" \
        -l tracks "$dir/export/geowalk.gpkg" "$dir/tracks_burnt.tif"
    }
    proximity() {
      rm -f "$dir/gdal_proximity.tif"
      gdal_proximity.py -q "$dir/tracks_burnt.tif" "$dir/gdal_proximity.tif" -values 1 -distunits GEO -ot Float32
    }
    timed "$scene" gdal_rasterize "$raster_reps" burn
    timed "$scene" gdal_proximity "$raster_reps" proximity
    record "$scene" raster_cells "$((cols * rows))"
    read -r max_dev p999 within n_pixels < <("${tool[@]}" compare-rasters "$tif" "$dir/gdal_proximity.tif")
    record "$scene" raster_max_dev_px "$max_dev"
    record "$scene" raster_p999_dev_px "$p999"
    record "$scene" raster_within_half_px "$within"
    record "$scene" raster_pixels "$n_pixels"
    log "$scene raster: ${cols}x$rows pixels of $pixel m; |geowalk - gdal_proximity| max $max_dev px, 99.9 % within $p999 px"
    read -r max_dev p999 within _ < <("${tool[@]}" compare-rasters "$dir/export/walk_distance_pixel_centres.tif" \
      "$dir/gdal_proximity.tif")
    record "$scene" centres_max_dev_px "$max_dev"
    record "$scene" centres_within_half_px "$within"
    log "$scene pixel_centres raster: |geowalk - gdal_proximity| max $max_dev px, 99.9 % within $p999 px"
  else
    log "$scene: no walk_distance.tif; raster comparison skipped"
  fi
  # Keep the measurements and summaries, not the bulky files.
  rm -rf "$dir/input" "$dir/run_t1" "$dir/run_maps" "$dir"/*.tif "$dir/export/geowalk.gpkg" "$dir/run_t2/geowalk.gpkg" \
    "$dir/export/walk_distance.tif" "$dir/export/walk_distance_pixel_centres.tif" "$dir/run_t2/walk_distance.tif"
done

# --- kernel density (issue 4): geowalk vs QGIS heatmap vs GRASS v.kernel, its own table ----------------------------
# GEOWALK_BENCH_KDE=0 skips it; scripts/bench/kde.sh documents its settings (GEOWALK_KDE_POINTS etc.).
if [ "${GEOWALK_BENCH_KDE:-1}" = 1 ]; then
  GEOWALK_KDE_SKIP_BUILD=1 GEOWALK_BUILD_DIR=$build_dir bash scripts/bench/kde.sh "$out/kde" ||
    log "kernel density benchmark failed (see above)"
fi

# --- hotspots (issue 24): geowalk hotspots on 1M issues vs QGIS's heatmap alone, its own table -----------------------
# GEOWALK_BENCH_HOTSPOTS=0 skips it; scripts/bench/hotspots.sh documents its settings.
if [ "${GEOWALK_BENCH_HOTSPOTS:-1}" = 1 ]; then
  GEOWALK_HOTSPOTS_SKIP_BUILD=1 GEOWALK_BUILD_DIR=$build_dir bash scripts/bench/hotspots.sh "$out/hotspots" ||
    log "hotspot benchmark failed (see above)"
fi

# --- memory (issue 6, limits): a 100x town within 4 GB, and a limit it cannot fit refused with a message ----------
# GEOWALK_BENCH_MEMORY=0 skips it; scripts/bench/memory.sh documents its settings.
if [ "${GEOWALK_BENCH_MEMORY:-1}" = 1 ]; then
  GEOWALK_MEMORY_SKIP_BUILD=1 GEOWALK_BUILD_DIR=$build_dir bash scripts/bench/memory.sh "$out/memory" ||
    log "memory benchmark failed (see above)"
fi

# --- the one-walker postman (issue 20): generated networks, its own table ---------------------------------------------
# GEOWALK_BENCH_ROUTE=0 skips it; scripts/bench/route.sh documents its settings.
if [ "${GEOWALK_BENCH_ROUTE:-1}" = 1 ]; then
  GEOWALK_ROUTE_SKIP_BUILD=1 GEOWALK_BUILD_DIR=$build_dir bash scripts/bench/route.sh "$out/route" ||
    log "postman benchmark failed (see above)"
fi

# --- CARP (issue 20): the route solver on the classical gdb, val and egl files, gaps to the published bounds ---------
# GEOWALK_BENCH_CARP=0 skips it; scripts/bench/carp.sh documents its settings.
if [ "${GEOWALK_BENCH_CARP:-1}" = 1 ]; then
  GEOWALK_CARP_SKIP_BUILD=1 GEOWALK_BUILD_DIR=$build_dir GEOWALK_CARP_OUT=$out/carp/results.jsonl \
    bash scripts/bench/carp.sh --solutions "$out/carp/solutions" ||
    log "CARP benchmark failed (see above)"
fi

# --- register exports (issue 21): a day's forms of 1,200 villages, its own table --------------------------------------
# GEOWALK_BENCH_REGEXPORT=0 skips it; scripts/bench/register_export.sh documents its settings.
if [ "${GEOWALK_BENCH_REGEXPORT:-1}" = 1 ]; then
  GEOWALK_REGEXPORT_SKIP_BUILD=1 GEOWALK_BUILD_DIR=$build_dir bash scripts/bench/register_export.sh "$out/register_export" ||
    log "register export benchmark failed (see above)"
fi

# --- the rectification register (issue 21): 100,000 issues imported, then the same file again ------------------------
# GEOWALK_BENCH_REGISTER=0 skips it; scripts/bench/register.sh documents its settings (GEOWALK_REGISTER_PG: PostgreSQL).
if [ "${GEOWALK_BENCH_REGISTER:-1}" = 1 ]; then
  GEOWALK_REGISTER_SKIP_BUILD=1 GEOWALK_BUILD_DIR=$build_dir bash scripts/bench/register.sh "$out/register" ||
    log "register benchmark failed (see above)"
fi

# --- report ----------------------------------------------------------------------------------------------------------
record _machine total_s "$(($(date +%s) - started))"
echo
"${tool[@]}" report "$measurements" "$out/results.json"
