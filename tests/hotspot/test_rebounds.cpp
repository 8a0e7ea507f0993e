// Rebounds against a brute-force loop over every pair, and the tie rules on a hand-made scene.
#include "libgeo/hotspot/rebounds.hpp"

#include "libgeo/core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace {

using namespace geo::hotspot;
using geo::Category;
using geo::Issue;
using geo::Point;

Issue make(double x, double y, Category c, std::optional<double> found, std::optional<double> accepted = std::nullopt)
{
    Issue i;
    i.position = Point(x, y);
    i.category = c;
    i.found = found;
    i.accepted = accepted;
    return i;
}

TEST(Rebounds, HandMadeScene)
{
    const double day = 86400;
    std::vector<Issue> issues = {
        make(0, 0, Category::village_road, 0, 10 * day),             // 0: fixed, accepted day 10
        make(30, 40, Category::village_road, 20 * day),              // 1: 50 m from 0, found day 20 -> rebound of 0
        make(31, 40, Category::village_road, 20 * day),              // 2: 50.2 m: too far
        make(10, 0, Category::river_ditch, 20 * day),                // 3: other category
        make(5, 0, Category::village_road, 5 * day),                 // 4: found before the acceptance
        make(1000, 0, Category::village_road, 1 * day, 15 * day),    // 5: accepted day 15
        make(1010, 0, Category::village_road, 30 * day),             // 6: 5 (10 m) and 7 (20 m) both day 15 -> nearer 5
        make(1030, 0, Category::village_road, 30 * day, 15 * day),   // 7: accepted too, but rebounds from 5 (30 m)
        make(0, 0, Category::village_road, std::nullopt),            // 8: no found time
        make(1005, 0, Category::village_road, 2 * day, 12 * day),    // 9: accepted day 12: older than 5 and 7 for 6 and 7
    };
    const auto r = find_rebounds(issues);
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].issue, 1);
    EXPECT_EQ(r[0].earlier, 0);
    EXPECT_NEAR(r[0].distance_m, 50, 1e-12);
    EXPECT_NEAR(r[0].days, 10, 1e-12);
    EXPECT_EQ(r[1].issue, 6);
    EXPECT_EQ(r[1].earlier, 5);
    EXPECT_NEAR(r[1].distance_m, 10, 1e-12);
    EXPECT_NEAR(r[1].days, 15, 1e-12);
    EXPECT_EQ(r[2].issue, 7);
    EXPECT_EQ(r[2].earlier, 5);  // not itself
    EXPECT_NEAR(r[2].distance_m, 30, 1e-12);
    EXPECT_THROW(find_rebounds(issues, ReboundOptions{-1}), geo::UsageError);
}

TEST(Rebounds, MatchesBruteForce)
{
    std::mt19937_64 rng(12);
    std::uniform_real_distribution<double> xy(0, 600), when(0, 1e7);
    std::bernoulli_distribution accepted(0.4);
    std::uniform_int_distribution<int> category(0, 2);
    std::vector<Issue> issues;
    for (int i = 0; i < 1500; ++i) {
        const double found = when(rng);
        issues.push_back(make(std::round(xy(rng)), std::round(xy(rng)), static_cast<Category>(category(rng)), found,
                              accepted(rng) ? std::optional<double>(std::round(found + when(rng) / 10)) : std::nullopt));
    }
    for (double radius : {25.0, 50.0}) {
        const auto r = find_rebounds(issues, ReboundOptions{radius});
        std::size_t k = 0;
        for (std::size_t i = 0; i < issues.size(); ++i) {
            int best = -1;
            double best_a = 0, best_d = 0;
            for (std::size_t j = 0; j < issues.size(); ++j) {
                if (j == i || !issues[j].accepted || issues[j].category != issues[i].category) continue;
                const double a = *issues[j].accepted;
                const double d = std::hypot(issues[i].position.x() - issues[j].position.x(),
                                            issues[i].position.y() - issues[j].position.y());
                if (!(*issues[i].found > a) || d > radius) continue;
                if (best < 0 || a > best_a || (a == best_a && d < best_d)) {
                    best = static_cast<int>(j);
                    best_a = a;
                    best_d = d;
                }
            }
            if (best < 0) continue;
            ASSERT_LT(k, r.size());
            EXPECT_EQ(r[k].issue, static_cast<int>(i));
            EXPECT_EQ(r[k].earlier, best);
            EXPECT_NEAR(r[k].distance_m, best_d, 1e-9);
            EXPECT_NEAR(r[k].days, (*issues[i].found - best_a) / 86400, 1e-9);
            ++k;
        }
        EXPECT_EQ(k, r.size());
        EXPECT_GT(k, 10u);
    }
}

}  // namespace
