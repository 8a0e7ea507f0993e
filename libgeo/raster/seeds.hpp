#pragma once
// The seeds of the distance transform: the pixels walked lines pass through, and for each the segments that pass
// through it, so that the nearest seed found by the transform leads back to the exact geometry.
#include "libgeo/core/geometry.hpp"
#include "libgeo/raster/grid.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace geo::raster::detail {

// A segment in grid-local metres: x east of the grid's west edge, y south of its north edge. Local coordinates keep
// ~7 more significant digits than UTM eastings/northings in the distance arithmetic.
struct Segment {
    double ax, ay, bx, by;
};

// Squared Euclidean distance from (px, py) to the closed segment, in the same frame; squared because callers only
// compare and take one square root at the end. The perpendicular case goes through the cross product so that a
// point exactly on the segment gives exactly 0. Inline: it is the innermost loop of the distance raster.
inline double segment_distance2(const Segment& s, double px, double py)
{
    const double dx = s.bx - s.ax;
    const double dy = s.by - s.ay;
    const double wx = px - s.ax;
    const double wy = py - s.ay;
    const double along = wx * dx + wy * dy;
    if (along <= 0.0) return wx * wx + wy * wy;  // also the zero-length segment
    const double length2 = dx * dx + dy * dy;
    if (along >= length2) {
        const double ex = px - s.bx;
        const double ey = py - s.by;
        return ex * ex + ey * ey;
    }
    const double cross = wx * dy - wy * dx;
    return cross * cross / length2;
}

struct SeedTable {
    std::vector<Segment> segments;           // of all lines, in input order; a one-point line gives one point
    std::vector<std::uint8_t> follows;       // per segment: 1 when it continues the one before it in the same line
    std::vector<int> seed_col;               // per seed, seeds in row-major pixel order
    std::vector<int> seed_row;
    std::vector<std::size_t> row_first;      // per grid row plus one: the first seed in that row
    std::vector<std::size_t> first;          // per seed plus one: the seed's range in segment_ids
    std::vector<std::uint32_t> segment_ids;  // ascending within each seed
    std::vector<std::uint32_t> leaving;      // segments with a part outside the grid, ascending

    [[nodiscard]] std::size_t seed_count() const { return seed_col.size(); }
};

// Splits the lines into segments (repeated vertices dropped, empty lines skipped) and marks their pixels with
// segment_cells (rasterise.hpp). seed_of_cell receives grid.cells() entries: the seed number of each marked pixel,
// -1 elsewhere. Throws geo::Error for a non-finite coordinate.
SeedTable make_seeds(const Grid& grid, const std::vector<LineString>& lines, std::vector<std::int32_t>& seed_of_cell);

}  // namespace geo::raster::detail
