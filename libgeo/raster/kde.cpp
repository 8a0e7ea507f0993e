// Kernel density: kernels, options, points and the grid. The tiled evaluation is in kde_tiles.cpp.
#include "libgeo/raster/kde.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/number_text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace geo::raster {

namespace {

void check_positive(double value, const char* what, const char* hint)
{
    if (!(std::isfinite(value) && value > 0.0))
        throw UsageError(std::string("the kernel density ") + what + " must be a positive number of metres, not " +
                             number_text(value),
                         {}, hint);
}

double effective_radius(const KdePoint& p, double radius_m) { return p.radius > 0.0 ? p.radius : radius_m; }

}  // namespace

Kernel parse_kernel(std::string_view name)
{
    if (auto kernel = options::value_named(kernel_names, name)) return *kernel;
    std::string choices;
    for (const auto& k : kernel_names) choices += (choices.empty() ? "" : ", ") + std::string(k.name);
    throw UsageError("unknown kernel '" + std::string(name) + "'", {}, "choose one of " + choices);
}

std::string_view kernel_name(Kernel kernel) { return options::name_of(kernel_names, kernel); }

KdeOutput parse_kde_output(std::string_view name)
{
    if (auto output = options::value_named(kde_output_names, name)) return *output;
    throw UsageError("unknown kernel density output '" + std::string(name) + "'", {},
                     "choose raw (sum of kernel values, as QGIS's default) or scaled (density per m2 or km2)");
}

std::string_view kde_output_name(KdeOutput output) { return options::name_of(kde_output_names, output); }

void KdeOptions::validate() const
{
    check_positive(radius_m, "radius", "use e.g. radius_m = 300");
    check_positive(pixel_m, "pixel size", "use e.g. pixel_m = 10");
    if (threads < 1 || threads > 256)
        throw UsageError("threads must be between 1 and 256, not " + std::to_string(threads));
    if (tile_px < 16 || tile_px > 4096)
        throw UsageError("the kernel density tile size must be between 16 and 4096 pixels, not " +
                         std::to_string(tile_px));
    if (max_lanes != 2 && max_lanes != 4 && max_lanes != 8)
        throw UsageError("the kernel density vector width must be 2, 4 or 8 lanes, not " + std::to_string(max_lanes));
    if (kernel_name(kernel) == "unknown") throw UsageError("unknown kernel");
    if (output != KdeOutput::raw && output != KdeOutput::scaled) throw UsageError("unknown kernel density output");
}

double kernel_value(const KdeOptions& options, double d, double r)
{
    if (!(d <= r)) return 0.0;
    const double u2 = (d * d) / (r * r);
    const double t = 1.0 - u2;
    double shape = 0.0;
    double constant = 0.0;  // times 1 / (pi r^2); derivations in kde.hpp
    switch (options.kernel) {
    case Kernel::quartic: shape = t * t; constant = 3.0; break;
    case Kernel::triangular: shape = 1.0 - d / r; constant = 3.0; break;
    case Kernel::uniform: shape = 1.0; constant = 1.0; break;
    case Kernel::triweight: shape = t * t * t; constant = 4.0; break;
    case Kernel::epanechnikov: shape = t; constant = 2.0; break;
    case Kernel::gaussian: shape = std::exp(-8.0 * u2); constant = 8.0; break;
    }
    if (options.output == KdeOutput::raw) return shape;
    const double per_m2 = constant / (std::numbers::pi * r * r);
    return shape * per_m2 * (options.per_km2 ? 1e6 : 1.0);
}

std::string kde_units(const KdeOptions& options)
{
    if (options.output == KdeOutput::raw) return "weighted points";
    return options.per_km2 ? "per km2" : "per m2";
}

