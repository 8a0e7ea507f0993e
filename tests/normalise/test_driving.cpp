// Driving judged over a window: expectations come from how each track is built, never from a run of the code.
#include "libgeo/normalise/driving.hpp"
#include "libgeo/normalise/track_cleaning.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace geo::normalise {

namespace {

constexpr double t0 = 1'700'000'000.0;
constexpr double walk_mps = 0.8;  // 2.9 km/h, the walk of issue 23

// A walk east at 2.9 km/h logged at 1 Hz, fixes 0..n-1.
std::vector<Fix> walk_1hz(int n)
{
    std::vector<Fix> fixes;
    for (int i = 0; i < n; ++i) fixes.push_back({Point(walk_mps * i, 0.0), t0 + i, 5.0});
    return fixes;
}

double line_length(const std::vector<Fix>& fixes)
{
    double length = 0;
    for (std::size_t i = 1; i < fixes.size(); ++i) length += bg::distance(fixes[i - 1].position, fixes[i].position);
    return length;
}

long long pieces_fix_to_fix(const std::vector<Fix>& fixes)
{
    CleaningOptions fix_to_fix;
    fix_to_fix.speed_window_s = 0;
    fix_to_fix.speed_window_m = 0;
    return clean_track(fixes, fix_to_fix).counts.pieces;
}

}  // namespace

TEST(Driving, FiveOneSecondJumpsThatStayDoNotCutAWalk)
{
    // Five times the receiver jumps 6 m sideways within one second and the walk goes on from there (alternately
    // north and back south): each jump is 6 m/s fix to fix, 1.5 times the limit, as in the walk of issue 23.
    auto fixes = walk_1hz(600);
    double offset = 0;
    for (std::size_t i = 0; i < fixes.size(); ++i) {
        if (i % 100 == 50 && i < 500) offset = offset == 0 ? 6.0 : 0.0;  // at 50, 150, 250, 350, 450
        fixes[i].position = Point(fixes[i].position.x(), offset);
    }
    const double raw = line_length(fixes);  // the walk plus the five 6 m jumps
    EXPECT_EQ(pieces_fix_to_fix(fixes), 6);  // what the issue calls wrong: judged fix to fix, it falls into six pieces

    const auto r = clean_track(fixes, {});
    ASSERT_EQ(r.pieces.size(), 1u);
    EXPECT_EQ(r.counts.fixes_kept, 600);
    EXPECT_EQ(r.counts.too_fast, 0);
    EXPECT_NEAR(r.lengths.read_m, raw, 1e-6);
    EXPECT_NEAR(r.lengths.kept_m, raw, 1e-6);
    EXPECT_EQ(r.lengths.driven_m, 0.0);
}

TEST(Driving, FiveSingleFixJumpsAreDroppedAsSpikesAndTheWalkStaysWhole)
{
    // Five single fixes 6 m off the line, their neighbours on it.
    auto fixes = walk_1hz(600);
    for (int k = 0; k < 5; ++k) {
        auto& f = fixes[static_cast<std::size_t>(60 + 100 * k)];
        f.position = Point(f.position.x(), 6.0);
    }
    const auto r = clean_track(fixes, {});
    ASSERT_EQ(r.pieces.size(), 1u);
    EXPECT_EQ(r.counts.spikes, 5);
    EXPECT_EQ(r.counts.fixes_kept, 595);
    // What is lost is the zigzag to each spike and back, not walking: the kept line is the straight walk.
    EXPECT_NEAR(r.lengths.kept_m, walk_mps * 599, 1e-6);
    EXPECT_NEAR(r.lengths.dropped_fixes_m, r.lengths.read_m - walk_mps * 599, 1e-6);
}

TEST(Driving, NoisyOneHertzWalkStaysWhole)
{
    // GPS wander of up to 2.5 m on each axis, fix by fix: many steps are faster than 4 m/s on their own.
    std::mt19937 rng(23);
    std::uniform_real_distribution<double> noise(-2.5, 2.5);
    auto fixes = walk_1hz(1800);
    for (auto& f : fixes) f.position = Point(f.position.x() + noise(rng), noise(rng));
    long long fast_steps = 0;
    for (std::size_t i = 1; i < fixes.size(); ++i)
        fast_steps += bg::distance(fixes[i - 1].position, fixes[i].position) > 4.0 ? 1 : 0;
    ASSERT_GT(fast_steps, 10);  // the test means something only if the old rule would have cut
    const auto r = clean_track(fixes, {});
    EXPECT_EQ(r.counts.too_fast, 0);
    EXPECT_EQ(r.lengths.driven_m, 0.0);
    EXPECT_EQ(r.pieces.size(), 1u);
    // Spikes may take out single fixes, which shortens the wandering line but never below the 1439 m walked.
    EXPECT_GT(r.lengths.kept_m, walk_mps * 1799);
    EXPECT_NEAR(r.lengths.read_m, r.lengths.kept_m + r.lengths.dropped_fixes_m, 1e-6);
}

