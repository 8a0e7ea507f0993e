#include "libgeo/coverage/intervals.hpp"
#include "scene.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/geometry/io/wkt/read.hpp>

namespace geo::coverage {

namespace {

double covered(const Campaign& c, const LineString& line, double s)
{
    const TrackIndex tracks(c);
    return covered_length(cover_line(line, s, tracks));
}

LineString wkt_line(const std::string& wkt)
{
    LineString l;
    bg::read_wkt(wkt, l);
    return l;
}

}  // namespace

TEST(Intervals, AgreesWithGeosBuffersOnGeneratedScenes)
{
    GeosContext ctx;
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        std::mt19937_64 rng(seed);
        Campaign c = test::square_town(3000);
        std::vector<LineString> track_lines;
        for (int i = 0; i < 15; ++i) {
            const LineString path = test::random_path(rng, 3000, 40, 60);
            c.tracks.push_back(test::make_track(path, i));
            LineString fixes;
            for (const auto& f : c.tracks.back().fixes) fixes.push_back(f.position);
            track_lines.push_back(fixes);
        }
        const TrackIndex tracks(c);
        const GeomPtr zone = test::geos_walked_zone(ctx, track_lines, 30.0);
        double ours = 0, oracle = 0, total = 0;
        for (int i = 0; i < 30; ++i) {
            const LineString line = test::random_path(rng, 3000, 30, 80);
            const double a = covered_length(cover_line(line, 30.0, tracks));
            const double b = test::geos_covered_length(ctx, line, zone.get());
            EXPECT_NEAR(a, b, 1e-3 * bg::length(line) + 0.05) << "seed " << seed << " line " << i;
            ours += a;
            oracle += b;
            total += bg::length(line);
        }
        EXPECT_GT(oracle, 0.05 * total);  // the scene really has coverage to compare
        EXPECT_NEAR(ours, oracle, 1e-3 * total) << "seed " << seed;
        // The buffer's chords lie inside the true circle, so GEOS can only under-count.
        EXPECT_GE(ours + 1e-6, oracle);
    }
}

TEST(Intervals, TrackAlongTheLineCoversAllOfIt)
{
    Campaign c = test::square_town();
    const LineString line = wkt_line("LINESTRING(100 100,900 100,900 700,1500 1300)");
    c.tracks.push_back(test::make_track(line, 1));
    EXPECT_NEAR(covered(c, line, 30), bg::length(line), 1e-6);
}

TEST(Intervals, ParallelTrackJustOutOfSightCoversNothing)
{
    Campaign c = test::square_town();
    c.tracks.push_back(test::make_track(wkt_line("LINESTRING(0 131,2000 131)"), 1));
    EXPECT_EQ(covered(c, wkt_line("LINESTRING(100 100,1900 100)"), 30), 0.0);
    EXPECT_NEAR(covered(c, wkt_line("LINESTRING(100 100,1900 100)"), 31), 1800.0, 1e-6);
}

TEST(Intervals, CrossingTrackCoversAboutTwoSightDistances)
{
    Campaign c = test::square_town();
    c.tracks.push_back(test::make_track(wkt_line("LINESTRING(500 0,500 1000)"), 1));
    EXPECT_NEAR(covered(c, wkt_line("LINESTRING(0 500,1000 500)"), 30), 60.0, 1e-6);
    // Oblique crossing at 45 degrees: 2 s / sin(45°).
    Campaign d = test::square_town();
    d.tracks.push_back(test::make_track(wkt_line("LINESTRING(0 0,1000 1000)"), 1));
    EXPECT_NEAR(covered(d, wkt_line("LINESTRING(0 500,1000 500)"), 30), 60.0 * std::sqrt(2.0), 1e-6);
}

TEST(Intervals, CoverageGrowsWithSightAndNeverExceedsLength)
{
    std::mt19937_64 rng(7);
    Campaign c = test::square_town(2000);
    for (int i = 0; i < 8; ++i) c.tracks.push_back(test::make_track(test::random_path(rng, 2000, 30, 50), i));
    const TrackIndex tracks(c);
    for (int i = 0; i < 10; ++i) {
        const LineString line = test::random_path(rng, 2000, 20, 60);
        double previous = 0;
        for (double s : {1.0, 5.0, 10.0, 30.0, 60.0, 200.0, 5000.0}) {
            const double v = covered_length(cover_line(line, s, tracks));
            EXPECT_GE(v, previous);
            EXPECT_LE(v, bg::length(line) + 1e-9);
            previous = v;
        }
        EXPECT_NEAR(previous, bg::length(line), 1e-6);  // 5 km sees everything
    }
}

