#pragma once
// The solvers' view of a walk network: an undirected multigraph whose edges have a length in metres. Node and edge
// numbers are dense (0..n-1), so solvers keep their state in vectors. The geographic graph (walk_graph.hpp) owns the
// geometry and attributes and hands the solvers this.
#include <span>
#include <vector>

namespace geo::route {

struct ArcEdge {
    int a = 0;
    int b = 0;
    double length = 0;  // metres (or the benchmark file's cost unit)

    // The end that is not `node` (a loop's other end is itself).
    [[nodiscard]] int other(int node) const { return node == a ? b : a; }
};

class ArcGraph {
public:
    ArcGraph() = default;
    explicit ArcGraph(int node_count);

    int add_node();
    // Adds an undirected edge and returns its number; parallel edges and loops are allowed.
    int add_edge(int a, int b, double length);

    [[nodiscard]] int node_count() const { return m_node_count; }
    [[nodiscard]] int edge_count() const { return static_cast<int>(m_edges.size()); }
    [[nodiscard]] const ArcEdge& edge(int e) const { return m_edges[static_cast<std::size_t>(e)]; }
    [[nodiscard]] const std::vector<ArcEdge>& edges() const { return m_edges; }

    // The edges at a node (a loop appears twice). Built on first use after a change; not thread-safe until then,
    // so call freeze() before sharing the graph between threads.
    [[nodiscard]] std::span<const int> incident(int node) const;
    void freeze() const;

private:
    int m_node_count = 0;
    std::vector<ArcEdge> m_edges;
    mutable std::vector<int> m_first;  // CSR offsets into m_incident, node_count + 1 of them once built
    mutable std::vector<int> m_incident;
    mutable bool m_built = false;
};

}  // namespace geo::route
