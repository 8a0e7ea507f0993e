// The solvers' multigraph: incidence lists (a loop twice), other ends, rebuilt after changes.
#include "libgeo/route/arc_graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace {

using namespace geo::route;

std::vector<int> sorted(std::span<const int> edges)
{
    std::vector<int> v(edges.begin(), edges.end());
    std::sort(v.begin(), v.end());
    return v;
}

TEST(ArcGraph, IncidenceListsParallelEdgesAndLoops)
{
    ArcGraph graph(3);
    const int e0 = graph.add_edge(0, 1, 2.5);
    const int e1 = graph.add_edge(1, 0, 4);  // parallel, other way round
    const int e2 = graph.add_edge(2, 2, 1);  // loop
    EXPECT_EQ(graph.edge_count(), 3);
    EXPECT_EQ(sorted(graph.incident(0)), (std::vector<int>{e0, e1}));
    EXPECT_EQ(sorted(graph.incident(1)), (std::vector<int>{e0, e1}));
    EXPECT_EQ(sorted(graph.incident(2)), (std::vector<int>{e2, e2}));
    EXPECT_EQ(graph.edge(e1).other(1), 0);
    EXPECT_EQ(graph.edge(e1).other(0), 1);
    EXPECT_EQ(graph.edge(e2).other(2), 2);
    EXPECT_DOUBLE_EQ(graph.edge(e0).length, 2.5);
}

TEST(ArcGraph, ChangesAfterAQueryAreSeen)
{
    ArcGraph graph(2);
    graph.add_edge(0, 1, 1);
    EXPECT_EQ(graph.incident(1).size(), 1U);
    const int v = graph.add_node();
    const int e = graph.add_edge(1, v, 1);
    EXPECT_EQ(sorted(graph.incident(1)), (std::vector<int>{0, e}));
    EXPECT_EQ(sorted(graph.incident(v)), (std::vector<int>{e}));
    graph.freeze();
    EXPECT_EQ(graph.incident(0).size(), 1U);
}

TEST(ArcGraph, RefusesNodesOutOfRange)
{
    ArcGraph graph(2);
    EXPECT_THROW(graph.add_edge(0, 2, 1), std::logic_error);
    EXPECT_THROW(graph.add_edge(-1, 0, 1), std::logic_error);
    EXPECT_EQ(ArcGraph().node_count(), 0);
}

}  // namespace
