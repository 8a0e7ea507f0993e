// Global Moran's I against a dense-matrix implementation written here and the checkerboard's textbook I = -1; the band
// search against its rules recomputed by brute force.
#include "libgeo/hotspot/moran.hpp"

#include "libgeo/core/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace {

using namespace geo::hotspot;
using geo::Point;

struct Dense {
    double i, var_normal, var_random;
};

// Cliff & Ord with a dense n x n weight matrix.
Dense dense_moran(const std::vector<Point>& pts, const std::vector<double>& x, double band, bool row)
{
    const std::size_t n = pts.size();
    std::vector<std::vector<double>> w(n, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i < n; ++i) {
        int k = 0;
        for (std::size_t j = 0; j < n; ++j)
            if (i != j && std::hypot(pts[i].x() - pts[j].x(), pts[i].y() - pts[j].y()) <= band * (1 + 1e-10)) {
                w[i][j] = 1;
                ++k;
            }
        if (row && k > 0)
            for (auto& v : w[i]) v /= k;
    }
    double mean = 0;
    for (double v : x) mean += v;
    mean /= static_cast<double>(n);
    double num = 0, m2 = 0, m4 = 0, s0 = 0, s1 = 0, s2 = 0;
    for (std::size_t i = 0; i < n; ++i) {
        m2 += (x[i] - mean) * (x[i] - mean);
        m4 += std::pow(x[i] - mean, 4);
        double rs = 0, cs = 0;
        for (std::size_t j = 0; j < n; ++j) {
            num += w[i][j] * (x[i] - mean) * (x[j] - mean);
            s0 += w[i][j];
            s1 += 0.5 * (w[i][j] + w[j][i]) * (w[i][j] + w[j][i]);
            rs += w[i][j];
            cs += w[j][i];
        }
        s2 += (rs + cs) * (rs + cs);
    }
    const double nd = static_cast<double>(n);
    const double I = nd / s0 * num / m2;
    const double e = -1 / (nd - 1);
    const double vn = (nd * nd * s1 - nd * s2 + 3 * s0 * s0) / ((nd * nd - 1) * s0 * s0) - e * e;
    const double b2 = nd * m4 / (m2 * m2);
    const double vr = (nd * ((nd * nd - 3 * nd + 3) * s1 - nd * s2 + 3 * s0 * s0) -
                       b2 * ((nd * nd - nd) * s1 - 2 * nd * s2 + 6 * s0 * s0)) /
                          ((nd - 1) * (nd - 2) * (nd - 3) * s0 * s0) -
                      e * e;
    return {I, vn, vr};
}

TEST(Moran, MatchesDenseMatrixOnRandomScenes)
{
    std::mt19937_64 rng(11);
    for (int scene = 0; scene < 6; ++scene) {
        std::uniform_real_distribution<double> xy(0, 1000);
        std::vector<Point> pts;
        std::vector<double> x;
        for (int i = 0; i < 120 + 30 * scene; ++i) {
            pts.emplace_back(xy(rng), xy(rng));
            x.push_back(pts.back().x() / 100 + std::normal_distribution<double>(0, 2)(rng));
        }
        for (bool row : {false, true}) {
            const double band = 80 + 20 * scene;
            const auto expected = dense_moran(pts, x, band, row);
            const auto r = global_moran(pts, x, band, row, 2);
            EXPECT_NEAR(r.i, expected.i, 1e-10);
            EXPECT_NEAR(r.variance_normal, expected.var_normal, 1e-12);
            EXPECT_NEAR(r.variance_random, expected.var_random, 1e-12);
            EXPECT_NEAR(r.z_normal, (expected.i + 1.0 / (x.size() - 1)) / std::sqrt(expected.var_normal), 1e-8);
            // Same through explicit lists.
            const auto l = global_moran(distance_band(pts, band), x, row);
            EXPECT_NEAR(l.i, r.i, 1e-12);
            EXPECT_NEAR(l.z_random, r.z_random, 1e-9);
        }
    }
}

TEST(Moran, CheckerboardIsMinusOne)
{
    // Rook neighbours on a chessboard: every neighbour pair differs, I = -1 exactly (Cliff & Ord's textbook extreme).
    std::vector<Point> pts;
    std::vector<double> x;
    for (int r = 0; r < 8; ++r)
        for (int c = 0; c < 8; ++c) {
            pts.emplace_back(c * 10.0, r * 10.0);
            x.push_back((r + c) % 2);
        }
    const auto m = global_moran(pts, x, 10.0);
    EXPECT_NEAR(m.i, -1.0, 1e-12);
    EXPECT_NEAR(m.expected, -1.0 / 63, 1e-15);
    EXPECT_LT(m.z_normal, -5);
    // Two halves (rows 0-3 against rows 4-7): positive autocorrelation.
    for (std::size_t k = 0; k < x.size(); ++k) x[k] = k / 8 < 4 ? 1.0 : 0.0;
    EXPECT_GT(global_moran(pts, x, 10.0).i, 0.3);
    // Constant values: defined zeros.
    const auto flat = global_moran(pts, std::vector<double>(pts.size(), 2.0), 10.0);
    EXPECT_EQ(flat.i, 0.0);
    EXPECT_EQ(flat.z_normal, 0.0);
}

