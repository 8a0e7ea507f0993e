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
#include <future>
#include <string>
#include <vector>

namespace geo::raster {

namespace {

// The peak per pixel: the Float32 result, and for the exact measure a one-byte mask. The seed-centre measure keeps
// its mask as runs per row and its seeds as a list (~1 % of the pixels on the benchmark scenes), burnt through
// buffers of a few megabytes.
constexpr double exact_bytes_per_cell = 5.0;
constexpr double seed_centre_bytes_per_cell = 4.0;

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

// The seeds by column of the seed grid: the rows of column c's seeds are rows[first[c] .. first[c + 1]), increasing.
struct SeedColumns {
    std::vector<std::uint32_t> first;
    std::vector<std::int32_t> rows;
};

// Sorts the seed pixels (row-major indices of the seed grid, repeats allowed) into columns.
SeedColumns seed_columns(const Grid& grid, const std::vector<std::size_t>& cells)
{
    const auto cols = static_cast<std::size_t>(grid.cols);
    SeedColumns out;
    out.first.assign(cols + 1, 0);
    for (const std::size_t cell : cells) ++out.first[cell % cols + 1];
    for (std::size_t c = 0; c < cols; ++c) out.first[c + 1] += out.first[c];
    out.rows.resize(cells.size());
    std::vector<std::uint32_t> next(out.first.begin(), out.first.end() - 1);
    for (const std::size_t cell : cells) out.rows[next[cell % cols]++] = static_cast<std::int32_t>(cell / cols);
    // Sort each column and drop repeats, moving the columns together.
    std::uint32_t kept = 0;
    for (std::size_t c = 0; c < cols; ++c) {
        const auto begin = out.rows.begin() + out.first[c];
        const auto end = out.rows.begin() + out.first[c + 1];
        std::sort(begin, end);
        const auto unique_end = std::unique(begin, end);
        out.first[c] = kept;
        kept = static_cast<std::uint32_t>(std::copy(begin, unique_end, out.rows.begin() + kept) - out.rows.begin());
    }
    out.first[cols] = kept;
    out.rows.resize(kept);
    return out;
}

// values[i] = the root of d2[i] in metres inside the mask's runs on this row (everywhere when there is no mask), nodata
// elsewhere. The roots are taken over the whole row, a branch-free loop the compiler turns into vector square roots,
// and the gaps between the runs are then blanked.
void write_metres(const float* d2, const AreaRuns* inside, std::size_t row, float pixel, std::size_t n,
                  float* values)
{
    for (std::size_t i = 0; i < n; ++i) values[i] = std::sqrt(d2[i]) * pixel;
    if (inside == nullptr) return;
    float* gap = values;
    const auto first = inside->runs.begin() + inside->first[row];
    const auto last = inside->runs.begin() + inside->first[row + 1];
    for (auto run = first; run != last; ++run) {
        std::fill(gap, values + run->begin, nodata);
        gap = values + run->end;
    }
    std::fill(gap, values + n, nodata);
}

// Per column of the seed grid, the rows of its nearest seeds at or above and at or below the current row, kept up to
// date as the row moves down; a column with no seed on one side holds a row far beyond the grid there.
class ColumnCursors {
public:
    static constexpr std::int32_t far = std::int32_t{1} << 30;

    ColumnCursors(const SeedColumns& columns, std::int32_t row)
        : m_columns(columns), m_next(columns.first.size() - 1), m_above(m_next.size()), m_below(m_next.size()),
          m_dy(m_next.size())
    {
        for (std::size_t c = 0; c < m_next.size(); ++c) {
            const auto begin = columns.rows.begin() + columns.first[c];
            const auto end = columns.rows.begin() + columns.first[c + 1];
            const auto next = std::lower_bound(begin, end, row);
            m_next[c] = static_cast<std::uint32_t>(next - columns.rows.begin());
            m_above[c] = next != begin ? next[-1] : -far;
            m_below[c] = next != end ? *next : far;
        }
    }

