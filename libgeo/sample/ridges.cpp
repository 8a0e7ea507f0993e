// Field ridges (农田林网): one block of farmland per village, a grid of ridges lined with shelter-belt trees, kept
// off the sites. Roads and ditches may cross a block, as they do in the oases around Zhangye.
#include "libgeo/sample/random.hpp"
#include "libgeo/sample/town.hpp"

#include <cmath>
#include <numbers>

namespace geo::sample {

namespace {

// The town minus every site polygon grown by 20 m: where ridges may run.
GeomPtr farmland(const GeosContext& ctx, const Town& town)
{
    GeomPtr outline = to_geos(ctx, town.outline);
    std::vector<GeomPtr> owned;
    for (const Site& s : town.sites)
        if (!s.boundary.empty()) owned.push_back(to_geos(ctx, Polygon{s.boundary, {}}));
    std::vector<GEOSGeometry*> raw;
    for (auto& g : owned) raw.push_back(g.release());
    GeomPtr sites = own(
        ctx, GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, raw.data(), static_cast<unsigned>(raw.size())),
        "site collection");
    GeomPtr grown = own(ctx, GEOSBuffer_r(ctx, sites.get(), 20.0, 8), "site buffer");
    return own(ctx, GEOSDifference_r(ctx, outline.get(), grown.get()), "farmland");
}

Point rotate(Point p, double angle, Point centre)
{
    const double c = std::cos(angle), s = std::sin(angle);
    return {centre.x + p.x * c - p.y * s, centre.y + p.x * s + p.y * c};
}

}  // namespace

void add_ridges(const GeosContext& ctx, Town& town, Random& random)
{
    GeomPtr allowed = farmland(ctx, town);
    PreparedPtr prepared = prepare(ctx, allowed.get());
    for (const Village& v : town.villages) {
        const Ring& village_ring = v.area.front().outer;
        Point centre = v.centre;
        for (int attempt = 0; attempt < 30; ++attempt) {
            const double angle = random.uniform(0.0, 2.0 * std::numbers::pi);
            const double d = random.uniform(900.0, 1500.0);
            const Point c{v.centre.x + d * std::cos(angle), v.centre.y + d * std::sin(angle)};
            if (contains(village_ring, c)) {
                centre = c;
                break;
            }
        }
        const double width = random.uniform(900.0, 1300.0), height = random.uniform(800.0, 1100.0);
        const double angle = random.uniform(-0.3, 0.3), spacing = random.uniform(330.0, 420.0);
        std::vector<Polyline> grid;
        for (double y = -height / 2; y <= height / 2 + 1e-9; y += spacing)
            grid.push_back({rotate({-width / 2, y}, angle, centre), rotate({width / 2, y}, angle, centre)});
        for (double x = -width / 2; x <= width / 2 + 1e-9; x += spacing)
            grid.push_back({rotate({x, -height / 2}, angle, centre), rotate({x, height / 2}, angle, centre)});
        for (const Polyline& line : grid) {
            GeomPtr g = to_geos(ctx, line);
            if (predicate_result(ctx, GEOSPreparedContains_r(ctx, prepared.get(), g.get()), "ridge inside farmland")) {
                town.ridges.push_back({v.name + "农田林网", line});
                continue;
            }
            GeomPtr cut = own(ctx, GEOSIntersection_r(ctx, g.get(), allowed.get()), "ridge clip");
            for (Polyline& piece : lines_from_geos(ctx, cut.get()))
                if (length(piece) >= 40.0) town.ridges.push_back({v.name + "农田林网", std::move(piece)});
        }
    }
}

}  // namespace geo::sample
