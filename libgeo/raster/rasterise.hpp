#pragma once
// Burning vector geometry into a Grid, computed here rather than through GDALRasterizeGeometries because the
// distance transform needs, per pixel, which segments touch it, and because the rules must be exact and stated:
//
//  - A segment marks every pixel that contains one of its points, each pixel holding its west and north edges
//    (the half-open square [col, col+1) x [row, row+1) in pixel units, rows counted southward). So every point of
//    a segment inside the grid lies in a marked pixel's closed square, and every marked pixel's closed square
//    touches the segment: the two facts the accuracy bound of distance_transform.hpp rests on. A segment along
//    a pixel edge marks the pixels east of / south of the edge; through a corner, the pixels its points fall in.
//    GDAL's ALL_TOUCHED=TRUE burns the same pixels for segments in general position (tests/raster/test_rasterise.cpp
//    checks 2,000 random ones). It differs (i) on segments within 0.01 pixel of vertical or horizontal, which GDAL
//    snaps to one column or row, and (ii) at an end point lying exactly on a pixel edge: here it marks the pixel
//    east or south of the edge (the one that holds the point), GDAL does not, except at the grid's east or south
//    edge, where GDAL clamps the point into the last pixel and it is outside the grid here.
//  - A polygon covers the pixels whose centre lies inside it (even-odd rule over its outer ring and holes, by
//    scanlines); a multipolygon is the union of its polygons, so touching or overlapping parts stay inside.
//    A centre exactly on an edge counts as inside on west and north edges and outside on east and south edges.
#include "libgeo/core/geometry.hpp"
#include "libgeo/raster/grid.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace geo::raster {

// Appends the row-major index of every pixel the closed segment a-b marks, column by column from the west; pixels
// outside the grid are skipped. A zero-length segment marks the one pixel holding its point.
void segment_cells(const Grid& grid, const Point& a, const Point& b, std::vector<std::size_t>& out);

// One byte per pixel, row-major: 1 where the pixel centre lies inside `area`, else 0.
std::vector<std::uint8_t> rasterise_area(const Grid& grid, const MultiPolygon& area);

}  // namespace geo::raster
