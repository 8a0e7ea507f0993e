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

// One row per failure class; lon/lat columns with Chinese headers as a spreadsheet would have them. Swapped
// coordinates (with and without fix_swapped), (0, 0), duplicated ids and the five date forms have their own files in
// the bad-input corpus (tests/data/bad/issues/, test_bad_inputs.cpp).
const char* issues_csv = "编号,类别,问题类型,发现时间,状态,经度,纬度,备注\n"
                         "A1,village_road,生活垃圾,2017-02-21 10:35,发现,100.42,38.92,ok\n"
                         "A2,村道走路肩,秸秆,2017/2/21,交办,100.47,38.93,Chinese label\n"
                         "A5,river_ditch,污水,someday,发现,100.43,38.91,bad date\n"
                         "A7,roads,污水,2017-02-22,发现,100.44,38.91,unknown category\n"
                         "A8,river_ditch,污水,2017-02-22,发现,100.60,38.91,outside\n"
                         "A9,river_ditch,污水,2017-02-22,发现,,,no coordinates\n"
                         "A10,river_ditch,污水,2017-02-22,done,100.44,38.91,unknown status\n"
                         "A11,river_ditch,污水,42787.5,验收合格,100.44,38.915,excel serial with a time\n";

}  // namespace

TEST(LoadRejects, IssueRowsEachGetTheirReason)
{
    MiniTown town;
    write_text(town.dir / "issues.csv", issues_csv);
    const Campaign c = town.load("[issues]\nsource = \"issues.csv\"\n");
    const auto& s = source(c, "issues");
    EXPECT_EQ(s.read, 8);
    EXPECT_EQ(s.loaded, 3);
    EXPECT_EQ(s.rejected, 5);
    expect_accounted(c);
    EXPECT_EQ(reason_count(s, reason::bad_date), 1);
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
    // Excel serial 42787.5 = 2017-02-21 12:00 local = 2017-02-21T04:00Z = 1487649600.
    EXPECT_DOUBLE_EQ(*c.issues[2].found, 1487649600.0);
    // Unknown columns are kept.
    EXPECT_NE(find(c.issues[0].attributes, "备注"), nullptr);

    // The rejects keep the original attributes and geometry and say why in words.
    const Problem* outside = problem(c, reason::outside_villages);
    ASSERT_TRUE(outside);
    EXPECT_EQ(outside->detail, "the issue lies outside every village");
    EXPECT_EQ(to_text(*find(outside->attributes, "编号")), "A8");
    EXPECT_NE(outside->wkt.find("POINT"), std::string::npos);
}

TEST(LoadRejects, BareYearIsRejectedAsAYearNotReadAsExcelSerial)
{
    // 2017 as an integer property (GeoJSON, as an integer spreadsheet cell arrives) and as CSV text: a year typed
    // without month and day, never Excel serial 2017 = 1905-07-09. A 5-digit serial still loads.
    MiniTown town;
    write_text(town.dir / "issues.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":"Y1","category":"river_ditch","found":2017},"geometry":{"type":"Point","coordinates":[100.42,38.92]}},
{"type":"Feature","properties":{"id":"Y2","category":"river_ditch","found":42787},"geometry":{"type":"Point","coordinates":[100.43,38.92]}}
]})");
    write_text(town.dir / "issues.csv", "编号,类别,发现时间,经度,纬度\n"
                                        "Y3,river_ditch,2017,100.44,38.92\n");
    for (const char* file : {"issues.geojson", "issues.csv"}) {
        SCOPED_TRACE(file);
        const Campaign c = town.load(std::string("[issues]\nsource = \"") + file + "\"\nallow_rejects = true\n");
        expect_accounted(c);
        EXPECT_EQ(reason_count(source(c, "issues"), reason::bad_date), 1);
        const Problem* year = problem(c, reason::bad_date);
        ASSERT_TRUE(year);
        EXPECT_NE(year->detail.find("'2017' is a year without month and day"), std::string::npos) << year->detail;
        EXPECT_EQ(year->action, Action::rejected);
        for (const auto& issue : c.issues) EXPECT_EQ(issue.code, "Y2");
    }
    const Campaign c = town.load("[issues]\nsource = \"issues.geojson\"\n");
    ASSERT_EQ(c.issues.size(), 1u);
    // Serial 42787 = 2017-02-21 local midnight = 2017-02-20T16:00Z: `date -u -d 2017-02-20T16:00:00Z +%s`.
    EXPECT_DOUBLE_EQ(*c.issues[0].found, 1487606400.0);
}

