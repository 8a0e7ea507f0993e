#pragma once
// Conversions between OGR geometries and libgeo's plain types, coordinates unchanged.
#include "libgeo/core/geometry.hpp"

#include <ogr_geometry.h>

#include <string>
#include <vector>

namespace geo {

// Every geometry read from a file becomes one of these, still in the source CRS.
struct SourceGeometry {
    std::vector<Point> points;
    std::vector<LineString> lines;
    MultiPolygon polygons;

    [[nodiscard]] bool empty() const { return points.empty() && lines.empty() && polygons.empty(); }
};

// Flattens any OGR geometry (multi, collections, curves are linearised, Z/M dropped) into points, lines and polygons.
SourceGeometry from_ogr(const OGRGeometry& geometry);

OGRGeometryUniquePtr to_ogr(const Point& p);
OGRGeometryUniquePtr to_ogr(const LineString& line);
OGRGeometryUniquePtr to_ogr(const Polygon& polygon);
OGRGeometryUniquePtr to_ogr(const MultiPolygon& area);
// The geometry a WKT text describes; null when it is empty or not valid WKT.
OGRGeometryUniquePtr ogr_from_wkt(const std::string& wkt);

// Calls f(point&) for every vertex of the source geometry.
template <class F>
void for_each_vertex(SourceGeometry& g, F&& f)
{
    for (auto& p : g.points) f(p);
    for (auto& l : g.lines)
        for (auto& p : l) f(p);
    for (auto& poly : g.polygons) {
        for (auto& p : poly.outer()) f(p);
        for (auto& ring : poly.inners())
            for (auto& p : ring) f(p);
    }
}

}  // namespace geo
