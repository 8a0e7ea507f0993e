// Mann-Kendall against hand-computed S, Var(S) and Z; every emerging category on a constructed series; the space-time
// cube and its Gi* against a dense brute-force implementation written here.
#include "libgeo/hotspot/emerging.hpp"

#include "libgeo/core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace {

using namespace geo::hotspot;
using geo::Point;

TEST(MannKendall, HandComputed)
{
    // 1..5: S = 10, Var = 5*4*15/18, Z = (10 - 1)/sqrt(Var), tau = 1.
    auto r = mann_kendall({1, 2, 3, 4, 5});
    EXPECT_EQ(r.s, 10);
    EXPECT_NEAR(r.variance, 300.0 / 18, 1e-12);
    EXPECT_NEAR(r.z, 9 / std::sqrt(300.0 / 18), 1e-12);
    EXPECT_NEAR(r.tau, 1.0, 1e-15);
    EXPECT_NEAR(r.p, std::erfc(r.z / std::sqrt(2.0)), 1e-15);
    // 1, 2, 2, 3: S = 5; one tie group of 2: Var = (4*3*13 - 2*1*9)/18 = 138/18; Z = 4/sqrt(Var).
    r = mann_kendall({1, 2, 2, 3});
    EXPECT_EQ(r.s, 5);
    EXPECT_NEAR(r.variance, 138.0 / 18, 1e-12);
    EXPECT_NEAR(r.z, 4 / std::sqrt(138.0 / 18), 1e-12);
    // 4, 3, 2, 1, 1: S = -9; Var = (5*4*15 - 18)/18 = 282/18; Z = -8/sqrt(Var).
    r = mann_kendall({4, 3, 2, 1, 1});
    EXPECT_EQ(r.s, -9);
    EXPECT_NEAR(r.variance, 282.0 / 18, 1e-12);
    EXPECT_NEAR(r.z, -8 / std::sqrt(282.0 / 18), 1e-12);
    // 3, 1, 2: S = -1, the continuity correction takes Z to 0.
    r = mann_kendall({3, 1, 2});
    EXPECT_EQ(r.s, -1);
    EXPECT_EQ(r.z, 0);
    EXPECT_EQ(r.p, 1);
    // All tied, or too short: defined zeros.
    r = mann_kendall({2, 2, 2, 2});
    EXPECT_EQ(r.s, 0);
    EXPECT_EQ(r.variance, 0);
    EXPECT_EQ(r.z, 0);
    EXPECT_EQ(mann_kendall({7}).z, 0);
}

MannKendall trend(double s, double p)
{
    MannKendall m;
    m.n = 10;
    m.s = s;
    m.p = p;
    return m;
}

const MannKendall up = trend(20, 0.001), down = trend(-20, 0.001), flat = trend(3, 0.6);

std::vector<int> negate(std::vector<int> b)
{
    for (auto& v : b) v = -v;
    return b;
}

MannKendall mirror(MannKendall m)
{
    m.s = -m.s;
    return m;
}

struct Case {
    std::vector<int> bins;
    MannKendall trend;
    Pattern hot, cold;
};

