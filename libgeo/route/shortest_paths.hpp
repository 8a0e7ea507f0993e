#pragma once
// Dijkstra over an ArcGraph: one tree from a source, optionally stopped at a distance or once given targets are
// settled (the "neighbourhood" searches of the planners: no dense all-pairs matrix is ever needed).
#include "libgeo/route/arc_graph.hpp"

#include <limits>
#include <span>
#include <vector>

namespace geo::route {

inline constexpr double unreachable = std::numeric_limits<double>::infinity();

struct ShortestPathTree {
    int source = -1;
    std::vector<double> distance;  // per node; `unreachable` where not reached (or beyond the limit)
    std::vector<int> via_edge;     // per node: the last edge of its shortest path, -1 at the source and unreached

    [[nodiscard]] bool reached(int node) const { return distance[static_cast<std::size_t>(node)] < unreachable; }
    // The edges from the source to `node`, in walking order; empty when node is the source or unreached.
    [[nodiscard]] std::vector<int> path_to(const ArcGraph& graph, int node) const;
};

struct SearchLimits {
    double max_distance = unreachable;  // nodes farther than this stay unreached
    std::span<const int> targets;       // when not empty: stop once all of them are settled
    int enough_targets = 0;             // when > 0: stop once this many of the (distinct) targets are settled
};

// Ties broken by node number, so trees are the same on every run and thread count.
[[nodiscard]] ShortestPathTree shortest_paths(const ArcGraph& graph, int source, const SearchLimits& limits = {});

// The same search, reusable: its arrays are sized to the graph once and each run resets only the nodes the last one
// touched, so many short searches in a large network (a county's villages, one per piece end) cost what they reach,
// not the network's size. One per thread; the graph must outlive it.
class ShortestPathSearch {
public:
    explicit ShortestPathSearch(const ArcGraph& graph);
    void run(int source, const SearchLimits& limits = {});
    // After run(): the shortest distance to a settled node, `unreachable` for any other.
    [[nodiscard]] double distance(int node) const;
    // The edges from the last source to `node`, in walking order; empty when node is the source or not settled.
    [[nodiscard]] std::vector<int> path_to(int node) const;

private:
    friend ShortestPathTree shortest_paths(const ArcGraph&, int, const SearchLimits&);
    const ArcGraph* graph_;
    int source_ = -1;
    std::vector<double> distance_;  // tentative until settled
    std::vector<int> via_edge_;
    std::vector<char> settled_, wanted_;
    std::vector<int> touched_;      // nodes whose entries the last run changed
};

}  // namespace geo::route
