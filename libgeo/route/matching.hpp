#pragma once
// The odd nodes of a postman problem paired at least cost: a minimum-weight perfect matching under shortest-path
// distances in the whole network (LEMON's blossom algorithm), over every pair when there are few nodes, over each
// node's nearest neighbours when there are many.
#include "libgeo/route/arc_graph.hpp"

#include <span>
#include <utility>
#include <vector>

namespace geo::route::detail {

struct OddPairing {
    std::vector<std::pair<int, int>> pairs;  // graph nodes, every given node in exactly one pair, first < second
    double cost = 0;                         // sum of the pairs' shortest distances
    // No perfect matching of the nodes is cheaper: LEMON's dual value when every pair was a candidate (then equal to
    // `cost` up to rounding), else half the sum of each node's distance to its nearest other node (each pair (u, v)
    // costs d(u, v) >= (nearest(u) + nearest(v)) / 2).
    double lower_bound = 0;
    bool exact = false;       // every pair was a candidate and LEMON's dual value confirms the optimum
    bool restricted = false;  // candidates were each node's nearest neighbours only
    int fallback_pairs = 0;   // pairs formed greedily because the candidates left no perfect matching
};

struct MatchingLimits {
    int full_up_to = 1000;  // up to this many nodes every pair is a candidate
    int neighbours = 12;    // otherwise each node's candidates are its this-many nearest nodes
};

// `nodes` must be distinct, even in number and all in one connected component of `graph`.
[[nodiscard]] OddPairing match_odd_nodes(const ArcGraph& graph, std::span<const int> nodes,
                                         const MatchingLimits& limits);

// Half the sum of each node's shortest distance to its nearest other node: a lower bound of any perfect matching
// of them, from one short search per node (each stops at the first other node it settles).
[[nodiscard]] double nearest_pair_bound(const ArcGraph& graph, std::span<const int> nodes);

}  // namespace geo::route::detail
