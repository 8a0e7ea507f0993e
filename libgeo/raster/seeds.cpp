#include "libgeo/raster/seeds.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/raster/rasterise.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace geo::raster::detail {

namespace {

bool finite(const Point& p) { return std::isfinite(p.x()) && std::isfinite(p.y()); }

bool same(const Point& a, const Point& b) { return a.x() == b.x() && a.y() == b.y(); }

// Inside the grid's half-open pixel box [0, cols) x [0, rows), measured as segment_cells measures it. A segment
// with both ends inside lies wholly inside (the box is convex), so all of it is seeded.
bool inside(const Grid& grid, const Point& p)
{
    const double x = (p.x() - grid.origin_x) / grid.pixel;
    const double y = (grid.origin_y - p.y()) / grid.pixel;
    return x >= 0.0 && x < grid.cols && y >= 0.0 && y < grid.rows;
}

}  // namespace

SeedTable make_seeds(const Grid& grid, const std::vector<LineString>& lines, std::vector<std::int32_t>& seed_of_cell)
{
    SeedTable table;
    std::vector<std::pair<std::size_t, std::uint32_t>> marks;  // (pixel, segment)
    std::vector<std::size_t> cells;
    auto add = [&](const Point& a, const Point& b, bool follows) {
        // Segment ids travel through the transform as int32.
        if (table.segments.size() >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
            throw UsageError("too many line segments for one distance raster");
        const auto id = static_cast<std::uint32_t>(table.segments.size());
        table.segments.push_back({a.x() - grid.origin_x, grid.origin_y - a.y(), b.x() - grid.origin_x,
                                  grid.origin_y - b.y()});
        table.follows.push_back(follows ? 1 : 0);
        if (!inside(grid, a) || !inside(grid, b)) table.leaving.push_back(id);
        cells.clear();
        segment_cells(grid, a, b, cells);
        for (const std::size_t cell : cells) marks.emplace_back(cell, id);
    };
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const LineString& line = lines[l];
        for (const Point& p : line)
            if (!finite(p)) throw Error("line " + std::to_string(l) + " has a non-finite coordinate");
        const std::size_t before = table.segments.size();
        for (std::size_t i = 1; i < line.size(); ++i)
            if (!same(line[i - 1], line[i])) add(line[i - 1], line[i], table.segments.size() > before);
        // A track of one fix, or of one position recorded many times, is a visited point.
        if (table.segments.size() == before && !line.empty()) add(line.front(), line.front(), false);
    }

    // One pass over the marks sorted by pixel builds the table; sorting by segment too keeps it deterministic.
    std::sort(marks.begin(), marks.end());
    marks.erase(std::unique(marks.begin(), marks.end()), marks.end());
    seed_of_cell.assign(grid.cells(), -1);
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const std::size_t cell = marks[i].first;
        if (i == 0 || cell != marks[i - 1].first) {
            seed_of_cell[cell] = static_cast<std::int32_t>(table.seed_col.size());
            table.seed_col.push_back(static_cast<int>(cell % static_cast<std::size_t>(grid.cols)));
            table.seed_row.push_back(static_cast<int>(cell / static_cast<std::size_t>(grid.cols)));
            table.first.push_back(table.segment_ids.size());
        }
        table.segment_ids.push_back(marks[i].second);
    }
    table.first.push_back(table.segment_ids.size());
    table.row_first.assign(static_cast<std::size_t>(grid.rows) + 1, table.seed_count());
    for (std::size_t k = table.seed_count(); k-- > 0;)
        table.row_first[static_cast<std::size_t>(table.seed_row[k])] = k;
    // Rows without seeds start where the next row starts.
    for (std::size_t r = static_cast<std::size_t>(grid.rows); r-- > 0;)
        table.row_first[r] = std::min(table.row_first[r], table.row_first[r + 1]);
    return table;
}

}  // namespace geo::raster::detail
