// Rebounds against a brute-force loop over every pair, and the tie rules on a hand-made scene.
#include "libgeo/hotspot/rebounds.hpp"

#include "libgeo/core/error.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <string>
#include <utility>
#include <random>
#include <vector>

namespace {

using namespace geo::hotspot;
using geo::Category;
using geo::Issue;
using geo::Point;

Issue make(double x, double y, Category c, std::optional<double> found, std::optional<double> accepted = std::nullopt,
           std::string problem = {})
{
    Issue i;
    i.position = Point(x, y);
    i.category = c;
    i.found = found;
    i.accepted = accepted;
    i.problem = std::move(problem);
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
    const auto r = find_rebounds(issues);  // rebound_min_days 7: every pair above is 10 days apart or more
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
    EXPECT_THROW(find_rebounds(issues, ReboundOptions{50, -1}), geo::UsageError);
}

// The time since the acceptance: at least min_days (inclusive); the same problem type when both record one.
TEST(Rebounds, MinimumTimeAndProblemType)
{
    const double day = 86400, hour = 3600;
    const Category road = Category::village_road;
    std::vector<Issue> issues = {
        make(0, 0, road, 0, 10 * day, "垃圾堆放"),           // 0: accepted day 10
        make(5, 0, road, 10 * day + 2 * hour, {}, "垃圾堆放"),  // 1: two hours later: the same problem recorded twice
        make(5, 5, road, 17 * day, {}, "垃圾堆放"),           // 2: exactly 7 days later: a rebound
        make(0, 5, road, 30 * day, {}, " 污水 "),             // 3: another problem at the same spot: new
        make(0, 9, road, 30 * day, {}, ""),                  // 4: no problem type: the walk alone decides
    };
    auto r = find_rebounds(issues);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].issue, 2);
    EXPECT_NEAR(r[0].days, 7, 1e-12);
    EXPECT_EQ(r[1].issue, 4);
    EXPECT_EQ(r[1].earlier, 0);
    // 0 days: found strictly after the acceptance is enough, as before the option existed.
    r = find_rebounds(issues, ReboundOptions{50, 0});
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].issue, 1);
    EXPECT_TRUE(same_problem(issues[0], issues[4]));
    EXPECT_FALSE(same_problem(issues[0], issues[3]));
    issues[3].problem = "垃圾堆放 ";  // trimmed
    EXPECT_TRUE(same_problem(issues[0], issues[3]));
}

TEST(Rebounds, MatchesBruteForce)
{
    std::mt19937_64 rng(12);
    std::uniform_real_distribution<double> xy(0, 600), when(0, 1e7);
    std::bernoulli_distribution accepted(0.4);
    std::uniform_int_distribution<int> category(0, 2), problem(0, 3);
    const std::array<std::string, 4> problems{"", "a", "b", "c"};
    std::vector<Issue> issues;
    for (int i = 0; i < 1500; ++i) {
        const double found = when(rng);
        issues.push_back(make(std::round(xy(rng)), std::round(xy(rng)), static_cast<Category>(category(rng)), found,
                              accepted(rng) ? std::optional<double>(std::round(found + when(rng) / 10)) : std::nullopt,
                              problems[static_cast<std::size_t>(problem(rng))]));
    }
    for (const auto& [radius, min_days] : {std::pair{25.0, 0.0}, std::pair{50.0, 0.0}, std::pair{50.0, 7.0}}) {
        const auto r = find_rebounds(issues, ReboundOptions{radius, min_days});
        std::size_t k = 0;
        for (std::size_t i = 0; i < issues.size(); ++i) {
            int best = -1;
            double best_a = 0, best_d = 0;
            for (std::size_t j = 0; j < issues.size(); ++j) {
                if (j == i || !issues[j].accepted || issues[j].category != issues[i].category) continue;
                const std::string& pi = issues[i].problem;
                const std::string& pj = issues[j].problem;
                if (!pi.empty() && !pj.empty() && pi != pj) continue;
                const double a = *issues[j].accepted;
                if (*issues[i].found - a < min_days * 86400) continue;
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
