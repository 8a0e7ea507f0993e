#include "libgeo/route/postman_join.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <limits>
#include <numeric>
#include <queue>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace geo::route::detail {
namespace {

std::size_t at(int i) { return static_cast<std::size_t>(i); }

class DisjointSets {
public:
    explicit DisjointSets(int n) : m_parent(at(n)) { std::iota(m_parent.begin(), m_parent.end(), 0); }
    int find(int x)
    {
        while (m_parent[at(x)] != x) {
            m_parent[at(x)] = m_parent[at(m_parent[at(x)])];
            x = m_parent[at(x)];
        }
        return x;
    }
    // Joins the sets of a and b; false when they were one already. The smaller root stays the root.
    bool join(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a == b) return false;
        if (b < a) std::swap(a, b);
        m_parent[at(b)] = a;
        return true;
    }

private:
    std::vector<int> m_parent;
};

// Whether the edges with copies, without `skip`, still connect every node they touch to `start` (skip's own ends
// may drop out of the walk: they were reached for nothing else).
bool connected_without(const ArcGraph& graph, std::span<const int> support, const std::vector<int>& copies, int skip,
                       int start)
{
    DisjointSets sets(graph.node_count());
    for (int e : support)
        if (e != skip && copies[at(e)] > 0) sets.join(graph.edge(e).a, graph.edge(e).b);
    const int root = sets.find(start);
    for (int e : support)
        if (e != skip && copies[at(e)] > 0 && sets.find(graph.edge(e).a) != root) return false;
    return true;
}

}  // namespace

Pieces find_pieces(const ArcGraph& graph, std::span<const char> planned, int start)
{
    DisjointSets sets(graph.node_count());
    std::vector<char> touched(at(graph.node_count()), 0);
    touched[at(start)] = 1;
    for (int e = 0; e < graph.edge_count(); ++e)
        if (planned[at(e)]) {
            const auto& edge = graph.edge(e);
            touched[at(edge.a)] = touched[at(edge.b)] = 1;
            sets.join(edge.a, edge.b);
        }
    Pieces pieces;
    pieces.of_node.assign(at(graph.node_count()), -1);
    std::vector<int> piece_of_root(at(graph.node_count()), -1);
    for (int v = 0; v < graph.node_count(); ++v) {
        if (!touched[at(v)]) continue;
        auto& piece = piece_of_root[at(sets.find(v))];
        if (piece < 0) piece = pieces.count++;
        pieces.of_node[at(v)] = piece;
    }
    return pieces;
}

double join_pieces(const ArcGraph& graph, const Pieces& pieces, std::vector<int>& copies)
{
    graph.freeze();
    const auto n = at(graph.node_count());
    std::vector<double> distance(n, std::numeric_limits<double>::infinity());
    std::vector<int> label(n, -1);
    std::vector<int> via(n, -1);
    std::vector<char> settled(n, 0);
    using Entry = std::pair<double, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    for (int v = 0; v < graph.node_count(); ++v)
        if (pieces.of_node[at(v)] >= 0) {
            distance[at(v)] = 0;
            label[at(v)] = pieces.of_node[at(v)];
            queue.emplace(0.0, v);
        }
    while (!queue.empty()) {
        const auto [d, v] = queue.top();
        queue.pop();
        if (settled[at(v)]) continue;
        settled[at(v)] = 1;
        for (int e : graph.incident(v)) {
            const int w = graph.edge(e).other(v);
            const double nd = d + graph.edge(e).length;
            if (settled[at(w)] || !(nd < distance[at(w)])) continue;
            distance[at(w)] = nd;
            label[at(w)] = label[at(v)];
            via[at(w)] = e;
            queue.emplace(nd, w);
        }
    }
    // Boundary edges: (length of the path piece - a - b - piece, edge), in a fixed order.
    std::vector<std::pair<double, int>> boundary;
    for (int e = 0; e < graph.edge_count(); ++e) {
        const auto& edge = graph.edge(e);
        const int la = label[at(edge.a)];
        const int lb = label[at(edge.b)];
        if (la >= 0 && lb >= 0 && la != lb)
            boundary.emplace_back(distance[at(edge.a)] + edge.length + distance[at(edge.b)], e);
    }
    std::sort(boundary.begin(), boundary.end());
    DisjointSets joined(pieces.count);
    double tree_length = 0;
    int joins = 0;
    for (const auto& [length, e] : boundary) {
        const auto& edge = graph.edge(e);
        if (!joined.join(label[at(edge.a)], label[at(edge.b)])) continue;
        tree_length += length;
        ++copies[at(e)];
        for (int end : {edge.a, edge.b})
            for (int v = end; via[at(v)] >= 0; v = graph.edge(via[at(v)]).other(v)) ++copies[at(via[at(v)])];
        if (++joins == pieces.count - 1) break;
    }
    if (joins != pieces.count - 1) throw std::logic_error("join_pieces: pieces in different components");
    return tree_length;
}

double drop_redundant_copies(const ArcGraph& graph, std::span<const char> planned, std::vector<int>& copies,
                             int start)
{
    double removed = 0;
    std::vector<int> support;
    for (int e = 0; e < graph.edge_count(); ++e) {
        auto& c = copies[at(e)];
        if (c >= 3) {
            const int keep = c % 2 == 0 ? 2 : 1;
            removed += (c - keep) * graph.edge(e).length;
            c = keep;
        }
        if (c > 0) support.push_back(e);
    }
    std::vector<int> pairs;
    for (int e : support)
        if (!planned[at(e)] && copies[at(e)] == 2) pairs.push_back(e);
    std::stable_sort(pairs.begin(), pairs.end(),
                     [&](int x, int y) { return graph.edge(x).length > graph.edge(y).length; });
    // Each check costs about (nodes + support edges); stop trying once the checks would pass ~50 M steps.
    const double check_cost = static_cast<double>(graph.node_count()) + static_cast<double>(support.size());
    const auto budget = static_cast<std::size_t>(std::max(1.0, 5e7 / std::max(1.0, check_cost)));
    if (pairs.size() > budget) pairs.resize(budget);
    for (int e : pairs) {
        if (!(graph.edge(e).length > 0)) continue;
        if (connected_without(graph, support, copies, e, start)) {
            copies[at(e)] = 0;
            removed += 2 * graph.edge(e).length;
        }
    }
    return removed;
}

}  // namespace geo::route::detail
