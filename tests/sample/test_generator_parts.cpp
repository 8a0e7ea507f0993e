// The generator's building blocks, each against an oracle that does not come from the generator itself.
#include "libgeo/sample/clock.hpp"
#include "libgeo/sample/issue_csv.hpp"
#include "libgeo/sample/random.hpp"
#include "libgeo/sample/walk_graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace geo::sample {

TEST(SampleRandom, FollowsTheStandardEngineBitForBit)
{
    // [rand.predef]: the 10000th output of a default-constructed mt19937_64 (seed 5489) is 9981545732273789042.
    Random random(5489);
    for (int i = 0; i < 9999; ++i) random.uniform();
    EXPECT_EQ(random.uniform(), static_cast<double>(9981545732273789042ULL >> 11) * 0x1.0p-53);
}

TEST(SampleRandom, DistributionsHaveTheirMoments)
{
    Random random(42);
    double sum = 0, sum2 = 0;
    constexpr int n = 200000;
    for (int i = 0; i < n; ++i) {
        const double z = random.normal(10.0, 2.0);
        sum += z;
        sum2 += z * z;
    }
    const double mean = sum / n;
    EXPECT_NEAR(mean, 10.0, 0.02);
    EXPECT_NEAR(std::sqrt(sum2 / n - mean * mean), 2.0, 0.02);
    std::set<int> seen;
    for (int i = 0; i < 1000; ++i) seen.insert(random.uniform_int(3, 7));
    EXPECT_EQ(seen, (std::set<int>{3, 4, 5, 6, 7}));
    EXPECT_THROW(random.uniform_int(2, 1), std::invalid_argument);
    auto order = random.permutation(10);
    std::sort(order.begin(), order.end());
    for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], i);
    EXPECT_NE(derive_seed(1, 0), derive_seed(1, 1));
    EXPECT_NE(derive_seed(1, 0), derive_seed(2, 0));
}

TEST(SampleClock, SpellsDatesTheWayRegistersDo)
{
    // 2017-02-20T00:00:00+08:00 is 2017-02-19T16:00:00Z = 1487520000 (date -d '2017-02-20 00:00 +0800' +%s).
    EXPECT_EQ(campaign_start(), 1487520000);
    const Seconds t = from_local(2017, 2, 21, 10, 35);
    EXPECT_EQ(format_local_minute(t, DateStyle::iso), "2017-02-21 10:35");
    EXPECT_EQ(format_local_minute(t, DateStyle::slashes), "2017/2/21 10:35");
    EXPECT_EQ(format_local_minute(t, DateStyle::chinese), "2017年2月21日 10:35");
    EXPECT_EQ(format_local_date(t, DateStyle::iso), "2017-02-21");
    EXPECT_EQ(to_utc(t).hour, 2);
    EXPECT_EQ(local_midnight(t), from_local(2017, 2, 21));
    EXPECT_EQ(format_degrees(100.45), "100.4500000");
    EXPECT_EQ(format_degrees(38.123456789), "38.1234568");
}

TEST(SampleWalkGraph, NodesCrossingsAndEndsOnVertices)
{
    Town town;
    town.villages.push_back({"村", "Cun", "620702101001", "某人", {0, 0}, {}});
    town.dead_corner = {1e6, 1e6};
    town.dead_corner_radius = 1.0;
    // A cross, plus a spur that ends exactly on a vertex in the middle of the horizontal line.
    town.roads.push_back({"h", RoadClass::highway, {{-100, 0}, {50, 0}, {100, 0}}});
    town.roads.push_back({"v", RoadClass::named_road, {{0, -100}, {0, 100}}});
    town.roads.push_back({"s", RoadClass::field_road, {{50, 0}, {50, -80}}});
    const WalkGraph graph = build_walk_graph(town);
    EXPECT_EQ(graph.nodes.size(), 7u);  // 5 ends, the crossing, the spur's junction
    EXPECT_EQ(graph.edges.size(), 6u);
    double total = 0;
    for (const WalkEdge& e : graph.edges) total += e.length;
    EXPECT_NEAR(total, 480.0, 1e-9);
    std::size_t degree_three_or_more = 0;
    for (const auto& incident : graph.incident) degree_three_or_more += incident.size() >= 3;
    EXPECT_EQ(degree_three_or_more, 2u);
}

}  // namespace geo::sample
