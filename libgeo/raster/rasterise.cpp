#include "libgeo/raster/rasterise.hpp"

#include "libgeo/core/memory.hpp"

#include <algorithm>
#include <cmath>

namespace geo::raster {

namespace {

struct Crossing {
    int row;
    int polygon;
    double x;  // pixel units from the west edge
    bool operator<(const Crossing& o) const
    {
        if (row != o.row) return row < o.row;
        if (polygon != o.polygon) return polygon < o.polygon;
        return x < o.x;
    }
};

// Where each edge of a ring crosses the scanlines through the pixel centres (row + 0.5). The half-open test
// (one end above, the other at or below) counts a vertex on a scanline once and a horizontal edge never, so every
// ring crosses every scanline an even number of times.
void ring_crossings(const Grid& grid, const Polygon::ring_type& ring, int polygon, std::vector<Crossing>& out)
{
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Point& p = ring[i];
        const Point& q = ring[(i + 1) % n];
        const double ax = (p.x() - grid.origin_x) / grid.pixel;
        const double ay = (grid.origin_y - p.y()) / grid.pixel;
        const double bx = (q.x() - grid.origin_x) / grid.pixel;
        const double by = (grid.origin_y - q.y()) / grid.pixel;
        if (ay == by || !std::isfinite(ax + ay + bx + by)) continue;  // horizontal, or no usable coordinates
        // Scanlines y = row + 0.5 with min(ay, by) <= y < max(ay, by).
        const double first = std::max(std::ceil(std::min(ay, by) - 0.5), 0.0);
        const double last = std::min(std::ceil(std::max(ay, by) - 0.5) - 1.0, grid.rows - 1.0);
        const double slope = (bx - ax) / (by - ay);
        for (double row = first; row <= last; row += 1.0)
            out.push_back({static_cast<int>(row), polygon, ax + (row + 0.5 - ay) * slope});
    }
}

}  // namespace

AreaRuns area_runs(const Grid& grid, const MultiPolygon& area)
{
    grid.validate();
    std::vector<Crossing> crossings;
    for (std::size_t p = 0; p < area.size(); ++p) {
        const int polygon = static_cast<int>(p);
        ring_crossings(grid, area[p].outer(), polygon, crossings);
        for (const auto& hole : area[p].inners()) ring_crossings(grid, hole, polygon, crossings);
    }
    std::sort(crossings.begin(), crossings.end());

    AreaRuns out;
    out.first.assign(static_cast<std::size_t>(grid.rows) + 1, 0);
    std::vector<ColumnRun> row_runs;  // of the row being gathered, one polygon after another
    // Merges the polygons' runs of `row` into increasing, separate runs, and ends the row.
    auto close_row = [&](int row) {
        const auto r = static_cast<std::size_t>(row);
        std::sort(row_runs.begin(), row_runs.end(),
                  [](const ColumnRun& a, const ColumnRun& b) { return a.begin < b.begin; });
        for (const ColumnRun& run : row_runs)
            if (out.runs.size() > out.first[r] && run.begin <= out.runs.back().end)
                out.runs.back().end = std::max(out.runs.back().end, run.end);
            else
                out.runs.push_back(run);
        row_runs.clear();
        out.first[r + 1] = out.runs.size();
    };
    int row = 0;
    // Consecutive crossings of one polygon on one row pair up into spans [x_in, x_out); a pixel is inside when its
    // centre col + 0.5 falls in a span.
    for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
        const Crossing& in = crossings[i];
        const Crossing& out_crossing = crossings[i + 1];
        if (in.row != out_crossing.row || in.polygon != out_crossing.polygon) {
            // Cannot happen with closed rings; skip one so pairing resynchronises rather than inverting a row.
            --i;
            continue;
        }
        const double first = std::max(std::ceil(in.x - 0.5), 0.0);
        const double end = std::min(std::ceil(out_crossing.x - 0.5), static_cast<double>(grid.cols));
        if (!(first < end)) continue;
        for (; row < in.row; ++row) close_row(row);
        row_runs.push_back({static_cast<int>(first), static_cast<int>(end)});
    }
    for (; row < grid.rows; ++row) close_row(row);
    return out;
}

std::vector<std::uint8_t> rasterise_area(const Grid& grid, const MultiPolygon& area)
{
    const AreaRuns runs = area_runs(grid, area);
    std::vector<std::uint8_t> inside = memory::pixel_buffer<std::uint8_t>(grid.cells(), 0);
    for (int row = 0; row < grid.rows; ++row) {
        std::uint8_t* pixels = inside.data() + grid.index(0, row);
        const auto r = static_cast<std::size_t>(row);
        for (std::size_t k = runs.first[r]; k < runs.first[r + 1]; ++k)
            std::fill(pixels + runs.runs[k].begin, pixels + runs.runs[k].end, std::uint8_t{1});
    }
    return inside;
}

}  // namespace geo::raster