TEST(EmergingPatterns, EveryCategoryOnAConstructedSeries)
{
    const std::vector<Case> cases = {
        {{0, 0, 0, 0, 0, 0, 0, 0, 0, 2}, flat, Pattern::new_hot, Pattern::new_cold},
        {{0, 0, 0, 0, 0, 0, 0, 1, 2, 3}, up, Pattern::consecutive_hot, Pattern::consecutive_cold},
        {{1, 1, 2, 2, 2, 3, 3, 3, 3, 3}, up, Pattern::intensifying_hot, Pattern::intensifying_cold},
        {{2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, flat, Pattern::persistent_hot, Pattern::persistent_cold},
        {{2, 2, 2, 2, 0, 2, 2, 2, 2, 2}, flat, Pattern::persistent_hot, Pattern::persistent_cold},  // 90 % exactly
        {{3, 3, 3, 3, 3, 2, 2, 2, 1, 1}, down, Pattern::diminishing_hot, Pattern::diminishing_cold},
        {{0, 2, 0, 0, 1, 0, 0, 0, 2, 3}, flat, Pattern::sporadic_hot, Pattern::sporadic_cold},
        {{2, 0, 0, 0, 0, 0, 0, 0, 0, 1}, flat, Pattern::sporadic_hot, Pattern::sporadic_cold},
        {{-2, 0, 0, 0, 0, 0, 0, 0, 0, 2}, flat, Pattern::oscillating_hot, Pattern::oscillating_cold},
        {{0, -1, 0, 0, 0, 0, 0, 0, 2, 2}, up, Pattern::oscillating_hot, Pattern::oscillating_cold},
        {{2, 2, 2, 2, 2, 2, 2, 2, 2, 0}, down, Pattern::historical_hot, Pattern::historical_cold},
        {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, flat, Pattern::none, Pattern::none},
        {{0, 2, 2, 0, 0, 0, 0, 0, 0, 0}, flat, Pattern::none, Pattern::none},  // hot once, long ago, < 90 %
        {{2, 2, 2, 2, 2, 2, 2, 2, 0, 0}, flat, Pattern::none, Pattern::none},  // 80 % and not hot now
    };
    for (std::size_t k = 0; k < cases.size(); ++k) {
        const auto& c = cases[k];
        EXPECT_EQ(classify_series(c.bins, c.trend), c.hot) << "case " << k << " " << pattern_code(classify_series(c.bins, c.trend));
        EXPECT_EQ(classify_series(negate(c.bins), mirror(c.trend)), c.cold) << "mirrored case " << k;
    }
    // An upward trend that is not significant keeps a 100 % hot series persistent.
    EXPECT_EQ(classify_series(std::vector<int>(10, 3), trend(20, 0.2)), Pattern::persistent_hot);
    // The final slice's sense is tried first: 90 % cold, then hot now, reads as an oscillating hot spot.
    EXPECT_EQ(classify_series({-2, -2, -2, -2, -2, -2, -2, -2, -2, 2}, flat), Pattern::oscillating_hot);
    EXPECT_EQ(pattern_label(Pattern::intensifying_cold), "Intensifying Cold Spot");
    EXPECT_EQ(pattern_code(Pattern::none), "no_pattern");
}

TEST(Emerging, CubeAndSpaceTimeGiMatchBruteForce)
{
    // 8 x 8 cells 100 m apart, 8 weekly slices; a corner heats up over the last weeks.
    std::vector<Point> centres;
    for (int r = 0; r < 8; ++r)
        for (int c = 0; c < 8; ++c) centres.emplace_back(c * 100.0 + 50, r * 100.0 + 50);
    const double week = 7 * 86400.0, t0 = 1.5e9;
    std::mt19937_64 rng(8);
    std::vector<int> cell;
    std::vector<double> time;
    for (int w = 0; w < 8; ++w)
        for (std::size_t i = 0; i < centres.size(); ++i) {
            const bool corner = centres[i].x() > 500 && centres[i].y() > 500;
            const int n = std::poisson_distribution<int>(corner ? 0.5 + 1.5 * w : 1.0)(rng);
            for (int e = 0; e < n; ++e) {
                cell.push_back(static_cast<int>(i));
                time.push_back(t0 + w * week + std::uniform_real_distribution<double>(1, week - 1)(rng));
            }
        }
    cell.push_back(-1);  // outside every cell: ignored
    time.push_back(t0);
    EmergingOptions o;
    o.band_m = 150;
    o.slice_s = week;
    o.start_s = t0;
    const auto r = emerging_hotspots(centres, cell, time, o);
    ASSERT_EQ(r.slices, 8);
    const std::size_t T = 8, N = centres.size() * T;
    // Cube counts by direct arithmetic.
    std::vector<double> counts(N, 0.0);
    for (std::size_t k = 0; k + 1 < cell.size(); ++k)
        counts[static_cast<std::size_t>(cell[k]) * T + static_cast<std::size_t>(std::floor((time[k] - t0) / week))] += 1;
    EXPECT_EQ(r.counts, counts);
    // Dense space-time Gi*: neighbours = cells within 150 m (and itself), slices t-1..t; mean and variance over the cube.
    double mean = 0, ss = 0;
    for (double v : counts) mean += v;
    mean /= static_cast<double>(N);
    for (double v : counts) ss += (v - mean) * (v - mean);
    const double s = std::sqrt(ss / static_cast<double>(N));
    for (std::size_t i = 0; i < centres.size(); ++i)
        for (std::size_t t = 0; t < T; ++t) {
            double local = 0, w = 0;
            for (std::size_t j = 0; j < centres.size(); ++j)
                for (std::size_t u = 0; u < T; ++u) {
                    const bool near = std::hypot(centres[i].x() - centres[j].x(), centres[i].y() - centres[j].y()) <= 150;
                    const bool recent = u <= t && t - u <= 1;
                    if (near && recent) {
                        local += counts[j * T + u];
                        w += 1;
                    }
                }
            const double nd = static_cast<double>(N);
            const double z = (local - mean * w) / (s * std::sqrt((nd * w - w * w) / (nd - 1)));
            ASSERT_NEAR(r.z[i * T + t], z, 1e-9) << i << " " << t;
        }
    // Trends and patterns follow from the cube: the heated corner trends up and ends hot.
    int hot_now = 0;
    for (std::size_t i = 0; i < centres.size(); ++i) {
        std::vector<double> zs(r.z.begin() + static_cast<std::ptrdiff_t>(i * T), r.z.begin() + static_cast<std::ptrdiff_t>((i + 1) * T));
        EXPECT_EQ(r.cells[i].z_trend.s, mann_kendall(zs).s);
        std::vector<int> bins(r.bin.begin() + static_cast<std::ptrdiff_t>(i * T), r.bin.begin() + static_cast<std::ptrdiff_t>((i + 1) * T));
        EXPECT_EQ(r.cells[i].pattern, classify_series(bins, r.cells[i].z_trend, o.trend_alpha));
        if (centres[i].x() > 500 && centres[i].y() > 500 && r.bin[i * T + T - 1] > 0) ++hot_now;
    }
    EXPECT_GE(hot_now, 5);  // of the 9 heated cells
    // END alignment (default): the last slice ends with the last event.
    EmergingOptions end = o;
    end.start_s.reset();
    const auto e = emerging_hotspots(centres, cell, time, end);
    double last = 0;
    for (std::size_t k = 0; k + 1 < time.size(); ++k) last = std::max(last, time[k]);
    EXPECT_NEAR(e.start_s + e.slices * week, last, 1e-6);
    EXPECT_EQ(e.events_used, static_cast<long long>(cell.size()) - 1);
    EXPECT_THROW(emerging_hotspots(centres, {0}, {std::nan("")}, o), geo::UsageError);
    // Through a binning of the events' points: the same cube.
    std::vector<Point> where;
    for (std::size_t k = 0; k + 1 < cell.size(); ++k) where.push_back(centres[static_cast<std::size_t>(cell[k])]);
    BinningOptions square;
    square.cell_size_m = 100;
    square.extent = geo::Box(Point(0, 0), Point(799.999, 799.999));
    const auto binning = make_cells(where, {}, square);
    ASSERT_EQ(binning.cells.size(), centres.size());
    const auto via = emerging_hotspots(binning, std::vector<double>(time.begin(), time.end() - 1), o);
    EXPECT_EQ(via.counts, r.counts);
    EXPECT_EQ(via.bin, r.bin);
}

}  // namespace