std::vector<double> brute_nn(const std::vector<Point>& pts, int k)
{
    std::vector<double> out;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        std::vector<double> d;
        for (std::size_t j = 0; j < pts.size(); ++j)
            if (j != i) d.push_back(std::hypot(pts[i].x() - pts[j].x(), pts[i].y() - pts[j].y()));
        std::sort(d.begin(), d.end());
        out.push_back(d[static_cast<std::size_t>(k - 1)]);
    }
    return out;
}

TEST(BandSearch, FirstPeakOnClusteredGrid)
{
    // 30 x 30 cells of 100 m with blobs of about 500 m: Moran's z rises then falls.
    std::vector<Point> pts;
    std::vector<double> x;
    for (int r = 0; r < 30; ++r)
        for (int c = 0; c < 30; ++c) {
            pts.emplace_back(c * 100.0 + 50, r * 100.0 + 50);
            const double blob = std::cos(c * 2 * 3.14159265 / 10) * std::cos(r * 2 * 3.14159265 / 10);
            x.push_back(5 + 4 * blob + ((r * 7 + c * 3) % 5) * 0.3);
        }
    const auto b = choose_band(pts, x);
    EXPECT_EQ(b.locational_outliers, 0);
    EXPECT_NEAR(b.start_m, 100 * 1.0001, 1e-9);
    EXPECT_NEAR(b.increment_m, 100, 1e-9);
    ASSERT_EQ(b.distances.size(), 10u);
    ASSERT_EQ(b.source, BandSource::first_peak);
    const auto& m = b.moran;
    const auto p = static_cast<std::size_t>(b.peak);
    EXPECT_GT(m[p].z_random, 1.65);
    EXPECT_GT(m[p].z_random, m[p + 1].z_random);
    bool rose = false;
    for (std::size_t c = 0; c < p; ++c) {
        if (m[c + 1].z_random > m[c].z_random) rose = true;
        EXPECT_FALSE(rose && m[c + 1].z_random < m[c].z_random && m[c].z_random > 1.65) << "earlier peak at " << c;
    }
    EXPECT_DOUBLE_EQ(b.band_m, b.distances[p]);
    // Each z is the Moran's I of that distance (row-standardised, randomisation).
    EXPECT_NEAR(global_moran(pts, x, b.distances[3], true).z_random, m[3].z_random, 1e-12);
}

TEST(BandSearch, FallbackAndOutliers)
{
    // Independent noise has no peak above z = 1.65 (checked below from the returned z's); a far-away point is a
    // locational outlier.
    std::mt19937_64 rng(21);
    std::normal_distribution<double> noise(0, 1);
    std::vector<Point> pts;
    std::vector<double> x;
    for (int r = 0; r < 10; ++r)
        for (int c = 0; c < 10; ++c) {
            pts.emplace_back(c * 10.0, r * 10.0);
            x.push_back(noise(rng));
        }
    pts.emplace_back(5000.0, 5000.0);
    x.push_back(0);
    const auto b = choose_band(pts, x);
    bool rose = false, peak = false;
    for (std::size_t c = 0; c + 1 < b.moran.size(); ++c) {
        const double d = b.moran[c + 1].z_random - b.moran[c].z_random;
        rose = rose || d > 0;
        peak = peak || (rose && d < 0 && b.moran[c].z_random > 1.65);
    }
    ASSERT_FALSE(peak) << "the scene was meant to have no peak";
    EXPECT_EQ(b.locational_outliers, 1);
    EXPECT_NEAR(b.start_m, 10 * 1.0001, 1e-9);  // the outlier's 7 km does not set the start
    EXPECT_NE(b.source, BandSource::first_peak);
    const int k = std::clamp(static_cast<int>(pts.size() * 0.05), 3, 30);  // 5
    const auto d = brute_nn(pts, k);
    double mean = 0;
    for (double v : d) mean += v;
    mean /= static_cast<double>(d.size());
    const double sd = standard_distance(pts);
    EXPECT_NEAR(b.band_m, std::min(mean, sd), 1e-9);
    EXPECT_THROW(choose_band({Point(0, 0), Point(1, 1)}, {1, 2}), geo::UsageError);
}

}  // namespace
