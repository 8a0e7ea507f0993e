// Benchmarks of the coverage step (issue 3), run by scripts/bench.sh and never by ctest: speed is measured here, not
// asserted in unit tests.
//
//   geowalk_bench [--benchmark_filter=...] [--benchmark_repetitions=N ...]
//   geowalk_bench --scene DIR [--scale N] [--fix-interval S]
//   geowalk_bench --export CAMPAIGN DIR
//
// Benchmarks run on the committed 1x sample (data/sample/campaign.toml) unless GEOWALK_BENCH_CAMPAIGN names another
// campaign file. The campaign is loaded once, before the first benchmark that needs it, and only the analysis is
// timed, with S = 30 m on every line (as the PostGIS peer of bench.sh computes it):
//   BM_analyse/threads:N           geo::coverage::analyse, the whole analysis; counters s_* are seconds per stage
//   BM_network_coverage/threads:N  its network part (track index, split by village, covered intervals): the numbers
//                                  PostGIS computes in bench.sh, done as analyse does them
//   BM_walk_distance/threads:N     its walk-distance raster (grid, mask and call as analyse makes them)
//   BM_cover_line, BM_track_index  the interval kernel on one thread, and packing the track rtree
// The network and raster parts are timed apart because the rest of analyse (village and blind areas: GEOS buffers of
// the tracks) takes far longer on dense tracks, and the parts PostGIS and GDAL are compared with must be measurable
// on their own.
//
// --scene writes the sample town's input files into DIR: what `geowalk demo --out X --scale N --fix-interval S` writes
// into X/input (the same library call), without the full run demo does afterwards.
// --export loads CAMPAIGN and writes DIR/geowalk.gpkg and DIR/summary.json as a run without analyses does (the
// loaded network and cleaned tracks, for PostGIS and gdal_rasterize) and DIR/walk_distance.tif as analyse makes it
// (10 m pixels, 2 threads), and DIR/walk_distance_pixel_centres.tif the same with walk_distance = "pixel_centres";
// it prints "length_m covered_m identical_lines identical_raster" where covered_m is the network part with 2 threads
// and identical_* say whether 1 thread gave bit-identical results.
#include "libgeo/core/campaign.hpp"
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/coverage/intervals.hpp"
#include "libgeo/coverage/split.hpp"
#include "libgeo/coverage/track_index.hpp"
#include "libgeo/handles/geos.hpp"
#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/load/loader.hpp"
#include "libgeo/pipeline/outputs.hpp"
#include "libgeo/export/raster_writer.hpp"
#include "libgeo/raster/distance_transform.hpp"
#include "libgeo/raster/grid.hpp"
#include "libgeo/sample/sample_town.hpp"

#include <benchmark/benchmark.h>
#include <gdal.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

constexpr double k_sight_m = 30.0;
constexpr double k_pixel_m = 10.0;  // CoverageOptions' default

std::string campaign_path()
{
    if (const char* env = std::getenv("GEOWALK_BENCH_CAMPAIGN"); env != nullptr && *env != '\0') return env;
    return std::string(GEOWALK_SOURCE_DIR) + "/data/sample/campaign.toml";
}

const geo::Campaign& campaign()
{
    static const geo::Campaign loaded = geo::load::load_campaign(geo::campaign::read_campaign_file(campaign_path()));
    return loaded;
}

const geo::coverage::TrackIndex& track_index()
{
    static const geo::coverage::TrackIndex index(campaign());
    return index;
}

double network_metres(const geo::Campaign& c)
{
    double sum = 0;
    for (const auto& n : c.network) sum += geo::bg::length(n.line);
    return sum;
}

// The network part of geo::coverage::analyse, step for step: index the tracks, split the network by village, then
// the covered intervals of every piece on `threads` threads (each piece its own slot, so the result does not depend
// on the thread count). Returns the covered length, summed in piece order.
double network_coverage(const geo::Campaign& c, int threads)
{
    geo::GeosContext ctx;
    const geo::coverage::TrackIndex tracks(c);
    auto lines = geo::coverage::split_by_villages(ctx, c);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < lines.size(); i = next++)
            lines[i].pieces = geo::coverage::cover_line(lines[i].geometry, k_sight_m, tracks);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    double covered = 0;
    for (const auto& l : lines) covered += l.covered();
    return covered;
}

