#pragma once
// Validity of polygons and lines, repaired with GEOS MakeValid where a repair keeps the meaning.
#include "libgeo/core/geometry.hpp"
#include "libgeo/handles/geos.hpp"

#include <string>

namespace geo::normalise {

struct Repair {
    bool was_invalid = false;
    std::string why;  // GEOS's reason, e.g. "Self-intersection[x y]"
};

// Makes area valid in place (self-intersections, bow-ties, wrong ring order); area may become empty.
Repair repair_polygons(const GeosContext& ctx, MultiPolygon& area);

// Drops consecutive repeated vertices; returns false when fewer than two distinct vertices remain.
bool clean_line(LineString& line);

}  // namespace geo::normalise
