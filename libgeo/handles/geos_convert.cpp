#include "libgeo/handles/geos_convert.hpp"

#include "libgeo/core/error.hpp"

#include <vector>

namespace geo {

namespace {

template <class Range>
GEOSCoordSequence* sequence(const GeosContext& ctx, const Range& points)
{
    std::vector<double> xy;
    xy.reserve(points.size() * 2);
    for (const auto& p : points) {
        xy.push_back(p.x());
        xy.push_back(p.y());
    }
    GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(ctx, xy.data(), points.size(), 0, 0);
    if (!seq) throw Error("GEOS could not build a coordinate sequence: " + ctx.last_error());
    return seq;
}

template <class Ring>
void read_sequence(const GeosContext& ctx, const GEOSGeometry* g, Ring& out)
{
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, g);
    unsigned int size = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx, seq, &size)) throw Error("GEOS returned a geometry without coordinates");
    std::vector<double> xy(static_cast<std::size_t>(size) * 2);
    if (size > 0 && !GEOSCoordSeq_copyToBuffer_r(ctx, seq, xy.data(), 0, 0)) throw Error("GEOS could not copy coordinates");
    out.clear();
    out.reserve(size);
    for (unsigned int i = 0; i < size; ++i) out.emplace_back(xy[2 * i], xy[2 * i + 1]);
}

GEOSGeometry* ring(const GeosContext& ctx, const Polygon::ring_type& r)
{
    GEOSGeometry* g = GEOSGeom_createLinearRing_r(ctx, sequence(ctx, r));
    if (!g) throw Error("GEOS rejected a polygon ring: " + ctx.last_error());
    return g;
}

void collect_polygons(const GeosContext& ctx, const GEOSGeometry* g, MultiPolygon& out)
{
    const int type = GEOSGeomTypeId_r(ctx, g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(ctx, g) == 1) return;
        Polygon p;
        read_sequence(ctx, GEOSGetExteriorRing_r(ctx, g), p.outer());
        const int holes = GEOSGetNumInteriorRings_r(ctx, g);
        for (int i = 0; i < holes; ++i) {
            p.inners().emplace_back();
            read_sequence(ctx, GEOSGetInteriorRingN_r(ctx, g, i), p.inners().back());
        }
        bg::correct(p);
        out.push_back(std::move(p));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx, g);
        for (int i = 0; i < n; ++i) collect_polygons(ctx, GEOSGetGeometryN_r(ctx, g, i), out);
    }
}

void collect_lines(const GeosContext& ctx, const GEOSGeometry* g, std::vector<LineString>& out)
{
    const int type = GEOSGeomTypeId_r(ctx, g);
    if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
        LineString line;
        read_sequence(ctx, g, line);
        if (!line.empty()) out.push_back(std::move(line));
    } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx, g);
        for (int i = 0; i < n; ++i) collect_lines(ctx, GEOSGetGeometryN_r(ctx, g, i), out);
    }
}

}  // namespace

GeomPtr to_geos(const GeosContext& ctx, const Point& p)
{
    return own(ctx, GEOSGeom_createPointFromXY_r(ctx, p.x(), p.y()), "create point");
}

GeomPtr to_geos(const GeosContext& ctx, const LineString& line)
{
    return own(ctx, GEOSGeom_createLineString_r(ctx, sequence(ctx, line)), "create line");
}

GeomPtr to_geos(const GeosContext& ctx, const MultiPolygon& area)
{
    std::vector<GEOSGeometry*> parts;
    try {
        for (const auto& poly : area) {
            GeomPtr shell = own(ctx, ring(ctx, poly.outer()), "create ring");
            std::vector<GeomPtr> holes;
            for (const auto& inner : poly.inners()) holes.push_back(own(ctx, ring(ctx, inner), "create ring"));
            std::vector<GEOSGeometry*> raw_holes;
            for (auto& h : holes) raw_holes.push_back(h.release());  // the polygon takes ownership below
            GEOSGeometry* p = GEOSGeom_createPolygon_r(ctx, shell.release(), raw_holes.data(),
                                                       static_cast<unsigned int>(raw_holes.size()));
            parts.push_back(own(ctx, p, "create polygon").release());
        }
    } catch (...) {
        for (GEOSGeometry* p : parts) GEOSGeom_destroy_r(ctx, p);
        throw;
    }
    return own(ctx,
               GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned int>(parts.size())),
               "create multipolygon");
}

MultiPolygon polygons_from_geos(const GeosContext& ctx, const GEOSGeometry* g)
{
    MultiPolygon out;
    collect_polygons(ctx, g, out);
    return out;
}

std::vector<LineString> lines_from_geos(const GeosContext& ctx, const GEOSGeometry* g)
{
    std::vector<LineString> out;
    collect_lines(ctx, g, out);
    return out;
}

}  // namespace geo
