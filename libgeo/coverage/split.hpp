#pragma once
// Cuts every network line at village boundaries, so coverage can be reported per village and walk.
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/handles/geos.hpp"

namespace geo::coverage {

// One LineCoverage per (line, village) stretch, pieces still empty; stretches outside every village get -1.
// Lengths add up to the line's length (up to floating point).
std::vector<LineCoverage> split_by_villages(const GeosContext& ctx, const Campaign& campaign);

// The village whose area contains most of the geometry's representative point (point-on-surface), or -1.
int village_of(const GeosContext& ctx, const Campaign& campaign, const GEOSGeometry* g);

}  // namespace geo::coverage
