// Benchmarks of Getis-Ord Gi* (issue 4: "Gi* on 1,000,000 cells with a 1 km band: seconds, not minutes"). Never run
// by ctest; speed is measured here, not asserted in unit tests.
//
//   geowalk_bench_hotspot [--benchmark_filter=...] [--benchmark_repetitions=N --benchmark_report_aggregates_only=true]
//
//   BM_gi_grid/cells/threads     square-grid fast path (disc stencil over row prefix sums), 100 m cells, 1 km band
//   BM_gi_points/cells/threads   generic path (bucket grid, neighbour sums streamed) on the same cell centres
//   BM_gi_permutations/cells     99 conditional permutations on 10,000 cells, 1 km band (about 300 neighbours each)
//   BM_choose_band/cells         incremental spatial autocorrelation (10 Moran's I distances) on the cells
//   BM_hotspot_cells/points      the whole hotspot_cells analysis on that many issue points: 100 m squares over
//                                20 km x 20 km, band chosen by the Moran's I search
// Scenes: a square block of cells with Poisson counts (mean 1) and a few planted clusters, fixed seed.
#include "libgeo/hotspot/gi_star.hpp"
#include "libgeo/hotspot/hotspot_cells.hpp"
#include "libgeo/hotspot/moran.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <map>
#include <random>
#include <vector>

namespace {

struct Scene {
    geo::hotspot::SquareGrid grid;
    std::vector<geo::hotspot::GridCell> cells;
    std::vector<geo::Point> centres;
    std::vector<double> counts;
};

const Scene& scene(long long cells)
{
    static std::map<long long, Scene> cache;
    auto it = cache.find(cells);
    if (it != cache.end()) return it->second;
    Scene s;
    const auto side = static_cast<long long>(std::llround(std::sqrt(static_cast<double>(cells))));
    s.grid = {500000.0, 3000000.0, 100.0, side, side};
    std::mt19937_64 rng(2017);
    std::poisson_distribution<int> background(1.0);
    for (long long r = 0; r < side; ++r)
        for (long long c = 0; c < side; ++c) {
            s.cells.push_back({static_cast<int>(c), static_cast<int>(r)});
            s.centres.push_back(s.grid.centre(c, r));
            const bool cluster = (r / 50) % 7 == 3 && (c / 50) % 5 == 2;
            s.counts.push_back(background(rng) + (cluster ? 3 : 0));
        }
    return cache.emplace(cells, std::move(s)).first->second;
}

void BM_gi_grid(benchmark::State& state)
{
    const Scene& s = scene(state.range(0));
    geo::hotspot::GiOptions o;
    o.band_m = 1000;
    o.threads = static_cast<int>(state.range(1));
    for (auto _ : state) {
        auto r = geo::hotspot::gi_star_grid(s.grid, s.cells, s.counts, o);
        benchmark::DoNotOptimize(r.z.data());
    }
    state.counters["cells"] = static_cast<double>(s.cells.size());
}

void BM_gi_points(benchmark::State& state)
{
    const Scene& s = scene(state.range(0));
    geo::hotspot::GiOptions o;
    o.band_m = 1000;
    o.threads = static_cast<int>(state.range(1));
    for (auto _ : state) {
        auto r = geo::hotspot::gi_star_points(s.centres, s.counts, o);
        benchmark::DoNotOptimize(r.z.data());
    }
    state.counters["cells"] = static_cast<double>(s.cells.size());
}

void BM_gi_permutations(benchmark::State& state)
{
    const Scene& s = scene(state.range(0));
    geo::hotspot::GiOptions o;
    o.band_m = 1000;
    o.permutations = 99;
    o.threads = 2;
    for (auto _ : state) {
        auto r = geo::hotspot::gi_star_grid(s.grid, s.cells, s.counts, o);
        benchmark::DoNotOptimize(r.p_sim.data());
    }
}

void BM_choose_band(benchmark::State& state)
{
    const Scene& s = scene(state.range(0));
    geo::hotspot::BandSearchOptions o;
    o.threads = 2;
    for (auto _ : state) {
        auto b = geo::hotspot::choose_band(s.centres, s.counts, o);
        benchmark::DoNotOptimize(b.band_m);
    }
}

void BM_hotspot_cells(benchmark::State& state)
{
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(0, 20000);
    std::normal_distribution<double> blob(0, 300);
    std::vector<geo::Point> points;
    for (long long i = 0; i < state.range(0); ++i) {
        if (i % 4 == 0)
            points.emplace_back(5000 + blob(rng) + (i % 8 == 0 ? 8000 : 0), 12000 + blob(rng));
        else
            points.emplace_back(u(rng), u(rng));
    }
    geo::hotspot::HotspotCellsOptions o;
    o.binning.cell_size_m = 100;
    o.gi.threads = o.band_search.threads = 2;
    for (auto _ : state) {
        auto r = geo::hotspot::hotspot_cells(points, {}, o);
        benchmark::DoNotOptimize(r.gi.z.data());
        state.counters["cells"] = static_cast<double>(r.binning.cells.size());
        state.counters["band_m"] = r.band_m;
    }
}

BENCHMARK(BM_gi_grid)->Args({1000000, 1})->Args({1000000, 2})->Args({100000, 1})->Args({100000, 2})
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_gi_points)->Args({1000000, 2})->Args({100000, 1})->Args({100000, 2})
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_gi_permutations)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_choose_band)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_hotspot_cells)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
