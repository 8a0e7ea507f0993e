// The tiled, exact kernel density evaluation (the method is explained in kde.hpp).
#include "libgeo/core/memory.hpp"
#include "libgeo/core/parallel.hpp"
#include "libgeo/raster/kde.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
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

// Vectors of doubles (GCC and Clang vector extensions): two in an SSE2 register (the x86-64 baseline), four in an
// AVX2 and eight in an AVX-512 register, the widest the processor has chosen at run time (evaluate_tile_wide). The
// inner loop is written for them explicitly because -O2 does not vectorise it. All do the same IEEE operations in
// the same order (no fused multiply-add, which AVX-512 would allow: this file is compiled with -ffp-contract=off,
// see libgeo/CMakeLists.txt), so a pixel's value does not depend on the path (tested).
using v2d = double __attribute__((vector_size(16)));
using v4d = double __attribute__((vector_size(32)));
using v8d = double __attribute__((vector_size(64)));
constexpr int widest_lanes = 8;

// Per-point scratch: squared column offsets and the Gaussian's column factors over the point's columns, padded to
// whole vectors (dx2 with 2 r^2, beyond the disc, which the d^2 <= r^2 mask turns into a zero contribution; finite,
// so no NaN arises even for a zero weight).
struct Scratch {
    std::vector<double> dx2;
    std::vector<double> gauss_x;
};

// Adds one point's kernel to the tile's accumulator (`stride` doubles per row, at least widest_lanes - 1 columns of
// padding after the tile's last). centre_x holds the x of the tile's column centres. Every row of the disc's
// bounding box is evaluated over the box's columns, whole vectors at a time, and masked by the exact d^2 <= r^2
// test: about 27 % more pixel updates than the disc itself, but no square root, rounding or scalar tail per row,
// which cost more than those updates (measured on one core, AVX2: 1.46 s instead of 2.54 s for the scene).
// Never called on its own: always inlined into evaluate_tile_sse2, _avx2 or _avx512, so the vector registers
// are those of the caller's instruction set and no vector crosses a call.
template <Kernel K, class V>
[[gnu::always_inline]] inline void stamp(const Evaluation& e, const Tile& tile, const KdePoint& p,
                                         const double* centre_x, double* acc, std::size_t stride, Scratch& scratch)
{
    using M = decltype(V{} <= V{});  // lanes of 64-bit integers, all ones where the comparison holds
    constexpr int lanes = sizeof(V) / sizeof(double);
    const Grid& g = e.grid;
    const double r = e.radius(p);
    const double r2 = r * r;
    const double inv_r2 = 1.0 / r2;
    const double amp = amplitude(e.options, p.weight, r);
    const Span rows = pixels_near(p.y, r, g.y(0), -g.pixel, tile.row, tile.row + tile.rows - 1);
    const Span cols = pixels_near(p.x, r, g.x(0), g.pixel, tile.col, tile.col + tile.cols - 1);
    if (rows.lo > rows.hi || cols.lo > cols.hi) return;
    const int width = cols.hi - cols.lo + 1;
    const int padded = (width + lanes - 1) / lanes * lanes;
    // Scratch arrays start at column cols.lo, the accumulator and centre_x at tile.col.
    scratch.dx2.assign(static_cast<std::size_t>(padded), 2.0 * r2);
    double* dx2 = scratch.dx2.data();
    for (int c = 0; c < width; ++c) {
        const double dx = centre_x[cols.lo - tile.col + c] - p.x;
        dx2[c] = dx * dx;
    }
    const double* gx = nullptr;
    if constexpr (K == Kernel::gaussian) {
        // exp(-8 (dx^2 + dy^2) / r^2) factorises; one exp per column here and one per row below.
        scratch.gauss_x.assign(static_cast<std::size_t>(padded), 0.0);
        for (int c = 0; c < width; ++c) scratch.gauss_x[static_cast<std::size_t>(c)] = std::exp(-8.0 * dx2[c] * inv_r2);
        gx = scratch.gauss_x.data();
    }
    for (int row = rows.lo; row <= rows.hi; ++row) {
        const double dy = g.y(row) - p.y;
        const double dy2 = dy * dy;
        if (dy2 > r2) continue;
        double* line = acc + static_cast<std::size_t>(row - tile.row) * stride + (cols.lo - tile.col);
        double row_amp = amp;
        if constexpr (K == Kernel::gaussian) row_amp = amp * std::exp(-8.0 * dy2 * inv_r2);
        for (int c = 0; c < padded; c += lanes) {
            V d2;
            std::memcpy(&d2, dx2 + c, sizeof d2);
            d2 += dy2;
            const V u2 = d2 * inv_r2;
            const V t = 1.0 - u2;
            V value;
            if constexpr (K == Kernel::quartic) value = t * t;
            if constexpr (K == Kernel::triweight) value = t * t * t;
            if constexpr (K == Kernel::epanechnikov) value = t;
            if constexpr (K == Kernel::uniform) value = t * 0.0 + 1.0;
            if constexpr (K == Kernel::triangular)
                for (int l = 0; l < lanes; ++l) value[l] = 1.0 - std::sqrt(u2[l]);
            if constexpr (K == Kernel::gaussian) std::memcpy(&value, gx + c, sizeof value);
            value = row_amp * value;
            const M inside = d2 <= r2;  // all ones or all zeros per lane
            V sum;
            std::memcpy(&sum, line + c, sizeof sum);
            sum += (V)((M)value & inside);
            std::memcpy(line + c, &sum, sizeof sum);
        }
    }
}

