#include "libgeo/route/shortest_paths.hpp"

#include <algorithm>
#include <functional>
#include <queue>
#include <utility>

namespace geo::route {

namespace {

// The edges from `source` to a reached `node`, following each node's last edge back.
std::vector<int> trace_back(const ArcGraph& graph, const std::vector<int>& via_edge, int source, int node)
{
    std::vector<int> edges;
    for (int at = node; at != source;) {
        const int e = via_edge[static_cast<std::size_t>(at)];
        edges.push_back(e);
        at = graph.edge(e).other(at);
    }
    std::reverse(edges.begin(), edges.end());
    return edges;
}

}  // namespace

std::vector<int> ShortestPathTree::path_to(const ArcGraph& graph, int node) const
{
    return reached(node) ? trace_back(graph, via_edge, source, node) : std::vector<int>{};
}

ShortestPathSearch::ShortestPathSearch(const ArcGraph& graph)
    : graph_(&graph),
      distance_(static_cast<std::size_t>(graph.node_count()), unreachable),
      via_edge_(static_cast<std::size_t>(graph.node_count()), -1),
      settled_(static_cast<std::size_t>(graph.node_count()), 0),
      wanted_(static_cast<std::size_t>(graph.node_count()), 0)
{
}

void ShortestPathSearch::run(int source, const SearchLimits& limits)
{
    for (int u : touched_) {
        const auto i = static_cast<std::size_t>(u);
        distance_[i] = unreachable;
        via_edge_[i] = -1;
        settled_[i] = wanted_[i] = 0;
    }
    touched_.clear();
    source_ = source;
    auto touch = [&](int u) { touched_.push_back(u); };

    std::size_t targets_left = 0;
    for (int t : limits.targets)
        if (!wanted_[static_cast<std::size_t>(t)]) {
            wanted_[static_cast<std::size_t>(t)] = 1;
            touch(t);
            ++targets_left;
        }
    if (limits.enough_targets > 0) targets_left = std::min(targets_left, static_cast<std::size_t>(limits.enough_targets));
    const bool stop_at_targets = !limits.targets.empty();

    using Entry = std::pair<double, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    distance_[static_cast<std::size_t>(source)] = 0;
    touch(source);
    queue.emplace(0.0, source);
    while (!queue.empty()) {
        const auto [d, node] = queue.top();
        queue.pop();
        const auto u = static_cast<std::size_t>(node);
        if (settled_[u]) continue;
        settled_[u] = 1;
        if (stop_at_targets && wanted_[u] && --targets_left == 0) break;
        for (int e : graph_->incident(node)) {
            const auto& edge = graph_->edge(e);
            const int next = edge.other(node);
            const double nd = d + edge.length;
            auto& best = distance_[static_cast<std::size_t>(next)];
            if (nd > limits.max_distance || settled_[static_cast<std::size_t>(next)]) continue;
            if (nd < best) {
                if (best == unreachable) touch(next);
                best = nd;
                via_edge_[static_cast<std::size_t>(next)] = e;
                queue.emplace(nd, next);
            }
        }
    }
}

double ShortestPathSearch::distance(int node) const
{
    // Nodes queued but never settled (search stopped at its targets) hold tentative distances: upper bounds only.
    const auto u = static_cast<std::size_t>(node);
    return settled_[u] ? distance_[u] : unreachable;
}

std::vector<int> ShortestPathSearch::path_to(int node) const
{
    return distance(node) < unreachable ? trace_back(*graph_, via_edge_, source_, node) : std::vector<int>{};
}

ShortestPathTree shortest_paths(const ArcGraph& graph, int source, const SearchLimits& limits)
{
    ShortestPathSearch search(graph);
    search.run(source, limits);
    const auto n = static_cast<std::size_t>(graph.node_count());
    ShortestPathTree tree{source, std::vector<double>(n, unreachable), std::vector<int>(n, -1)};
    for (int u : search.touched_) {
        const auto i = static_cast<std::size_t>(u);
        if (!search.settled_[i]) continue;
        tree.distance[i] = search.distance_[i];
        tree.via_edge[i] = search.via_edge_[i];
    }
    return tree;
}

}  // namespace geo::route