// The walk-distance raster as analyse makes it: a grid of k_pixel_m over the villages' extent, village land as the
// mask, every cleaned track line.
geo::raster::Raster walk_distance(const geo::Campaign& c, const std::vector<geo::LineString>& lines, int threads,
                                  geo::raster::DistanceMeasure measure = geo::raster::DistanceMeasure::to_segments)
{
    geo::MultiPolygon land;
    for (const auto& v : c.villages) land.insert(land.end(), v.area.begin(), v.area.end());
    const auto grid = geo::raster::grid_covering(geo::bg::return_envelope<geo::Box>(land), k_pixel_m);
    geo::raster::DistanceOptions options;
    options.threads = threads;
    options.measure = measure;
    return geo::raster::distance_to_lines(grid, lines, &land, options);
}

// cover_line on every loaded network line against the packed track index: the exact-interval kernel alone
// (rtree query + capsule intervals + merging of pieces), on one thread. Throughput in network metres per second.
void BM_cover_line(benchmark::State& state)
{
    const auto& c = campaign();
    const auto& index = track_index();
    std::size_t segments = 0;
    for (const auto& n : c.network) segments += n.line.size() > 1 ? n.line.size() - 1 : 0;
    for (auto _ : state) {
        for (const auto& n : c.network) {
            auto pieces = geo::coverage::cover_line(n.line, k_sight_m, index);
            benchmark::DoNotOptimize(pieces.data());
        }
    }
    const auto iterations = static_cast<double>(state.iterations());
    state.counters["network_m_per_s"] =
        benchmark::Counter(network_metres(c) * iterations, benchmark::Counter::kIsRate);
    state.counters["segments_per_s"] =
        benchmark::Counter(static_cast<double>(segments) * iterations, benchmark::Counter::kIsRate);
}

// Packing the rtree of every cleaned track segment (done once per analyse).
void BM_track_index(benchmark::State& state)
{
    const auto& c = campaign();
    for (auto _ : state) {
        geo::coverage::TrackIndex index(c);
        benchmark::DoNotOptimize(index.segments().data());
    }
    state.counters["segments"] = static_cast<double>(track_index().segments().size());
}

void BM_network_coverage(benchmark::State& state)
{
    const auto& c = campaign();
    double covered = 0;
    for (auto _ : state) {
        covered = network_coverage(c, static_cast<int>(state.range(0)));
        benchmark::DoNotOptimize(covered);
    }
    state.counters["length_m"] = network_metres(c);
    state.counters["covered_m"] = covered;
}

void BM_walk_distance(benchmark::State& state)
{
    const auto& c = campaign();
    const auto& lines = track_index().lines();
    std::size_t cells = 0;
    for (auto _ : state) {
        const auto raster = walk_distance(c, lines, static_cast<int>(state.range(0)));
        cells = raster.values.size();
        benchmark::DoNotOptimize(raster.values.data());
    }
    state.counters["cells"] = static_cast<double>(cells);
}

// The same grid with DistanceMeasure::to_seed_centres: the quantity gdal_proximity computes.
void BM_walk_distance_seed_centres(benchmark::State& state)
{
    const auto& c = campaign();
    const auto& lines = track_index().lines();
    for (auto _ : state) {
        const auto raster =
            walk_distance(c, lines, static_cast<int>(state.range(0)), geo::raster::DistanceMeasure::to_seed_centres);
        benchmark::DoNotOptimize(raster.values.data());
    }
}

// Seconds spent in each stage of analyse, taken from its progress messages: a stage runs from its message to the
// next one.
struct StageClock {
    using Clock = std::chrono::steady_clock;
    std::string current;
    Clock::time_point since = Clock::now();
    std::map<std::string, double> seconds;

    static int callback(double, const char* what, void* data)
    {
        auto& self = *static_cast<StageClock*>(data);
        const auto now = Clock::now();
        if (!self.current.empty()) self.seconds[self.current] += std::chrono::duration<double>(now - self.since).count();
        self.current = what != nullptr ? what : "";
        self.since = now;
        return 1;
    }
};

// Counter names are the progress messages with spaces and colons as underscores, prefixed "s_" (seconds per
// iteration).
std::string counter_name(const std::string& stage)
{
    std::string name = "s_" + stage;
    for (char& ch : name)
        if (ch == ' ' || ch == ':') ch = '_';
    return name;
}

