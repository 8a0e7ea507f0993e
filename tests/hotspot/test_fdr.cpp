// Benjamini–Hochberg, normal p-values and the seven confidence bins, against hand-worked values and the textbook
// step-up rejection rule written out independently.
#include "libgeo/hotspot/fdr.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace {

using namespace geo::hotspot;

TEST(Fdr, HandWorkedExample)
{
    // Sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4); n/rank * p = 0.02, 0.02, 0.04, 0.04; running min from the
    // top leaves them as they are.
    const auto q = benjamini_hochberg({0.01, 0.04, 0.03, 0.005});
    ASSERT_EQ(q.size(), 4u);
    EXPECT_NEAR(q[0], 0.02, 1e-15);
    EXPECT_NEAR(q[1], 0.04, 1e-15);
    EXPECT_NEAR(q[2], 0.04, 1e-15);
    EXPECT_NEAR(q[3], 0.02, 1e-15);
}

TEST(Fdr, StepUpTakesTheMinimumFromAbove)
{
    // 0.04 at rank 2 of 3 gives 0.06, but rank 3 (0.045 * 3 / 3 = 0.045) is smaller: q is monotone in p.
    const auto q = benjamini_hochberg({0.001, 0.04, 0.045});
    EXPECT_NEAR(q[0], 0.003, 1e-15);
    EXPECT_NEAR(q[1], 0.045, 1e-15);
    EXPECT_NEAR(q[2], 0.045, 1e-15);
    // Capped at 1, NaN counts as 1.
    const auto capped = benjamini_hochberg({0.9, 0.95, std::nan("")});
    for (double v : capped) EXPECT_LE(v, 1.0);
    EXPECT_DOUBLE_EQ(capped[2], 1.0);
}

TEST(Fdr, AgreesWithTheRejectionRuleOnRandomPValues)
{
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (int scene = 0; scene < 50; ++scene) {
        const int n = 1 + scene * 7;
        std::vector<double> p(static_cast<std::size_t>(n));
        for (auto& v : p) v = scene % 2 ? std::pow(u(rng), 4.0) : u(rng);  // some scenes rich in small p
        const auto q = benjamini_hochberg(p);
        std::vector<double> sorted = p;
        std::sort(sorted.begin(), sorted.end());
        for (double alpha : {0.01, 0.05, 0.1, 0.2}) {
            // Textbook BH: k* = max{k : p_(k) <= k alpha / n}; reject every p <= p_(k*).
            double cut = -1;
            for (int k = n; k >= 1; --k)
                if (sorted[static_cast<std::size_t>(k - 1)] <= alpha * k / n) {
                    cut = sorted[static_cast<std::size_t>(k - 1)];
                    break;
                }
            for (int i = 0; i < n; ++i) EXPECT_EQ(q[static_cast<std::size_t>(i)] <= alpha, p[static_cast<std::size_t>(i)] <= cut);
        }
        // And the closed form q_i = min over j with p_j >= p_i of n p_j / rank_j (rank among sorted, ties: last).
        for (int i = 0; i < n; ++i) {
            double best = 1.0;
            for (int k = 1; k <= n; ++k)
                if (sorted[static_cast<std::size_t>(k - 1)] >= p[static_cast<std::size_t>(i)])
                    best = std::min(best, sorted[static_cast<std::size_t>(k - 1)] * n / k);
            EXPECT_NEAR(q[static_cast<std::size_t>(i)], best, 1e-12);
        }
    }
}

TEST(Fdr, TwoSidedNormalP)
{
    EXPECT_NEAR(two_sided_p(1.959963984540054), 0.05, 1e-12);
    EXPECT_NEAR(two_sided_p(-2.5758293035489), 0.01, 1e-12);
    EXPECT_NEAR(two_sided_p(1.6448536269514722), 0.10, 1e-12);
    EXPECT_DOUBLE_EQ(two_sided_p(0.0), 1.0);
    EXPECT_DOUBLE_EQ(two_sided_p(std::nan("")), 1.0);
}

TEST(Fdr, SevenBins)
{
    EXPECT_EQ(confidence_bin(3.0, 0.005), 3);
    EXPECT_EQ(confidence_bin(2.1, 0.01), 3);  // at the boundary: significant (ArcGIS uses <=)
    EXPECT_EQ(confidence_bin(2.1, 0.03), 2);
    EXPECT_EQ(confidence_bin(1.7, 0.08), 1);
    EXPECT_EQ(confidence_bin(1.0, 0.3), 0);
    EXPECT_EQ(confidence_bin(-3.0, 0.005), -3);
    EXPECT_EQ(confidence_bin(-2.0, 0.05), -2);
    EXPECT_EQ(confidence_bin(-1.7, 0.1), -1);
    EXPECT_EQ(confidence_bin(0.0, 0.0), 0);
    EXPECT_EQ(confidence_bin(std::nan(""), 0.0), 0);
    // With FDR a feature significant alone can drop a class: 20 features, one p = 0.004 and the rest 0.5.
    std::vector<double> p(20, 0.5), z(20, 0.1);
    p[3] = 0.004;
    z[3] = 2.88;
    const auto raw = confidence_bins(z, p);
    const auto corrected = confidence_bins(z, benjamini_hochberg(p));
    EXPECT_EQ(raw[3], 3);
    EXPECT_EQ(corrected[3], 1);  // q = 0.004 * 20 / 1 = 0.08: only the 90 % class
}

}  // namespace
