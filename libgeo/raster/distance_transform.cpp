#include "libgeo/raster/distance_transform.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/memory.hpp"
#include "libgeo/raster/lower_envelope.hpp"
#include "libgeo/core/parallel.hpp"
#include "libgeo/raster/rasterise.hpp"
#include "libgeo/raster/seeds.hpp"
#include "libgeo/raster/segment_field.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace geo::raster {

namespace {

// The peak per pixel: the Float32 result and the mask; for seed centres also an int32 per pixel of the seed grid.
constexpr double segment_bytes_per_cell = 5.0;
constexpr double seed_bytes_per_cell = 4.0;

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

// Where a column has no seed: far above any distance in pixels, and still far from overflowing when 1 is added.
constexpr std::int32_t no_seed = std::int32_t{1} << 30;

// Column sweeps: on entry `column` is 0 at the seeds and no_seed elsewhere; afterwards it is each pixel's distance in
// pixels to the nearest seed of its column (no_seed when the column has none). A sweep southward and one northward,
// each a minimum with the neighbouring row plus one, over strips of adjacent columns so that every row of a strip
// is a contiguous run the compiler turns into vector instructions.
bool column_sweeps(const Grid& grid, std::vector<std::int32_t>& column, int threads, const Progress& progress)
{
    constexpr std::size_t strip = 1024;
    const auto cols = static_cast<std::size_t>(grid.cols);
    auto work = [&](std::size_t first, std::size_t last) {
        const std::size_t from = first * strip;
        const std::size_t to = std::min(last * strip, cols);
        std::int32_t* pixels = column.data();
        for (int row = 1; row < grid.rows; ++row) {
            std::int32_t* here = pixels + grid.index(0, row);
            const std::int32_t* north = here - cols;
            for (std::size_t c = from; c < to; ++c) here[c] = std::min(here[c], north[c] + 1);
        }
        for (int row = grid.rows - 2; row >= 0; --row) {
            std::int32_t* here = pixels + grid.index(0, row);
            const std::int32_t* south = here + cols;
            for (std::size_t c = from; c < to; ++c) here[c] = std::min(here[c], south[c] + 1);
        }
    };
    return geo::detail::parallel_chunks((cols + strip - 1) / strip, 1, threads, work,
                                        [&](double done) { return progress(0.05, 0.3, done, "distance: columns"); });
}

// The seed grid: the output grid grown by `margin` pixels on every side.
struct SeedGrid {
    Grid grid;
    int margin = 0;
};

// Lines beyond the output grid still count for the seed centres up to this many pixels out: the transform runs on
// the grid grown as far as the lines reach, but no farther than this (tracks are kept when they touch a village,
// so they rarely reach far beyond the villages' bounding box).
constexpr int max_seed_margin = 256;

SeedGrid seed_grid(const Grid& grid, const std::vector<LineString>& lines)
{
    double beyond = 0.0;  // metres
    for (const LineString& line : lines)
        for (const Point& p : line) {
            const double west = grid.origin_x - p.x();
            const double east = p.x() - (grid.origin_x + grid.cols * grid.pixel);
            const double north = p.y() - grid.origin_y;
            const double south = (grid.origin_y - grid.rows * grid.pixel) - p.y();
            beyond = std::max({beyond, west, east, north, south});  // NaN leaves it; make_segments reports it
        }
    const int margin = static_cast<int>(std::min<double>(max_seed_margin, std::ceil(beyond / grid.pixel)));
    SeedGrid out{grid, margin};
    out.grid.origin_x -= margin * grid.pixel;
    out.grid.origin_y += margin * grid.pixel;
    out.grid.cols += 2 * margin;
    out.grid.rows += 2 * margin;
    return out;
}

// Row pass: each pixel's squared distance to the nearest seed centre is the least (dx^2 + column[x]^2) over the
// pixels x of its row in the seed grid (the lower envelope of those parabolas, in exact integers); the pixels of the
// output grid inside the mask receive its root in metres.
bool row_pass(const Grid& grid, const SeedGrid& seeds, const std::vector<std::int32_t>& column,
              const std::vector<std::uint8_t>& inside, int threads, Raster& out, const Progress& progress)
{
    const auto seed_cols = static_cast<std::size_t>(seeds.grid.cols);
    const auto margin = static_cast<std::size_t>(seeds.margin);
    auto work = [&](std::size_t first, std::size_t last) {
        detail::LowerEnvelope envelope;
        std::vector<std::int64_t> d2(seed_cols);
        for (auto row = static_cast<int>(first); row < static_cast<int>(last); ++row) {
            const std::int32_t* dy = column.data() + seeds.grid.index(0, row + seeds.margin);
            envelope.reset(seed_cols);
            for (std::size_t col = 0; col < seed_cols; ++col)
                if (dy[col] < no_seed) envelope.add(static_cast<std::int64_t>(col), std::int64_t{dy[col]} * dy[col]);
            if (envelope.empty()) continue;  // no seed at all: all stays nodata
            envelope.minimum(seed_cols, d2.data());
            float* values = out.values.data() + grid.index(0, row);
            const std::uint8_t* in = inside.empty() ? nullptr : inside.data() + grid.index(0, row);
            for (std::size_t col = 0; col < static_cast<std::size_t>(grid.cols); ++col)
                if (in == nullptr || in[col] != 0)
                    values[col] = static_cast<float>(std::sqrt(static_cast<double>(d2[col + margin])) * grid.pixel);
        }
    };
    return geo::detail::parallel_chunks(static_cast<std::size_t>(grid.rows), 8, threads, work,
                                        [&](double done) { return progress(0.3, 1.0, done, "distance: rows"); });
}

}  // namespace

