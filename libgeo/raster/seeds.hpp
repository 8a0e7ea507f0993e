#pragma once
// The inputs of the distance raster: the lines' segments in grid-local metres (what the exact measure uses), and the
// seeds of the seed-centre transform, the pixels the lines pass through.
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

// The segments of the lines in grid-local metres, in input order: repeated vertices dropped, empty lines skipped, a
// line of one position one zero-length segment. Throws geo::Error for a non-finite coordinate.
std::vector<Segment> make_segments(const Grid& grid, const std::vector<LineString>& lines);

// The seeds of the seed-centre transform: appends to `cells` (in row-major order) the row-major index of every pixel
// GDAL's rasteriser burns for the lines with ALL_TOUCHED=TRUE (GDALRasterizeGeometries, what `gdal_rasterize -at`
// burns), a line of one position as a point. Every pixel a line passes through, except that GDAL snaps a segment
// within 0.01 pixel of a row or column line to one side of it. Returns the number of segments as make_segments
// counts them (0: nothing to measure to, and nothing is burnt). Throws geo::Error for a non-finite coordinate.
// Bands of rows are burnt on `threads` threads.
std::size_t seed_cells(const Grid& grid, const std::vector<LineString>& lines, std::vector<std::size_t>& cells,
                       int threads = 1);

}  // namespace geo::raster::detail
