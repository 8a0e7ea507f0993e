#pragma once
// The lines of a sample town noded into a graph the simulated walkers move on: roads, rivers, ditches and ridges,
// split wherever they cross or one ends on another.
#include "libgeo/sample/town.hpp"

#include <cstddef>
#include <vector>

namespace geo::sample {

enum class LineKind { highway, named_road, village_road, field_road, river, ditch, ridge };
inline constexpr std::size_t k_line_kinds = 7;

struct WalkEdge {
    std::size_t from = 0;
    std::size_t to = 0;
    Polyline line;  // from node `from` to node `to`
    double length = 0.0;
    LineKind kind = LineKind::highway;
    std::size_t village = 0;  // holding the edge's midpoint
    bool blocked = false;     // inside the town's dead corner: nobody walks it
};

struct WalkGraph {
    std::vector<Point> nodes;
    std::vector<WalkEdge> edges;
    std::vector<std::vector<std::size_t>> incident;  // per node, the edges touching it
};

WalkGraph build_walk_graph(const Town& town);

}  // namespace geo::sample
