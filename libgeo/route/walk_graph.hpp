#pragma once
// The walk graph: the campaign's network (the coverage's stretches, one per line and village) as nodes where lines
// meet and edges between them, each edge one covered or uncovered piece of one stretch, so that "what must be walked"
// is a set of edges. [[access]] paths join it as edges that may be walked but are never required; each area site's
// outline is a loop joined to the nearest node by a straight connector, so a site not walked round can be required. Lines meet where they share a vertex, where a line's end lies within snap_m of another line's
// vertex (each such join is recorded), and, with node_crossings, where two lines cross. A crossing without a shared
// vertex is otherwise a bridge, culvert or overpass: no junction.
#include "libgeo/core/campaign.hpp"
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/route/arc_graph.hpp"

#include <string>
#include <vector>

namespace geo::route {

struct WalkEdge {
    int a = 0;  // nodes; geometry runs from a to b
    int b = 0;
    LineString geometry;
    double length_m = 0;
    int stretch = -1;            // index into CoverageResult::lines (-1: an access path or a site)
    int line = -1;               // index into Campaign::network, or into Campaign::access when `access`
    bool access = false;         // an [[access]] path: walkable, never required
    int site = -1;               // index into Campaign::sites: its outline (a loop) or the connector to it
    bool connector = false;      // the straight way from the network to a site's outline
    double from_m = 0, to_m = 0; // interval along the stretch
    Category category = Category::village_road;
    int village = -1;
    bool covered = false;
    double last_walked = no_time;  // latest pass within sight (NaN: never, or tracks without times)
};

struct SnapDecision {
    Point end;             // the line end that was moved
    Point onto;            // the vertex it joined
    double distance_m = 0;
    int line = 0;          // index into Campaign::network (Campaign::access when access) of the line whose end moved
    bool access = false;
};

struct WalkGraph {
    std::vector<Point> nodes;
    std::vector<WalkEdge> edges;
    ArcGraph arcs;                   // the same nodes and edges, lengths in metres
    std::vector<int> component;      // per node: its connected piece, numbered from 0 by first node
    int components = 0;
    int dangling_ends = 0;           // nodes of degree 1: dead ends of the network (or gaps wider than snap_m)
    int crossings_noded = 0;         // junctions made at crossings (node_crossings)
    std::vector<SnapDecision> snaps;
};

struct WalkGraphOptions {
    double snap_m = 1;
    bool node_crossings = false;
};

[[nodiscard]] WalkGraph build_walk_graph(const Campaign& campaign, const coverage::CoverageResult& coverage,
                                         const WalkGraphOptions& options);

}  // namespace geo::route
