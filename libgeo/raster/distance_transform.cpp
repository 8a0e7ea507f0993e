#include "libgeo/raster/distance_transform.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/raster/lower_envelope.hpp"
#include "libgeo/core/parallel.hpp"
#include "libgeo/raster/rasterise.hpp"
#include "libgeo/raster/seeds.hpp"
#include "libgeo/raster/segment_field.hpp"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace geo::raster {

namespace {

using detail::SeedTable;

// The peak per pixel: the Float32 result and the mask, and for seed centres the int32 seed of each pixel.
constexpr double segment_bytes_per_cell = 5.0;
constexpr double seed_bytes_per_cell = 9.0;

// Reports a phase's progress as a share of the whole call.
struct Progress {
    GDALProgressFunc fn;
    void* data;
    bool operator()(double from, double to, double done, const char* what) const
    {
        return !fn || fn(from + (to - from) * done, what, data) != FALSE;
    }
    void check(bool carry_on) const
    {
        if (!carry_on) throw Error("the walk distance raster was cancelled");
    }
};

// Column pass: afterwards nearest[pixel] is the nearest seed in the pixel's column (-1: the column has none).
bool column_pass(const Grid& grid, std::vector<std::int32_t>& nearest, int threads, const Progress& progress)
{
    auto work = [&](std::size_t first, std::size_t last) {
        detail::LowerEnvelope envelope;
        std::vector<std::int32_t> column(static_cast<std::size_t>(grid.rows));
        std::vector<int> site(static_cast<std::size_t>(grid.rows));
        for (auto col = static_cast<int>(first); col < static_cast<int>(last); ++col) {
            envelope.reset(grid.rows);
            for (int row = 0; row < grid.rows; ++row) {
                column[static_cast<std::size_t>(row)] = nearest[grid.index(col, row)];
                if (column[static_cast<std::size_t>(row)] >= 0) envelope.add(row, 0.0);
            }
            envelope.nearest(site.data());
            for (int row = 0; row < grid.rows; ++row) {
                const int s = site[static_cast<std::size_t>(row)];
                nearest[grid.index(col, row)] = s < 0 ? -1 : column[static_cast<std::size_t>(s)];
            }
        }
    };
    // Chunks of adjacent columns share cache lines of the row-major array.
    return geo::detail::parallel_chunks(static_cast<std::size_t>(grid.cols), 16, threads, work,
                                   [&](double done) { return progress(0.05, 0.35, done, "distance: columns"); });
}

// Row pass: each pixel weighs the column-nearest seeds of its row by (dx^2 + dy^2); afterwards nearest[pixel] is
// the seed with the nearest centre.
bool row_pass(const Grid& grid, const SeedTable& seeds, std::vector<std::int32_t>& nearest, int threads,
              const Progress& progress)
{
    auto work = [&](std::size_t first, std::size_t last) {
        detail::LowerEnvelope envelope;
        std::vector<std::int32_t> line(static_cast<std::size_t>(grid.cols));
        std::vector<int> site(static_cast<std::size_t>(grid.cols));
        for (auto row = static_cast<int>(first); row < static_cast<int>(last); ++row) {
            std::int32_t* pixels = nearest.data() + grid.index(0, row);
            envelope.reset(grid.cols);
            for (int col = 0; col < grid.cols; ++col) {
                const std::int32_t seed = pixels[col];
                line[static_cast<std::size_t>(col)] = seed;
                if (seed < 0) continue;
                const double dy = row - seeds.seed_row[static_cast<std::size_t>(seed)];
                envelope.add(col, dy * dy);
            }
            envelope.nearest(site.data());
            for (int col = 0; col < grid.cols; ++col) {
                const int s = site[static_cast<std::size_t>(col)];
                pixels[col] = s < 0 ? -1 : line[static_cast<std::size_t>(s)];
            }
        }
    };
    return geo::detail::parallel_chunks(static_cast<std::size_t>(grid.rows), 8, threads, work,
                                   [&](double done) { return progress(0.35, 0.65, done, "distance: rows"); });
}

// The values: distances to the nearest seed centre of the pixels inside the mask, nodata elsewhere.
bool values_pass(const Grid& grid, const SeedTable& seeds, const std::vector<std::int32_t>& nearest,
                 const std::vector<std::uint8_t>& inside, int threads, Raster& out, const Progress& progress)
{
    auto work = [&](std::size_t first, std::size_t last) {
        for (auto row = static_cast<int>(first); row < static_cast<int>(last); ++row)
            for (int col = 0; col < grid.cols; ++col) {
                const std::size_t i = grid.index(col, row);
                const std::int32_t id = nearest[i];
                if ((!inside.empty() && !inside[i]) || id < 0) continue;  // stays nodata
                const double dx = col - seeds.seed_col[static_cast<std::size_t>(id)];
                const double dy = row - seeds.seed_row[static_cast<std::size_t>(id)];
                out.values[i] = static_cast<float>(std::sqrt(dx * dx + dy * dy) * grid.pixel);
            }
    };
    return geo::detail::parallel_chunks(static_cast<std::size_t>(grid.rows), 8, threads, work,
                                        [&](double done) { return progress(0.65, 1.0, done, "distance: values"); });
}

}  // namespace

