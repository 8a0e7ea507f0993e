#pragma once
// North-up raster grids in the campaign's local metric CRS, and the Float32 rasters the analyses return.
// Rasters are plain values in memory; only export/raster_writer.hpp and export/density_writer.hpp turn them into files.
#include "libgeo/core/geometry.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace geo::raster {

// The value of pixels that carry no distance or density: outside the mask, or no input at all. A negative
// number, not NaN, because every consumer (QGIS, numpy, spreadsheets) compares it reliably.
inline constexpr float nodata = -9999.0F;

// Largest grid accepted: the distance transform numbers pixels and seeds with int32. Whether a grid fits in memory
// is checked where it is allocated (Grid::require_memory), against the machine's memory or --max-memory.
inline constexpr long long max_grid_cells = 2'147'483'647;

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

    // Throws geo::InputError, suggesting a pixel size that fits, unless bytes_per_cell for every cell fit in the
    // memory geowalk may still use (core/memory.hpp). `what` names the raster ("the walk-distance raster").
    void require_memory(double bytes_per_cell, const std::string& what) const;
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
