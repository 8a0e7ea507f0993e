#include "libgeo/hotspot/walk_effort.hpp"

#include <boost/geometry/index/rtree.hpp>
#include <boost/geometry/algorithms/intersection.hpp>

#include <algorithm>

namespace geo::hotspot {

namespace {

// A piece of track along an edge two cells share lies in both: only the cell on a fixed side of it counts it. The
// side is found by nudging the piece's midpoint a micrometre in a direction parallel to no square or hexagon edge.
bool owns(const Polygon& cell, const LineString& piece)
{
    const Point mid((piece.front().x() + piece.back().x()) / 2, (piece.front().y() + piece.back().y()) / 2);
    if (bg::within(mid, cell)) return true;
    return bg::within(Point(mid.x() + 1e-6, mid.y() + 0.37e-6), cell);
}

}  // namespace

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
                for (const auto& piece : inside)
                    if (owns(cells[cell], piece)) out[cell] += bg::length(piece);
            }
        }
    }
    return out;
}

std::vector<int> points_per_cell(const Binning& binning, const std::vector<Point>& points)
{
    std::vector<int> out(binning.cells.size(), 0);
    const auto before = [](const Cell& cell, const std::pair<long long, long long>& at) {
        return std::pair<long long, long long>(cell.row, cell.col) < std::pair(at.second, at.first);
    };
    for (const Point& p : points) {
        const auto at = binning.layout.locate(p);
        if (!at) continue;
        // Kept cells are sorted by (row, col): a binary search finds the cell, if it was kept.
        const auto it = std::lower_bound(binning.cells.begin(), binning.cells.end(), *at, before);
        if (it != binning.cells.end() && it->col == at->first && it->row == at->second)
            ++out[static_cast<std::size_t>(it - binning.cells.begin())];
    }
    return out;
}

}  // namespace geo::hotspot
