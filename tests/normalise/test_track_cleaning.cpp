#include "libgeo/normalise/track_cleaning.hpp"

#include <gtest/gtest.h>

namespace geo::normalise {

namespace {

// A walk east at 1.2 m/s, one fix every 10 s.
std::vector<Fix> straight_walk(int n, double t0 = 1'487'548'800.0)
{
    std::vector<Fix> fixes;
    for (int i = 0; i < n; ++i) fixes.push_back({Point(12.0 * i, 0.0), t0 + 10.0 * i, 5.0});
    return fixes;
}

long long accounted(const TrackCleaning& c)
{
    return c.duplicates + c.inaccurate + c.untimed + c.out_of_order + c.spikes + c.too_fast + c.isolated + c.fixes_kept;
}

}  // namespace

TEST(TrackCleaning, CleanWalkIsKeptWhole)
{
    const auto r = clean_track(straight_walk(50), {});
    ASSERT_EQ(r.pieces.size(), 1u);
    EXPECT_EQ(r.pieces[0].size(), 50u);
    EXPECT_EQ(r.counts.fixes_kept, 50);
    EXPECT_TRUE(r.counts.has_times);
}

TEST(TrackCleaning, DropsDuplicatesAndInaccurateFixes)
{
    auto fixes = straight_walk(20);
    fixes.insert(fixes.begin() + 5, fixes[4]);  // exact duplicate
    fixes[10].accuracy_m = 45.0;                // worse than 30 m
    const auto r = clean_track(fixes, {});
    EXPECT_EQ(r.counts.duplicates, 1);
    EXPECT_EQ(r.counts.inaccurate, 1);
    EXPECT_EQ(r.counts.fixes_kept, 19);
    EXPECT_EQ(accounted(r.counts), r.counts.fixes_read);
}

TEST(TrackCleaning, DropsASingleSpikeButKeepsTheWalk)
{
    auto fixes = straight_walk(20);
    fixes[7].position = Point(fixes[7].position.x(), 500.0);  // 500 m off in one fix
    const auto r = clean_track(fixes, {});
    EXPECT_EQ(r.counts.spikes, 1);
    ASSERT_EQ(r.pieces.size(), 1u);
    EXPECT_EQ(r.pieces[0].size(), 19u);
}

TEST(TrackCleaning, SplitsAtTimeGapsAndDropsDrivenStretches)
{
    auto fixes = straight_walk(10);
    // 15 minutes later, walking on.
    for (int i = 0; i < 10; ++i) fixes.push_back({Point(200.0 + 12.0 * i, 0.0), fixes[9].time + 900.0 + 10.0 * i, 5.0});
    // Then driving at 15 m/s for six fixes, then walking again.
    const double x0 = fixes.back().position.x(), t0 = fixes.back().time;
    for (int i = 1; i <= 6; ++i) fixes.push_back({Point(x0 + 150.0 * i, 0.0), t0 + 10.0 * i, 5.0});
    const double x1 = fixes.back().position.x(), t1 = fixes.back().time;
    for (int i = 1; i <= 10; ++i) fixes.push_back({Point(x1 + 12.0 * i, 0.0), t1 + 10.0 * i, 5.0});

    const auto r = clean_track(fixes, {});
    EXPECT_EQ(r.counts.gaps, 1);
    EXPECT_EQ(r.counts.too_fast, 5);  // the last driven fix starts the walk again
    EXPECT_EQ(r.pieces.size(), 3u);
    EXPECT_EQ(accounted(r.counts), r.counts.fixes_read);
    for (const auto& piece : r.pieces)
        for (std::size_t i = 1; i < piece.size(); ++i) {
            const double v = bg::distance(piece[i - 1].position, piece[i].position) / (piece[i].time - piece[i - 1].time);
            EXPECT_LE(v, 4.0);
        }
}

TEST(TrackCleaning, TimesGoingBackwardsAreDropped)
{
    auto fixes = straight_walk(10);
    fixes[5].time = fixes[2].time;
    const auto r = clean_track(fixes, {});
    EXPECT_EQ(r.counts.out_of_order, 1);
    EXPECT_EQ(r.counts.fixes_kept, 9);
}

TEST(TrackCleaning, OneFixDatedYearsAheadDoesNotEmptyTheTrack)
{
    auto fixes = straight_walk(60);
    fixes[20].time = 1'900'000'000.0;  // 2030
    const auto r = clean_track(fixes, {});
    EXPECT_EQ(r.counts.out_of_order, 1);
    EXPECT_EQ(r.counts.fixes_kept, 59);
    EXPECT_EQ(accounted(r.counts), r.counts.fixes_read);
}

TEST(TrackCleaning, AFewFixesWithoutTimeAreDroppedNotTheTimes)
{
    auto fixes = straight_walk(30);
    fixes[7].time = no_time;
    fixes[8].time = no_time;
    const auto r = clean_track(fixes, {});
    EXPECT_TRUE(r.counts.has_times);
    EXPECT_EQ(r.counts.untimed, 2);
    EXPECT_EQ(r.counts.fixes_kept, 28);
    EXPECT_EQ(accounted(r.counts), r.counts.fixes_read);
}

TEST(TrackCleaning, TrackWithoutTimesIsKeptWithoutSpeedChecks)
{
    auto fixes = straight_walk(10);
    for (auto& f : fixes) f.time = no_time;
    fixes[3].position = Point(36.0, 900.0);  // would be a spike with times
    const auto r = clean_track(fixes, {});
    EXPECT_FALSE(r.counts.has_times);
    EXPECT_EQ(r.counts.spikes, 0);
    EXPECT_EQ(r.counts.fixes_kept, 10);
}

TEST(TrackCleaning, OneFixOrAllDuplicatesLeaveNoPiece)
{
    EXPECT_TRUE(clean_track(straight_walk(1), {}).pieces.empty());
    std::vector<Fix> same(5, Fix{Point(1, 1), 100.0, 3.0});
    const auto r = clean_track(same, {});
    EXPECT_TRUE(r.pieces.empty());
    EXPECT_EQ(r.counts.duplicates, 4);
    EXPECT_EQ(r.counts.isolated, 1);
    EXPECT_TRUE(clean_track({}, {}).pieces.empty());
}

}  // namespace geo::normalise