    // Moves to `row`, at or below the current one; returns each column's distance in rows to its nearest seed
    // (far or more for a column without seeds).
    const std::vector<std::int32_t>& distances(std::int32_t row)
    {
        for (std::size_t c = 0; c < m_next.size(); ++c)
            if (m_below[c] < row) step(c, row);  // rare: only where a seed was passed
        for (std::size_t c = 0; c < m_next.size(); ++c) m_dy[c] = std::min(row - m_above[c], m_below[c] - row);
        return m_dy;
    }

private:
    void step(std::size_t c, std::int32_t row)
    {
        const std::uint32_t end = m_columns.first[c + 1];
        std::uint32_t& next = m_next[c];
        while (next < end && m_columns.rows[next] < row) m_above[c] = m_columns.rows[next++];
        m_below[c] = next < end ? m_columns.rows[next] : far;
    }

    const SeedColumns& m_columns;
    std::vector<std::uint32_t> m_next;  // index in m_columns.rows of the seed at m_below
    std::vector<std::int32_t> m_above;
    std::vector<std::int32_t> m_below;
    std::vector<std::int32_t> m_dy;
};

// The row pass: for each row of the output grid, the distance in pixels from each pixel of that row of the seed grid
// to the nearest seed of its column (ColumnCursors), then each pixel's squared distance to the nearest seed centre,
// the least (dx^2 + dy(x)^2) over the row (the lower envelope of those parabolas, in exact integers); the pixels
// inside the mask (all when `inside` is null) receive its root in metres.
bool row_pass(const Grid& grid, const SeedGrid& seeds, const SeedColumns& columns, const AreaRuns* inside,
              int threads, Raster& out, const Progress& progress)
{
    const auto seed_cols = static_cast<std::size_t>(seeds.grid.cols);
    const auto pixel = static_cast<float>(grid.pixel);
    auto work = [&](std::size_t first, std::size_t last) {
        detail::LowerEnvelope envelope;
        std::vector<float> d2(static_cast<std::size_t>(grid.cols));
        ColumnCursors cursors(columns, static_cast<std::int32_t>(first) + seeds.margin);
        for (auto row = static_cast<int>(first); row < static_cast<int>(last); ++row) {
            const std::vector<std::int32_t>& dy = cursors.distances(row + seeds.margin);
            envelope.reset(seed_cols);
            for (std::size_t c = 0; c < seed_cols; ++c)
                if (dy[c] < ColumnCursors::far / 2)
                    envelope.add(static_cast<std::int64_t>(c), std::int64_t{dy[c]} * dy[c]);
            if (envelope.empty()) continue;  // no seed at all: all stays nodata
            envelope.minimum(seeds.margin, seeds.margin + grid.cols, d2.data());
            write_metres(d2.data(), inside, static_cast<std::size_t>(row), pixel, d2.size(),
                         out.values.data() + grid.index(0, row));
        }
    };
    // Chunks of 64 rows: each starts by finding its cursors in every column.
    return geo::detail::parallel_chunks(static_cast<std::size_t>(grid.rows), 64, threads, work,
                                        [&](double done) { return progress(0.1, 1.0, done, "distance: rows"); });
}

}  // namespace

DistanceMeasure parse_distance_measure(std::string_view name)
{
    if (auto measure = options::value_named(distance_measure_names, name)) return *measure;
    throw UsageError("unknown walk distance '" + std::string(name) + "'", {},
                     "choose exact (to the walked lines themselves) or pixel_centres (to the centres of the pixels "
                     "they pass through, as gdal_proximity measures; faster, within 0.71 pixel of exact)");
}

std::string_view distance_measure_name(DistanceMeasure measure)
{
    return options::name_of(distance_measure_names, measure);
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
    grid.require_memory(to_segments ? exact_bytes_per_cell : seed_centre_bytes_per_cell,
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

    // The mask's runs are found on a second thread while this one burns the seeds.
    auto burning = std::async(options.threads > 1 ? std::launch::async : std::launch::deferred,
                              [&] { return mask != nullptr ? area_runs(grid, *mask) : AreaRuns{}; });
    std::vector<std::size_t> cells;
    if (detail::seed_cells(seeds.grid, lines, cells, options.threads) == 0) {
        step.check(step(0.0, 1.0, 1.0, "distance: no lines"));
        return out;
    }
    const SeedColumns columns = seed_columns(seeds.grid, cells);
    const AreaRuns inside = burning.get();
    step.check(step(0.0, 0.1, 1.0, "distance: seeds"));
    step.check(row_pass(grid, seeds, columns, mask != nullptr ? &inside : nullptr, options.threads, out, step));
    return out;
}

}  // namespace geo::raster
