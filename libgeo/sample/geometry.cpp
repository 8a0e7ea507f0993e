#include "libgeo/sample/geometry.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/sample/random.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace geo::sample {

namespace {

constexpr double two_pi = 2.0 * std::numbers::pi;

GEOSCoordSequence* make_sequence(const GeosContext& ctx, const std::vector<Point>& points)
{
    std::vector<double> buffer;
    buffer.reserve(points.size() * 2);
    for (const Point& p : points) {
        buffer.push_back(p.x);
        buffer.push_back(p.y);
    }
    GEOSCoordSequence* seq =
        GEOSCoordSeq_copyFromBuffer_r(ctx, buffer.data(), static_cast<unsigned>(points.size()), 0, 0);
    if (!seq) throw Error("GEOS coordinate sequence failed: " + ctx.last_error());
    return seq;
}

std::vector<Point> read_sequence(const GeosContext& ctx, const GEOSGeometry* g)
{
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, g);
    unsigned size = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx, seq, &size)) throw Error("GEOS coordinates failed: " + ctx.last_error());
    std::vector<double> buffer(std::size_t{size} * 2);
    if (size > 0 && !GEOSCoordSeq_copyToBuffer_r(ctx, seq, buffer.data(), 0, 0))
        throw Error("GEOS coordinates failed: " + ctx.last_error());
    std::vector<Point> points(size);
    for (unsigned i = 0; i < size; ++i) points[i] = {buffer[2 * i], buffer[2 * i + 1]};
    return points;
}

Ring closed(Ring ring)
{
    if (!ring.empty() && !(ring.front() == ring.back())) ring.push_back(ring.front());
    return ring;
}

}  // namespace

double distance(Point a, Point b) { return std::hypot(b.x - a.x, b.y - a.y); }

double length(const Polyline& line)
{
    double sum = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) sum += distance(line[i - 1], line[i]);
    return sum;
}

double ring_area(const Ring& ring)
{
    double twice = 0.0;
    for (std::size_t i = 1; i < ring.size(); ++i)
        twice += ring[i - 1].x * ring[i].y - ring[i].x * ring[i - 1].y;
    return std::abs(twice) / 2.0;
}

double area(const MultiPolygon& polygons)
{
    double sum = 0.0;
    for (const Polygon& p : polygons) {
        sum += ring_area(p.outer);
        for (const Ring& hole : p.holes) sum -= ring_area(hole);
    }
    return sum;
}

bool contains(const Ring& ring, Point p)
{
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Point a = ring[i];
        const Point b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
    return inside;
}

Point centroid(const Ring& ring)
{
    double cx = 0.0, cy = 0.0, twice = 0.0;
    for (std::size_t i = 1; i < ring.size(); ++i) {
        const double cross = ring[i - 1].x * ring[i].y - ring[i].x * ring[i - 1].y;
        twice += cross;
        cx += (ring[i - 1].x + ring[i].x) * cross;
        cy += (ring[i - 1].y + ring[i].y) * cross;
    }
    return {cx / (3.0 * twice), cy / (3.0 * twice)};
}

Point point_along(const Polyline& line, double along)
{
    for (std::size_t i = 1; i < line.size(); ++i) {
        const double step = distance(line[i - 1], line[i]);
        if (along <= step && step > 0) {
            const double t = along / step;
            return {line[i - 1].x + t * (line[i].x - line[i - 1].x), line[i - 1].y + t * (line[i].y - line[i - 1].y)};
        }
        along -= step;
    }
    return line.back();
}

Point direction_along(const Polyline& line, double along)
{
    for (std::size_t i = 1; i < line.size(); ++i) {
        const double step = distance(line[i - 1], line[i]);
        if ((along <= step || i + 1 == line.size()) && step > 0)
            return {(line[i].x - line[i - 1].x) / step, (line[i].y - line[i - 1].y) / step};
        along -= step;
    }
    return {1.0, 0.0};
}

Polyline sub_line(const Polyline& line, double from, double to)
{
    Polyline out{point_along(line, from)};
    double at = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        at += distance(line[i - 1], line[i]);
        if (at > from && at < to) out.push_back(line[i]);
    }
    out.push_back(point_along(line, to));
    return out;
}

Projection project(const Polyline& line, Point p)
{
    Projection best;
    best.distance = INFINITY;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const Point a = line[i];
        const Point b = line[i + 1];
        const double dx = b.x - a.x, dy = b.y - a.y;
        const double len2 = dx * dx + dy * dy;
        const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
        const Point q{a.x + t * dx, a.y + t * dy};
        const double d = distance(p, q);
        if (d < best.distance) best = {i, q, d};
    }
    return best;
}

Point insert_vertex(Polyline& line, const Projection& at)
{
    // Snap to an existing vertex closer than a centimetre instead of making a sliver segment.
    for (std::size_t i : {at.segment, at.segment + 1})
        if (distance(line[i], at.point) < 0.01) return line[i];
    line.insert(line.begin() + static_cast<std::ptrdiff_t>(at.segment + 1), at.point);
    return at.point;
}

