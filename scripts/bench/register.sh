#!/usr/bin/env bash
# The register benchmark of issue 21: `geowalk register import` of 100,000 issues into a new register (target under
# 10 s on GeoPackage), the same file again (its bytes are those of its last import: under 5 s), and the same rows
# re-saved (other bytes, so every row is compared with the register: nothing changes). The 100,000 rows are the
# sample town's issues (data/sample/issues.csv) fifty times under new ids, its ten bad rows (reported, not applied)
# included. Median wall times of the repetitions, each import into a fresh register.
#
# Usage: scripts/bench/register.sh [OUT_DIR]     (default out/bench/register; scripts/bench.sh calls it with OUT/register)
#
# Settings (environment): GEOWALK_REGISTER_REPS (3), GEOWALK_BUILD_DIR (build), GEOWALK_REGISTER_SKIP_BUILD=1 to use
# the binary as it is, GEOWALK_REGISTER_PG="PG:host=… dbname=… user=…" to time a PostgreSQL store too (each
# repetition in a schema of its own, dropped afterwards). Uses one core.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=${1:-out/bench/register}
reps=${GEOWALK_REGISTER_REPS:-3}
build_dir=${GEOWALK_BUILD_DIR:-build}
[[ "$build_dir" == /* ]] || build_dir=$root/$build_dir
[ "${GEOWALK_REGISTER_SKIP_BUILD:-0}" = 1 ] || bash scripts/build.sh
geowalk=$build_dir/apps/geowalk/geowalk

rm -rf "$out"
mkdir -p "$out/town"
cp data/sample/campaign.toml data/sample/town.gpkg "$out/town/"
/usr/bin/python3 - data/sample/issues.csv "$out/town/issues_100k.csv" "$out/town/issues_100k_resaved.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
for path, ending in ((sys.argv[2], "\n"), (sys.argv[3], "\r\n")):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator=ending)
        w.writerow(rows[0])
        for copy in range(50):
            for r in rows[1:]:
                w.writerow([r[0] + "-b%02d" % copy] + r[1:])
PY

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# One store kind: prints "kind<TAB>import_s<TAB>reimport_same_s<TAB>reimport_resaved_s<TAB>issues".
run_kind() {
  local kind=$1 campaign=$out/town/campaign_$1.toml
  : >"$out/$kind.import" ; : >"$out/$kind.same" ; : >"$out/$kind.resaved"
  for rep in $(seq 1 "$reps"); do
    local store
    if [ "$kind" = gpkg ]; then
      store=$out/town/register_$rep.gpkg
      rm -f "$store"
    else
      local schema=geowalk_bench_$$_$rep
      ogrinfo "$GEOWALK_REGISTER_PG" -sql "CREATE SCHEMA $schema" >/dev/null
      store="$GEOWALK_REGISTER_PG active_schema=$schema"
    fi
    { cat "$out/town/campaign.toml"; printf '\n[register]\nstore = "%s"\n' "$store"; } >"$campaign"
    seconds "$geowalk" register import "$campaign" "$out/town/issues_100k.csv" >>"$out/$kind.import"
    seconds "$geowalk" register import "$campaign" "$out/town/issues_100k.csv" >>"$out/$kind.same"
    # Another name would be another upload; a copy of the same name with other bytes is compared row by row.
    mkdir -p "$out/town/resaved" && cp "$out/town/issues_100k_resaved.csv" "$out/town/resaved/issues_100k.csv"
    seconds "$geowalk" register import "$campaign" "$out/town/resaved/issues_100k.csv" >>"$out/$kind.resaved"
    "$geowalk" register check "$campaign" >"$out/$kind.check" || { echo "register: check failed" >&2; cat "$out/$kind.check" >&2; exit 1; }
    issues=$(awk 'NR == 1 { print $1 }' "$out/$kind.check")
    [ "$kind" = gpkg ] || ogrinfo "$GEOWALK_REGISTER_PG" -sql "DROP SCHEMA $schema CASCADE" >/dev/null
  done
  printf '%s\t%.2f\t%.2f\t%.2f\t%s\n' "$kind" "$(median <"$out/$kind.import")" "$(median <"$out/$kind.same")" \
    "$(median <"$out/$kind.resaved")" "$issues"
}

{
  printf 'store\timport_100k_s\treimport_same_s\treimport_resaved_s\tissues\n'
  run_kind gpkg
  [ -z "${GEOWALK_REGISTER_PG:-}" ] || run_kind pg
} | tee "$out/results.tsv"