TEST(Intervals, SplittingALineKeepsItsCoveredLength)
{
    std::mt19937_64 rng(11);
    Campaign c = test::square_town(2000);
    for (int i = 0; i < 8; ++i) c.tracks.push_back(test::make_track(test::random_path(rng, 2000, 30, 50), i));
    const TrackIndex tracks(c);
    const LineString line = test::random_path(rng, 2000, 25, 70);
    const double whole = covered_length(cover_line(line, 30, tracks));
    const double total = bg::length(line);
    for (double cut : {0.13, 0.5, 0.77}) {
        const LineString a = substring(line, 0, cut * total);
        const LineString b = substring(line, cut * total, total);
        EXPECT_NEAR(covered_length(cover_line(a, 30, tracks)) + covered_length(cover_line(b, 30, tracks)), whole, 1e-6);
    }
}

TEST(Intervals, TrackOrderDoesNotMatter)
{
    std::mt19937_64 rng(5);
    Campaign c = test::square_town(2000);
    for (int i = 0; i < 10; ++i) c.tracks.push_back(test::make_track(test::random_path(rng, 2000, 30, 50), i));
    const LineString line = test::random_path(rng, 2000, 25, 70);
    const auto before = cover_line(line, 30, TrackIndex(c));
    std::reverse(c.tracks.begin(), c.tracks.end());
    const auto after = cover_line(line, 30, TrackIndex(c));
    ASSERT_EQ(before.size(), after.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
        EXPECT_DOUBLE_EQ(before[i].from, after[i].from);
        EXPECT_DOUBLE_EQ(before[i].to, after[i].to);
        EXPECT_EQ(before[i].passes.size(), after[i].passes.size());
    }
}

TEST(Intervals, PiecesRecordPassesAndTimes)
{
    Campaign c = test::square_town();
    c.tracks.push_back(test::make_track(wkt_line("LINESTRING(0 110,500 110)"), 1, 5.0, 1000.0));
    c.tracks.push_back(test::make_track(wkt_line("LINESTRING(300 90,900 90)"), 2, 5.0, 5000.0));
    const auto pieces = cover_line(wkt_line("LINESTRING(0 100,1000 100)"), 30, TrackIndex(c));
    // [0, ~530] by pass 0, [~270, ~530] by both, up to ~930 by pass 1, then uncovered.
    ASSERT_EQ(pieces.size(), 4u);
    EXPECT_EQ(pieces[0].passes, std::vector<int>{0});
    EXPECT_EQ(pieces[1].passes, (std::vector<int>{0, 1}));
    EXPECT_EQ(pieces[2].passes, std::vector<int>{1});
    EXPECT_FALSE(pieces[3].covered);
    EXPECT_NEAR(pieces[0].to, 300 - std::sqrt(900.0 - 100.0), 1e-6);
    EXPECT_NEAR(pieces[2].to, 900 + std::sqrt(900.0 - 100.0), 1e-6);
    EXPECT_LT(pieces[1].first, 5000.0);  // pass 0's times
    EXPECT_GE(pieces[1].last, 5000.0);   // pass 1's times
    EXPECT_DOUBLE_EQ(pieces.back().to, 1000.0);
}

TEST(Intervals, RepeatedVerticesAndZeroLengthSegmentsWork)
{
    Campaign c = test::square_town();
    c.tracks.push_back(test::make_track(wkt_line("LINESTRING(0 100,1000 100)"), 1));
    const LineString line = wkt_line("LINESTRING(100 100,100 100,400 100,400 100,400 100,700 100)");
    EXPECT_NEAR(covered(c, line, 30), 600.0, 1e-9);
    EXPECT_EQ(covered(c, wkt_line("LINESTRING(5 5,5 5)"), 30), 0.0);
}

}  // namespace geo::coverage