Polyline wiggle(Point a, Point b, double amplitude, double spacing, Random& random)
{
    const double len = distance(a, b);
    const int steps = std::max(1, static_cast<int>(std::lround(len / spacing)));
    const Point normal = len > 0 ? Point{-(b.y - a.y) / len, (b.x - a.x) / len} : Point{0, 0};
    // Two sine waves under a sin(pi t) envelope: smooth like a road laid out by eye, zero at both ends.
    const double f1 = random.uniform(0.5, 1.5), f2 = random.uniform(2.0, 4.0);
    const double p1 = random.uniform(0, two_pi), p2 = random.uniform(0, two_pi);
    Polyline line{a};
    for (int k = 1; k < steps; ++k) {
        const double t = static_cast<double>(k) / steps;
        const double side = amplitude * std::sin(std::numbers::pi * t) *
                            (0.65 * std::sin(two_pi * f1 * t + p1) + 0.35 * std::sin(two_pi * f2 * t + p2));
        line.push_back({a.x + t * (b.x - a.x) + side * normal.x, a.y + t * (b.y - a.y) + side * normal.y});
    }
    line.push_back(b);
    return line;
}

Ring blob(Point centre, double radius, int vertices, Random& random)
{
    Ring ring;
    const double phase = random.uniform(0, two_pi);
    for (int k = 0; k < vertices; ++k) {
        const double angle = phase + two_pi * (k + random.uniform(-0.3, 0.3)) / vertices;
        const double r = radius * random.uniform(0.75, 1.25);
        ring.push_back({centre.x + r * std::cos(angle), centre.y + r * std::sin(angle)});
    }
    return closed(std::move(ring));
}

Ring rectangle(Point centre, double width, double height, double angle)
{
    const double c = std::cos(angle), s = std::sin(angle);
    Ring ring;
    for (const auto& [u, v] : {std::pair{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}}) {
        const double x = u * width, y = v * height;
        ring.push_back({centre.x + x * c - y * s, centre.y + x * s + y * c});
    }
    return closed(std::move(ring));
}

GeomPtr to_geos(const GeosContext& ctx, const Polyline& line)
{
    return own(ctx, GEOSGeom_createLineString_r(ctx, make_sequence(ctx, line)), "line string");
}

GeomPtr to_geos(const GeosContext& ctx, const Polygon& polygon)
{
    auto ring = [&](const Ring& r) {
        GEOSGeometry* g = GEOSGeom_createLinearRing_r(ctx, make_sequence(ctx, closed(r)));
        if (!g) throw Error("GEOS linear ring failed: " + ctx.last_error());
        return g;
    };
    // GEOS takes ownership of the rings only when the polygon is built, so hold them until then.
    std::vector<GeomPtr> holes;
    for (const Ring& h : polygon.holes) holes.push_back(GeomPtr(ring(h), GeomDeleter{ctx.get()}));
    GeomPtr shell(ring(polygon.outer), GeomDeleter{ctx.get()});
    std::vector<GEOSGeometry*> raw_holes;
    for (auto& h : holes) raw_holes.push_back(h.release());
    return own(ctx,
               GEOSGeom_createPolygon_r(ctx, shell.release(), raw_holes.data(),
                                        static_cast<unsigned>(raw_holes.size())),
               "polygon");
}

GeomPtr to_geos_points(const GeosContext& ctx, const std::vector<Point>& points)
{
    std::vector<GeomPtr> owned;
    for (const Point& p : points) owned.push_back(own(ctx, GEOSGeom_createPointFromXY_r(ctx, p.x, p.y), "point"));
    std::vector<GEOSGeometry*> raw;
    for (auto& g : owned) raw.push_back(g.release());
    return own(ctx,
               GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOINT, raw.data(), static_cast<unsigned>(raw.size())),
               "multipoint");
}

std::vector<Polyline> lines_from_geos(const GeosContext& ctx, const GEOSGeometry* g)
{
    std::vector<Polyline> out;
    const int type = GEOSGeomTypeId_r(ctx, g);
    if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
        if (!GEOSisEmpty_r(ctx, g)) out.push_back(read_sequence(ctx, g));
    } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx, g);
        for (int i = 0; i < n; ++i) {
            auto part = lines_from_geos(ctx, GEOSGetGeometryN_r(ctx, g, i));
            out.insert(out.end(), part.begin(), part.end());
        }
    }
    return out;
}

MultiPolygon polygons_from_geos(const GeosContext& ctx, const GEOSGeometry* g)
{
    MultiPolygon out;
    const int type = GEOSGeomTypeId_r(ctx, g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(ctx, g)) return out;
        Polygon p;
        p.outer = read_sequence(ctx, GEOSGetExteriorRing_r(ctx, g));
        const int holes = GEOSGetNumInteriorRings_r(ctx, g);
        for (int i = 0; i < holes; ++i) p.holes.push_back(read_sequence(ctx, GEOSGetInteriorRingN_r(ctx, g, i)));
        out.push_back(std::move(p));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx, g);
        for (int i = 0; i < n; ++i) {
            auto part = polygons_from_geos(ctx, GEOSGetGeometryN_r(ctx, g, i));
            out.insert(out.end(), part.begin(), part.end());
        }
    }
    return out;
}

}  // namespace geo::sample