// One tile: a double accumulator, every bucketed point stamped onto it in index order, then narrowed to Float32.
template <Kernel K, class V>
[[gnu::always_inline]] inline void evaluate_tile(const Evaluation& e, std::size_t t, std::vector<float>& out)
{
    const Tile tile = e.tile(t);
    const auto side = static_cast<std::size_t>(e.tile_px);
    const std::size_t stride = side + widest_lanes;
    // One accumulator per thread, reused from tile to tile: a fresh 2 MB vector per tile costs a page fault per
    // 4 kB page (measured: 9 % of the whole run in the kernel).
    thread_local std::vector<double> acc;
    acc.assign(stride * side, 0.0);
    std::vector<double> centre_x(static_cast<std::size_t>(tile.cols));
    for (int c = 0; c < tile.cols; ++c) centre_x[static_cast<std::size_t>(c)] = e.grid.x(tile.col + c);
    Scratch scratch;
    for (std::size_t k = e.starts[t]; k < e.starts[t + 1]; ++k)
        stamp<K, V>(e, tile, e.points[e.indices[k]], centre_x.data(), acc.data(), stride, scratch);
    out.assign(side * side, 0.0F);
    for (int r = 0; r < tile.rows; ++r)
        for (int c = 0; c < tile.cols; ++c)
            out[static_cast<std::size_t>(r) * side + static_cast<std::size_t>(c)] =
                static_cast<float>(acc[static_cast<std::size_t>(r) * stride + static_cast<std::size_t>(c)]);
}

template <Kernel K>
void evaluate_tile_sse2(const Evaluation& e, std::size_t t, std::vector<float>& out)
{
    evaluate_tile<K, v2d>(e, t, out);
}

#if defined(__x86_64__) && defined(__GNUC__)
#define GEOWALK_KDE_WIDE 1
template <Kernel K>
[[gnu::target("avx2")]] void evaluate_tile_avx2(const Evaluation& e, std::size_t t, std::vector<float>& out)
{
    evaluate_tile<K, v4d>(e, t, out);
}

template <Kernel K>
[[gnu::target("avx512f")]] void evaluate_tile_avx512(const Evaluation& e, std::size_t t, std::vector<float>& out)
{
    evaluate_tile<K, v8d>(e, t, out);
}
#endif

// The widest vectors both the processor and options.max_lanes allow.
template <Kernel K>
void evaluate_tile_wide(const Evaluation& e, std::size_t t, std::vector<float>& out)
{
#ifdef GEOWALK_KDE_WIDE
    static const bool has_avx512 = __builtin_cpu_supports("avx512f");
    static const bool has_avx2 = __builtin_cpu_supports("avx2");
    if (has_avx512 && e.options.max_lanes >= 8) return evaluate_tile_avx512<K>(e, t, out);
    if (has_avx2 && e.options.max_lanes >= 4) return evaluate_tile_avx2<K>(e, t, out);
#endif
    evaluate_tile_sse2<K>(e, t, out);
}

void evaluate(const Evaluation& e, std::size_t t, std::vector<float>& out)
{
    switch (e.options.kernel) {
    case Kernel::quartic: evaluate_tile_wide<Kernel::quartic>(e, t, out); break;
    case Kernel::triangular: evaluate_tile_wide<Kernel::triangular>(e, t, out); break;
    case Kernel::uniform: evaluate_tile_wide<Kernel::uniform>(e, t, out); break;
    case Kernel::triweight: evaluate_tile_wide<Kernel::triweight>(e, t, out); break;
    case Kernel::epanechnikov: evaluate_tile_wide<Kernel::epanechnikov>(e, t, out); break;
    case Kernel::gaussian: evaluate_tile_wide<Kernel::gaussian>(e, t, out); break;
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
    Raster raster{grid, memory::pixel_buffer(grid.cells(), 0.0F)};
    kde_tiles(grid, points, options, [&](const KdeTile& tile) {
        for (int r = 0; r < tile.rows; ++r)
            std::copy_n(tile.values.begin() + static_cast<std::ptrdiff_t>(r) * tile.stride, tile.cols,
                        raster.values.begin() + static_cast<std::ptrdiff_t>(grid.index(tile.col, tile.row + r)));
    }, progress);
    return raster;
}

}  // namespace geo::raster
