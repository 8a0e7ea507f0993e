// Every per-feature problem ends in the diagnostics with its reason; read = loaded + rejected always.
#include "fixture.hpp"

#include "libgeo/core/datetime.hpp"

#include <gtest/gtest.h>

namespace geo::test {

namespace {

void expect_accounted(const Campaign& c)
{
    for (const auto& s : c.diagnostics.sources()) EXPECT_EQ(s.read, s.loaded + s.rejected) << s.source;
}

const Problem* problem(const Campaign& c, std::string_view reason)
{
    for (const auto& p : c.diagnostics.problems())
        if (p.reason == reason) return &p;
    return nullptr;
}

// One row per failure class; lon/lat columns with Chinese headers as a spreadsheet would have them.
const char* issues_csv = "编号,类别,问题类型,发现时间,状态,经度,纬度,备注\n"
                         "A1,village_road,生活垃圾,2017-02-21 10:35,发现,100.42,38.92,ok\n"
                         "A2,村道走路肩,秸秆,2017/2/21,交办,100.47,38.93,Chinese label\n"
                         "A3,river_ditch,污水,2017年2月22日,整改中,38.92,100.42,swapped\n"
                         "A4,river_ditch,污水,2017-02-22,发现,0,0,null island\n"
                         "A5,river_ditch,污水,someday,发现,100.43,38.91,bad date\n"
                         "A1,river_ditch,污水,2017-02-22,发现,100.44,38.91,duplicate id\n"
                         "A7,roads,污水,2017-02-22,发现,100.44,38.91,unknown category\n"
                         "A8,river_ditch,污水,2017-02-22,发现,100.60,38.91,outside\n"
                         "A9,river_ditch,污水,2017-02-22,发现,,,no coordinates\n"
                         "A10,river_ditch,污水,2017-02-22,done,100.44,38.91,unknown status\n"
                         "A11,river_ditch,污水,42787,验收合格,100.44,38.915,excel serial\n";

}  // namespace

TEST(LoadRejects, IssueRowsEachGetTheirReason)
{
    MiniTown town;
    write_text(town.dir / "issues.csv", issues_csv);
    const Campaign c = town.load("[issues]\nsource = \"issues.csv\"\n");
    const auto& s = source(c, "issues");
    EXPECT_EQ(s.read, 11);
    EXPECT_EQ(s.loaded, 3);
    EXPECT_EQ(s.rejected, 8);
    expect_accounted(c);
    EXPECT_EQ(reason_count(s, reason::swapped_lat_lon), 1);
    EXPECT_EQ(reason_count(s, reason::null_island), 1);
    EXPECT_EQ(reason_count(s, reason::bad_date), 1);
    EXPECT_EQ(reason_count(s, reason::duplicate_id), 1);
    EXPECT_EQ(reason_count(s, reason::unknown_category), 1);
    EXPECT_EQ(reason_count(s, reason::outside_villages), 1);
    EXPECT_EQ(reason_count(s, reason::no_geometry), 1);
    EXPECT_EQ(reason_count(s, reason::unknown_status), 1);

    // Values that were accepted are read correctly.
    ASSERT_EQ(c.issues.size(), 3u);
    EXPECT_EQ(c.issues[0].code, "A1");
    EXPECT_EQ(c.issues[0].status, Status::found);
    EXPECT_EQ(c.villages[static_cast<std::size_t>(c.issues[0].village)].name, "甲村");
    // 2017-02-21 10:35 at +08:00 = 02:35 UTC: `date -u -d '2017-02-21T02:35:00Z' +%s` = 1487644500.
    EXPECT_DOUBLE_EQ(*c.issues[0].found, 1487644500.0);
    EXPECT_EQ(c.issues[1].category, Category::village_road);
    EXPECT_EQ(c.issues[1].village, 1);
    EXPECT_EQ(c.issues[2].status, Status::accepted);
    // Excel serial 42787 = 2017-02-21, local midnight = 2017-02-20T16:00Z = 1487606400.
    EXPECT_DOUBLE_EQ(*c.issues[2].found, 1487606400.0);
    // Unknown columns are kept.
    EXPECT_NE(find(c.issues[0].attributes, "备注"), nullptr);

    // The rejects keep the original attributes and say why in words.
    const Problem* swapped = problem(c, reason::swapped_lat_lon);
    ASSERT_TRUE(swapped);
    EXPECT_NE(swapped->detail.find("fix_swapped"), std::string::npos);
    EXPECT_EQ(to_text(*find(swapped->attributes, "编号")), "A3");
    EXPECT_NE(swapped->wkt.find("POINT"), std::string::npos);
}

TEST(LoadRejects, SwappedCoordinatesAreFixedOnlyWhenAsked)
{
    MiniTown town;
    write_text(town.dir / "issues.csv", issues_csv);
    const Campaign c = town.load("[issues]\nsource = \"issues.csv\"\n", "fix_swapped = true");
    const auto& s = source(c, "issues");
    EXPECT_EQ(s.loaded, 4);
    EXPECT_EQ(reason_count(s, reason::swapped_lat_lon), 1);  // still reported, as a repair
    expect_accounted(c);
    const Problem* p = problem(c, reason::swapped_lat_lon);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->action, Action::repaired);
}