TEST(Driving, ATwoMinuteDriveIsCutOutExactly)
{
    // Walk 300 s, drive 120 s at 15 m/s, walk 300 s, fixes every second: the drive is the 120 steps from t = 300
    // to t = 420, 1800 m; the fixes at t = 300 and t = 420 end and start the two walks.
    std::vector<Fix> fixes;
    for (int t = 0; t <= 720; ++t) {
        const double x = t <= 300 ? walk_mps * t : t <= 420 ? walk_mps * 300 + 15.0 * (t - 300)
                                                            : walk_mps * 300 + 1800.0 + walk_mps * (t - 420);
        fixes.push_back({Point(x, 0.0), t0 + t, 5.0});
    }
    const auto r = clean_track(fixes, {});
    ASSERT_EQ(r.pieces.size(), 2u);
    EXPECT_EQ(r.pieces[0].back().time, t0 + 300);
    EXPECT_EQ(r.pieces[1].front().time, t0 + 420);
    EXPECT_EQ(r.counts.too_fast, 119);
    EXPECT_NEAR(r.lengths.driven_m, 1800.0, 1e-6);
    EXPECT_NEAR(r.lengths.kept_m, 2 * walk_mps * 300, 1e-6);
    EXPECT_NEAR(r.lengths.read_m, r.lengths.kept_m + r.lengths.driven_m, 1e-6);
}

TEST(Driving, ANoisyDriveIsCutOutWithinHalfAWindow)
{
    // The same walk and drive with up to 2 m of wander on each axis: where the cut falls may move by a few steps,
    // never by more than half the 10 s window (a walking step farther from the drive has a window wholly of walking).
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> noise(-2.0, 2.0);
    std::vector<Fix> fixes;
    double x = 0;
    for (int t = 0; t <= 720; ++t) {
        if (t > 0) x += t <= 300 || t > 420 ? walk_mps : 15.0;
        fixes.push_back({Point(x + noise(rng), noise(rng)), t0 + t, 5.0});
    }
    const auto r = clean_track(fixes, {});
    ASSERT_EQ(r.pieces.size(), 2u);
    EXPECT_NEAR(r.pieces[0].back().time, t0 + 300, 5.0);
    EXPECT_NEAR(r.pieces[1].front().time, t0 + 420, 5.0);
    // 1800 m driven, give or take the wander at both ends and up to five walking steps on each side.
    EXPECT_NEAR(r.lengths.driven_m, 1800.0, 2 * (2 * 2.9 + 5 * (walk_mps + 5.7)));
}

TEST(Driving, WindowStopsAtGapsAndTakesSparseStepsAlone)
{
    DrivingRule rule;
    // Fixes a minute apart: every step spans the window on its own.
    std::vector<Fix> sparse{{Point(0, 0), t0, 5.0}, {Point(60, 0), t0 + 60, 5.0}, {Point(600, 0), t0 + 120, 5.0}};
    EXPECT_NEAR(window_speed(sparse, 0, rule), 1.0, 1e-12);
    EXPECT_NEAR(window_speed(sparse, 1, rule), 9.0, 1e-12);
    const auto driven = driven_steps(sparse, rule);
    EXPECT_EQ(driven, (std::vector<char>{0, 1}));
    // A step after a 15-minute gap is judged alone, not with the fixes before the gap.
    std::vector<Fix> gap{{Point(0, 0), t0, 5.0}, {Point(1, 0), t0 + 1, 5.0}, {Point(2000, 0), t0 + 901, 5.0},
                         {Point(2005, 0), t0 + 902, 5.0}};
    EXPECT_NEAR(window_speed(gap, 2, rule), 5.0, 1e-12);  // cannot grow: a gap behind, the end ahead
    EXPECT_EQ(driven_steps(gap, rule), (std::vector<char>{0, 0, 1}));
}

}  // namespace geo::normalise
