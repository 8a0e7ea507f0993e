#pragma once
// Exact conversions between libgeo's Boost.Geometry types and GEOS geometries (coordinates copied, never rounded).
#include "libgeo/core/geometry.hpp"
#include "libgeo/handles/geos.hpp"

namespace geo {

GeomPtr to_geos(const GeosContext& ctx, const Point& p);
GeomPtr to_geos(const GeosContext& ctx, const LineString& line);
GeomPtr to_geos(const GeosContext& ctx, const MultiPolygon& area);

// Keeps the polygonal parts of any GEOS geometry (points and lines of a collection are dropped).
MultiPolygon polygons_from_geos(const GeosContext& ctx, const GEOSGeometry* g);
// Keeps the linear parts.
std::vector<LineString> lines_from_geos(const GeosContext& ctx, const GEOSGeometry* g);

}  // namespace geo
