#pragma once
// Generated scenes for coverage tests: a campaign built in memory (no files), with an independent GEOS oracle.
#include "libgeo/core/campaign.hpp"
#include "libgeo/handles/geos.hpp"
#include "libgeo/handles/geos_convert.hpp"

#include <random>
#include <boost/geometry/io/wkt/read.hpp>

namespace geo::test {

inline Track make_track(const LineString& path, int id, double spacing = 5.0, double t0 = 1'487'548'800.0)
{
    Track t;
    t.id = id;
    t.name = "track " + std::to_string(id);
    t.origin = {0, id};
    double time = t0;
    for (std::size_t i = 1; i < path.size(); ++i) {
        const double length = bg::distance(path[i - 1], path[i]);
        const int steps = std::max(1, static_cast<int>(std::ceil(length / spacing)));
        for (int k = (i == 1 ? 0 : 1); k <= steps; ++k) {
            const double u = static_cast<double>(k) / steps;
            t.fixes.push_back({Point(path[i - 1].x() + u * (path[i].x() - path[i - 1].x()),
                                     path[i - 1].y() + u * (path[i].y() - path[i - 1].y())),
                               time, 5.0});
            time += spacing / 1.2;
        }
    }
    return t;
}

inline Campaign square_town(double size = 10000.0)
{
    Campaign c;
    c.crs.id = "EPSG:32647";
    Village v;
    v.name = "town";
    bg::read_wkt("POLYGON((0 0,0 " + std::to_string(size) + "," + std::to_string(size) + " " + std::to_string(size) + "," +
                     std::to_string(size) + " 0,0 0))",
                 v.area.emplace_back());
    bg::correct(v.area);
    c.villages.push_back(v);
    return c;
}

// A random polyline wandering inside [0, size]^2.
inline LineString random_path(std::mt19937_64& rng, double size, int vertices, double step)
{
    std::uniform_real_distribution<double> u(0.0, 1.0);
    LineString line;
    Point p(size * (0.1 + 0.8 * u(rng)), size * (0.1 + 0.8 * u(rng)));
    double heading = 6.283185307179586 * u(rng);
    line.push_back(p);
    for (int i = 1; i < vertices; ++i) {
        heading += (u(rng) - 0.5) * 1.2;
        Point q(p.x() + step * std::cos(heading), p.y() + step * std::sin(heading));
        if (q.x() < 0 || q.y() < 0 || q.x() > size || q.y() > size) {
            heading += 3.14159;
            q = Point(p.x() + step * std::cos(heading), p.y() + step * std::sin(heading));
        }
        line.push_back(q);
        p = q;
    }
    return line;
}

// Oracle: covered length of `line` = length of line ∩ union(buffer(track, s)), with GEOS buffers of 64 segments
// per quarter circle (their inscribed arcs explain the small residual).
inline GeomPtr geos_walked_zone(const GeosContext& ctx, const std::vector<LineString>& tracks, double s)
{
    std::vector<GEOSGeometry*> parts;
    for (const auto& t : tracks) parts.push_back(to_geos(ctx, t).release());
    GeomPtr multi = own(ctx, GEOSGeom_createCollection_r(ctx, GEOS_MULTILINESTRING, parts.data(), static_cast<unsigned>(parts.size())), "multi");
    return own(ctx, GEOSBuffer_r(ctx, multi.get(), s, 64), "buffer");
}

inline double geos_covered_length(const GeosContext& ctx, const LineString& line, const GEOSGeometry* zone)
{
    GeomPtr l = to_geos(ctx, line);
    GeomPtr inside = own(ctx, GEOSIntersection_r(ctx, l.get(), zone), "intersection");
    double length = 0;
    GEOSLength_r(ctx, inside.get(), &length);
    return length;
}

inline double geos_covered_length(const GeosContext& ctx, const LineString& line, const std::vector<LineString>& tracks,
                                  double s)
{
    return geos_covered_length(ctx, line, geos_walked_zone(ctx, tracks, s).get());
}

}  // namespace geo::test
