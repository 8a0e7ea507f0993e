#include "libgeo/route/postman.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/route/euler.hpp"
#include "libgeo/route/matching.hpp"
#include "libgeo/route/postman_join.hpp"
#include "libgeo/route/shortest_paths.hpp"

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>

namespace geo::route {
namespace {

std::size_t at(int i) { return static_cast<std::size_t>(i); }

// The nodes a walk from `start` can reach over any edge.
std::vector<char> reachable_from(const ArcGraph& graph, int start)
{
    std::vector<char> seen(at(graph.node_count()), 0);
    std::vector<int> stack{start};
    seen[at(start)] = 1;
    while (!stack.empty()) {
        const int v = stack.back();
        stack.pop_back();
        for (int e : graph.incident(v)) {
            const int w = graph.edge(e).other(v);
            if (!seen[at(w)]) {
                seen[at(w)] = 1;
                stack.push_back(w);
            }
        }
    }
    return seen;
}

// The nodes of odd degree in the multigraph of `copies` (a loop adds two), in node order.
std::vector<int> odd_nodes(const ArcGraph& graph, const std::vector<int>& copies)
{
    std::vector<char> parity(at(graph.node_count()), 0);
    for (int e = 0; e < graph.edge_count(); ++e)
        if (copies[at(e)] % 2 != 0) {
            parity[at(graph.edge(e).a)] ^= 1;
            parity[at(graph.edge(e).b)] ^= 1;
        }
    std::vector<int> odd;
    for (int v = 0; v < graph.node_count(); ++v)
        if (parity[at(v)]) odd.push_back(v);
    return odd;
}

}  // namespace

void PostmanOptions::validate() const
{
    if (full_matching_up_to < 0)
        throw UsageError("full_matching_up_to must be 0 or more, not " + std::to_string(full_matching_up_to));
    if (matching_neighbours < 1)
        throw UsageError("matching_neighbours must be 1 or more, not " + std::to_string(matching_neighbours),
                         {}, "a dozen neighbours per odd node keep the matching within a few percent");
}

PostmanTour rural_postman(const ArcGraph& graph, std::span<const char> required, int start,
                          const PostmanOptions& options)
{
    if (required.size() != static_cast<std::size_t>(graph.edge_count()))
        throw std::invalid_argument("rural_postman: one required flag per edge expected");
    if (start < 0 || start >= graph.node_count()) throw std::invalid_argument("rural_postman: start out of range");
    options.validate();
    graph.freeze();

    PostmanTour tour;
    tour.start = start;
    const auto reached = reachable_from(graph, start);
    std::vector<char> planned(required.size(), 0);
    std::vector<int> copies(required.size(), 0);
    for (int e = 0; e < graph.edge_count(); ++e) {
        if (!required[at(e)]) continue;
        if (!reached[at(graph.edge(e).a)]) {
            tour.unreachable.push_back(e);
            continue;
        }
        planned[at(e)] = 1;
        copies[at(e)] = 1;
        tour.required_length += graph.edge(e).length;
    }
    if (std::find(planned.begin(), planned.end(), 1) == planned.end()) {
        tour.optimal = true;
        return tour;
    }

    const auto pieces = detail::find_pieces(graph, planned, start);
    tour.required_components = pieces.count;
    double tree_length = 0;
    if (pieces.count > 1) tree_length = detail::join_pieces(graph, pieces, copies);

    const detail::MatchingLimits limits{options.full_matching_up_to, options.matching_neighbours};
    const auto odd = odd_nodes(graph, copies);
    tour.odd_nodes = static_cast<int>(odd.size());
    const auto pairing = detail::match_odd_nodes(graph, odd, limits);
    tour.matching_restricted = pairing.restricted;
    tour.fallback_pairs = pairing.fallback_pairs;
    for (const auto& [u, v] : pairing.pairs) {
        const int target[] = {v};
        SearchLimits search;
        search.targets = target;
        for (int e : shortest_paths(graph, u, search).path_to(graph, v)) ++copies[at(e)];
    }
    detail::drop_redundant_copies(graph, planned, copies, start);

    tour.steps = detail::euler_circuit(graph, copies, start);
    std::vector<char> served(required.size(), 0);
    for (auto& step : tour.steps) {
        tour.total_length += graph.edge(step.edge).length;
        if (planned[at(step.edge)] && !served[at(step.edge)]) {
            served[at(step.edge)] = 1;
            step.serves = true;
        }
    }
    tour.deadhead_length = tour.total_length - tour.required_length;

    // The matching part of the bound is over the odd nodes of the required edges alone: after joining, the odd
    // nodes include the joining paths' ends, which the optimum need not make even.
    double matching_bound = pairing.lower_bound;
    if (pieces.count > 1) {
        std::vector<int> required_copies(planned.begin(), planned.end());
        const auto required_odd = odd_nodes(graph, required_copies);
        // The exact matching costs a search per node over most of the network; past a quarter of the full
        // matching's size the nearest-pair bound (one short search per node) has to do.
        matching_bound = static_cast<int>(required_odd.size()) * 4 <= limits.full_up_to
                             ? detail::match_odd_nodes(graph, required_odd, limits).lower_bound
                             : detail::nearest_pair_bound(graph, required_odd);
    }
    tour.optimal = pieces.count == 1 && pairing.exact;
    tour.lower_bound = tour.optimal ? tour.total_length
                                    : std::min(tour.total_length,
                                               tour.required_length + std::max(matching_bound, tree_length));
    return tour;
}

}  // namespace geo::route
