#pragma once
// An Euler circuit of a multigraph given as copy counts of a network's edges (Hierholzer's algorithm, iterative, so
// a walk of millions of steps needs no deep stack).
#include "libgeo/route/arc_graph.hpp"
#include "libgeo/route/postman.hpp"

#include <span>
#include <vector>

namespace geo::route::detail {

// copies: per edge of `graph`, how many times the circuit walks it. Every node must have even degree (a loop counts
// twice) and the edges with copies must be connected to `start` (else std::logic_error). Steps come out with
// serves = false. Deterministic: at every node the circuit leaves by the lowest-numbered unused copy.
[[nodiscard]] std::vector<Step> euler_circuit(const ArcGraph& graph, std::span<const int> copies, int start);

}  // namespace geo::route::detail
