// Cases found in review, each once a real bug: kept so they stay fixed.
#include "fixture.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/coverage/coverage.hpp"

#include <gtest/gtest.h>

namespace geo::test {

TEST(LoadRegressions, TextTrackIdsAreSeparatePasses)
{
    MiniTown town;
    std::string csv = "trk,time,lon,lat\n";
    for (int i = 0; i < 20; ++i) {
        char row[128];
        std::snprintf(row, sizeof row, "walkerA,2017-02-21 10:%02d:00,%.6f,38.92\n", i, 100.42 + i * 0.0006);
        csv += row;
        std::snprintf(row, sizeof row, "walkerB,2017-02-21 11:%02d:00,%.6f,38.92\n", i, 100.42 + i * 0.0006);
        csv += row;
    }
    write_text(town.dir / "fixes.csv", csv);
    write_text(town.dir / "road.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[100.42,38.92],[100.43,38.92]]}}]})");
    const Campaign c = town.load("[[tracks]]\nsource = \"fixes.csv\"\ntrack_field = \"trk\"\n"
                                 "[[network]]\nsource = \"road.geojson\"\ncategory = \"village_road\"\n");
    ASSERT_EQ(c.track_reports.size(), 2u);
    EXPECT_NE(c.track_reports[0].feature, c.track_reports[1].feature);
    const auto r = coverage::analyse(c, {});
    bool two = false;
    for (const auto& l : r.lines)
        for (const auto& p : l.pieces) two = two || p.passes.size() == 2;
    EXPECT_TRUE(two);
}

TEST(LoadRegressions, MisspeltTrackFieldIsFatal)
{
    MiniTown town;
    write_text(town.dir / "fixes.csv", "trk,time,lon,lat\na,2017-02-21 10:00:00,100.42,38.92\n");
    EXPECT_THROW((void)town.load("[[tracks]]\nsource = \"fixes.csv\"\ntrack_field = \"trkk\"\n"), InputError);
    EXPECT_THROW((void)town.load("[[tracks]]\nsource = \"fixes.csv\"\ntime_field = \"tz\"\n"), InputError);
}

TEST(LoadRegressions, FilteredGeoPackageVillagesChooseTheirOwnZone)
{
    MiniTown town;
    // A second village far east (118 E) in the same table, filtered out by `where`.
    write_text(town.dir / "both.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"ganjun"},"geometry":{"type":"Polygon","coordinates":[[[100.40,38.90],[100.45,38.90],[100.45,38.95],[100.40,38.95],[100.40,38.90]]]}},
{"type":"Feature","properties":{"name":"far"},"geometry":{"type":"Polygon","coordinates":[[[118.0,30.0],[118.1,30.0],[118.1,30.1],[118.0,30.1],[118.0,30.0]]]}}]})");
    translate(town.dir / "both.geojson", town.dir / "both.gpkg", {"-nln", "villages"});
    write_text(town.dir / "c.toml", "[villages]\nsource = \"both.gpkg\"\nwhere = \"name = 'ganjun'\"\n");
    const Campaign c = load::load_campaign(campaign::read_campaign_file(town.dir / "c.toml"));
    EXPECT_EQ(c.crs.id, "EPSG:32647");
}

TEST(LoadRegressions, VillageNamesAreFoundUnderChineseHeaders)
{
    TempDir dir;
    write_text(dir / "v.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"村名":"甲村"},"geometry":{"type":"Polygon","coordinates":[[[100.40,38.90],[100.45,38.90],[100.45,38.95],[100.40,38.95],[100.40,38.90]]]}}]})");
    write_text(dir / "c.toml", "[villages]\nsource = \"v.geojson\"\n");
    const Campaign c = load::load_campaign(campaign::read_campaign_file(dir / "c.toml"));
    ASSERT_EQ(c.villages.size(), 1u);
    EXPECT_EQ(c.villages[0].name, "甲村");
}

TEST(LoadRegressions, OneUnreadableFeatureIsRejectedNotFatal)
{
    MiniTown town;
    write_text(town.dir / "i.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":"1","category":"village_road"},"geometry":{"type":"Point","coordinates":[100.42,38.92]}},
{"type":"Feature","properties":{"id":"2","category":"village_road"},"geometry":{"type":"Point","coordinates":["a","b"]}},
{"type":"Feature","properties":{"id":"3","category":"village_road"},"geometry":{"type":"Point","coordinates":[100.43,38.92]}}]})");
    const Campaign c = town.load("[issues]\nsource = \"i.geojson\"\n");
    const auto& s = source(c, "issues");
    EXPECT_EQ(s.read, 3);
    EXPECT_EQ(s.loaded, 2);
    EXPECT_EQ(reason_count(s, reason::no_geometry), 1);
}

TEST(LoadRegressions, IdsWithTrailingSpacesAreStillDuplicates)
{
    MiniTown town;
    write_text(town.dir / "i.csv", "id,category,lon,lat\nGJ-7,village_road,100.42,38.92\n\"GJ-7 \",village_road,100.43,38.92\n\" GJ-7\",village_road,100.44,38.92\n");
    const Campaign c = town.load("[issues]\nsource = \"i.csv\"\nallow_rejects = true\n");  // 2 of 3 rows go
    EXPECT_EQ(reason_count(source(c, "issues"), reason::duplicate_id), 2);
}

TEST(LoadRegressions, OverlappingVillagesDoNotCountALineTwice)
{
    TempDir dir;
    // Two villages overlapping by 0.02 degrees; one road crossing both.
    write_text(dir / "v.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[100.40,38.90],[100.46,38.90],[100.46,38.95],[100.40,38.95],[100.40,38.90]]]}},
{"type":"Feature","properties":{"name":"B"},"geometry":{"type":"Polygon","coordinates":[[[100.44,38.90],[100.50,38.90],[100.50,38.95],[100.44,38.95],[100.44,38.90]]]}}]})");
    write_text(dir / "r.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[100.41,38.92],[100.49,38.92]]}}]})");
    write_text(dir / "c.toml", "[villages]\nsource = \"v.geojson\"\n[[network]]\nsource = \"r.geojson\"\ncategory = \"village_road\"\n");
    const Campaign c = load::load_campaign(campaign::read_campaign_file(dir / "c.toml"));
    const auto r = coverage::analyse(c, {});
    EXPECT_NEAR(r.network_length(), bg::length(c.network[0].line), 1e-6);
    double by_village = 0;
    for (const auto& v : r.villages) by_village += v.cells[static_cast<std::size_t>(Category::village_road)].length_m;
    EXPECT_NEAR(by_village, bg::length(c.network[0].line), 1e-6);
}

}  // namespace geo::test
