#include "libgeo/route/matching.hpp"

#include "libgeo/route/matching_lemon.hpp"
#include "libgeo/route/shortest_paths.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <tuple>

namespace geo::route::detail {
namespace {

std::size_t at(int i) { return static_cast<std::size_t>(i); }

void finish(OddPairing& result)
{
    for (auto& [u, v] : result.pairs)
        if (u > v) std::swap(u, v);
    std::sort(result.pairs.begin(), result.pairs.end());
}

// Every pair a candidate: one Dijkstra per node (stopped once the later nodes are settled), a complete graph, LEMON's
// maximum-weight perfect matching on the negated distances. The dual value it keeps feasible proves the optimum.
OddPairing match_all_pairs(const ArcGraph& graph, std::span<const int> nodes)
{
    const int n = static_cast<int>(nodes.size());
    // Upper triangle only: d(i, j) for i < j, from i's search (a path summed in the other direction may differ in
    // the last bit, and the matching must see one value per pair).
    std::vector<double> distance(at(n) * at(n), 0.0);
    for (int i = 0; i < n; ++i) {
        SearchLimits limits;
        limits.targets = nodes.subspan(at(i));
        const auto tree = shortest_paths(graph, nodes[at(i)], limits);
        for (int j = i + 1; j < n; ++j) {
            const double d = tree.distance[at(nodes[at(j)])];
            if (!(d < unreachable)) throw std::logic_error("match_odd_nodes: nodes in different components");
            distance[at(i) * at(n) + at(j)] = d;
        }
    }
    lemon::FullGraph complete(n);
    lemon::FullGraph::EdgeMap<double> weight(complete);
    for (lemon::FullGraph::EdgeIt e(complete); e != lemon::INVALID; ++e) {
        int i = complete.index(complete.u(e));
        int j = complete.index(complete.v(e));
        if (i > j) std::swap(i, j);
        weight[e] = -distance[at(i) * at(n) + at(j)];
    }
    lemon::MaxWeightedPerfectMatching<lemon::FullGraph, lemon::FullGraph::EdgeMap<double>> matching(complete, weight);
    if (!matching.run()) throw std::logic_error("match_odd_nodes: no perfect matching on a complete graph");
    OddPairing result;
    for (int i = 0; i < n; ++i) {
        const int j = complete.index(matching.mate(complete(i)));
        if (i < j) {
            result.pairs.emplace_back(nodes[at(i)], nodes[at(j)]);
            result.cost += distance[at(i) * at(n) + at(j)];
        }
    }
    // dualScale is 1 for floating-point weights. The dual is feasible, so -dual <= any perfect matching's cost.
    const double dual_bound = -matching.dualValue() / decltype(matching)::dualScale;
    result.lower_bound = std::min(result.cost, dual_bound);
    result.exact = result.cost - dual_bound <= 1e-9 * std::max(1.0, result.cost);
    finish(result);
    return result;
}

// Each node's candidates are its `neighbours` nearest nodes. The matching maximises (C - d) summed, with C above any
// matching's total distance, so it has the most pairs the candidates allow and, among those, the least distance;
// whatever it leaves unmatched is paired greedily, nearest first, over the whole network.
OddPairing match_neighbours(const ArcGraph& graph, std::span<const int> nodes, int neighbours)
{
    const int n = static_cast<int>(nodes.size());
    std::vector<std::tuple<int, int, double>> candidates;
    double nearest_sum = 0;
    double longest = 0;
    for (int i = 0; i < n; ++i) {
        SearchLimits limits;
        limits.targets = nodes;
        limits.enough_targets = neighbours + 1;  // the source is one of the targets
        const auto tree = shortest_paths(graph, nodes[at(i)], limits);
        double nearest = unreachable;
        for (int j = 0; j < n; ++j) {
            const double d = tree.distance[at(nodes[at(j)])];
            if (j == i || !(d < unreachable)) continue;
            nearest = std::min(nearest, d);
            longest = std::max(longest, d);
            candidates.emplace_back(std::min(i, j), std::max(i, j), d);
        }
        if (!(nearest < unreachable)) throw std::logic_error("match_odd_nodes: a node has no other node in reach");
        nearest_sum += nearest;
    }
    // A pair found from both ends keeps the value of the search from its smaller index (the first emplaced).
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) {
        return std::tie(std::get<0>(x), std::get<1>(x)) < std::tie(std::get<0>(y), std::get<1>(y));
    });
    candidates.erase(std::unique(candidates.begin(), candidates.end(),
                                 [](const auto& x, const auto& y) {
                                     return std::get<0>(x) == std::get<0>(y) && std::get<1>(x) == std::get<1>(y);
                                 }),
                     candidates.end());

