#include "libgeo/raster/seeds.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/raster/rasterise.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace geo::raster::detail {

namespace {

bool finite(const Point& p) { return std::isfinite(p.x()) && std::isfinite(p.y()); }

bool same(const Point& a, const Point& b) { return a.x() == b.x() && a.y() == b.y(); }

// Calls add(a, b) for every segment of the lines in input order. Repeated vertices are dropped; a line of one
// position is one point.
template <class Add>
void each_segment(const std::vector<LineString>& lines, Add&& add)
{
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const LineString& line = lines[l];
        for (const Point& p : line)
            if (!finite(p)) throw Error("line " + std::to_string(l) + " has a non-finite coordinate");
        bool any = false;
        for (std::size_t i = 1; i < line.size(); ++i)
            if (!same(line[i - 1], line[i])) {
                add(line[i - 1], line[i]);
                any = true;
            }
        // A track of one fix, or of one position recorded many times, is a visited point.
        if (!any && !line.empty()) add(line.front(), line.front());
    }
}

}  // namespace

std::vector<Segment> make_segments(const Grid& grid, const std::vector<LineString>& lines)
{
    std::vector<Segment> segments;
    std::size_t points = 0;
    for (const LineString& line : lines) points += line.size();
    segments.reserve(points);  // at most one segment per point
    each_segment(lines, [&](const Point& a, const Point& b) {
        // Segment ids travel as 32-bit integers.
        if (segments.size() >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
            throw UsageError("too many line segments for one distance raster");
        segments.push_back({a.x() - grid.origin_x, grid.origin_y - a.y(), b.x() - grid.origin_x, grid.origin_y - b.y()});
    });
    return segments;
}

std::size_t seed_cells(const Grid& grid, const std::vector<LineString>& lines, std::vector<std::size_t>& cells)
{
    std::size_t segments = 0;
    each_segment(lines, [&](const Point& a, const Point& b) {
        ++segments;
        segment_cells(grid, a, b, cells);
    });
    return segments;
}

}  // namespace geo::raster::detail
