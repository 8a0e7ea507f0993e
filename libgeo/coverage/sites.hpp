#pragma once
// "Walk the four sides": how much of each site's outline was walked within sight, and whether point sites were visited.
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/handles/geos.hpp"

namespace geo::coverage {

SiteCoverage cover_site(const GeosContext& ctx, const Campaign& campaign, std::size_t site, double sight,
                        const TrackIndex& tracks);

}  // namespace geo::coverage
