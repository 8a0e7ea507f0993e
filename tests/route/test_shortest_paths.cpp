// Dijkstra with limits against Bellman-Ford written here, on random multigraphs with loops and parallel edges.
#include "libgeo/route/shortest_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace {

using namespace geo::route;

std::size_t at(int i) { return static_cast<std::size_t>(i); }

ArcGraph random_graph(std::mt19937& rng, int n, int m)
{
    ArcGraph graph(n);
    std::uniform_int_distribution<int> node(0, n - 1);
    std::uniform_int_distribution<int> length(0, 20);  // zero lengths too
    for (int k = 0; k < m; ++k) graph.add_edge(node(rng), node(rng), length(rng));
    return graph;
}

std::vector<double> bellman_ford(const ArcGraph& graph, int source)
{
    std::vector<double> d(at(graph.node_count()), unreachable);
    d[at(source)] = 0;
    for (int round = 0; round < graph.node_count(); ++round)
        for (const auto& e : graph.edges()) {
            d[at(e.b)] = std::min(d[at(e.b)], d[at(e.a)] + e.length);
            d[at(e.a)] = std::min(d[at(e.a)], d[at(e.b)] + e.length);
        }
    return d;
}

// The tree's path to `node` starts at the source, follows edges end to end and is as long as the distance.
void expect_path_matches(const ArcGraph& graph, const ShortestPathTree& tree, int node)
{
    const auto path = tree.path_to(graph, node);
    int v = tree.source;
    double length = 0;
    for (int e : path) {
        const auto& edge = graph.edge(e);
        ASSERT_TRUE(edge.a == v || edge.b == v);
        v = edge.other(v);
        length += edge.length;
    }
    EXPECT_EQ(v, node);
    EXPECT_DOUBLE_EQ(length, tree.distance[at(node)]);
}

TEST(ShortestPaths, AgreeWithBellmanFord)
{
    std::mt19937 rng(42);
    for (int trial = 0; trial < 200; ++trial) {
        const int n = 2 + trial % 25;
        const auto graph = random_graph(rng, n, n + trial % 40);
        const int source = trial % n;
        const auto tree = shortest_paths(graph, source);
        const auto expected = bellman_ford(graph, source);
        for (int v = 0; v < n; ++v) {
            EXPECT_EQ(tree.distance[at(v)], expected[at(v)]) << "trial " << trial << " node " << v;
            if (tree.reached(v)) {
                expect_path_matches(graph, tree, v);
            } else {
                EXPECT_EQ(tree.via_edge[at(v)], -1);
            }
        }
        EXPECT_TRUE(tree.path_to(graph, source).empty());
    }
}

TEST(ShortestPaths, DistanceLimitLeavesFartherNodesUnreached)
{
    std::mt19937 rng(7);
    for (int trial = 0; trial < 100; ++trial) {
        const int n = 5 + trial % 20;
        const auto graph = random_graph(rng, n, 2 * n);
        const auto expected = bellman_ford(graph, 0);
        SearchLimits limits;
        limits.max_distance = 15;
        const auto tree = shortest_paths(graph, 0, limits);
        for (int v = 0; v < n; ++v) {
            if (expected[at(v)] <= limits.max_distance) {
                EXPECT_EQ(tree.distance[at(v)], expected[at(v)]);
            } else {
                EXPECT_FALSE(tree.reached(v));
            }
        }
    }
}

TEST(ShortestPaths, TargetsAreSettledExactly)
{
    std::mt19937 rng(9);
    for (int trial = 0; trial < 100; ++trial) {
        const int n = 5 + trial % 30;
        const auto graph = random_graph(rng, n, 2 * n);
        const auto expected = bellman_ford(graph, 1);
        std::vector<int> targets{n - 1, n / 2, n / 2, 2};
        SearchLimits limits;
        limits.targets = targets;
        const auto tree = shortest_paths(graph, 1, limits);
        for (int t : targets) {
            EXPECT_EQ(tree.distance[at(t)], expected[at(t)]);
            if (tree.reached(t)) expect_path_matches(graph, tree, t);
        }
        // Whatever else it reports is exact too (settled), never a tentative value.
        for (int v = 0; v < n; ++v) {
            if (tree.reached(v)) {
                EXPECT_EQ(tree.distance[at(v)], expected[at(v)]);
            }
        }
    }
}

TEST(ShortestPaths, EnoughTargetsSettlesTheNearestOnes)
{
    std::mt19937 rng(11);
    for (int trial = 0; trial < 100; ++trial) {
        const int n = 10 + trial % 30;
        const auto graph = random_graph(rng, n, 3 * n);
        const auto expected = bellman_ford(graph, 0);
        std::vector<int> targets;
        for (int v = 0; v < n; v += 2) targets.push_back(v);
        SearchLimits limits;
        limits.targets = targets;
        limits.enough_targets = 3;
        const auto tree = shortest_paths(graph, 0, limits);
        int settled = 0;
        double farthest_settled = 0;
        for (int t : targets)
            if (tree.reached(t)) {
                ++settled;
                EXPECT_EQ(tree.distance[at(t)], expected[at(t)]);
                farthest_settled = std::max(farthest_settled, tree.distance[at(t)]);
            }
        const auto reachable = std::count_if(targets.begin(), targets.end(),
                                             [&](int t) { return expected[at(t)] < unreachable; });
        EXPECT_EQ(settled, std::min<long>(3, reachable));
        for (int t : targets) {
            if (!tree.reached(t)) {
                EXPECT_GE(expected[at(t)], farthest_settled);  // no nearer target left out
            }
        }
    }
}

// One search reused from source to source, with and without targets and limits, must forget each run: every
// distance equals Bellman-Ford's (or stays unreachable where a limit or the targets stopped it), every path adds up.
TEST(ShortestPaths, ReusedSearchForgetsEachRun)
{
    std::mt19937 rng(13);
    const int n = 40;
    const auto graph = random_graph(rng, n, 70);
    ShortestPathSearch search(graph);
    std::uniform_int_distribution<int> node(0, n - 1);
    for (int run = 0; run < 300; ++run) {
        const int source = node(rng);
        const auto expected = bellman_ford(graph, source);
        std::vector<int> targets;
        SearchLimits limits;
        if (run % 3 == 1) {
            targets = {node(rng), node(rng)};
            limits.targets = targets;
        } else if (run % 3 == 2) {
            limits.max_distance = 12;
        }
        search.run(source, limits);
        for (int v = 0; v < n; ++v) {
            const double d = search.distance(v);
            if (d == unreachable) {
                const bool stopped_short = run % 3 != 0;
                EXPECT_TRUE(stopped_short || expected[at(v)] == unreachable) << "run " << run << " node " << v;
                if (run % 3 == 2) {
                    EXPECT_TRUE(expected[at(v)] > limits.max_distance) << "run " << run << " node " << v;
                }
                EXPECT_TRUE(search.path_to(v).empty());
                continue;
            }
            EXPECT_EQ(d, expected[at(v)]) << "run " << run << " node " << v;
            double length = 0;
            int at_node = source;
            for (int e : search.path_to(v)) {
                const auto& edge = graph.edge(e);
                ASSERT_TRUE(edge.a == at_node || edge.b == at_node);
                at_node = edge.other(at_node);
                length += edge.length;
            }
            EXPECT_EQ(at_node, v);
            EXPECT_DOUBLE_EQ(length, d);
        }
        for (int t : targets) EXPECT_EQ(search.distance(t), expected[at(t)]) << "run " << run << " target " << t;
    }
}

}  // namespace
