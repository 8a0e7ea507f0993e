#pragma once
// What must be walked: walk edges chosen by the plan's `required` option and filters, joined into pieces (chains of
// edges between junctions, or where the reason, walk or village changes).
#include "libgeo/core/campaign.hpp"
#include "libgeo/route/plan.hpp"

namespace geo::route {

// min_piece_m: for `uncovered`, uncovered stretches joined where they connect within one village and walk are kept
// when at least this long (coverage's min_dead_corner_m, so the pieces are those of the `uncovered` layer).
[[nodiscard]] std::vector<RequiredPiece> required_pieces(const Campaign& campaign, const WalkGraph& graph,
                                                         const PlanOptions& options, double min_piece_m);

}  // namespace geo::route
