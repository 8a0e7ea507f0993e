#pragma once
// Where team-days start and end (PlanOptions::depot): each village's committee site (or its centre), a named site,
// or a point; each snapped to the nearest walk-graph node, with the distance recorded.
#include "libgeo/core/campaign.hpp"
#include "libgeo/route/plan.hpp"

namespace geo::route {

// Throws geo::InputError for an unknown site (naming the sites there are), geo::UsageError for a malformed point.
// With depot = "village", villages without any network have no depot (their pieces are unreachable anyway).
[[nodiscard]] std::vector<Depot> resolve_depots(const Campaign& campaign, const WalkGraph& graph,
                                                const PlanOptions& options);

}  // namespace geo::route
