#include "libgeo/raster/rasterise.hpp"

#include "libgeo/core/memory.hpp"

#include <algorithm>
#include <cmath>

namespace geo::raster {

namespace {

// Rows [first, last] of one column, clipped to the grid; bounds come in as doubles so that far-away coordinates
// are clipped before they are narrowed to int.
void emit_rows(const Grid& grid, int col, double first, double last, std::vector<std::size_t>& out)
{
    first = std::max(first, 0.0);
    last = std::min(last, grid.rows - 1.0);
    if (!(first <= last)) return;
    for (int row = static_cast<int>(first); row <= static_cast<int>(last); ++row) out.push_back(grid.index(col, row));
}

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

void segment_cells(const Grid& grid, const Point& a, const Point& b, std::vector<std::size_t>& out)
{
    // Pixel units: x eastward from the west edge, y southward from the north edge.
    double ax = (a.x() - grid.origin_x) / grid.pixel;
    double ay = (grid.origin_y - a.y()) / grid.pixel;
    double bx = (b.x() - grid.origin_x) / grid.pixel;
    double by = (grid.origin_y - b.y()) / grid.pixel;
    // Wholly outside the half-open pixel box: nothing to mark (and no columns to walk).
    if (std::max(ax, bx) < 0.0 || std::min(ax, bx) >= grid.cols || std::max(ay, by) < 0.0 ||
        std::min(ay, by) >= grid.rows)
        return;
    // The marked set does not depend on direction, so walk west to east.
    if (bx < ax) {
        std::swap(ax, bx);
        std::swap(ay, by);
    }
    if (ax == bx) {
        const double col = std::floor(ax);
        if (col >= 0.0 && col < grid.cols)
            emit_rows(grid, static_cast<int>(col), std::floor(std::min(ay, by)), std::floor(std::max(ay, by)), out);
        return;
    }
    const double slope = (by - ay) / (bx - ax);
    const double first_col = std::max(std::floor(ax), 0.0);
    const double last_col = std::min(std::floor(bx), grid.cols - 1.0);
    for (double col = first_col; col <= last_col; col += 1.0) {
        // The part of the segment with col <= x < col + 1, closed at the east end only when the segment ends
        // inside this column (a point on the line x = col + 1 belongs to the next column).
        const double x0 = std::max(ax, col);
        const double x1 = std::min(bx, col + 1.0);
        const bool closed = bx < col + 1.0;
        // The endpoints' own y, not the interpolated one, so that a segment ending on a pixel edge stays exact.
        const double y0 = x0 == ax ? ay : ay + (x0 - ax) * slope;
        const double y1 = x1 == bx ? by : ay + (x1 - ax) * slope;
        const int c = static_cast<int>(col);
        if (closed || y1 == y0) emit_rows(grid, c, std::floor(std::min(y0, y1)), std::floor(std::max(y0, y1)), out);
        else if (y1 > y0) emit_rows(grid, c, std::floor(y0), std::ceil(y1) - 1.0, out);  // [y0, y1)
        else emit_rows(grid, c, std::floor(y1), std::floor(y0), out);                     // (y1, y0]
    }
}

std::vector<std::uint8_t> rasterise_area(const Grid& grid, const MultiPolygon& area)
{
    grid.validate();
    std::vector<Crossing> crossings;
    for (std::size_t p = 0; p < area.size(); ++p) {
        const int polygon = static_cast<int>(p);
        ring_crossings(grid, area[p].outer(), polygon, crossings);
        for (const auto& hole : area[p].inners()) ring_crossings(grid, hole, polygon, crossings);
    }
    std::sort(crossings.begin(), crossings.end());

    std::vector<std::uint8_t> inside = memory::pixel_buffer<std::uint8_t>(grid.cells(), 0);
    // Consecutive crossings of one polygon on one row pair up into spans [x_in, x_out); a pixel is inside when its
    // centre col + 0.5 falls in a span.
    for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
        const Crossing& in = crossings[i];
        const Crossing& out = crossings[i + 1];
        if (in.row != out.row || in.polygon != out.polygon) {
            // Cannot happen with closed rings; skip one so pairing resynchronises rather than inverting a row.
            --i;
            continue;
        }
        const double first = std::max(std::ceil(in.x - 0.5), 0.0);
        const double end = std::min(std::ceil(out.x - 0.5), static_cast<double>(grid.cols));
        if (!(first < end)) continue;
        std::uint8_t* row = inside.data() + grid.index(0, in.row);
        std::fill(row + static_cast<std::ptrdiff_t>(first), row + static_cast<std::ptrdiff_t>(end), std::uint8_t{1});
    }
    return inside;
}

}  // namespace geo::raster
