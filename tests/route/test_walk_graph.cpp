// The walk graph from coverage stretches: where lines meet (shared vertex, an end on another line, an end within
// snap_m, crossings only with node_crossings), pieces cut at coverage boundaries, lengths kept. Oracles: the
// figures drawn by hand for each small scene, Boost.Geometry lengths of the input, a union-find over the input.
#include "libgeo/route/walk_graph.hpp"

#include <gtest/gtest.h>

#include <random>

namespace geo::route {

namespace {

coverage::LineCoverage stretch(int line, LineString geometry, std::vector<coverage::LinePiece> pieces = {})
{
    coverage::LineCoverage lc;
    lc.line = line;
    lc.geometry = std::move(geometry);
    const double length = bg::length(lc.geometry);
    if (pieces.empty()) pieces.push_back({0, length, false, {}, no_time, no_time});
    lc.pieces = std::move(pieces);
    return lc;
}

coverage::CoverageResult scene(std::vector<coverage::LineCoverage> lines)
{
    coverage::CoverageResult r;
    r.lines = std::move(lines);
    return r;
}

double edge_length_sum(const WalkGraph& g)
{
    double sum = 0;
    for (const auto& e : g.edges) sum += e.length_m;
    return sum;
}

}  // namespace

TEST(WalkGraph, LinesSharingAVertexMeetThere)
{
    const auto r = scene({stretch(0, {{0, 0}, {50, 0}, {100, 0}}), stretch(1, {{50, -50}, {50, 0}, {50, 50}})});
    const WalkGraph g = build_walk_graph(Campaign{}, r, {});
    EXPECT_EQ(g.nodes.size(), 5u);
    EXPECT_EQ(g.edges.size(), 4u);
    EXPECT_EQ(g.components, 1);
    EXPECT_EQ(g.dangling_ends, 4);
    EXPECT_NEAR(edge_length_sum(g), 200.0, 1e-9);
}

TEST(WalkGraph, CrossingsWithoutAVertexAreBridgesUnlessNoded)
{
    const auto r = scene({stretch(0, {{0, 0}, {100, 0}}), stretch(1, {{30, -40}, {30, 60}})});
    const WalkGraph bridge = build_walk_graph(Campaign{}, r, {});
    EXPECT_EQ(bridge.components, 2);
    EXPECT_EQ(bridge.edges.size(), 2u);
    const WalkGraph noded = build_walk_graph(Campaign{}, r, {.snap_m = 1, .node_crossings = true});
    EXPECT_EQ(noded.components, 1);
    EXPECT_EQ(noded.crossings_noded, 1);
    EXPECT_EQ(noded.edges.size(), 4u);
    EXPECT_NEAR(edge_length_sum(noded), 200.0, 1e-9);
    // The junction is at the crossing point.
    bool found = false;
    for (const auto& p : noded.nodes) found = found || (std::abs(p.x() - 30) < 1e-9 && std::abs(p.y()) < 1e-9);
    EXPECT_TRUE(found);
}

TEST(WalkGraph, AnEndOnAnotherLineJoinsItThere)
{
    // A T-junction digitised without a node on the through road.
    const auto r = scene({stretch(0, {{0, 0}, {100, 0}}), stretch(1, {{40, 0}, {40, 80}})});
    const WalkGraph g = build_walk_graph(Campaign{}, r, {.snap_m = 0});
    EXPECT_EQ(g.components, 1);
    EXPECT_EQ(g.edges.size(), 3u);
    EXPECT_TRUE(g.snaps.empty());  // it lies on the line: nothing moved
    EXPECT_NEAR(edge_length_sum(g), 180.0, 1e-9);
}

TEST(WalkGraph, EndsWithinTheSnapDistanceJoinAndAreRecorded)
{
    const auto r = scene({stretch(0, {{0, 0}, {50, 0}, {100, 0}}), stretch(1, {{50, 0.6}, {50, 80}})});
    const WalkGraph joined = build_walk_graph(Campaign{}, r, {.snap_m = 1});
    EXPECT_EQ(joined.components, 1);
    ASSERT_EQ(joined.snaps.size(), 1u);
    EXPECT_NEAR(joined.snaps[0].distance_m, 0.6, 1e-9);
    EXPECT_EQ(joined.snaps[0].line, 1);
    // The moved end reaches the node: the stretch is 0.6 m longer in the graph, and says so.
    EXPECT_NEAR(edge_length_sum(joined), 180.0, 1e-9);
    const WalkGraph apart = build_walk_graph(Campaign{}, r, {.snap_m = 0.5});
    EXPECT_EQ(apart.components, 2);
    EXPECT_TRUE(apart.snaps.empty());
}

TEST(WalkGraph, CoveragePiecesBecomeEdgesOfTheirOwn)
{
    const auto r = scene({stretch(0, {{0, 0}, {100, 0}},
                                  {{0, 30, true, {0}, 100, 200}, {30, 75, false, {}, no_time, no_time},
                                   {75, 100, true, {1}, 300, 400}})});
    const WalkGraph g = build_walk_graph(Campaign{}, r, {});
    ASSERT_EQ(g.edges.size(), 3u);
    EXPECT_TRUE(g.edges[0].covered);
    EXPECT_FALSE(g.edges[1].covered);
    EXPECT_TRUE(g.edges[2].covered);
    EXPECT_NEAR(g.edges[1].length_m, 45, 1e-9);
    EXPECT_NEAR(g.edges[1].from_m, 30, 1e-9);
    EXPECT_NEAR(g.edges[1].to_m, 75, 1e-9);
    EXPECT_EQ(g.edges[2].last_walked, 400);
    EXPECT_EQ(g.components, 1);
}

TEST(WalkGraph, AccessPathsJoinPiecesButAreMarked)
{
    Campaign c;
    NetworkLine path;
    path.line = {{100, 0}, {200, 0}};
    c.access.push_back(path);
    const auto r = scene({stretch(0, {{0, 0}, {100, 0}}), stretch(1, {{200, 0}, {300, 0}})});
    EXPECT_EQ(build_walk_graph(Campaign{}, r, {}).components, 2);
    const WalkGraph g = build_walk_graph(c, r, {});
    EXPECT_EQ(g.components, 1);
    ASSERT_EQ(g.edges.size(), 3u);
    EXPECT_TRUE(g.edges[2].access);
    EXPECT_EQ(g.edges[2].line, 0);
}

TEST(WalkGraph, ASiteOutlineIsALoopJoinedToTheNearestNode)
{
    Campaign c;
    Site yard;
    yard.area = {Polygon{{{10, 20}, {10, 40}, {30, 40}, {30, 20}, {10, 20}}}};
    bg::correct(yard.area);
    c.sites.push_back(yard);
    auto r = scene({stretch(0, {{0, 0}, {100, 0}})});
    coverage::SiteCoverage sc;
    sc.site = 0;
    sc.perimeter_m = 80;
    r.sites.push_back(sc);
    const WalkGraph g = build_walk_graph(c, r, {});
    ASSERT_EQ(g.edges.size(), 3u);
    const WalkEdge& connector = g.edges[1];
    const WalkEdge& outline = g.edges[2];
    EXPECT_TRUE(connector.connector);
    EXPECT_TRUE(connector.covered);  // never required itself
    // Nearest node (0, 0) to nearest corner (10, 20).
    EXPECT_NEAR(connector.length_m, std::hypot(10.0, 20.0), 1e-9);
    EXPECT_EQ(outline.a, outline.b);
    EXPECT_NEAR(outline.length_m, 80.0, 1e-9);
    EXPECT_FALSE(outline.covered);
    EXPECT_EQ(outline.site, 0);
    EXPECT_EQ(g.components, 1);
}

TEST(WalkGraph, RandomNetworksKeepTheirLengthAndComponents)
{
    // Lines between points of a coarse lattice share vertices exactly where they meet end to end; the union-find
    // over lattice points (every line end joins its two points) gives the expected components.
    std::mt19937 rng(7);
    for (int trial = 0; trial < 20; ++trial) {
        std::vector<coverage::LineCoverage> lines;
        const int n = 6;
        std::vector<int> parent(n * n);
        for (int i = 0; i < n * n; ++i) parent[static_cast<std::size_t>(i)] = i;
        auto find = [&](int x) {
            while (parent[static_cast<std::size_t>(x)] != x) x = parent[static_cast<std::size_t>(x)];
            return x;
        };
        std::vector<char> used(n * n, 0);
        double length = 0;
        for (int k = 0; k < 15; ++k) {
            const int a = static_cast<int>(rng() % (n * n));
            const int dir = static_cast<int>(rng() % 2);
            const int ax = a % n, ay = a / n;
            const int bx = dir ? std::min(ax + 1, n - 1) : ax, by = dir ? ay : std::min(ay + 1, n - 1);
            const int b = by * n + bx;
            if (a == b) continue;
            // Lattice edges only once each, so no two lines overlap.
            bool dup = false;
            for (const auto& l : lines)
                dup = dup || (bg::distance(l.geometry.front(), Point(ax * 100.0, ay * 100.0)) < 1e-9 &&
                              bg::distance(l.geometry.back(), Point(bx * 100.0, by * 100.0)) < 1e-9);
            if (dup) continue;
            lines.push_back(stretch(static_cast<int>(lines.size()), {{ax * 100.0, ay * 100.0}, {bx * 100.0, by * 100.0}}));
            length += 100;
            used[static_cast<std::size_t>(a)] = used[static_cast<std::size_t>(b)] = 1;
            parent[static_cast<std::size_t>(find(a))] = find(b);
        }
        int expected = 0;
        for (int i = 0; i < n * n; ++i) expected += used[static_cast<std::size_t>(i)] && find(i) == i;
        const WalkGraph g = build_walk_graph(Campaign{}, scene(lines), {});
        EXPECT_EQ(g.components, expected) << "trial " << trial;
        EXPECT_NEAR(edge_length_sum(g), length, 1e-6);
    }
}

}  // namespace geo::route