// The whole coverage analysis on the loaded campaign, with the campaign's options, S = 30 m everywhere and
// state.range(0) threads. The per-stage counters show where the time goes.
void BM_analyse(benchmark::State& state)
{
    const auto& c = campaign();
    geo::coverage::CoverageOptions options = geo::campaign::read_campaign_file(campaign_path()).coverage;
    options.sight_m = k_sight_m;
    options.threads = static_cast<int>(state.range(0));
    double covered = 0;
    StageClock stages;
    for (auto _ : state) {
        stages.current.clear();
        const auto result = geo::coverage::analyse(c, options, {&StageClock::callback, &stages, "coverage"});
        covered = result.network_covered();
        benchmark::DoNotOptimize(covered);
    }
    state.counters["network_km"] = network_metres(c) / 1000.0;
    state.counters["covered_km"] = covered / 1000.0;
    for (const auto& [stage, seconds] : stages.seconds)
        state.counters[counter_name(stage)] = benchmark::Counter(seconds, benchmark::Counter::kAvgIterations);
}

BENCHMARK(BM_cover_line)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_track_index)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_network_coverage)->Arg(1)->Arg(2)->ArgName("threads")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_walk_distance)->Arg(1)->Arg(2)->ArgName("threads")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_walk_distance_seed_centres)->Arg(1)->Arg(2)->ArgName("threads")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_analyse)->Arg(1)->Arg(2)->ArgName("threads")->Unit(benchmark::kMillisecond)->UseRealTime();

std::string shortest(double value)
{
    char text[64];
    const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
    return ec == std::errc{} ? std::string(text, end) : "nan";
}

// geowalk_bench --scene DIR [--scale N] [--fix-interval S]
int write_scene(int argc, char** argv)
{
    geo::sample::TownOptions options;
    std::string dir;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view key = argv[i];
        const char* value = argv[i + 1];
        if (key == "--scene") dir = value;
        else if (key == "--scale") options.scale = std::atoi(value);
        else if (key == "--fix-interval") options.fix_interval_s = std::atoi(value);
        else {
            std::cerr << "geowalk_bench: unknown option " << key << "\n";
            return 2;
        }
    }
    if (dir.empty() || argc % 2 == 0) {
        std::cerr << "usage: geowalk_bench --scene DIR [--scale N] [--fix-interval S]\n";
        return 2;
    }
    geo::sample::write_sample_town(dir, options);
    return 0;
}

// geowalk_bench --export CAMPAIGN DIR
int export_inputs(int argc, char** argv)
{
    if (argc != 4) {
        std::cerr << "usage: geowalk_bench --export CAMPAIGN DIR\n";
        return 2;
    }
    const std::filesystem::path dir = argv[3];
    const geo::Campaign c = geo::load::load_campaign(geo::campaign::read_campaign_file(argv[2]));
    geo::pipeline::write_run_outputs(c, {}, dir);
    const double covered = network_coverage(c, 2);
    const bool identical_lines = covered == network_coverage(c, 1);
    const geo::coverage::TrackIndex tracks(c);
    const auto raster = walk_distance(c, tracks.lines(), 2);
    const bool identical_raster =
        std::memcmp(raster.values.data(), walk_distance(c, tracks.lines(), 1).values.data(),
                    raster.values.size() * sizeof(float)) == 0;
    geo::output::write_cog(dir / "walk_distance.tif", raster, c.crs.wkt, "distance to the nearest walk (m)");
    geo::output::write_cog(dir / "walk_distance_pixel_centres.tif",
                       walk_distance(c, tracks.lines(), 2, geo::raster::DistanceMeasure::to_seed_centres), c.crs.wkt,
                       "distance to the nearest walked pixel's centre (m)");
    std::cout << shortest(network_metres(c)) << ' ' << shortest(covered) << ' ' << (identical_lines ? "yes" : "no")
              << ' ' << (identical_raster ? "yes" : "no") << '\n';
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    GDALAllRegister();
    const std::string_view mode = argc > 1 ? argv[1] : "";
    if (mode == "--scene" || mode == "--export") {
        try {
            return mode == "--scene" ? write_scene(argc, argv) : export_inputs(argc, argv);
        } catch (const std::exception& e) {
            std::cerr << "geowalk_bench: " << e.what() << "\n";
            return 1;
        }
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
