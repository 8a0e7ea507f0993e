#pragma once
// The baseline a plan must beat: from the depot, always walk to the nearest end of a piece not yet walked, walk the
// piece, and go back to the depot when the next piece would not fit the day (the same limits as the plan).
#include "libgeo/route/carp.hpp"
#include "libgeo/route/plan.hpp"

#include <map>

namespace geo::route {

// distance: between the matrix nodes (index 0 the depot); index_of: walk-graph node -> matrix index.
[[nodiscard]] double greedy_length(const DistanceMatrix& distance, const PlanResult& plan, const std::vector<int>& pieces,
                                   const std::map<int, int>& index_of);

}  // namespace geo::route
