#include "libgeo/coverage/sites.hpp"

#include "libgeo/coverage/split.hpp"
#include "libgeo/handles/geos_convert.hpp"

#include <algorithm>
#include <cmath>

namespace geo::coverage {

namespace {

void add_passes(SiteCoverage& out, const std::vector<int>& passes)
{
    out.passes.insert(out.passes.end(), passes.begin(), passes.end());
    std::sort(out.passes.begin(), out.passes.end());
    out.passes.erase(std::unique(out.passes.begin(), out.passes.end()), out.passes.end());
}

void add_visit(SiteCoverage& out, double time)
{
    if (!std::isnan(time)) out.last_visit = std::isnan(out.last_visit) ? time : std::max(out.last_visit, time);
}

}  // namespace

SiteCoverage cover_site(const GeosContext& ctx, const Campaign& c, std::size_t index, double sight,
                        const TrackIndex& tracks)
{
    const Site& site = c.sites[index];
    SiteCoverage out;
    out.site = static_cast<int>(index);
    if (site.point) {
        out.village = -1;
        for (std::size_t v = 0; v < c.villages.size() && out.village < 0; ++v)
            if (bg::covered_by(*site.point, c.villages[v].area)) out.village = static_cast<int>(v);
        const Box box(*site.point, *site.point);
        tracks.near(box, sight, [&](const TrackSegment& s) {
            if (bg::distance(*site.point, bg::model::segment<Point>(s.a, s.b)) <= sight) {
                out.visited = true;
                add_passes(out, {s.pass});
                add_visit(out, s.time);
            }
        });
        out.ratio = out.visited ? 1.0 : 0.0;
        return out;
    }
    GeomPtr area = to_geos(ctx, site.area);
    out.village = village_of(ctx, c, area.get());
    // Every ring of the outline, holes included: a courtyard's inner side is walked too.
    for (const auto& poly : site.area) {
        std::vector<const Polygon::ring_type*> rings{&poly.outer()};
        for (const auto& inner : poly.inners()) rings.push_back(&inner);
        for (const auto* ring : rings) {
            const LineString line(ring->begin(), ring->end());
            const auto pieces = cover_line(line, sight, tracks);
            out.perimeter_m += bg::length(line);
            out.covered_m += covered_length(pieces);
            for (const auto& p : pieces) {
                if (!p.covered) continue;
                add_passes(out, p.passes);
                add_visit(out, p.last);
            }
        }
    }
    out.visited = out.covered_m > 0;
    out.ratio = out.perimeter_m > 0 ? out.covered_m / out.perimeter_m : 0.0;
    return out;
}

}  // namespace geo::coverage
