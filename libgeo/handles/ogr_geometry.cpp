#include "libgeo/handles/ogr_geometry.hpp"

namespace geo {

namespace {

template <class Ring>
void read_ring(const OGRLinearRing& in, Ring& out)
{
    out.reserve(static_cast<std::size_t>(in.getNumPoints()));
    for (int i = 0; i < in.getNumPoints(); ++i) out.emplace_back(in.getX(i), in.getY(i));
}

void collect(const OGRGeometry& g, SourceGeometry& out)
{
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbPoint: {
        const auto& p = *g.toPoint();
        if (!p.IsEmpty()) out.points.emplace_back(p.getX(), p.getY());
        break;
    }
    case wkbLineString: {
        const auto& l = *g.toLineString();
        LineString line;
        line.reserve(static_cast<std::size_t>(l.getNumPoints()));
        for (int i = 0; i < l.getNumPoints(); ++i) line.emplace_back(l.getX(i), l.getY(i));
        if (!line.empty()) out.lines.push_back(std::move(line));
        break;
    }
    case wkbPolygon: {
        const auto& poly = *g.toPolygon();
        if (poly.IsEmpty()) break;
        Polygon p;
        read_ring(*poly.getExteriorRing(), p.outer());
        for (int i = 0; i < poly.getNumInteriorRings(); ++i) {
            p.inners().emplace_back();
            read_ring(*poly.getInteriorRing(i), p.inners().back());
        }
        bg::correct(p);
        out.polygons.push_back(std::move(p));
        break;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *g.toGeometryCollection()) collect(*part, out);
        break;
    default:
        // TINs, polyhedral surfaces and triangles are polygons to us (getLinearGeometry keeps their type);
        // curves are linearised once. Then the plain form is read.
        if (const auto type = wkbFlatten(g.getGeometryType());
            type == wkbTIN || type == wkbPolyhedralSurface || type == wkbTriangle) {
            OGRGeometryUniquePtr polygons(OGRGeometryFactory::forceToMultiPolygon(g.clone()));
            if (polygons && wkbFlatten(polygons->getGeometryType()) == wkbMultiPolygon) collect(*polygons, out);
        } else if (g.hasCurveGeometry() || type > wkbGeometryCollection) {
            OGRGeometryUniquePtr linear(g.getLinearGeometry());
            if (linear && wkbFlatten(linear->getGeometryType()) != type) collect(*linear, out);
        }
        break;
    }
}

}  // namespace

SourceGeometry from_ogr(const OGRGeometry& geometry)
{
    SourceGeometry out;
    collect(geometry, out);
    return out;
}

OGRGeometryUniquePtr to_ogr(const Point& p) { return OGRGeometryUniquePtr(new OGRPoint(p.x(), p.y())); }

OGRGeometryUniquePtr to_ogr(const LineString& line)
{
    auto out = std::make_unique<OGRLineString>();
    out->setNumPoints(static_cast<int>(line.size()), FALSE);
    for (std::size_t i = 0; i < line.size(); ++i) out->setPoint(static_cast<int>(i), line[i].x(), line[i].y());
    return OGRGeometryUniquePtr(out.release());
}

namespace {

std::unique_ptr<OGRPolygon> polygon_of(const Polygon& poly)
{
    auto ring_of = [](const auto& ring) {
        auto r = std::make_unique<OGRLinearRing>();
        r->setNumPoints(static_cast<int>(ring.size()), FALSE);
        for (std::size_t i = 0; i < ring.size(); ++i) r->setPoint(static_cast<int>(i), ring[i].x(), ring[i].y());
        return r;
    };
    // Boost rings are clockwise; write counter-clockwise exteriors and clockwise holes (the OGC/RFC 7946 habit).
    auto p = std::make_unique<OGRPolygon>();
    auto outer = ring_of(poly.outer());
    if (outer->isClockwise()) outer->reverseWindingOrder();
    p->addRingDirectly(outer.release());
    for (const auto& inner : poly.inners()) {
        auto r = ring_of(inner);
        if (!r->isClockwise()) r->reverseWindingOrder();
        p->addRingDirectly(r.release());
    }
    return p;
}

}  // namespace

OGRGeometryUniquePtr to_ogr(const Polygon& poly) { return OGRGeometryUniquePtr(polygon_of(poly).release()); }

OGRGeometryUniquePtr to_ogr(const MultiPolygon& area)
{
    auto out = std::make_unique<OGRMultiPolygon>();
    for (const auto& poly : area) out->addGeometryDirectly(polygon_of(poly).release());
    return OGRGeometryUniquePtr(out.release());
}

OGRGeometryUniquePtr ogr_from_wkt(const std::string& wkt)
{
    if (wkt.empty()) return nullptr;
    OGRGeometry* made = nullptr;
    const OGRErr err = OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &made);
    OGRGeometryUniquePtr owned(made);  // owned before anything else can happen, whatever err says
    if (err != OGRERR_NONE) return nullptr;
    return owned;
}

}  // namespace geo
