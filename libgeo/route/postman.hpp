#pragma once
// One walker, no day limit: the shortest closed walk from a start node that walks every required edge at least once
// (the rural postman problem; the Chinese postman problem when every edge is required).
//
// When the required edges and the start form one connected piece the result is optimal: shortest paths (through the
// whole network, optional edges included) between the odd-degree nodes of the required edges, a minimum-weight
// perfect matching of them (LEMON), an Euler circuit over the required edges and the matched paths.
//
// Otherwise the pieces are joined first: Frederickson's heuristic (G. N. Frederickson, "Approximation algorithms
// for some postman problems", J. ACM 26(3):538-554, 1979; see also Eiselt, Gendreau & Laporte, "Arc routing
// problems, part II: the rural postman problem", Oper. Res. 43(3):399-414, 1995): the deadhead paths of a minimum
// spanning tree of the pieces under shortest-path distances, then the matching of the odd nodes that leaves, then
// the Euler circuit; copies the joined walk does not need are dropped afterwards. Bound, with the full matching:
//     total <= 3/2 * optimum.
// Proof (ours, the argument of Frederickson's and Christofides'): let OPT = R + D, R the required length, D its
// deadhead. (1) D >= MST: contract every piece to a point; D's edges become a connected multigraph with even
// degrees through all pieces, i.e. a closed walk through them, and a closed walk through K points is at least a
// spanning tree of them. (2) The odd nodes after joining lie on required edges or at the start, all of which OPT
// visits; cutting OPT at them in its order gives two perfect matchings of them whose sum is at most OPT, so the
// minimum matching M <= OPT / 2. Total <= R + MST + M <= OPT + OPT / 2. Distances are shortest paths, so no
// triangle inequality of the edge lengths is needed. With the restricted matching (many odd nodes) there is no
// such bound; lower_bound then says how far the tour can be from the optimum at most.
//
// lower_bound = R + max(M*, T), both parts provably <= the optimum's deadhead: M* a lower bound of the minimum
// matching of the odd nodes of the required edges alone (any deadhead multiset evens their degrees, so it is a join
// of them, at least that matching: LEMON's dual value when all pairs are candidates, else -- and with several pieces
// when the odd nodes are more than a quarter of full_matching_up_to -- half the sum of each odd node's distance to
// its nearest other odd node), T the spanning tree length of the pieces (0 for one piece), by (1).
#include "libgeo/route/arc_graph.hpp"

#include <span>
#include <vector>

namespace geo::route {

struct Step {
    int edge = 0;
    bool forward = true;   // walked from edge.a to edge.b
    bool serves = false;   // this pass is the one that walks a required edge (each required edge served once)
};

struct PostmanOptions {
    // Up to this many odd nodes the matching considers every pair; above it, each odd node's candidates are its
    // `matching_neighbours` nearest odd nodes by network distance (plus what keeps a perfect matching possible).
    // 1000: the full matching costs one Dijkstra over most of the network per odd node (~7 s for 2000 odd nodes in a
    // 50,000-edge network), while 12 neighbours came within 0.1 % of it in the benchmarks (bench_route.cpp).
    int full_matching_up_to = 1000;
    int matching_neighbours = 12;

    void validate() const;  // throws geo::UsageError
};

struct PostmanTour {
    int start = 0;
    std::vector<Step> steps;         // a closed walk: the first step leaves `start`, the last returns to it
    double total_length = 0;
    double required_length = 0;      // each required edge once
    double deadhead_length = 0;      // total - required
    double lower_bound = 0;          // no closed walk over the required edges is shorter (see above)
    bool optimal = false;            // total_length == the optimum (connected required edges, full matching)
    int required_components = 0;     // pieces of required edges (with the start) before joining; 0 when none
    int odd_nodes = 0;               // odd-degree nodes matched (of the required edges and the joining paths)
    bool matching_restricted = false;
    int fallback_pairs = 0;          // restricted matching: pairs formed greedily outside the candidates
    std::vector<int> unreachable;    // required edges no path from the start reaches; left out of the walk
};

// required: one flag per edge of `graph`. The start need not touch a required edge. Deterministic: the same input
// gives the same steps. Throws std::invalid_argument when `required` or `start` do not fit the graph.
[[nodiscard]] PostmanTour rural_postman(const ArcGraph& graph, std::span<const char> required, int start,
                                        const PostmanOptions& options = {});

}  // namespace geo::route
