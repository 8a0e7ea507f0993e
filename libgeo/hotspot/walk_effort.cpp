#include "libgeo/hotspot/walk_effort.hpp"

#include <boost/geometry/index/rtree.hpp>

namespace geo::hotspot {

std::vector<double> walked_metres(const std::vector<Polygon>& cells, const std::vector<LineString>& tracks)
{
    namespace bgi = boost::geometry::index;
    using Entry = std::pair<Box, std::size_t>;
    std::vector<Entry> entries;
    entries.reserve(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) entries.emplace_back(bg::return_envelope<Box>(cells[i]), i);
    const bgi::rtree<Entry, bgi::rstar<16>> index(entries.begin(), entries.end());

    std::vector<double> out(cells.size(), 0.0);
    std::vector<Entry> hits;
    for (const auto& track : tracks) {
        for (std::size_t k = 1; k < track.size(); ++k) {
            LineString segment{track[k - 1], track[k]};
            hits.clear();
            index.query(bgi::intersects(bg::return_envelope<Box>(segment)), std::back_inserter(hits));
            for (const auto& [box, cell] : hits) {
                std::vector<LineString> inside;
                bg::intersection(segment, cells[cell], inside);
                for (const auto& piece : inside) out[cell] += bg::length(piece);
            }
        }
    }
    return out;
}

}  // namespace geo::hotspot
