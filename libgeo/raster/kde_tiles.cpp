// The tiled, exact kernel density evaluation (the method is explained in kde.hpp).
#include "libgeo/core/parallel.hpp"
#include "libgeo/raster/kde.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <numbers>
#include <vector>

namespace geo::raster {

namespace {

// A closed range of grid pixels [lo, hi] along one axis; empty when lo > hi.
struct Span {
    int lo = 0;
    int hi = -1;
};

// The pixels along one axis whose centres may lie within [c - r, c + r]. `first` is the coordinate of pixel 0's
// centre, `step` signed (negative for rows, which count southward). One pixel of margin on each side, so the exact
// d^2 <= r^2 test per pixel decides and rounding in this bound can never drop a pixel. Clamped to [lo, hi] in double
// before narrowing, so far-away points cannot overflow an int.
Span pixels_near(double c, double r, double first, double step, int lo, int hi)
{
    const double a = (c - r - first) / step;
    const double b = (c + r - first) / step;
    const double from = std::max(std::ceil(std::min(a, b)) - 1.0, static_cast<double>(lo));
    const double to = std::min(std::floor(std::max(a, b)) + 1.0, static_cast<double>(hi));
    if (from > to) return {};
    return {static_cast<int>(from), static_cast<int>(to)};
}

struct Tile {
    int col, row, cols, rows;
};

// Everything a tile job reads: the grid, the options and the point index (CSR: bucket t holds
// indices[starts[t] .. starts[t + 1]), each bucket in input order).
struct Evaluation {
    const Grid& grid;
    std::span<const KdePoint> points;
    const KdeOptions& options;
    int tile_px = 512;
    int tiles_x = 0;
    int tiles_y = 0;
    std::vector<std::size_t> starts;
    std::vector<std::uint32_t> indices;

    [[nodiscard]] double radius(const KdePoint& p) const { return p.radius > 0.0 ? p.radius : options.radius_m; }