void validate_points(std::span<const KdePoint> points)
{
    for (std::size_t i = 0; i < points.size(); ++i) {
        const KdePoint& p = points[i];
        const std::string which = "kernel density point " + std::to_string(i);
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) throw UsageError(which + " has a non-finite coordinate");
        if (!std::isfinite(p.weight))
            throw UsageError(which + " has a non-finite weight", {}, "check the weight field for text or blanks");
        if (p.weight < 0.0)
            throw UsageError(which + " has a negative weight (" + number_text(p.weight) + ")", {},
                             "weights count problems and must be >= 0");
        if (!std::isfinite(p.radius) || p.radius < 0.0)
            throw UsageError(which + " has an invalid radius (" + number_text(p.radius) + ")", {},
                             "per-point radii must be positive metres");
    }
}

void validate_kde_grid(const Grid& grid)
{
    if (!(std::isfinite(grid.pixel) && grid.pixel > 0.0))
        throw UsageError("a raster pixel size must be a positive number of metres, not " + number_text(grid.pixel));
    if (!std::isfinite(grid.origin_x) || !std::isfinite(grid.origin_y))
        throw UsageError("a raster grid needs a finite origin");
    if (grid.cols < 1 || grid.rows < 1)
        throw UsageError("a raster grid needs at least one column and one row, not " + std::to_string(grid.cols) +
                         " x " + std::to_string(grid.rows));
    if (static_cast<double>(grid.cols) * static_cast<double>(grid.rows) > static_cast<double>(max_kde_cells))
        throw UsageError("a density raster of " + std::to_string(grid.cols) + " x " + std::to_string(grid.rows) +
                             " pixels exceeds the limit of " + std::to_string(max_kde_cells / 1'000'000) + " M cells",
                         {}, "use a larger pixel size");
}

Grid qgis_kde_grid(std::span<const KdePoint> points, double radius_m, double pixel_m)
{
    check_positive(radius_m, "radius", "use e.g. radius_m = 300");
    check_positive(pixel_m, "pixel size", "use e.g. pixel_m = 10");
    if (points.empty())
        throw UsageError("there are no points to compute a kernel density from", {},
                         "check the issue filters (category, type, status, time window)");
    validate_points(points);
    double xmin = points[0].x, xmax = points[0].x, ymin = points[0].y, ymax = points[0].y;
    double radius = radius_m;
    for (const KdePoint& p : points) {
        xmin = std::min(xmin, p.x);
        xmax = std::max(xmax, p.x);
        ymin = std::min(ymin, p.y);
        ymax = std::max(ymax, p.y);
        // QGIS grows the extent by the radius field's maximum when radii come from a field; points without their
        // own radius use radius_m here.
        radius = std::max(radius, effective_radius(p, radius_m));
    }
    xmin -= radius;
    xmax += radius;
    ymin -= radius;
    ymax += radius;
    const double cols = std::max(std::ceil((xmax - xmin) / pixel_m) + 1.0, 1.0);
    const double rows = std::max(std::ceil((ymax - ymin) / pixel_m) + 1.0, 1.0);
    if (!(cols * rows <= static_cast<double>(max_kde_cells)))
        throw UsageError("the points' extent with a " + number_text(pixel_m) + " m pixel needs " +
                             number_text(cols) + " x " + number_text(rows) + " pixels, beyond the limit of " +
                             std::to_string(max_kde_cells / 1'000'000) + " M cells",
                         {}, "use a larger pixel size, or filter out far-away points");
    Grid grid;
    grid.origin_x = xmin;
    grid.origin_y = ymax;
    grid.pixel = pixel_m;
    grid.cols = static_cast<int>(cols);
    grid.rows = static_cast<int>(rows);
    return grid;
}

Grid kde_grid(std::span<const KdePoint> points, const KdeOptions& options)
{
    options.validate();
    return qgis_kde_grid(points, options.radius_m, options.pixel_m);
}

std::optional<std::string> kde_advice(const Grid& grid, const KdeOptions& options)
{
    if (options.radius_m < grid.pixel)
        return "the kernel radius (" + number_text(options.radius_m) + " m) is smaller than the pixel (" +
               number_text(grid.pixel) + " m): only pixel centres within the radius of a point get a value, so some " +
               "points may not show at all; use a radius of a few pixels";
    return std::nullopt;
}

}  // namespace geo::raster