TEST(LoadRejects, VillagesSharingANameStaySeparateWithANote)
{
    // Three polygons, two named 甲村; explicit GeoJSON ids are the OGR feature ids the notes must name.
    MiniTown town;
    write_text(town.dir / "villages.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","id":11,"properties":{"name":"甲村"},"geometry":{"type":"Polygon","coordinates":[[[100.40,38.90],[100.45,38.90],[100.45,38.95],[100.40,38.95],[100.40,38.90]]]}},
{"type":"Feature","id":12,"properties":{"name":"乙村"},"geometry":{"type":"Polygon","coordinates":[[[100.45,38.90],[100.50,38.90],[100.50,38.95],[100.45,38.95],[100.45,38.90]]]}},
{"type":"Feature","id":13,"properties":{"name":"甲村"},"geometry":{"type":"Polygon","coordinates":[[[100.40,38.95],[100.45,38.95],[100.45,39.00],[100.40,39.00],[100.40,38.95]]]}}
]})");
    const Campaign c = town.load("");
    expect_accounted(c);
    const auto& s = source(c, "villages");
    EXPECT_EQ(s.loaded, 3);
    EXPECT_EQ(s.rejected, 0);
    // Not merged: three villages, the two 甲村 with their own areas (0.05 x 0.05 degrees each).
    ASSERT_EQ(c.villages.size(), 3u);
    EXPECT_EQ(c.villages[0].name, "甲村");
    EXPECT_EQ(c.villages[2].name, "甲村");
    EXPECT_NEAR(bg::area(c.villages[0].area) / bg::area(c.villages[2].area), 1.0, 0.01);
    EXPECT_EQ(reason_count(s, reason::duplicate_village_name), 2);
    std::vector<long long> noted;
    for (const auto& p : c.diagnostics.problems()) {
        if (p.reason != reason::duplicate_village_name) continue;
        noted.push_back(p.feature);
        EXPECT_EQ(p.action, Action::noted);
        EXPECT_NE(p.detail.find("'甲村'"), std::string::npos) << p.detail;
        EXPECT_NE(p.detail.find("features 11 and 13 of villages.geojson"), std::string::npos) << p.detail;
        EXPECT_NE(p.detail.find("ambiguous"), std::string::npos) << p.detail;
        ASSERT_NE(find(p.attributes, "name"), nullptr);
    }
    EXPECT_EQ(noted, (std::vector<long long>{11, 13}));
}

TEST(LoadRejects, NetworkProblems)
{
    MiniTown town;
    write_text(town.dir / "roads.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"n":"good"},"geometry":{"type":"LineString","coordinates":[[100.41,38.91],[100.44,38.94]]}},
{"type":"Feature","properties":{"n":"multi"},"geometry":{"type":"MultiLineString","coordinates":[[[100.41,38.92],[100.42,38.92]],[[100.46,38.92],[100.47,38.92]]]}},
{"type":"Feature","properties":{"n":"repeated vertices"},"geometry":{"type":"LineString","coordinates":[[100.41,38.93],[100.41,38.93],[100.42,38.93],[100.42,38.93]]}},
{"type":"Feature","properties":{"n":"outside"},"geometry":{"type":"LineString","coordinates":[[101.41,38.91],[101.44,38.94]]}},
{"type":"Feature","properties":{"n":"point"},"geometry":{"type":"Point","coordinates":[100.41,38.91]}},
{"type":"Feature","properties":{"n":"null"},"geometry":null}
]})");
    const Campaign c = town.load("[[network]]\nsource = \"roads.geojson\"\ncategory = \"village_road\"\n");
    const auto& s = source(c, "network");
    EXPECT_EQ(s.read, 6);
    EXPECT_EQ(s.loaded, 3);
    expect_accounted(c);
    EXPECT_EQ(c.network.size(), 4u);  // the multi-line becomes two lines
    EXPECT_EQ(c.network[3].line.size(), 2u);  // repeated vertices removed
    EXPECT_EQ(reason_count(s, reason::outside_villages), 1);
    EXPECT_EQ(reason_count(s, reason::wrong_geometry_type), 1);
    EXPECT_EQ(reason_count(s, reason::no_geometry), 1);
}

// Lines with one vertex, coordinates in metres declared as WGS 84, self-intersecting and flat village polygons:
// the bad-input corpus (tests/data/bad/, test_bad_inputs.cpp).

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
