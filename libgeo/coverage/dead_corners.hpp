#pragma once
// Dead corners (死角): uncovered network stretches, joined where they connect within one village and walk,
// kept when at least min_length_m long, each with its distance from the nearest walked point.
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/handles/geos.hpp"

namespace geo::coverage {

std::vector<DeadCorner> dead_corners(const GeosContext& ctx, const std::vector<LineCoverage>& lines,
                                     const TrackIndex& tracks, double min_length_m);

}  // namespace geo::coverage
