#pragma once
// The walk plan (`geowalk plan`, part of `geowalk run` when the campaign has [plan]): what must be walked, cut into
// team-days from depots, as closed routes with the walking in between, turn instructions, and what could not be
// reached. No I/O.
#include "libgeo/core/campaign.hpp"
#include "libgeo/core/progress.hpp"
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/hotspot/analysis.hpp"
#include "libgeo/route/options.hpp"
#include "libgeo/route/walk_graph.hpp"

#include <string>
#include <vector>

namespace geo::route {

// One required piece: a chain of walk edges between junctions that must be walked.
struct RequiredPiece {
    std::vector<int> edges;  // walk edges, in order along the chain
    int from_node = 0, to_node = 0;
    double length_m = 0;
    std::string reason;      // "uncovered", "stale", "all"
    Category category = Category::village_road;
    int village = -1;
    int depot = -1;          // the depot that plans it (-1: unreachable)
    int route = -1;          // index into PlanResult::routes; -1 when unreachable
};

struct Depot {
    std::string name;       // a site's name, a village's name, or "X,Y"
    Point requested;        // where it was asked to be
    int node = -1;          // the walk-graph node it starts from
    double snap_m = 0;      // from `requested` to that node
    int village = -1;       // for depot = village
};

// One pass of a route over a walk edge.
struct RouteLeg {
    int edge = 0;
    bool forward = true;   // from edge.a to edge.b
    bool serves = false;   // this pass walks a required piece (deadhead otherwise)
};

// A turn point: where the walker changes line, with a plain instruction.
struct RouteStop {
    int sequence = 0;
    Point at;
    std::string text_zh, text_en;
    double from_start_m = 0;
};

struct PlanRoute {
    int team = 1, day = 1;         // numbered from 1
    int depot = 0;
    std::vector<RouteLeg> legs;    // depot back to depot
    std::vector<RouteStop> stops;
    double total_m = 0, required_m = 0, deadhead_m = 0;
    double hours = 0;              // total_m at walk_kmh
    std::vector<int> villages;     // touched, sorted
    std::vector<int> pieces;       // indices into PlanResult::pieces, in the order served
    bool over_limit = false;       // a single piece whose way there and back exceeds max_km
    [[nodiscard]] LineString geometry(const WalkGraph& graph) const;
};

struct Unreachable {
    int piece = 0;
    std::string reason;
    double nearest_m = 0;  // from the piece to the nearest network reachable from its depot (inf: no depot at all)
};

struct PlanResult {
    PlanOptions options;
    WalkGraph graph;
    std::vector<Depot> depots;
    std::vector<RequiredPiece> pieces;
    std::vector<PlanRoute> routes;       // by team, then day
    std::vector<Unreachable> unreachable;
    double total_m = 0, required_m = 0, deadhead_m = 0;
    double lower_bound_m = 0;            // no plan over the same pieces from the same depots walks less
    double greedy_m = 0;                 // the "walk to the nearest unwalked piece" baseline, same limits
    bool optimal = false;                // one walker: the closed walk is proven shortest
    std::string method;                  // "postman" or "routes"
    bool stopped_by_time = false;        // the route search hit time_limit_s
    [[nodiscard]] int teams_used() const;
};

// Throws geo::UsageError for invalid options, geo::InputError for an unknown depot site (naming the sites there are).
// hotspots: the hotspot step's result, needed for --required hotspot:BIN only.
PlanResult analyse(const Campaign& campaign, const coverage::CoverageResult& coverage, const PlanOptions& options,
                   Progress progress = {}, const hotspot::HotspotResult* hotspots = nullptr);

}  // namespace geo::route