TEST(LoadRejects, NetworkProblems)
{
    MiniTown town;
    write_text(town.dir / "roads.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"n":"good"},"geometry":{"type":"LineString","coordinates":[[100.41,38.91],[100.44,38.94]]}},
{"type":"Feature","properties":{"n":"multi"},"geometry":{"type":"MultiLineString","coordinates":[[[100.41,38.92],[100.42,38.92]],[[100.46,38.92],[100.47,38.92]]]}},
{"type":"Feature","properties":{"n":"repeated vertices"},"geometry":{"type":"LineString","coordinates":[[100.41,38.93],[100.41,38.93],[100.42,38.93],[100.42,38.93]]}},
{"type":"Feature","properties":{"n":"one vertex"},"geometry":{"type":"LineString","coordinates":[[100.41,38.91],[100.41,38.91]]}},
{"type":"Feature","properties":{"n":"outside"},"geometry":{"type":"LineString","coordinates":[[101.41,38.91],[101.44,38.94]]}},
{"type":"Feature","properties":{"n":"point"},"geometry":{"type":"Point","coordinates":[100.41,38.91]}},
{"type":"Feature","properties":{"n":"null"},"geometry":null},
{"type":"Feature","properties":{"n":"projected as wgs84"},"geometry":{"type":"LineString","coordinates":[[465000,4310000],[466000,4311000]]}}
]})");
    const Campaign c = town.load("[[network]]\nsource = \"roads.geojson\"\ncategory = \"village_road\"\n");
    const auto& s = source(c, "network");
    EXPECT_EQ(s.read, 8);
    EXPECT_EQ(s.loaded, 3);
    expect_accounted(c);
    EXPECT_EQ(c.network.size(), 4u);  // the multi-line becomes two lines
    EXPECT_EQ(c.network[3].line.size(), 2u);  // repeated vertices removed
    EXPECT_EQ(reason_count(s, reason::degenerate_geometry), 1);
    EXPECT_EQ(reason_count(s, reason::outside_villages), 1);
    EXPECT_EQ(reason_count(s, reason::wrong_geometry_type), 1);
    EXPECT_EQ(reason_count(s, reason::no_geometry), 1);
    EXPECT_EQ(reason_count(s, reason::out_of_range), 1);
    const Problem* projected = problem(c, reason::out_of_range);
    ASSERT_TRUE(projected);
    EXPECT_NE(projected->detail.find("look like metres"), std::string::npos);
}

TEST(LoadRejects, SelfIntersectingVillageIsRepairedAndNoted)
{
    TempDir dir;
    // A bow-tie: MakeValid turns it into two triangles.
    write_text(dir / "v.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"bow"},"geometry":{"type":"Polygon","coordinates":[[[100.40,38.90],[100.45,38.95],[100.45,38.90],[100.40,38.95],[100.40,38.90]]]}},
{"type":"Feature","properties":{"name":"flat"},"geometry":{"type":"Polygon","coordinates":[[[100.40,38.90],[100.45,38.90],[100.40,38.90],[100.40,38.90]]]}}
]})");
    write_text(dir / "c.toml", "[villages]\nsource = \"v.geojson\"\n");
    const Campaign c = io::load_campaign(io::read_campaign_file(dir / "c.toml"));
    ASSERT_EQ(c.villages.size(), 1u);
    EXPECT_EQ(c.villages[0].area.size(), 2u);
    const auto& s = source(c, "villages");
    EXPECT_EQ(reason_count(s, reason::invalid_geometry), 1);
    EXPECT_EQ(reason_count(s, reason::degenerate_geometry), 1);
    EXPECT_EQ(s.rejected, 1);
    const Problem* p = problem(c, reason::invalid_geometry);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->action, Action::repaired);
    EXPECT_NE(p->detail.find("Self-intersection"), std::string::npos) << p->detail;
}

TEST(LoadRejects, TracksOfOneFixOrOutsideAreRejectedNotFatal)
{
    MiniTown town;
    write_text(town.dir / "t.gpx", R"(<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>one fix</name><trkseg><trkpt lat="38.92" lon="100.42"><time>2017-02-21T02:00:00Z</time></trkpt></trkseg></trk>
<trk><name>outside</name><trkseg>
<trkpt lat="38.92" lon="101.42"><time>2017-02-21T02:00:00Z</time></trkpt>
<trkpt lat="38.9201" lon="101.42"><time>2017-02-21T02:00:10Z</time></trkpt></trkseg></trk>
<trk><name>good</name><trkseg>
<trkpt lat="38.92" lon="100.42"><time>2017-02-21T02:00:00Z</time><hdop>1.2</hdop></trkpt>
<trkpt lat="38.9201" lon="100.42"><time>2017-02-21T02:00:10Z</time><hdop>1.0</hdop></trkpt>
<trkpt lat="38.9202" lon="100.42"><time>2017-02-21T02:00:20Z</time><hdop>9.0</hdop></trkpt>
<trkpt lat="38.9203" lon="100.42"><time>2017-02-21T02:00:30Z</time></trkpt></trkseg></trk>
</gpx>)");
    const Campaign c = town.load("[[tracks]]\nsource = \"t.gpx\"\n");
    const auto& s = source(c, "tracks");
    EXPECT_EQ(s.read, 3);
    EXPECT_EQ(s.loaded, 1);
    EXPECT_EQ(reason_count(s, reason::too_few_fixes), 1);
    EXPECT_EQ(reason_count(s, reason::outside_villages), 1);
    ASSERT_EQ(c.tracks.size(), 1u);
    EXPECT_EQ(c.tracks[0].name, "good");
    EXPECT_EQ(c.tracks[0].fixes.size(), 3u);  // HDOP 9 = 45 m > 30 m
    // `date -u -d 2017-02-21T02:00:00Z +%s` = 1487642400
    EXPECT_DOUBLE_EQ(c.tracks[0].fixes[0].time, 1487642400.0);
    EXPECT_EQ(c.track_reports.back().cleaning.inaccurate, 1);
}

}  // namespace geo::test
