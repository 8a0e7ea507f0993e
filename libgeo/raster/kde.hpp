#pragma once
// Kernel density estimation: `density.tif` of the hotspot analysis, the planners' heatmap.
//
// What a pixel holds. The exact kernel sum at the pixel centre over every point within the point's radius
// (distance <= r, so a centre exactly at r still counts): value = sum_i w_i * K(d_i / r_i). Points outside the grid
// count wherever their disc reaches into it. Two outputs:
//  - raw: QGIS's raw kernel shapes, peak 1 at the point (quartic (1-u^2)^2, triangular 1-u, uniform 1,
//    triweight (1-u^2)^3, Epanechnikov 1-u^2), and for the Gaussian QGIS lacks exp(-8u^2), i.e. exp(-d^2/2s^2) with
//    GRASS's s = r/4. Unit: weighted points.
//  - scaled: the same shapes times the constant that makes each kernel integrate to 1 over the plane, so the
//    raster is a density per m^2 (or per km^2) that integrates to the weighted count. The constants, from
//    integral over the disc of f(|x|/r) dA = 2 pi r^2 int_0^1 f(u) u du = pi r^2 int_0^1 f(sqrt t) dt (t = u^2):
//      quartic      int (1-t)^2 dt = 1/3           ->  3 / (pi r^2)
//      triangular   2 int_0^1 (1-u) u du = 1/3     ->  3 / (pi r^2)
//      uniform      1                              ->  1 / (pi r^2)
//      triweight    int (1-t)^3 dt = 1/4           ->  4 / (pi r^2)
//      epanechnikov int (1-t) dt = 1/2             ->  2 / (pi r^2)
//      gaussian     1 / (2 pi s^2) = 8 / (pi r^2), GRASS v.kernel's constant for the untruncated Gaussian; cut at
//                   r = 4 s it integrates to 1 - e^-8 = 0.99966, kept so that we agree with GRASS to 1e-5.
//    QGIS 3.22's scaled quartic uses 116/(5 pi r^2) * 15/16, 7.25 times too high (QGIS issue 60616, fixed in
//    3.40.3); its other scaled kernels equal ours.
//
// Algorithm. Direct, exact evaluation by stamping each point onto the pixels of its disc, tile by tile. The grid is
// cut into square tiles (512 px, the COG block size); points are bucketed once into every tile their disc's
// bounding box touches (a CSR index, input order kept); each tile is then an independent job: a double accumulator,
// each bucketed point adding w * K over its disc's bounding box, every row in whole vectors masked by the exact
// d^2 <= r^2 test per pixel. The inner loop is a branch-free polynomial in d^2 = dx^2 + dy^2 (dx^2 precomputed per
// point and column), written with eight-lane AVX-512 or four-lane AVX2 vectors where the processor has them
// (chosen at run time) and two-lane SSE2 vectors elsewhere, with identical values (the Gaussian uses
// exp(-8(dx^2+dy^2)/r^2) = exp(-8dx^2/r^2) exp(-8dy^2/r^2), one exp per column and per row of a point, not per
// pixel). Cost: points x (2r/pixel)^2 updates (3.6 G for the 1 M points, r = 300 m, 10 m pixels: on one
// core of the development VM 1.06 s with AVX-512, 1.46 s with AVX2, 0.3-0.4 ns per update). The box's 27 % of
// wasted pixels cost less than the square root, rounding and scalar tail per row that clipping each row to the
// disc needs: that version took 3.2 s with SSE2 and 2.5 s with AVX2, and clipping rows to whole vectors 2.1 s.
// Tried and not kept: adding each point's row run as polynomial coefficients into difference arrays (O(rows) per
// point instead of O(pixels), exact up to ~1e-13) measured no faster on the development VM, and loses the bit-exact
// agreement with the plain sum.
// Why not a precomputed stamp: the points are not on pixel centres, so the distances from a point to the pixel
// centres change with its position inside its pixel; one stamp per radius would be exact only for points snapped to
// centres (an error up to half a pixel diagonal). Why not separable or FFT convolution: these kernels are radial
// functions of Euclidean distance, not products of x and y factors (the truncated disc support and (1-u^2)^k both
// mix x and y), so a separable pass is not exact, and an FFT needs the points binned to pixels first (the same
// snapping error) plus float round-off over the whole grid; both also need the whole grid in memory.
// Deterministic: every pixel adds its points in input order whatever the tile size or thread count, so the result
// is bit-identical for any of them (tested).
//
// Memory: the point index (4 bytes per point and tile touched) and per thread one tile of doubles (2 MB; kept by the
// calling thread for its next evaluation) plus the Float32 tiles of the batch in flight; never the whole grid, so
// any grid up to max_kde_cells works.
#include "libgeo/core/options.hpp"
#include "libgeo/core/progress.hpp"
#include "libgeo/raster/grid.hpp"

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace geo::raster {

enum class Kernel { quartic, triangular, uniform, triweight, epanechnikov, gaussian };
enum class KdeOutput { raw, scaled };

inline constexpr std::array<options::Named<Kernel>, 6> kernel_names{{{Kernel::quartic, "quartic"},
                                                                     {Kernel::triangular, "triangular"},
                                                                     {Kernel::uniform, "uniform"},
                                                                     {Kernel::triweight, "triweight"},
                                                                     {Kernel::epanechnikov, "epanechnikov"},
                                                                     {Kernel::gaussian, "gaussian"}}};
inline constexpr std::array<options::Named<KdeOutput>, 2> kde_output_names{
    {{KdeOutput::raw, "raw"}, {KdeOutput::scaled, "scaled"}}};

// "quartic" ... "gaussian" (as spelt in kernel_name). Throws geo::UsageError listing the choices.
Kernel parse_kernel(std::string_view name);
std::string_view kernel_name(Kernel kernel);
// "raw" or "scaled". Throws geo::UsageError listing the choices.
KdeOutput parse_kde_output(std::string_view name);
std::string_view kde_output_name(KdeOutput output);

// One point in the campaign's local metric CRS.
struct KdePoint {
    double x = 0.0;
    double y = 0.0;
    double weight = 1.0;  // finite and >= 0
    double radius = 0.0;  // metres; 0 = KdeOptions::radius_m. The loader must reject a per-point field <= 0 itself.
};

// Largest grid the tiled evaluation accepts: 1 G cells (31,623 x 31,623; 4 GB of Float32 before compression). Not
// a memory limit, since tiles keep memory small, but a stop for mistakes such as a pixel size in km.
inline constexpr long long max_kde_cells = 1'000'000'000;

struct KdeOptions {
    Kernel kernel = Kernel::quartic;
    double radius_m = 300.0;  // fixed radius, and that of points with radius 0
    double pixel_m = 10.0;    // pixel size of kde_grid(); the evaluation itself uses the grid's pixel
    KdeOutput output = KdeOutput::raw;
    bool per_km2 = false;     // scaled output per km^2 instead of per m^2 (ignored for raw)
    int threads = 2;
    int tile_px = 512;        // side of the evaluation tiles; the values do not depend on it
    int max_lanes = 8;        // widest vectors to use: 8 (AVX-512), 4 (AVX2) or 2 (SSE2), as far as the processor
                              // has them; the values do not depend on it (tested)

    // Throws geo::UsageError unless radius_m and pixel_m are finite and > 0, 1 <= threads <= 256 and
    // 16 <= tile_px <= 4096, and max_lanes is 2, 4 or 8.
    void validate() const;
};

// The kernel's value at distance d from a point of radius r (0 beyond r), the output's units included
// (per km^2 when asked). What the evaluation sums; documented above.
[[nodiscard]] double kernel_value(const KdeOptions& options, double d, double r);

// The unit of the values, for metadata and legends: "weighted points", "per m2", "per km2".
[[nodiscard]] std::string kde_units(const KdeOptions& options);

// Throws geo::UsageError naming the first point (by its index) with a non-finite coordinate, a negative or
// non-finite weight, or a negative or non-finite radius.
void validate_points(std::span<const KdePoint> points);

// QGIS's heatmap grid (qgskde.cpp, calculateBounds and prepare): the points' bounding box grown on every side by the
// largest radius in use (radius_m, or the largest per-point radius when larger), rows = max(ceil(h / pixel) + 1, 1),
// cols = max(ceil(w / pixel) + 1, 1), origin at the grown box's north-west corner; pixel centres at half pixels from
// it. The grid therefore reaches up to one pixel beyond the grown box on the east and south. Throws
// geo::UsageError for no points (there is no extent to lay a grid over; with an extent from elsewhere an empty
// point list gives an all-zero raster), invalid points, a non-positive pixel or radius, or more than max_kde_cells.
[[nodiscard]] Grid qgis_kde_grid(std::span<const KdePoint> points, double radius_m, double pixel_m);
// The same with options.radius_m and options.pixel_m.
[[nodiscard]] Grid kde_grid(std::span<const KdePoint> points, const KdeOptions& options);

// Throws geo::UsageError unless the origin is finite, pixel > 0, cols and rows >= 1 and cells <= max_kde_cells.
void validate_kde_grid(const Grid& grid);

// A warning for the user when the settings are legal but likely not what was meant, e.g. a radius below the pixel
// size (still exact: only pixel centres within r of a point get a value, so a point between centres can vanish).
[[nodiscard]] std::optional<std::string> kde_advice(const Grid& grid, const KdeOptions& options);

// One finished tile of the evaluation, handed to the sink on the caller's thread, tiles in row-major order.
struct KdeTile {
    int col = 0;     // grid column and row of the tile's north-west pixel (multiples of tile_px)
    int row = 0;
    int cols = 0;    // valid columns and rows (smaller at the grid's east and south edges)
    int rows = 0;
    int stride = 0;  // floats per row in `values` (= tile_px; padding columns and rows hold 0)
    std::span<const float> values;  // stride * stride values, row-major from the tile's north-west pixel
};
using KdeSink = std::function<void(const KdeTile&)>;

// Evaluates the density over `grid` tile by tile and passes each tile to `sink`. Points with radius 0 use
// options.radius_m. progress may be empty; returning FALSE from it cancels with geo::Error. Throws geo::UsageError
// for invalid options, grid or points. An empty point list gives all-zero tiles.
void kde_tiles(const Grid& grid, std::span<const KdePoint> points, const KdeOptions& options, const KdeSink& sink,
               Progress progress = {});

// A density ready to be evaluated: the grid, the points (weights and radii applied) and the kernel. An analysis
// returns it; a writer drains it tile by tile, so a grid of any size never sits in memory.
struct Density {
    Grid grid;
    std::vector<KdePoint> points;
    KdeOptions options;

    // kde_tiles over the grid with tiles of `tile_px` pixels (options.tile_px otherwise).
    void drain(int tile_px, const KdeSink& sink, Progress progress = {}) const
    {
        KdeOptions tiled = options;
        tiled.tile_px = tile_px;
        kde_tiles(grid, points, tiled, sink, progress);
    }
};

// The whole raster in memory (checked against the memory limit; write_density writes bigger ones tile by tile).
[[nodiscard]] Raster kde(const Grid& grid, std::span<const KdePoint> points, const KdeOptions& options,
                         Progress progress = {});

}  // namespace geo::raster
