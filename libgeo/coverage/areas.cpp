#include "libgeo/coverage/areas.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/parallel.hpp"
#include "libgeo/handles/geos.hpp"
#include "libgeo/handles/geos_convert.hpp"
#include "libgeo/raster/contour.hpp"

#include <algorithm>
#include <cmath>

namespace geo::coverage {

namespace {

double area_of(const GeosContext& ctx, const GEOSGeometry* g)
{
    double a = 0;
    if (GEOSArea_r(ctx, g, &a) != 1) throw Error("GEOS area failed: " + ctx.last_error());
    return a;
}

GeomPtr intersection(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b)
{
    return own(ctx, GEOSIntersection_r(ctx, a, b), "intersection");
}

Box grown(const Box& b, double d)
{
    return {Point(b.min_corner().x() - d, b.min_corner().y() - d), Point(b.max_corner().x() + d, b.max_corner().y() + d)};
}

// Land within R of the network or a site, near `box` (the network and sites whose envelopes come within R of it).
GeomPtr reach_near(const GeosContext& ctx, const Campaign& c, const Box& box, double reach_m)
{
    const Box near = grown(box, reach_m);
    std::vector<GEOSGeometry*> parts;
    for (const auto& n : c.network)
        if (bg::intersects(bg::return_envelope<Box>(n.line), near)) parts.push_back(to_geos(ctx, n.line).release());
    for (const auto& s : c.sites) {
        const Box env = s.point ? Box(*s.point, *s.point) : bg::return_envelope<Box>(s.area);
        if (bg::intersects(env, near))
            parts.push_back((s.point ? to_geos(ctx, *s.point) : to_geos(ctx, s.area)).release());
    }
    const GeomPtr all = own(
        ctx, GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size())),
        "collection");
    return own(ctx, GEOSBuffer_r(ctx, all.get(), reach_m, 8), "buffer");
}

}  // namespace

MultiPolygon area_mask(const Campaign& c, const raster::Grid& grid)
{
    GeosContext ctx;
    MultiPolygon out;
    for (const auto& v : c.villages) {
        const GeomPtr village = to_geos(ctx, v.area);
        // A pixel square meeting the village has its centre within half a diagonal (0.71 pixel) of it; two pixels
        // also keep its neighbours valid, so the level lines near the boundary are interpolated between centres
        // rather than extended to the edge of the valid pixels.
        const GeomPtr grown_village = own(ctx, GEOSBuffer_r(ctx, village.get(), 2 * grid.pixel, 2), "buffer");
        for (auto& poly : polygons_from_geos(ctx, grown_village.get())) out.push_back(std::move(poly));
    }
    return out;
}

AreaFigures area_figures(const Campaign& c, const raster::Raster* distance, const AreaOptions& options)
{
    AreaFigures out;
    out.walked_m2.assign(c.villages.size(), 0.0);
    out.required_m2.assign(c.villages.size(), 0.0);
    std::vector<std::vector<BlindArea>> blind(c.villages.size()), not_required(c.villages.size());
    // Pieces smaller than one pixel of the distance raster are below what it resolves: slivers where a level line
    // runs along a village boundary (the sample town had two of 0.0003 and 0.00004 m²), not land anyone could walk.
    const double min_blind_m2 = distance != nullptr ? distance->grid.pixel * distance->grid.pixel : 0.0;
    // Each village writes only its own slots, so the figures do not depend on the thread count.
    detail::parallel_chunks(
        c.villages.size(), 1, options.threads,
        [&](std::size_t first, std::size_t last) {
            thread_local GeosContext ctx;  // GEOS contexts are per thread
            for (std::size_t i = first; i < last; ++i) {
                const MultiPolygon& area = c.villages[i].area;
                const Box box = bg::return_envelope<Box>(area);
                const GeomPtr village = to_geos(ctx, area);
                GeomPtr blind_land;
                if (distance != nullptr) {
                    const auto bands = raster::distance_bands(ctx, *distance, raster::window_covering(distance->grid, box),
                                                              options.village_m, options.blind_m);
                    out.walked_m2[i] = area_of(ctx, intersection(ctx, village.get(), bands.near.get()).get());
                    blind_land = intersection(ctx, village.get(), bands.far.get());
                } else {
                    blind_land = own(ctx, GEOSGeom_clone_r(ctx, village.get()), "clone");
                }
                if (options.reach_m > 0) {
                    const GeomPtr reach = reach_near(ctx, c, box, options.reach_m);
                    blind_land = intersection(ctx, blind_land.get(), reach.get());
                    out.required_m2[i] = area_of(ctx, intersection(ctx, village.get(), reach.get()).get());
                    const GeomPtr rest = own(ctx, GEOSDifference_r(ctx, village.get(), reach.get()), "difference");
                    // Exact GEOS geometry, no raster: only pieces of no area at all (touching points) are dropped.
                    for (auto& poly : polygons_from_geos(ctx, rest.get())) {
                        const double a = bg::area(poly);
                        if (a > 0) not_required[i].push_back({static_cast<int>(i), std::move(poly), a});
                    }
                } else {
                    out.required_m2[i] = area_of(ctx, village.get());
                }
                for (auto& poly : polygons_from_geos(ctx, blind_land.get())) {
                    const double a = bg::area(poly);
                    if (a > 0 && a >= min_blind_m2) blind[i].push_back({static_cast<int>(i), std::move(poly), a});
                }
            }
        },
        [](double) { return true; });
    const auto largest_first = [](const BlindArea& a, const BlindArea& b) { return a.area_m2 > b.area_m2; };
    for (auto& v : blind) std::move(v.begin(), v.end(), std::back_inserter(out.blind));
    std::stable_sort(out.blind.begin(), out.blind.end(), largest_first);
    for (auto& v : not_required) std::move(v.begin(), v.end(), std::back_inserter(out.not_required));
    std::stable_sort(out.not_required.begin(), out.not_required.end(), largest_first);
    return out;
}

}  // namespace geo::coverage