    lemon::ListGraph sparse;
    sparse.reserveNode(n);
    sparse.reserveEdge(static_cast<int>(candidates.size()));
    for (int i = 0; i < n; ++i) sparse.addNode();
    lemon::ListGraph::EdgeMap<double> weight(sparse);
    lemon::ListGraph::EdgeMap<double> distance(sparse);
    const int pairs = n / 2;  // n is even
    const double offset = (pairs + 1) * longest + 1;
    for (const auto& [i, j, d] : candidates) {
        const auto e = sparse.addEdge(sparse.nodeFromId(i), sparse.nodeFromId(j));
        weight[e] = offset - d;
        distance[e] = d;
    }
    lemon::MaxWeightedMatching<lemon::ListGraph, lemon::ListGraph::EdgeMap<double>> matching(sparse, weight);
    matching.run();

    OddPairing result;
    result.restricted = true;
    result.lower_bound = nearest_sum / 2;
    std::vector<char> matched(at(n), 0);
    for (int i = 0; i < n; ++i) {
        const auto e = matching.matching(sparse.nodeFromId(i));
        if (e == lemon::INVALID) continue;
        const int j = sparse.id(sparse.oppositeNode(sparse.nodeFromId(i), e));
        matched[at(i)] = 1;
        if (i < j) {
            result.pairs.emplace_back(nodes[at(i)], nodes[at(j)]);
            result.cost += distance[e];
        }
    }
    std::vector<int> left;
    for (int i = 0; i < n; ++i)
        if (!matched[at(i)]) left.push_back(nodes[at(i)]);
    std::vector<char> taken(left.size(), 0);
    for (std::size_t k = 0; k < left.size(); ++k) {
        if (taken[k]) continue;
        std::vector<int> open;
        for (std::size_t m = k + 1; m < left.size(); ++m)
            if (!taken[m]) open.push_back(left[m]);
        SearchLimits limits;
        limits.targets = open;
        limits.enough_targets = 1;
        const auto tree = shortest_paths(graph, left[k], limits);
        std::size_t best = left.size();
        for (std::size_t m = k + 1; m < left.size(); ++m)
            if (!taken[m] && tree.reached(left[m]) &&
                (best == left.size() || tree.distance[at(left[m])] < tree.distance[at(left[best])]))
                best = m;
        if (best == left.size()) throw std::logic_error("match_odd_nodes: an odd node count per component");
        taken[k] = taken[best] = 1;
        result.pairs.emplace_back(left[k], left[best]);
        result.cost += tree.distance[at(left[best])];
        ++result.fallback_pairs;
    }
    finish(result);
    return result;
}

}  // namespace

double nearest_pair_bound(const ArcGraph& graph, std::span<const int> nodes)
{
    double sum = 0;
    for (int node : nodes) {
        SearchLimits limits;
        limits.targets = nodes;
        limits.enough_targets = 2;  // the node itself and its nearest
        const auto tree = shortest_paths(graph, node, limits);
        double nearest = unreachable;
        for (int other : nodes)
            if (other != node && tree.reached(other)) nearest = std::min(nearest, tree.distance[at(other)]);
        if (nearest < unreachable) sum += nearest;
    }
    return sum / 2;
}

OddPairing match_odd_nodes(const ArcGraph& graph, std::span<const int> nodes, const MatchingLimits& limits)
{
    if (nodes.size() % 2 != 0) throw std::logic_error("match_odd_nodes: an odd number of nodes");
    if (nodes.empty()) {
        OddPairing none;
        none.exact = true;
        return none;
    }
    graph.freeze();
    if (static_cast<int>(nodes.size()) <= limits.full_up_to || static_cast<int>(nodes.size()) <= limits.neighbours + 1)
        return match_all_pairs(graph, nodes);
    return match_neighbours(graph, nodes, limits.neighbours);
}

}  // namespace geo::route::detail
