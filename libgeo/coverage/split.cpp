#include "libgeo/coverage/split.hpp"

#include "libgeo/handles/geos_convert.hpp"

#include <boost/geometry/index/rtree.hpp>

namespace geo::coverage {

namespace bgi = boost::geometry::index;

namespace {

// GEOS returns intersection parts in pieces; merging joins those that continue each other.
std::vector<LineString> merged_lines(const GeosContext& ctx, const GEOSGeometry* g)
{
    if (GEOSisEmpty_r(ctx, g) == 1) return {};
    GeomPtr merged = own(ctx, GEOSLineMerge_r(ctx, g), "LineMerge");
    std::vector<LineString> out;
    for (auto& l : lines_from_geos(ctx, merged.get()))
        if (l.size() >= 2 && bg::length(l) > 0) out.push_back(std::move(l));
    return out;
}

}  // namespace

std::vector<LineCoverage> split_by_villages(const GeosContext& ctx, const Campaign& c)
{
    std::vector<GeomPtr> villages;
    std::vector<PreparedPtr> prepared;
    std::vector<std::pair<Box, int>> boxes;
    for (std::size_t i = 0; i < c.villages.size(); ++i) {
        villages.push_back(to_geos(ctx, c.villages[i].area));
        prepared.push_back(prepare(ctx, villages.back().get()));
        boxes.emplace_back(bg::return_envelope<Box>(c.villages[i].area), static_cast<int>(i));
    }
    const bgi::rtree<std::pair<Box, int>, bgi::rstar<16>> tree(boxes);

    std::vector<LineCoverage> out;
    for (std::size_t li = 0; li < c.network.size(); ++li) {
        const NetworkLine& n = c.network[li];
        auto add = [&](int village, LineString geometry) {
            out.push_back({static_cast<int>(li), village, n.category, 0.0, std::move(geometry), {}});
        };
        GeomPtr line = to_geos(ctx, n.line);
        std::vector<int> candidates;
        for (auto it = tree.qbegin(bgi::intersects(bg::return_envelope<Box>(n.line))); it != tree.qend(); ++it)
            candidates.push_back(it->second);
        std::sort(candidates.begin(), candidates.end());
        // Most lines lie inside one village: a prepared containment test avoids any overlay.
        bool whole = false;
        for (int v : candidates)
            if (predicate_result(ctx, GEOSPreparedCovers_r(ctx, prepared[static_cast<std::size_t>(v)].get(), line.get()), "covers")) {
                add(v, n.line);
                whole = true;
                break;
            }
        if (whole) continue;
        // Cut village by village (in input order); what one village took is removed from the rest, so a stretch
        // where villages overlap counts once, for the first of them.
        GeomPtr rest = own(ctx, GEOSGeom_clone_r(ctx, line.get()), "clone");
        for (int v : candidates) {
            if (GEOSisEmpty_r(ctx, rest.get()) == 1) break;
            const GEOSGeometry* village = villages[static_cast<std::size_t>(v)].get();
            if (!predicate_result(ctx, GEOSPreparedIntersects_r(ctx, prepared[static_cast<std::size_t>(v)].get(), rest.get()), "intersects"))
                continue;
            GeomPtr part = own(ctx, GEOSIntersection_r(ctx, rest.get(), village), "intersection");
            for (auto& l : merged_lines(ctx, part.get())) add(v, std::move(l));
            rest = own(ctx, GEOSDifference_r(ctx, rest.get(), village), "difference");
        }
        // What lies outside every village still counts in the network totals.
        for (auto& l : merged_lines(ctx, rest.get())) add(-1, std::move(l));
    }
    return out;
}

int village_of(const GeosContext& ctx, const Campaign& c, const GEOSGeometry* g)
{
    GeomPtr point = own(ctx, GEOSPointOnSurface_r(ctx, g), "PointOnSurface");
    double x = 0, y = 0;
    if (GEOSGeomGetX_r(ctx, point.get(), &x) != 1 || GEOSGeomGetY_r(ctx, point.get(), &y) != 1) return -1;
    for (std::size_t i = 0; i < c.villages.size(); ++i)
        if (bg::covered_by(Point(x, y), c.villages[i].area)) return static_cast<int>(i);
    return -1;
}

}  // namespace geo::coverage
