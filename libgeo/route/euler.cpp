#include "libgeo/route/euler.hpp"

#include <algorithm>
#include <cstddef>
#include <stdexcept>

namespace geo::route::detail {
namespace {

std::size_t at(int i) { return static_cast<std::size_t>(i); }

}  // namespace

std::vector<Step> euler_circuit(const ArcGraph& graph, std::span<const int> copies, int start)
{
    if (copies.size() != static_cast<std::size_t>(graph.edge_count()))
        throw std::logic_error("euler_circuit: one copy count per edge expected");
    // The copies as items 0..m-1 (an edge's copies numbered together, edges in order), and per node the items at it
    // in CSR form; a loop's item appears twice at its node.
    std::vector<int> item_edge;
    for (int e = 0; e < graph.edge_count(); ++e)
        for (int c = 0; c < copies[at(e)]; ++c) item_edge.push_back(e);
    const auto n = at(graph.node_count());
    std::vector<int> first(n + 1, 0);
    for (int e : item_edge) {
        ++first[at(graph.edge(e).a) + 1];
        ++first[at(graph.edge(e).b) + 1];
    }
    for (std::size_t v = 0; v < n; ++v)
        if ((first[v + 1] % 2) != 0) throw std::logic_error("euler_circuit: a node of odd degree");
    for (std::size_t v = 1; v <= n; ++v) first[v] += first[v - 1];
    std::vector<int> incident(at(first[n]));
    std::vector<int> fill(first.begin(), first.end() - 1);
    for (int item = 0; item < static_cast<int>(item_edge.size()); ++item) {
        const auto& edge = graph.edge(item_edge[at(item)]);
        incident[at(fill[at(edge.a)]++)] = item;
        incident[at(fill[at(edge.b)]++)] = item;
    }

    std::vector<Step> circuit;
    circuit.reserve(item_edge.size());
    if (item_edge.empty()) return circuit;
    std::vector<char> used(item_edge.size(), 0);
    std::vector<int> next(first.begin(), first.end() - 1);  // per node: the first incidence not yet looked at
    struct Frame {
        int node;
        int item;  // the item walked to reach `node`, -1 at the bottom
        bool forward;
    };
    std::vector<Frame> stack{{start, -1, true}};
    while (!stack.empty()) {
        const int v = stack.back().node;
        auto& k = next[at(v)];
        while (k < first[at(v) + 1] && used[at(incident[at(k)])]) ++k;
        if (k < first[at(v) + 1]) {
            const int item = incident[at(k)];
            used[at(item)] = 1;
            const auto& edge = graph.edge(item_edge[at(item)]);
            const bool forward = edge.a == v;
            stack.push_back({forward ? edge.b : edge.a, item, forward});
        } else {
            const Frame top = stack.back();
            stack.pop_back();
            if (top.item >= 0) circuit.push_back({item_edge[at(top.item)], top.forward, false});
        }
    }
    if (circuit.size() != item_edge.size())
        throw std::logic_error("euler_circuit: the edges are not all connected to the start");
    std::reverse(circuit.begin(), circuit.end());
    return circuit;
}

}  // namespace geo::route::detail
