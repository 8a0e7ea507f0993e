#include "libgeo/normalise/repair.hpp"

#include "libgeo/handles/geos_convert.hpp"

namespace geo::normalise {

Repair repair_polygons(const GeosContext& ctx, MultiPolygon& area)
{
    Repair out;
    // Rings with fewer than 4 points cannot even be built by GEOS: drop them first and call that a repair.
    MultiPolygon kept;
    for (auto& poly : area) {
        if (poly.outer().size() < 4) {
            out.was_invalid = true;
            out.why = "a ring with fewer than 4 vertices";
            continue;
        }
        auto& inners = poly.inners();
        const auto before = inners.size();
        std::erase_if(inners, [](const auto& r) { return r.size() < 4; });
        if (inners.size() != before) {
            out.was_invalid = true;
            out.why = "a hole with fewer than 4 vertices";
        }
        kept.push_back(std::move(poly));
    }
    area = std::move(kept);
    if (area.empty()) return out;

    GeomPtr g = to_geos(ctx, area);
    const bool valid = predicate_result(ctx, GEOSisValid_r(ctx, g.get()), "isValid");
    if (valid) {
        // GEOS does not look at ring order; our areas are clockwise shells with counter-clockwise holes.
        bg::correct(area);
        return out;
    }
    char* reason = GEOSisValidReason_r(ctx, g.get());
    out.was_invalid = true;
    out.why = reason ? reason : "invalid";
    if (reason) GEOSFree_r(ctx, reason);
    GeomPtr fixed = own(ctx, GEOSMakeValid_r(ctx, g.get()), "MakeValid");
    area = polygons_from_geos(ctx, fixed.get());
    return out;
}

bool clean_line(LineString& line)
{
    LineString out;
    out.reserve(line.size());
    for (const auto& p : line)
        if (out.empty() || p.x() != out.back().x() || p.y() != out.back().y()) out.push_back(p);
    line = std::move(out);
    return line.size() >= 2;
}

}  // namespace geo::normalise
