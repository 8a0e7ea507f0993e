#pragma once
// Oracles of the postman tests, independent of the solver: a walk checker (is the tour a closed walk from the start
// that serves every reachable required edge once, with totals that add up?) and the optimum by brute force over
// copy counts for tiny graphs.
#include "libgeo/route/postman.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

namespace geo::test {

using route::ArcGraph;
using route::PostmanTour;

inline std::size_t slot(int i) { return static_cast<std::size_t>(i); }

// Nodes a walk from `start` reaches over any edge (grown edge by edge until stable; independent of the solver's
// own search).
inline std::vector<char> reach(const ArcGraph& graph, int start)
{
    std::vector<char> seen(slot(graph.node_count()), 0);
    seen[slot(start)] = 1;
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& e : graph.edges())
            if (seen[slot(e.a)] != seen[slot(e.b)]) {
                seen[slot(e.a)] = seen[slot(e.b)] = 1;
                grew = true;
            }
    }
    return seen;
}

// The tour is a closed walk from the start along edges of the graph, each reachable required edge served exactly
// once (and nothing else served), the unreachable ones listed, and the totals add up.
inline void expect_valid_walk(const ArcGraph& graph, const std::vector<char>& required, int start,
                              const PostmanTour& tour)
{
    const auto seen = reach(graph, start);
    std::vector<int> served(required.size(), 0);
    int at_node = start;
    double total = 0;
    for (const auto& step : tour.steps) {
        ASSERT_GE(step.edge, 0);
        ASSERT_LT(step.edge, graph.edge_count());
        const auto& e = graph.edge(step.edge);
        ASSERT_EQ(at_node, step.forward ? e.a : e.b) << "the walk jumps";
        at_node = step.forward ? e.b : e.a;
        total += e.length;
        if (step.serves) ++served[slot(step.edge)];
    }
    EXPECT_EQ(at_node, start) << "the walk does not return to the start";
    double required_length = 0;
    std::vector<int> unreachable;
    for (int e = 0; e < graph.edge_count(); ++e) {
        if (!required[slot(e)]) {
            EXPECT_EQ(served[slot(e)], 0) << "edge " << e << " is not required but served";
            continue;
        }
        if (seen[slot(graph.edge(e).a)]) {
            EXPECT_EQ(served[slot(e)], 1) << "required edge " << e;
            required_length += graph.edge(e).length;
        } else {
            unreachable.push_back(e);
        }
    }
    EXPECT_EQ(tour.unreachable, unreachable);
    const double scale = std::max(1.0, total);
    EXPECT_NEAR(tour.total_length, total, 1e-9 * scale);
    EXPECT_NEAR(tour.required_length, required_length, 1e-9 * scale);
    EXPECT_NEAR(tour.deadhead_length, total - required_length, 1e-9 * scale);
    EXPECT_LE(tour.lower_bound, tour.total_length + 1e-9 * scale);
    EXPECT_EQ(tour.start, start);
}

// The shortest closed walk by brute force: every choice of 0..2 extra walks of each edge in the start's component
// (an optimal walk never walks an edge more than twice), keeping those where the walked edges are connected to the
// start and every degree is even. Returns the optimum's length.
inline double brute_force_postman(const ArcGraph& graph, const std::vector<char>& required, int start)
{
    const auto seen = reach(graph, start);
    std::vector<int> edges;
    std::vector<int> base(required.size(), 0);
    for (int e = 0; e < graph.edge_count(); ++e) {
        if (!seen[slot(graph.edge(e).a)]) continue;
        edges.push_back(e);
        base[slot(e)] = required[slot(e)] ? 1 : 0;
    }
    if (std::accumulate(base.begin(), base.end(), 0) == 0) return 0;
    double best = std::numeric_limits<double>::infinity();
    std::vector<int> extra(edges.size(), 0);
    for (;;) {
        std::vector<int> degree(slot(graph.node_count()), 0);
        std::vector<int> label(slot(graph.node_count()));
        std::iota(label.begin(), label.end(), 0);
        double length = 0;
        for (std::size_t k = 0; k < edges.size(); ++k) {
            const int walks = base[slot(edges[k])] + extra[k];
            const auto& e = graph.edge(edges[k]);
            length += walks * e.length;
            degree[slot(e.a)] += walks;
            degree[slot(e.b)] += walks;
        }
        bool even = std::all_of(degree.begin(), degree.end(), [](int d) { return d % 2 == 0; });
        if (even && length < best) {
            // Connected: relabel until stable (tiny graphs).
            for (bool changed = true; changed;) {
                changed = false;
                for (std::size_t k = 0; k < edges.size(); ++k) {
                    if (base[slot(edges[k])] + extra[k] == 0) continue;
                    const auto& e = graph.edge(edges[k]);
                    const int m = std::min(label[slot(e.a)], label[slot(e.b)]);
                    if (label[slot(e.a)] != m || label[slot(e.b)] != m) {
                        label[slot(e.a)] = label[slot(e.b)] = m;
                        changed = true;
                    }
                }
            }
            bool connected = true;
            for (int v = 0; v < graph.node_count(); ++v)
                if ((degree[slot(v)] > 0 || v == start) && label[slot(v)] != label[slot(start)]) connected = false;
            if (connected) best = length;
        }
        std::size_t k = 0;
        while (k < extra.size() && extra[k] == 2) extra[k++] = 0;
        if (k == extra.size()) break;
        ++extra[k];
    }
    return best;
}

}  // namespace geo::test
