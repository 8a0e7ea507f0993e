#include "libgeo/coverage/areas.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/handles/geos_convert.hpp"

#include <algorithm>

namespace geo::coverage {

namespace {

double area_of(const GeosContext& ctx, const GEOSGeometry* g)
{
    double a = 0;
    if (GEOSArea_r(ctx, g, &a) != 1) throw Error("GEOS area failed: " + ctx.last_error());
    return a;
}

GeomPtr collection(const GeosContext& ctx, std::vector<GeomPtr> parts, int type)
{
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (auto& p : parts) raw.push_back(p.release());
    return own(ctx, GEOSGeom_createCollection_r(ctx, type, raw.data(), static_cast<unsigned>(raw.size())), "collection");
}

// Buffers are unioned by GEOS's buffer of the whole multi-geometry, which builds the union directly.
GeomPtr buffered(const GeosContext& ctx, GeomPtr multi, double distance)
{
    return own(ctx, GEOSBuffer_r(ctx, multi.get(), distance, 8), "buffer");
}

// Only the tracks that come within `distance` of the village: buffering village by village keeps each GEOS
// buffer small (memory and time of a buffer grow faster than linearly with the number of vertices).
std::vector<LineString> tracks_near(const std::vector<LineString>& tracks, const std::vector<Box>& boxes,
                                    const MultiPolygon& village, double distance)
{
    Box b = bg::return_envelope<Box>(village);
    b = Box(Point(b.min_corner().x() - distance, b.min_corner().y() - distance),
            Point(b.max_corner().x() + distance, b.max_corner().y() + distance));
    std::vector<LineString> out;
    for (std::size_t i = 0; i < tracks.size(); ++i)
        if (bg::intersects(boxes[i], b)) out.push_back(tracks[i]);
    return out;
}

std::vector<Box> envelopes(const std::vector<LineString>& tracks)
{
    std::vector<Box> out;
    out.reserve(tracks.size());
    for (const auto& t : tracks) out.push_back(bg::return_envelope<Box>(t));
    return out;
}

}  // namespace

GeomPtr walked_zone(const GeosContext& ctx, const std::vector<LineString>& tracks, double distance)
{
    std::vector<GeomPtr> parts;
    for (const auto& t : tracks)
        parts.push_back(t.size() >= 2 ? to_geos(ctx, t) : to_geos(ctx, t.front()));
    return buffered(ctx, collection(ctx, std::move(parts), GEOS_GEOMETRYCOLLECTION), distance);
}

void village_areas(const GeosContext& ctx, const Campaign& c, const std::vector<LineString>& tracks, double village_m,
                   std::vector<VillageCoverage>& out)
{
    const std::vector<Box> boxes = envelopes(tracks);
    for (std::size_t i = 0; i < c.villages.size(); ++i) {
        out[i].area_m2 = bg::area(c.villages[i].area);
        const auto near = tracks_near(tracks, boxes, c.villages[i].area, village_m);
        if (near.empty()) continue;
        const GeomPtr zone = walked_zone(ctx, near, village_m);
        GeomPtr village = to_geos(ctx, c.villages[i].area);
        GeomPtr walked = own(ctx, GEOSIntersection_r(ctx, village.get(), zone.get()), "intersection");
        out[i].walked_area_m2 = area_of(ctx, walked.get());
    }
}

std::vector<BlindArea> blind_areas(const GeosContext& ctx, const Campaign& c, const std::vector<LineString>& tracks,
                                   double blind_m, double reach_m)
{
    const std::vector<Box> boxes = envelopes(tracks);
    GeomPtr reach;
    if (reach_m > 0) {
        std::vector<GeomPtr> parts;
        for (const auto& n : c.network) parts.push_back(to_geos(ctx, n.line));
        for (const auto& s : c.sites) parts.push_back(s.point ? to_geos(ctx, *s.point) : to_geos(ctx, s.area));
        reach = buffered(ctx, collection(ctx, std::move(parts), GEOS_GEOMETRYCOLLECTION), reach_m);
    }
    std::vector<BlindArea> out;
    for (std::size_t i = 0; i < c.villages.size(); ++i) {
        GeomPtr land = to_geos(ctx, c.villages[i].area);
        if (reach) land = own(ctx, GEOSIntersection_r(ctx, land.get(), reach.get()), "intersection");
        const GeomPtr zone = walked_zone(ctx, tracks_near(tracks, boxes, c.villages[i].area, blind_m), blind_m);
        GeomPtr blind = own(ctx, GEOSDifference_r(ctx, land.get(), zone.get()), "difference");
        for (auto& poly : polygons_from_geos(ctx, blind.get())) {
            const double a = bg::area(poly);
            if (a > 0) out.push_back({static_cast<int>(i), std::move(poly), a});
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const BlindArea& a, const BlindArea& b) { return a.area_m2 > b.area_m2; });
    return out;
}

}  // namespace geo::coverage
