#include "libgeo/route/arc_graph.hpp"

#include <stdexcept>

namespace geo::route {

ArcGraph::ArcGraph(int node_count) : m_node_count(node_count) {}

int ArcGraph::add_node()
{
    m_built = false;
    return m_node_count++;
}

int ArcGraph::add_edge(int a, int b, double length)
{
    if (a < 0 || b < 0 || a >= m_node_count || b >= m_node_count)
        throw std::logic_error("ArcGraph::add_edge: node out of range");
    m_built = false;
    m_edges.push_back({a, b, length});
    return static_cast<int>(m_edges.size()) - 1;
}

void ArcGraph::freeze() const
{
    if (m_built) return;
    m_first.assign(static_cast<std::size_t>(m_node_count) + 1, 0);
    for (const auto& e : m_edges) {
        ++m_first[static_cast<std::size_t>(e.a) + 1];
        ++m_first[static_cast<std::size_t>(e.b) + 1];
    }
    for (std::size_t i = 1; i < m_first.size(); ++i) m_first[i] += m_first[i - 1];
    m_incident.assign(static_cast<std::size_t>(m_first.back()), 0);
    std::vector<int> fill(m_first.begin(), m_first.end() - 1);
    for (int id = 0; id < edge_count(); ++id) {
        const auto& e = m_edges[static_cast<std::size_t>(id)];
        m_incident[static_cast<std::size_t>(fill[static_cast<std::size_t>(e.a)]++)] = id;
        m_incident[static_cast<std::size_t>(fill[static_cast<std::size_t>(e.b)]++)] = id;
    }
    m_built = true;
}

std::span<const int> ArcGraph::incident(int node) const
{
    freeze();
    const auto from = static_cast<std::size_t>(m_first[static_cast<std::size_t>(node)]);
    const auto to = static_cast<std::size_t>(m_first[static_cast<std::size_t>(node) + 1]);
    return {m_incident.data() + from, to - from};
}

}  // namespace geo::route
