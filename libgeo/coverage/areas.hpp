#pragma once
// Area figures from GEOS buffers of the walked tracks: how much of each village lies within W of a walk, and the
// blind areas farther than B from every walk.
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/handles/geos.hpp"

namespace geo::coverage {

// The union of all tracks buffered by distance (empty geometry without tracks).
GeomPtr walked_zone(const GeosContext& ctx, const std::vector<LineString>& tracks, double distance);

// Fills area_m2 and walked_area_m2 of each village.
void village_areas(const GeosContext& ctx, const Campaign& campaign, const std::vector<LineString>& tracks,
                   double village_m, std::vector<VillageCoverage>& out);

// Village land farther than blind_m from every track; with reach_m > 0 only land within reach_m of the network
// or a site. Largest first.
std::vector<BlindArea> blind_areas(const GeosContext& ctx, const Campaign& campaign,
                                   const std::vector<LineString>& tracks, double blind_m, double reach_m);

}  // namespace geo::coverage
