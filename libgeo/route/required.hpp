#pragma once
// What must be walked: walk edges chosen by the plan's `required` option and filters, joined into pieces (chains of
// edges between junctions, or where the reason, walk or village changes). Reasons: "uncovered" (a stretch of line
// nobody walked), "site" (a site's outline nobody walked round), "stale", "all". Access paths and the connectors to
// sites are never required; "hotspot" (a stretch of line inside a hot Gi* cell).
#include "libgeo/core/campaign.hpp"
#include "libgeo/hotspot/analysis.hpp"
#include "libgeo/route/plan.hpp"

namespace geo::route {

// For `uncovered`, the stretches of line required are exactly the coverage's dead corners (the `uncovered` layer:
// uncovered stretches joined where they connect within one village and walk, at least min_dead_corner_m long).
// `hotspot:BIN` reads the hotspot step's cells (hotspots; geo::UsageError when it is null or made no cells).
[[nodiscard]] std::vector<RequiredPiece> required_pieces(const Campaign& campaign,
                                                         const coverage::CoverageResult& coverage,
                                                         const hotspot::HotspotResult* hotspots,
                                                         const WalkGraph& graph, const PlanOptions& options);

}  // namespace geo::route
