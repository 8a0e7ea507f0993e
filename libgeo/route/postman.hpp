#pragma once
// One walker, no day limit: the shortest closed walk from a start node that walks every required edge at least once
// (the rural postman problem; the Chinese postman problem when every edge is required).
//
// When the required edges and the start form one connected piece the result is optimal: shortest paths between the
// odd-degree nodes, a minimum-weight perfect matching of them (LEMON), an Euler circuit. Otherwise the pieces are
// joined first (Frederickson: a minimum spanning tree over shortest paths between pieces), which is a heuristic with
// a stated bound; lower_bound then holds required length + matching over the pieces as they are.
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
    int full_matching_up_to = 2000;
    int matching_neighbours = 12;
};

struct PostmanTour {
    int start = 0;
    std::vector<Step> steps;         // a closed walk: the first step leaves `start`, the last returns to it
    double total_length = 0;
    double required_length = 0;      // each required edge once
    double deadhead_length = 0;      // total - required
    double lower_bound = 0;          // no closed walk over the required edges is shorter
    bool optimal = false;            // total_length == the optimum (connected required edges, full matching)
    int required_components = 0;     // pieces of required edges (with the start) before joining
    int odd_nodes = 0;
    bool matching_restricted = false;
    std::vector<int> unreachable;    // required edges no path from the start reaches; left out of the walk
};

// required: one flag per edge of `graph`. The start need not touch a required edge.
[[nodiscard]] PostmanTour rural_postman(const ArcGraph& graph, std::span<const char> required, int start,
                                        const PostmanOptions& options = {});

}  // namespace geo::route