DistanceMeasure parse_distance_measure(std::string_view name)
{
    if (name == "exact") return DistanceMeasure::to_segments;
    if (name == "pixel_centres") return DistanceMeasure::to_seed_centres;
    throw UsageError("unknown walk distance '" + std::string(name) + "'", {},
                     "choose exact (to the walked lines themselves) or pixel_centres (to the centres of the pixels "
                     "they pass through, as gdal_proximity measures; faster, within 0.71 pixel of exact)");
}

std::string_view distance_measure_name(DistanceMeasure measure)
{
    return measure == DistanceMeasure::to_segments ? "exact" : "pixel_centres";
}

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
    const SeedGrid seeds = to_segments ? SeedGrid{grid, 0} : seed_grid(grid, lines);
    const double seed_cells = static_cast<double>(seeds.grid.cells()) / static_cast<double>(grid.cells());
    grid.require_memory(to_segments ? segment_bytes_per_cell : segment_bytes_per_cell + seed_bytes_per_cell * seed_cells,
                        "the walk-distance raster (walk_distance.tif)");
    const Progress step{progress, progress_data};
    step.check(step(0.0, 0.0, 0.0, "distance: segments"));
    Raster out{grid, memory::pixel_buffer(grid.cells(), nodata)};

    if (to_segments) {
        const std::vector<detail::Segment> segments = detail::make_segments(grid, lines);
        if (segments.empty()) {
            step.check(step(0.0, 1.0, 1.0, "distance: no lines"));
            return out;
        }
        step.check(step(0.0, 0.05, 1.0, "distance: segments"));
        step.check(detail::exact_segment_distances(grid, segments, mask, out.values, options.threads,
                                                   [&](double done) {
                                                       return step(0.05, 1.0, done, "distance: nearest segments");
                                                   }));
        return out;
    }

    std::vector<std::int32_t> column = memory::pixel_buffer(seeds.grid.cells(), no_seed);
    if (detail::mark_seeds(seeds.grid, lines, column) == 0) {
        step.check(step(0.0, 1.0, 1.0, "distance: no lines"));
        return out;
    }
    const std::vector<std::uint8_t> inside = mask ? rasterise_area(grid, *mask) : std::vector<std::uint8_t>{};
    step.check(step(0.0, 0.05, 1.0, "distance: seeds"));
    step.check(column_sweeps(seeds.grid, column, options.threads, step));
    step.check(row_pass(grid, seeds, column, inside, options.threads, out, step));
    return out;
}

}  // namespace geo::raster
