#pragma once
// North-up raster grids in the campaign's local metric CRS, and the Float32 rasters the analyses return.
// Rasters are plain values in memory; only io/raster_writer.hpp turns them into files.
#include "libgeo/core/geometry.hpp"

#include <array>
#include <cstddef>
#include <vector>

namespace geo::raster {

// The value of pixels that carry no distance or density: outside the mask, or no input at all. A negative
// number, not NaN, because every consumer (QGIS, numpy, spreadsheets) compares it reliably.
inline constexpr float nodata = -9999.0F;

// Largest grid accepted: 200 M cells. The distance transform peaks at about 13 bytes per cell (Float32 result,
// two int32 indices, the mask byte), 2.6 GB at the limit; writing a COG adds GDAL's block cache. A township
// (50-300 km²) at 2 m pixels is 12-75 M cells, so the limit only stops mistakes such as a pixel size in km.
inline constexpr long long max_grid_cells = 200'000'000;

struct Grid {
    double origin_x = 0.0;  // west edge of the first column, metres
    double origin_y = 0.0;  // north edge of the first row, metres
    double pixel = 1.0;     // side of the square pixels, metres
    int cols = 0;
    int rows = 0;

    // Centre of a column / row.
    [[nodiscard]] double x(int col) const { return origin_x + (col + 0.5) * pixel; }
    [[nodiscard]] double y(int row) const { return origin_y - (row + 0.5) * pixel; }
    [[nodiscard]] std::size_t cells() const
    {
        return static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows);
    }
    // Row-major index of a pixel, north-west first.
    [[nodiscard]] std::size_t index(int col, int row) const
    {
        return static_cast<std::size_t>(row) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(col);
    }
    // The outer pixel edges.
    [[nodiscard]] Box extent() const;
    // GDAL's affine transform: x = gt[0] + col * gt[1] + row * gt[2], y = gt[3] + col * gt[4] + row * gt[5].
    [[nodiscard]] std::array<double, 6> geotransform() const;

    // Throws geo::UsageError unless the origin is finite, pixel > 0, cols and rows >= 1 and the cell count is
    // within max_grid_cells. Every function taking a Grid calls it, since a Grid is a plain aggregate.
    void validate() const;
};

// The smallest grid with the given pixel size that covers `extent`, with pixel edges on multiples of the pixel size
// (snapped outward), so rasters of one campaign line up whatever extent each was made for. An extent of zero width
// or height still gets one column or row. Throws geo::UsageError for a non-positive pixel, an empty or non-finite
// extent, or a grid beyond max_grid_cells (the message suggests a pixel size that fits).
Grid grid_covering(const Box& extent, double pixel);

struct Raster {
    Grid grid;
    std::vector<float> values;  // grid.cells() values, row-major from the north-west pixel

    [[nodiscard]] float at(int col, int row) const { return values[grid.index(col, row)]; }
    float& at(int col, int row) { return values[grid.index(col, row)]; }
};

}  // namespace geo::raster
