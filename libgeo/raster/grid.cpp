#include "libgeo/raster/grid.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/memory.hpp"
#include "libgeo/core/number_text.hpp"

#include <cmath>
#include <limits>
#include <string>

namespace geo::raster {

namespace {

std::string metres(double value) { return significant_text(value, 6) + " m"; }

void check_pixel(double pixel)
{
    if (!(std::isfinite(pixel) && pixel > 0.0))
        throw UsageError("a raster pixel size must be a positive number of metres, not " + number_text(pixel), {},
                         "use e.g. pixel_m = 10");
}

// Cell counts are checked in double before any narrowing, so absurd sizes cannot wrap around.
void check_size(double cols, double rows, double pixel)
{
    const double cells = cols * rows;
    if (cols <= std::numeric_limits<int>::max() && rows <= std::numeric_limits<int>::max() &&
        cells <= static_cast<double>(max_grid_cells))
        return;
    const double fitting = pixel * std::sqrt(cells / static_cast<double>(max_grid_cells));
    throw UsageError("a raster of " + std::to_string(static_cast<long long>(cols)) + " x " +
                         std::to_string(static_cast<long long>(rows)) + " pixels of " + metres(pixel) +
                         " exceeds the limit of " + std::to_string(max_grid_cells / 1'000'000) + " M cells",
                     {}, "use a pixel size of at least " + metres(std::ceil(fitting * 10.0) / 10.0));
}

}  // namespace

Box Grid::extent() const
{
    return {Point(origin_x, origin_y - rows * pixel), Point(origin_x + cols * pixel, origin_y)};
}

std::array<double, 6> Grid::geotransform() const { return {origin_x, pixel, 0.0, origin_y, 0.0, -pixel}; }

void Grid::validate() const
{
    check_pixel(pixel);
    if (!std::isfinite(origin_x) || !std::isfinite(origin_y))
        throw UsageError("a raster grid needs a finite origin");
    if (cols < 1 || rows < 1)
        throw UsageError("a raster grid needs at least one column and one row, not " + std::to_string(cols) + " x " +
                         std::to_string(rows));
    check_size(cols, rows, pixel);
}

void Grid::require_memory(double bytes_per_cell, const std::string& what) const
{
    const double bytes = bytes_per_cell * static_cast<double>(cells());
    const double free = memory::free_bytes();
    // 2 % more than the exact ratio: rounding the extent out to whole pixels adds a row and a column.
    const double fitting = free > 0.0 ? 1.02 * pixel * std::sqrt(bytes / free) : 0.0;
    memory::require(bytes,
                    what + " of " + std::to_string(cols) + " x " + std::to_string(rows) + " pixels of " + metres(pixel),
                    fitting > 0.0 ? "use a pixel size of at least " + metres(std::ceil(fitting * 10.0) / 10.0)
                                  : "the inputs already take all of it: split the campaign by village or by period");
}

Grid grid_covering(const Box& extent, double pixel)
{
    check_pixel(pixel);
    const Point& lo = extent.min_corner();
    const Point& hi = extent.max_corner();
    if (!(std::isfinite(lo.x()) && std::isfinite(lo.y()) && std::isfinite(hi.x()) && std::isfinite(hi.y())))
        throw UsageError("cannot lay a raster over a non-finite extent", {}, "is the input layer empty?");
    if (lo.x() > hi.x() || lo.y() > hi.y())
        throw UsageError("cannot lay a raster over an empty extent", {}, "is the input layer empty?");
    // Edges in whole pixels from the CRS origin; floor/ceil snap outward.
    const double west = std::floor(lo.x() / pixel);
    const double south = std::floor(lo.y() / pixel);
    const double east = std::max(std::ceil(hi.x() / pixel), west + 1.0);
    const double north = std::max(std::ceil(hi.y() / pixel), south + 1.0);
    check_size(east - west, north - south, pixel);
    Grid grid;
    grid.origin_x = west * pixel;
    grid.origin_y = north * pixel;
    grid.pixel = pixel;
    grid.cols = static_cast<int>(east - west);
    grid.rows = static_cast<int>(north - south);
    return grid;
}

}  // namespace geo::raster
