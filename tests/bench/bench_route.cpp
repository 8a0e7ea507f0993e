// Benchmarks of the one-walker postman (issue 20: "one walker, no day limit"). Never run by ctest; scripts/bench.sh
// runs them through scripts/bench/route.sh (median times, peak memory with /usr/bin/time -v).
//
//   geowalk_bench_route [--benchmark_filter=...] [--benchmark_repetitions=N --benchmark_report_aggregates_only=true]
//
//   BM_postman_district   10,000 required edges, one connected block of a ~50,000-edge network: exact (one piece)
//   BM_postman_streets    10,000 required edges as ~1,000 scattered street runs of the same network: many pieces
//                         joined (Frederickson), then matched
//   BM_postman_odd/N/full N odd nodes (about): every edge of a ~51,000-edge torus grid required, edges removed at
//                         random to make the odd nodes; full=1 all pairs matched, full=0 nearest 12 only
// Counters: odd nodes, pieces, total and deadhead km, the tour's gap to its lower bound (%), restricted or not.
// Networks: a perturbed grid (edges 80-120 m, 2 % removed), fixed seeds.
#include "libgeo/route/postman.hpp"

#include <benchmark/benchmark.h>

#include <map>
#include <random>
#include <vector>

namespace {

using namespace geo::route;

struct Scene {
    ArcGraph graph;
    std::vector<char> required;
    int start = 0;
};

// side x side nodes; each grid edge kept with probability `keep`, length 80-120 m. Torus: wrap-around edges too, so
// that every node has even degree before removals.
ArcGraph grid(int side, double keep, bool torus, std::uint32_t seed, std::vector<std::pair<int, int>>* cells = nullptr)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> length(80, 120);
    std::bernoulli_distribution kept(keep);
    ArcGraph graph(side * side);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const int v = y * side + x;
            const bool right = x + 1 < side || torus;
            const bool down = y + 1 < side || torus;
            if (right && kept(rng)) {
                graph.add_edge(v, y * side + (x + 1) % side, length(rng));
                if (cells) cells->emplace_back(x, y);
            }
            if (down && kept(rng)) {
                graph.add_edge(v, ((y + 1) % side) * side + x, length(rng));
                if (cells) cells->emplace_back(x, y);
            }
        }
    graph.freeze();
    return graph;
}

// The scene, one district: 158 x 158 nodes (~49,000 edges); required: the edges of a 71 x 71 block.
const Scene& district()
{
    static const Scene scene = [] {
        Scene s;
        std::vector<std::pair<int, int>> cells;
        s.graph = grid(158, 0.98, false, 20, &cells);
        for (const auto& [x, y] : cells) s.required.push_back(x >= 40 && x < 111 && y >= 40 && y < 111 ? 1 : 0);
        s.start = 40 * 158 + 40;
        return s;
    }();
    return scene;
}

// The same network; required: street runs of 10 consecutive edges along a row or a column, drawn until 10,000.
const Scene& streets()
{
    static const Scene scene = [] {
        Scene s;
        const int side = 158;
        s.graph = grid(side, 0.98, false, 20);
        s.required.assign(static_cast<std::size_t>(s.graph.edge_count()), 0);
        // Edge lookup by its two ends.
        std::map<std::pair<int, int>, int> by_ends;
        for (int e = 0; e < s.graph.edge_count(); ++e) by_ends[{s.graph.edge(e).a, s.graph.edge(e).b}] = e;
        std::mt19937 rng(21);
        std::uniform_int_distribution<int> coordinate(0, side - 12);
        int count = 0;
        while (count < 10000) {
            const bool along_x = (rng() & 1U) != 0;
            const int x = coordinate(rng);
            const int y = coordinate(rng);
            for (int k = 0; k < 10 && count < 10000; ++k) {
                const int a = along_x ? y * side + x + k : (y + k) * side + x;
                const int b = along_x ? a + 1 : a + side;
                const auto it = by_ends.find({a, b});
                if (it == by_ends.end() || s.required[static_cast<std::size_t>(it->second)]) continue;
                s.required[static_cast<std::size_t>(it->second)] = 1;
                ++count;
            }
        }
        s.start = (side / 2) * side + side / 2;
        return s;
    }();
    return scene;
}

// A 160 x 160 torus (51,200 edges, every degree 4), all required, `removed` edges taken out at random: about
// 2 x removed odd nodes.
const Scene& torus(int removed)
{
    static std::map<int, Scene> cache;
    auto it = cache.find(removed);
    if (it != cache.end()) return it->second;
    const auto full = grid(160, 1.0, true, 30);
    std::vector<char> drop(static_cast<std::size_t>(full.edge_count()), 0);
    std::mt19937 rng(static_cast<std::uint32_t>(31 + removed));
    std::uniform_int_distribution<int> pick(0, full.edge_count() - 1);
    for (int k = 0; k < removed;) {
        const int e = pick(rng);
        if (!drop[static_cast<std::size_t>(e)]) {
            drop[static_cast<std::size_t>(e)] = 1;
            ++k;
        }
    }
    Scene s;
    s.graph = ArcGraph(full.node_count());
    for (int e = 0; e < full.edge_count(); ++e)
        if (!drop[static_cast<std::size_t>(e)]) s.graph.add_edge(full.edge(e).a, full.edge(e).b, full.edge(e).length);
    s.graph.freeze();
    s.required.assign(static_cast<std::size_t>(s.graph.edge_count()), 1);
    return cache.emplace(removed, std::move(s)).first->second;
}

void report(benchmark::State& state, const PostmanTour& tour)
{
    state.counters["odd_nodes"] = tour.odd_nodes;
    state.counters["pieces"] = tour.required_components;
    state.counters["total_km"] = tour.total_length / 1000;
    state.counters["deadhead_km"] = tour.deadhead_length / 1000;
    state.counters["gap_pct"] = 100 * (tour.total_length - tour.lower_bound) / tour.lower_bound;
    state.counters["restricted"] = tour.matching_restricted ? 1 : 0;
    state.counters["steps"] = static_cast<double>(tour.steps.size());
}

void run(benchmark::State& state, const Scene& scene, const PostmanOptions& options)
{
    PostmanTour tour;
    for (auto _ : state) {
        tour = rural_postman(scene.graph, scene.required, scene.start, options);
        benchmark::DoNotOptimize(tour.total_length);
    }
    report(state, tour);
}

void BM_postman_district(benchmark::State& state) { run(state, district(), {}); }

void BM_postman_streets(benchmark::State& state) { run(state, streets(), {}); }

void BM_postman_odd(benchmark::State& state)
{
    PostmanOptions options;
    options.full_matching_up_to = state.range(1) != 0 ? 1000000 : 0;
    run(state, torus(static_cast<int>(state.range(0)) / 2), options);
}

}  // namespace

BENCHMARK(BM_postman_district)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_postman_streets)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_postman_odd)
    ->Args({500, 1})
    ->Args({1000, 1})
    ->Args({2000, 1})
    ->Args({4000, 1})
    ->Args({1000, 0})
    ->Args({2000, 0})
    ->Args({4000, 0})
    ->Args({8000, 0})
    ->Args({16000, 0})
    ->ArgNames({"odd", "full"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

BENCHMARK_MAIN();
