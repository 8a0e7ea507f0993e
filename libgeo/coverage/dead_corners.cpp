#include "libgeo/coverage/dead_corners.hpp"

#include "libgeo/handles/geos_convert.hpp"

#include <algorithm>
#include <map>

namespace geo::coverage {

std::vector<DeadCorner> dead_corners(const GeosContext& ctx, const std::vector<LineCoverage>& lines,
                                     const TrackIndex& tracks, double min_length_m)
{
    // Uncovered stretches grouped by (village, walk); a stretch that continues another across a line end joins it.
    std::map<std::pair<int, int>, std::vector<GeomPtr>> groups;
    for (const auto& lc : lines) {
        if (lc.village < 0) continue;  // outside every village: in the network totals only
        for (const auto& p : lc.pieces)
            if (!p.covered && p.length() > 0) {
                const LineString part = substring(lc.geometry, p.from, p.to);
                if (part.size() >= 2) groups[{lc.village, static_cast<int>(lc.category)}].push_back(to_geos(ctx, part));
            }
    }
    std::vector<DeadCorner> out;
    for (auto& [key, parts] : groups) {
        std::vector<GEOSGeometry*> raw;
        for (auto& p : parts) raw.push_back(p.release());
        GeomPtr multi = own(ctx, GEOSGeom_createCollection_r(ctx, GEOS_MULTILINESTRING, raw.data(), static_cast<unsigned>(raw.size())),
                            "collection");
        GeomPtr merged = own(ctx, GEOSLineMerge_r(ctx, multi.get()), "LineMerge");
        for (auto& line : lines_from_geos(ctx, merged.get())) {
            const double length = bg::length(line);
            if (length < min_length_m) continue;
            DeadCorner d;
            d.village = key.first;
            d.category = static_cast<Category>(key.second);
            d.distance_to_walk_m = tracks.distance_to_nearest(line);
            d.length_m = length;
            d.geometry = std::move(line);
            out.push_back(std::move(d));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const DeadCorner& a, const DeadCorner& b) { return a.length_m > b.length_m; });
    return out;
}

}  // namespace geo::coverage
