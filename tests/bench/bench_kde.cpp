// Micro-benchmarks of the kernel density (issue 4), run by scripts/bench/kde.sh and never by ctest.
//
//   geowalk_bench_kde [--benchmark_filter=...] [--benchmark_repetitions=N ...]
//
// The scene: 1,000,000 points over 20 km x 20 km (70 % in 60 Gaussian clusters of 150-600 m, 30 % uniform;
// fixed seed), radius 300 m, 10 m pixels, on QGIS's grid (2,061 x 2,061 pixels):
//   BM_kde_evaluate/kernel/threads   the tiled evaluation alone (raster::kde_tiles, tiles discarded)
//   BM_kde_write/threads             evaluation and density.tif (output::write_density, quartic raw), as the CLI does it
#include "libgeo/export/density_writer.hpp"
#include "libgeo/handles/wkt.hpp"
#include "libgeo/raster/kde.hpp"

#include <benchmark/benchmark.h>
#include <gdal.h>
#include <ogr_spatialref.h>

#include <array>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace {

const std::vector<geo::raster::KdePoint>& scene()
{
    static const std::vector<geo::raster::KdePoint> points = [] {
        std::mt19937_64 rng(20170401);
        std::uniform_real_distribution<double> ux(490'000.0, 510'000.0), uy(3'390'000.0, 3'410'000.0);
        std::uniform_real_distribution<double> spread(150.0, 600.0);
        std::vector<std::array<double, 3>> clusters;
        for (int i = 0; i < 60; ++i) clusters.push_back({ux(rng), uy(rng), spread(rng)});
        std::vector<geo::raster::KdePoint> out;
        out.reserve(1'000'000);
        std::normal_distribution<double> n01;
        while (out.size() < 1'000'000) {
            if (out.size() % 10 < 7) {
                const auto& c = clusters[out.size() % clusters.size()];
                const double x = c[0] + n01(rng) * c[2], y = c[1] + n01(rng) * c[2];
                if (x < 490'000.0 || x > 510'000.0 || y < 3'390'000.0 || y > 3'410'000.0) continue;
                out.push_back({x, y});
            } else {
                out.push_back({ux(rng), uy(rng)});
            }
        }
        return out;
    }();
    return points;
}

void BM_kde_evaluate(benchmark::State& state)
{
    geo::raster::KdeOptions options;
    options.kernel = static_cast<geo::raster::Kernel>(state.range(0));
    options.threads = static_cast<int>(state.range(1));
    const auto& points = scene();
    const geo::raster::Grid grid = geo::raster::kde_grid(points, options);
    for (auto _ : state) {
        double sum = 0.0;
        geo::raster::kde_tiles(grid, points, options, [&](const geo::raster::KdeTile& t) { sum += t.values[0]; });
        benchmark::DoNotOptimize(sum);
    }
    state.SetLabel(std::string(geo::raster::kernel_name(options.kernel)));
    state.counters["cells"] = static_cast<double>(grid.cells());
}

void BM_kde_write(benchmark::State& state)
{
    GDALAllRegister();
    geo::raster::KdeOptions options;
    options.threads = static_cast<int>(state.range(0));
    const auto& points = scene();
    const geo::raster::Grid grid = geo::raster::kde_grid(points, options);
    OGRSpatialReference srs;
    srs.importFromEPSG(32650);
    const std::string crs = geo::crs_wkt(srs);
    const auto file = std::filesystem::temp_directory_path() / "geowalk_bench_density.tif";
    const geo::raster::Density density{grid, {points.begin(), points.end()}, options};
    for (auto _ : state) benchmark::DoNotOptimize(geo::output::write_density(file, density, crs));
    std::filesystem::remove(file);
}

}  // namespace

BENCHMARK(BM_kde_evaluate)
    ->ArgsProduct({{0, 1, 2, 3, 4, 5}, {1, 2}})
    ->ArgNames({"kernel", "threads"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_kde_write)->Arg(1)->Arg(2)->ArgName("threads")->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
