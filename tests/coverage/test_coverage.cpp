// The whole coverage analysis on generated scenes and on a real walk, each number against an independent
// computation: GEOS buffers, or brute-force sampling with exact point-segment distances.
#include "libgeo/core/error.hpp"
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/load/loader.hpp"
#include "scene.hpp"
#include "support.hpp"

#include <gtest/gtest.h>
#include <boost/geometry/io/wkt/read.hpp>

namespace geo::coverage {

namespace {

LineString wkt_line(const std::string& wkt)
{
    LineString l;
    bg::read_wkt(wkt, l);
    return l;
}

NetworkLine network_line(const std::string& wkt, Category category = Category::village_road, double sight = 30)
{
    NetworkLine n;
    n.line = wkt_line(wkt);
    n.category = category;
    n.block_sight_m = sight;
    return n;
}

double distance_to_tracks(const Point& p, const Campaign& c)
{
    double best = std::numeric_limits<double>::infinity();
    for (const auto& t : c.tracks)
        for (std::size_t i = 1; i < t.fixes.size(); ++i)
            best = std::min(best, bg::distance(p, bg::model::segment<Point>(t.fixes[i - 1].position, t.fixes[i].position)));
    return best;
}

// A scene with two villages side by side, random walks and a random network.
Campaign two_villages(std::uint64_t seed)
{
    Campaign c = test::square_town(2000);
    c.villages[0].name = "west";
    c.villages[0].area.clear();
    bg::read_wkt("POLYGON((0 0,0 2000,1000 2000,1000 0,0 0))", c.villages[0].area.emplace_back());
    Village east;
    east.name = "east";
    bg::read_wkt("POLYGON((1000 0,1000 2000,2000 2000,2000 0,1000 0))", east.area.emplace_back());
    c.villages.push_back(east);
    for (auto& v : c.villages) bg::correct(v.area);
    std::mt19937_64 rng(seed);
    for (int i = 0; i < 6; ++i) c.tracks.push_back(test::make_track(test::random_path(rng, 2000, 25, 50), i));
    for (int i = 0; i < 12; ++i) {
        NetworkLine n;
        n.line = test::random_path(rng, 2000, 15, 90);
        n.category = i % 2 ? Category::river_ditch : Category::village_road;
        c.network.push_back(n);
    }
    return c;
}

}  // namespace

TEST(Coverage, VillageAndBlindAreasAgreeWithBruteForceSampling)
{
    const Campaign c = two_villages(3);
    CoverageOptions options;
    options.walked_within_m = 100;
    options.blind_beyond_m = 200;
    options.required_within_m = 0.0;  // all village land: the brute force samples every point of it
    const CoverageResult r = analyse(c, options);
    // Oracle: a 10 m grid of sample points, each tested with exact distances to every track segment.
    for (std::size_t v = 0; v < 2; ++v) {
        long inside_w = 0, beyond_b = 0, all = 0;
        const double x0 = v == 0 ? 0 : 1000;
        for (double x = x0 + 5; x < x0 + 1000; x += 10)
            for (double y = 5; y < 2000; y += 10) {
                const double d = distance_to_tracks(Point(x, y), c);
                ++all;
                inside_w += d <= 100 ? 1 : 0;
                beyond_b += d > 200 ? 1 : 0;
            }
        const double area = 2e6;
        EXPECT_NEAR(r.villages[v].area_m2, area, 1e-6);
        EXPECT_NEAR(r.villages[v].walked_area_m2, area * inside_w / all, 0.01 * area) << c.villages[v].name;
        double blind = 0;
        for (const auto& b : r.blind_areas)
            if (b.village == static_cast<int>(v)) blind += b.area_m2;
        EXPECT_NEAR(blind, area * beyond_b / all, 0.01 * area) << c.villages[v].name;
    }
    for (std::size_t i = 1; i < r.blind_areas.size(); ++i) EXPECT_GE(r.blind_areas[i - 1].area_m2, r.blind_areas[i].area_m2);
}

TEST(Coverage, PerVillageFiguresAddUpToTheNetwork)
{
    const Campaign c = two_villages(4);
    const CoverageResult r = analyse(c, {});
    double network = 0;
    for (const auto& n : c.network) network += bg::length(n.line);
    EXPECT_NEAR(r.network_length(), network, 1e-6 * network);
    double length = 0, covered = 0;
    for (const auto& v : r.villages)
        for (const auto& cell : v.cells) {
            length += cell.length_m;
            covered += cell.covered_m;
            EXPECT_LE(cell.covered_m, cell.length_m + 1e-9);
        }
    EXPECT_NEAR(length, network, 1e-6 * network);  // every line lies inside the two villages
    EXPECT_NEAR(covered, r.network_covered(), 1e-6 * network);
    // Against the GEOS oracle on whole lines (the village split must not change covered length).
    GeosContext ctx;
    std::vector<LineString> tracks;
    for (const auto& t : c.tracks) {
        LineString l;
        for (const auto& f : t.fixes) l.push_back(f.position);
        tracks.push_back(l);
    }
    const GeomPtr zone = test::geos_walked_zone(ctx, tracks, 30);
    double oracle = 0;
    for (const auto& n : c.network) oracle += test::geos_covered_length(ctx, n.line, zone.get());
    EXPECT_NEAR(r.network_covered(), oracle, 1e-3 * network);
}

TEST(Coverage, SitesOutlineShareAndPointVisits)
{
    Campaign c = test::square_town(5000);
    Site school;
    school.category = Category::school_clinic;
    bg::read_wkt("MULTIPOLYGON(((1000 1000,1000 1100,1100 1100,1100 1000,1000 1000)))", school.area);
    bg::correct(school.area);
    c.sites.push_back(school);
    Site near_clinic, far_clinic;
    near_clinic.category = far_clinic.category = Category::school_clinic;
    near_clinic.point = Point(2000, 1015);  // 25 m from the walk
    far_clinic.point = Point(2000, 1021);   // 31 m
    c.sites.push_back(near_clinic);
    c.sites.push_back(far_clinic);
    // Walk along the south side 10 m outside, then away.
    c.tracks.push_back(test::make_track(wkt_line("LINESTRING(900 990,3000 990)"), 1));
    const CoverageResult r = analyse(c, {});
    ASSERT_EQ(r.sites.size(), 3u);
    // South side fully (100 m) plus 20 m up each of the west and east sides (up to y = 990 + 30).
    const double expected = 140;
    EXPECT_NEAR(r.sites[0].perimeter_m, 400, 1e-9);
    EXPECT_NEAR(r.sites[0].covered_m, expected, 1e-6);
    EXPECT_NEAR(r.sites[0].ratio, expected / 400, 1e-9);
    EXPECT_TRUE(r.sites[0].visited);
    EXPECT_TRUE(r.sites[1].visited);
    EXPECT_FALSE(r.sites[2].visited);
    EXPECT_EQ(r.sites[1].ratio, 1.0);
    // --sight applies to sites too.
    CoverageOptions wide;
    wide.sight_override_m = 40;
    EXPECT_TRUE(analyse(c, wide).sites[2].visited);
}

TEST(Coverage, DeadCornersJoinConnectedStretchesAndKnowTheirDistance)
{
    Campaign c = test::square_town(5000);
    c.network.push_back(network_line("LINESTRING(0 100,2000 100)"));
    c.network.push_back(network_line("LINESTRING(2000 100,2000 900)"));  // continues the first one
    c.network.push_back(network_line("LINESTRING(3000 100,3040 100)"));  // 40 m, too short to report
    c.tracks.push_back(test::make_track(wkt_line("LINESTRING(0 110,1000 110)"), 1));
    const CoverageResult r = analyse(c, {});
    ASSERT_EQ(r.dead_corners.size(), 1u);
    const double uncovered_first = 2000 - (1000 + std::sqrt(800.0));
    EXPECT_NEAR(r.dead_corners[0].length_m, uncovered_first + 800, 1e-6);
    EXPECT_NEAR(r.dead_corners[0].distance_to_walk_m, 30.0, 1e-6);
}

TEST(Coverage, ResultsDoNotDependOnThreads)
{
    const Campaign c = two_villages(9);
    CoverageOptions one, two;
    one.threads = 1;
    two.threads = 2;
    const CoverageResult a = analyse(c, one), b = analyse(c, two);
    ASSERT_EQ(a.lines.size(), b.lines.size());
    for (std::size_t i = 0; i < a.lines.size(); ++i) {
        ASSERT_EQ(a.lines[i].pieces.size(), b.lines[i].pieces.size());
        for (std::size_t k = 0; k < a.lines[i].pieces.size(); ++k) {
            EXPECT_EQ(a.lines[i].pieces[k].from, b.lines[i].pieces[k].from);
            EXPECT_EQ(a.lines[i].pieces[k].to, b.lines[i].pieces[k].to);
            EXPECT_EQ(a.lines[i].pieces[k].passes, b.lines[i].pieces[k].passes);
        }
    }
    EXPECT_EQ(a.network_covered(), b.network_covered());
    EXPECT_EQ(a.dead_corners.size(), b.dead_corners.size());
}

TEST(Coverage, AbsurdDistancesAreUsageErrors)
{
    const Campaign c = test::square_town();
    for (double s : {0.0, -5.0, 5000.5, std::nan("")}) {
        CoverageOptions o;
        o.sight_m = s;
        EXPECT_THROW((void)analyse(c, o), UsageError) << s;
    }
    // The command line's override is checked by the same range as the campaign file's value (it once took 0.05).
    for (double s : {0.05, 0.0, 5000.5}) {
        CoverageOptions o;
        o.sight_override_m = s;
        EXPECT_THROW((void)analyse(c, o), UsageError) << s;
    }
    CoverageOptions w;
    w.walked_within_m = 0;
    EXPECT_THROW((void)analyse(c, w), UsageError);
    CoverageOptions ok;
    ok.sight_m = 5000;
    EXPECT_NO_THROW((void)analyse(c, ok));  // no tracks, no network: empty but defined
}

TEST(Coverage, RealWalkInAltonaAgreesWithGeosAndThePublishedFacts)
{
    const auto dir = test::reference_dir() / "walks" / "hamburg_altona";
    test::TempDir tmp;
    test::write_text(tmp / "c.toml", "[villages]\nsource = \"" + (dir / "hamburg_districts.geojson").string() +
                                         "\"\nname_field = \"Stadtteil\"\n"
                                         "[[network]]\nsource = \"" + (dir / "Altona.osm").string() +
                                         "\"\nlayer = \"lines\"\nwhere = \"highway IS NOT NULL\"\ncategory = \"village_road\"\n"
                                         "[[tracks]]\nsource = \"" + (dir / "altona_walk.gpx").string() + "\"\n");
    const Campaign c = load::load_campaign(campaign::read_campaign_file(tmp / "c.toml"));
    const CoverageResult r = analyse(c, {});
    GeosContext ctx;
    const GeomPtr zone = test::geos_walked_zone(ctx, r.track_lines, 30);
    double oracle = 0, total = 0;
    for (const auto& n : c.network) {
        oracle += test::geos_covered_length(ctx, n.line, zone.get());
        total += bg::length(n.line);
    }
    EXPECT_GT(oracle, 1000.0);
    EXPECT_NEAR(r.network_covered(), oracle, 1e-3 * total);
    EXPECT_NEAR(r.network_length(), total, 1e-6 * total);

    // EverySingleStreet.jl's published test: Schillerstraße (way 112450623) is completely walked.
    double schiller_length = 0, schiller_covered = 0;
    for (const auto& lc : r.lines) {
        const auto& attrs = c.network[static_cast<std::size_t>(lc.line)].attributes;
        const auto* id = find(attrs, "osm_id");
        if (id && to_text(*id) == "112450623") {
            schiller_length += lc.length();
            schiller_covered += lc.covered();
        }
    }
    ASSERT_GT(schiller_length, 0);
    EXPECT_GT(schiller_covered / schiller_length, 0.99);
}

}  // namespace geo::coverage
