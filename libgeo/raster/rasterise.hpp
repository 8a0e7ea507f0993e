#pragma once
// Burning village polygons into a Grid, computed here rather than through GDALRasterizeGeometries because the rule
// must be exact and stated: a polygon covers the pixels whose centre lies inside it (even-odd rule over its outer
// ring and holes, by scanlines); a multipolygon is the union of its polygons, so touching or overlapping parts stay
// inside. A centre exactly on an edge counts as inside on west and north edges and outside on east and south edges.
// (The walks are burnt by GDAL itself, seeds.hpp, so that the seed-centre distances measure what gdal_proximity
// measures on gdal_rasterize -at's raster.)
#include "libgeo/core/geometry.hpp"
#include "libgeo/raster/grid.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace geo::raster {

// Columns [begin, end) of one row.
struct ColumnRun {
    int begin;
    int end;
};

// The pixels whose centre lies inside an area, row by row: row r's are runs[first[r] .. first[r + 1]), in increasing
// order and apart from one another (the runs of touching or overlapping parts are merged).
struct AreaRuns {
    std::vector<std::size_t> first;  // grid.rows + 1 entries
    std::vector<ColumnRun> runs;
};

AreaRuns area_runs(const Grid& grid, const MultiPolygon& area);

// One byte per pixel, row-major: 1 where the pixel centre lies inside `area`, else 0.
std::vector<std::uint8_t> rasterise_area(const Grid& grid, const MultiPolygon& area);

}  // namespace geo::raster