void DistanceOptions::validate() const
{
    if (threads < 1 || threads > 256)
        throw UsageError("threads = " + std::to_string(threads) + " is out of range", {},
                         "use between 1 and 256 threads");
}

Raster distance_to_lines(const Grid& grid, const std::vector<LineString>& lines, const MultiPolygon* mask,
                         GDALProgressFunc progress, void* progress_data)
{
    return distance_to_lines(grid, lines, mask, DistanceOptions{}, progress, progress_data);
}

Raster distance_to_lines(const Grid& grid, const std::vector<LineString>& lines, const MultiPolygon* mask,
                         const DistanceOptions& options, GDALProgressFunc progress, void* progress_data)
{
    grid.validate();
    options.validate();
    const bool to_segments = options.measure == DistanceMeasure::to_segments;
    grid.require_memory(to_segments ? segment_bytes_per_cell : seed_bytes_per_cell,
                        "the walk-distance raster (walk_distance.tif)");
    const Progress step{progress, progress_data};
    step.check(step(0.0, 0.0, 0.0, "distance: segments"));
    Raster out{grid, std::vector<float>(grid.cells(), nodata)};

    if (to_segments) {
        const std::vector<detail::Segment> segments = detail::make_segments(grid, lines);
        if (segments.empty()) {
            step.check(step(0.0, 1.0, 1.0, "distance: no lines"));
            return out;
        }
        const std::vector<std::uint8_t> inside = mask ? rasterise_area(grid, *mask) : std::vector<std::uint8_t>{};
        step.check(step(0.0, 0.05, 1.0, "distance: segments"));
        step.check(detail::exact_segment_distances(grid, segments, inside, out.values, options.threads,
                                                   [&](double done) {
                                                       return step(0.05, 1.0, done, "distance: nearest segments");
                                                   }));
        return out;
    }

    std::vector<std::int32_t> nearest;  // seed number per pixel, refined by each pass
    const SeedTable seeds = detail::make_seeds(grid, lines, nearest);
    if (seeds.segments.empty()) {
        step.check(step(0.0, 1.0, 1.0, "distance: no lines"));
        return out;
    }
    const std::vector<std::uint8_t> inside = mask ? rasterise_area(grid, *mask) : std::vector<std::uint8_t>{};
    step.check(step(0.0, 0.05, 1.0, "distance: seeds"));
    if (seeds.seed_count() > 0) {
        step.check(column_pass(grid, nearest, options.threads, step));
        step.check(row_pass(grid, seeds, nearest, options.threads, step));
    }
    step.check(values_pass(grid, seeds, nearest, inside, options.threads, out, step));
    return out;
}

}  // namespace geo::raster
