#include "libgeo/route/shortest_paths.hpp"

#include <algorithm>
#include <functional>
#include <queue>
#include <utility>

namespace geo::route {

std::vector<int> ShortestPathTree::path_to(const ArcGraph& graph, int node) const
{
    std::vector<int> edges;
    if (!reached(node)) return edges;
    for (int at = node; at != source;) {
        const int e = via_edge[static_cast<std::size_t>(at)];
        edges.push_back(e);
        at = graph.edge(e).other(at);
    }
    std::reverse(edges.begin(), edges.end());
    return edges;
}

ShortestPathTree shortest_paths(const ArcGraph& graph, int source, const SearchLimits& limits)
{
    const auto n = static_cast<std::size_t>(graph.node_count());
    ShortestPathTree tree{source, std::vector<double>(n, unreachable), std::vector<int>(n, -1)};
    std::vector<char> settled(n, 0);
    std::vector<char> wanted;
    std::size_t targets_left = 0;
    if (!limits.targets.empty()) {
        wanted.assign(n, 0);
        for (int t : limits.targets)
            if (!wanted[static_cast<std::size_t>(t)]) {
                wanted[static_cast<std::size_t>(t)] = 1;
                ++targets_left;
            }
        if (limits.enough_targets > 0)
            targets_left = std::min(targets_left, static_cast<std::size_t>(limits.enough_targets));
    }
    using Entry = std::pair<double, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    tree.distance[static_cast<std::size_t>(source)] = 0;
    queue.emplace(0.0, source);
    while (!queue.empty()) {
        const auto [d, node] = queue.top();
        queue.pop();
        const auto u = static_cast<std::size_t>(node);
        if (settled[u]) continue;
        settled[u] = 1;
        if (!wanted.empty() && wanted[u] && --targets_left == 0) break;
        for (int e : graph.incident(node)) {
            const auto& edge = graph.edge(e);
            const int next = edge.other(node);
            const double nd = d + edge.length;
            auto& best = tree.distance[static_cast<std::size_t>(next)];
            if (nd > limits.max_distance || settled[static_cast<std::size_t>(next)]) continue;
            if (nd < best) {
                best = nd;
                tree.via_edge[static_cast<std::size_t>(next)] = e;
                queue.emplace(nd, next);
            }
        }
    }
    // Nodes queued but never settled (search stopped at its targets) keep tentative distances: upper bounds only.
    for (std::size_t u = 0; u < n; ++u)
        if (!settled[u]) {
            tree.distance[u] = unreachable;
            tree.via_edge[u] = -1;
        }
    return tree;
}

}  // namespace geo::route
