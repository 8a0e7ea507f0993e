#!/usr/bin/env bash
# Regenerates the files of this corpus that cannot be written by hand: empty files, binary garbage, truncated
# GeoPackages, GBK-encoded CSVs and Shapefiles without .prj. The other files are plain text, edited directly.
# Needs ogr2ogr (GDAL) and iconv. Run from anywhere; the output is committed, so this runs
# only when a case changes (the test never calls it).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

village_a='{"type":"Feature","properties":{"name":"甲村"},"geometry":{"type":"Polygon","coordinates":[[[100.40,38.90],[100.45,38.90],[100.45,38.95],[100.40,38.95],[100.40,38.90]]]}}'
village_b='{"type":"Feature","properties":{"name":"乙村"},"geometry":{"type":"Polygon","coordinates":[[[100.45,38.90],[100.50,38.90],[100.50,38.95],[100.45,38.95],[100.45,38.90]]]}}'
collection() { local IFS=,; echo "{\"type\":\"FeatureCollection\",\"features\":[$*]}"; }
line() { echo "{\"type\":\"Feature\",\"properties\":{\"name\":\"$1\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":$2}}"; }
point() { echo "{\"type\":\"Feature\",\"properties\":$1,\"geometry\":{\"type\":\"Point\",\"coordinates\":$2}}"; }

collection "$village_a" "$village_b" > "$tmp/villages.geojson"
collection "$(line 一号路 '[[100.41,38.91],[100.44,38.94]]')" "$(line 二号路 '[[100.46,38.91],[100.49,38.94]]')" > "$tmp/network.geojson"
collection "$(point '{"name":"甲村小学"}' '[100.42,38.92]')" "$(point '{"name":"乙村卫生室"}' '[100.47,38.93]')" > "$tmp/sites.geojson"
collection "$(point '{"time":"2017-02-20 10:00:00"}' '[100.42,38.9200]')" "$(point '{"time":"2017-02-20 10:00:10"}' '[100.42,38.9201]')" \
           "$(point '{"time":"2017-02-20 10:00:20"}' '[100.42,38.9202]')" > "$tmp/tracks.geojson"
collection "$(point '{"编号":"A1","类别":"village_road","found":"2017-02-20"}' '[100.42,38.92]')" \
           "$(point '{"编号":"A2","类别":"river_ditch","found":"2017-02-21"}' '[100.47,38.93]')" > "$tmp/issues.geojson"

for role in villages network sites tracks issues; do
    # Binary garbage under a .geojson name (a renamed photo or a zip half downloaded).
    printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\xff\xfe\x00\x01binary\x02\x03' > "$role/garbage.geojson"
    # A GeoPackage cut after its first 4 KB page (an interrupted copy): the tables it lists are missing.
    rm -f "$tmp/$role.gpkg"
    ogr2ogr -f GPKG "$tmp/$role.gpkg" "$tmp/$role.geojson" -nln "$role"
    head -c 4096 "$tmp/$role.gpkg" > "$role/truncated.gpkg"
    # A Shapefile whose .prj was not copied along.
    rm -f "$role"/no_prj.*
    ogr2ogr -f "ESRI Shapefile" "$role/no_prj.shp" "$tmp/$role.geojson" -lco ENCODING=UTF-8 -mapFieldType DateTime=String,Date=String
    rm "$role/no_prj.prj"
done

# Empty files, a different format per role.
: > villages/empty.geojson
: > network/empty.gpkg
: > sites/empty.kml
: > tracks/empty.gpx
: > issues/empty.csv
: > campaign/empty.toml
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\xff\xfe\x00\x01binary\x02\x03' > campaign/garbage.toml

# CSV saved by Excel on a Chinese Windows: GBK (code page 936), not UTF-8.
gbk() { iconv -f UTF-8 -t GBK > "$1"; }
printf '村名,WKT\n甲村,"POLYGON((100.40 38.90,100.45 38.90,100.45 38.95,100.40 38.95,100.40 38.90))"\n乙村,"POLYGON((100.45 38.90,100.50 38.90,100.50 38.95,100.45 38.95,100.45 38.90))"\n' | gbk villages/gbk.csv
printf '名称,WKT\n一号路,"LINESTRING(100.41 38.91,100.44 38.94)"\n' | gbk network/gbk.csv
printf '名称,经度,纬度\n甲村小学,100.42,38.92\n' | gbk sites/gbk.csv
printf '轨迹,时间,经度,纬度\n张三,2017-02-20 10:00:00,100.42,38.9200\n张三,2017-02-20 10:00:10,100.42,38.9201\n张三,2017-02-20 10:00:20,100.42,38.9202\n' | gbk tracks/gbk.csv
printf '编号,类别,问题类型,发现时间,状态,经度,纬度\nA1,村道走路肩,生活垃圾,2017-02-20,发现,100.42,38.92\n' | gbk issues/gbk.csv
printf '[campaign]\nname = "甘浚镇"\n\n[villages]\nsource = "villages.geojson"\n' | gbk campaign/gbk.toml