    [[nodiscard]] Tile tile(std::size_t t) const
    {
        const int tx = static_cast<int>(t % static_cast<std::size_t>(tiles_x));
        const int ty = static_cast<int>(t / static_cast<std::size_t>(tiles_x));
        const int col = tx * tile_px;
        const int row = ty * tile_px;
        return {col, row, std::min(tile_px, grid.cols - col), std::min(tile_px, grid.rows - row)};
    }
};

// The output's constant per point (kde.hpp derives them): weight, normalisation, units.
double amplitude(const KdeOptions& options, double weight, double r)
{
    if (options.output == KdeOutput::raw) return weight;
    double constant = 3.0;
    switch (options.kernel) {
    case Kernel::quartic:
    case Kernel::triangular: constant = 3.0; break;
    case Kernel::uniform: constant = 1.0; break;
    case Kernel::triweight: constant = 4.0; break;
    case Kernel::epanechnikov: constant = 2.0; break;
    case Kernel::gaussian: constant = 8.0; break;
    }
    return weight * constant / (std::numbers::pi * r * r) * (options.per_km2 ? 1e6 : 1.0);
}

// Two doubles, one SSE2 register (the x86-64 baseline; GCC and Clang vector extension, no target flags). The
// inner loop is written for it explicitly because -O2 does not vectorise loops of unknown length. Every lane does
// the same IEEE operations as the scalar tail, so a pixel's value does not depend on which of the two computed it.
using v2d = double __attribute__((vector_size(16)));
using v2i = long long __attribute__((vector_size(16)));

inline v2d load2(const double* p)
{
    v2d v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline void store2(double* p, v2d v) { std::memcpy(p, &v, sizeof v); }

// The kernel shape as a function of t = 1 - u^2 (and u^2 for the triangular kernel); the Gaussian's per-column
// factor comes in as `g`. Works on doubles and on v2d alike.
template <Kernel K, class V>
inline V shape(V t, V u2, V g)
{
    if constexpr (K == Kernel::quartic) return t * t;
    if constexpr (K == Kernel::triweight) return t * t * t;
    if constexpr (K == Kernel::epanechnikov) return t;
    if constexpr (K == Kernel::uniform) return t * 0.0 + 1.0;
    if constexpr (K == Kernel::gaussian) return g;
    if constexpr (K == Kernel::triangular) {
        if constexpr (std::is_same_v<V, double>) {
            return 1.0 - std::sqrt(u2);
        } else {
            const V root{std::sqrt(u2[0]), std::sqrt(u2[1])};
            return 1.0 - root;
        }
    }
}

// Per-point scratch: squared column offsets and the Gaussian's column factors over the point's columns.
struct Scratch {
    std::vector<double> dx2;
    std::vector<double> gauss_x;
};

// Adds one point's kernel to the tile's accumulator (tile_px doubles per row). centre_x holds the x of the tile's
// column centres.
template <Kernel K>
void stamp(const Evaluation& e, const Tile& tile, const KdePoint& p, const double* centre_x, double* acc,
           Scratch& scratch)
{
    const Grid& g = e.grid;
    const double r = e.radius(p);
    const double r2 = r * r;
    const double inv_r2 = 1.0 / r2;
    const double amp = amplitude(e.options, p.weight, r);
    const Span rows = pixels_near(p.y, r, g.y(0), -g.pixel, tile.row, tile.row + tile.rows - 1);
    const Span cols = pixels_near(p.x, r, g.x(0), g.pixel, tile.col, tile.col + tile.cols - 1);
    if (rows.lo > rows.hi || cols.lo > cols.hi) return;
    const auto width = static_cast<std::size_t>(cols.hi - cols.lo) + 1;
    scratch.dx2.resize(width);
    // Scratch arrays start at column cols.lo, the accumulator and centre_x at tile.col.
    double* dx2 = scratch.dx2.data();
    for (int c = cols.lo; c <= cols.hi; ++c) {
        const double dx = centre_x[c - tile.col] - p.x;
        dx2[c - cols.lo] = dx * dx;
    }
    const double* gx = nullptr;
    if constexpr (K == Kernel::gaussian) {
        // exp(-8 (dx^2 + dy^2) / r^2) factorises; one exp per column here and one per row below.
        scratch.gauss_x.resize(width);
        for (int c = cols.lo; c <= cols.hi; ++c)
            scratch.gauss_x[static_cast<std::size_t>(c - cols.lo)] = std::exp(-8.0 * dx2[c - cols.lo] * inv_r2);
        gx = scratch.gauss_x.data();
    }
    // The point's position in column units, for each row's run of columns (pixels_near inlined).
    const double inv_pixel = 1.0 / g.pixel;
    const double centre_col = (p.x - g.x(0)) * inv_pixel;
    for (int row = rows.lo; row <= rows.hi; ++row) {
        const double dy = g.y(row) - p.y;
        const double dy2 = dy * dy;
        if (dy2 > r2) continue;
        const double half = std::sqrt(r2 - dy2) * inv_pixel;
        const int lo = static_cast<int>(std::max(std::ceil(centre_col - half) - 1.0, static_cast<double>(cols.lo)));
        const int hi = static_cast<int>(std::min(std::floor(centre_col + half) + 1.0, static_cast<double>(cols.hi)));
        double* line = acc + static_cast<std::size_t>(row - tile.row) * static_cast<std::size_t>(e.tile_px);
        double row_amp = amp;
        if constexpr (K == Kernel::gaussian) row_amp = amp * std::exp(-8.0 * dy2 * inv_r2);
        int c = lo;
        for (; c + 1 <= hi; c += 2) {
            const v2d d2 = load2(dx2 + (c - cols.lo)) + dy2;
            const v2d u2 = d2 * inv_r2;
            const v2d gauss = K == Kernel::gaussian ? load2(gx + (c - cols.lo)) : v2d{0.0, 0.0};
            const v2d value = row_amp * shape<K>(1.0 - u2, u2, gauss);
            const v2i inside = d2 <= r2;  // all ones or all zeros per lane
            double* out = line + (c - tile.col);
            store2(out, load2(out) + (v2d)((v2i)value & inside));
        }
        for (; c <= hi; ++c) {
            const double d2 = dx2[c - cols.lo] + dy2;
            const double u2 = d2 * inv_r2;
            const double value = row_amp * shape<K>(1.0 - u2, u2, K == Kernel::gaussian ? gx[c - cols.lo] : 0.0);
            line[c - tile.col] += d2 <= r2 ? value : 0.0;
        }
    }
}

template <Kernel K>
void evaluate_tile(const Evaluation& e, std::size_t t, std::vector<float>& out)
{
    const Tile tile = e.tile(t);
    const auto side = static_cast<std::size_t>(e.tile_px);
    std::vector<double> acc(side * side, 0.0);
    std::vector<double> centre_x(static_cast<std::size_t>(tile.cols));
    for (int c = 0; c < tile.cols; ++c) centre_x[static_cast<std::size_t>(c)] = e.grid.x(tile.col + c);
    Scratch scratch;
    for (std::size_t k = e.starts[t]; k < e.starts[t + 1]; ++k)
        stamp<K>(e, tile, e.points[e.indices[k]], centre_x.data(), acc.data(), scratch);
    out.resize(side * side);
    std::transform(acc.begin(), acc.end(), out.begin(), [](double v) { return static_cast<float>(v); });
}

void evaluate(const Evaluation& e, std::size_t t, std::vector<float>& out)
{
    switch (e.options.kernel) {
    case Kernel::quartic: evaluate_tile<Kernel::quartic>(e, t, out); break;
    case Kernel::triangular: evaluate_tile<Kernel::triangular>(e, t, out); break;
    case Kernel::uniform: evaluate_tile<Kernel::uniform>(e, t, out); break;
    case Kernel::triweight: evaluate_tile<Kernel::triweight>(e, t, out); break;
    case Kernel::epanechnikov: evaluate_tile<Kernel::epanechnikov>(e, t, out); break;
    case Kernel::gaussian: evaluate_tile<Kernel::gaussian>(e, t, out); break;
    }
}

// Buckets every point into the tiles its disc's bounding box reaches (two passes: count, then fill in input order).
void build_index(Evaluation& e)
{
    const Grid& g = e.grid;
    const std::size_t tiles = static_cast<std::size_t>(e.tiles_x) * static_cast<std::size_t>(e.tiles_y);
    e.starts.assign(tiles + 1, 0);
    auto for_tiles = [&](const KdePoint& p, auto&& visit) {
        const double r = e.radius(p);
        const Span rows = pixels_near(p.y, r, g.y(0), -g.pixel, 0, g.rows - 1);
        const Span cols = pixels_near(p.x, r, g.x(0), g.pixel, 0, g.cols - 1);
        if (rows.lo > rows.hi || cols.lo > cols.hi) return;
        for (int ty = rows.lo / e.tile_px; ty <= rows.hi / e.tile_px; ++ty)
            for (int tx = cols.lo / e.tile_px; tx <= cols.hi / e.tile_px; ++tx)
                visit(static_cast<std::size_t>(ty) * static_cast<std::size_t>(e.tiles_x) +
                      static_cast<std::size_t>(tx));
    };
    for (const KdePoint& p : e.points) for_tiles(p, [&](std::size_t t) { ++e.starts[t + 1]; });
    for (std::size_t t = 0; t < tiles; ++t) e.starts[t + 1] += e.starts[t];
    e.indices.resize(e.starts[tiles]);
    std::vector<std::size_t> fill(e.starts.begin(), e.starts.end() - 1);
    for (std::size_t i = 0; i < e.points.size(); ++i)
        for_tiles(e.points[i], [&](std::size_t t) { e.indices[fill[t]++] = static_cast<std::uint32_t>(i); });
}

}  // namespace

void kde_tiles(const Grid& grid, std::span<const KdePoint> points, const KdeOptions& options, const KdeSink& sink,
               Progress progress)
{
    options.validate();
    validate_kde_grid(grid);
    validate_points(points);
    if (points.size() > UINT32_MAX) throw UsageError("too many points for one kernel density (4 G at most)");
    Evaluation e{grid, points, options, options.tile_px, 0, 0, {}, {}};
    e.tiles_x = (grid.cols + e.tile_px - 1) / e.tile_px;
    e.tiles_y = (grid.rows + e.tile_px - 1) / e.tile_px;
    progress(0.0, "indexing points");
    build_index(e);
    const std::size_t tiles = e.starts.size() - 1;

    // Tiles are computed a batch at a time (about 64 MB of Float32, at least two per thread) and handed to the sink
    // in order on this thread, so writing stays single-threaded and memory stays bounded.
    const std::size_t tile_bytes = sizeof(float) * static_cast<std::size_t>(e.tile_px) * e.tile_px;
    const std::size_t batch = std::clamp<std::size_t>((64u << 20) / tile_bytes,
                                                      2 * static_cast<std::size_t>(options.threads), 256);
    std::vector<std::vector<float>> out(std::min(batch, tiles));
    for (std::size_t first = 0; first < tiles; first += batch) {
        const std::size_t count = std::min(batch, tiles - first);
        detail::parallel_chunks(
            count, 1, options.threads, [&](std::size_t a, std::size_t b) {
                for (std::size_t i = a; i < b; ++i) evaluate(e, first + i, out[i]);
            },
            [&](double done) {
                progress((static_cast<double>(first) + done * static_cast<double>(count)) /
                             static_cast<double>(tiles),
                         "kernel density");
                return true;
            });
        for (std::size_t i = 0; i < count; ++i) {
            const Tile tile = e.tile(first + i);
            sink(KdeTile{tile.col, tile.row, tile.cols, tile.rows, e.tile_px, out[i]});
        }
    }
    progress(1.0, "kernel density");
}

Raster kde(const Grid& grid, std::span<const KdePoint> points, const KdeOptions& options, Progress progress)
{
    grid.validate();
    grid.require_memory(sizeof(float), "the density raster in memory");
    Raster raster{grid, std::vector<float>(grid.cells(), 0.0F)};
    kde_tiles(grid, points, options, [&](const KdeTile& tile) {
        for (int r = 0; r < tile.rows; ++r)
            std::copy_n(tile.values.begin() + static_cast<std::ptrdiff_t>(r) * tile.stride, tile.cols,
                        raster.values.begin() + static_cast<std::ptrdiff_t>(grid.index(tile.col, tile.row + r)));
    }, progress);
    return raster;
}

}  // namespace geo::raster
