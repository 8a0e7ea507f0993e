// The CARP solver (libgeo/route/carp.hpp) against exact enumeration on small random instances, against the published
// bounds of a few classical benchmark files, and for determinism, limits and refusals. Every solution is walked again
// here, independently of the solver's own evaluation.
#include "libgeo/route/carp.hpp"
#include "route/carp_file.hpp"
#include "support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

namespace geo::route {
namespace {

const double inf = std::numeric_limits<double>::infinity();

// Nodes on an integer grid, Manhattan distances (a metric, exact in doubles); tasks between random distinct nodes
// with their own cost (≥ the distance, as a street is at least the shortest way along it) and demand 1..5.
CarpInstance random_instance(std::uint64_t seed, int nodes, int tasks)
{
    std::mt19937_64 rng(seed);
    auto below = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
    std::vector<std::pair<int, int>> at;
    for (int v = 0; v < nodes; ++v) at.emplace_back(below(20), below(20));
    CarpInstance instance;
    instance.distance = DistanceMatrix(nodes);
    for (int x = 0; x < nodes; ++x)
        for (int y = 0; y < nodes; ++y)
            instance.distance.set(x, y, std::abs(at[x].first - at[y].first) + std::abs(at[x].second - at[y].second));
    double total = 0, largest = 0;
    for (int t = 0; t < tasks; ++t) {
        CarpTask task;
        task.a = below(nodes);
        do task.b = below(nodes); while (task.b == task.a);
        task.cost = instance.distance(task.a, task.b) + below(4);
        task.demand = 1 + below(5);
        total += task.demand;
        largest = std::max(largest, task.demand);
        instance.tasks.push_back(task);
    }
    instance.capacity = std::max(largest, std::ceil(total / (2 + below(2) + 0.5)));  // forces 2–3 routes or more
    return instance;
}

// Exact optimum by DP over subsets: the cheapest route serving each subset (orders and directions), then the
// cheapest partition into feasible routes.
double exact_optimum(const CarpInstance& in)
{
    const int n = static_cast<int>(in.tasks.size());
    const int full = (1 << n) - 1;
    auto head = [&](int arc) { return arc % 2 == 0 ? in.tasks[arc / 2].a : in.tasks[arc / 2].b; };
    auto tail = [&](int arc) { return arc % 2 == 0 ? in.tasks[arc / 2].b : in.tasks[arc / 2].a; };
    // walk[S][arc]: depot → serve S, last the arc.
    std::vector<std::vector<double>> walk(static_cast<std::size_t>(full + 1), std::vector<double>(2 * n, inf));
    for (int arc = 0; arc < 2 * n; ++arc)
        walk[1 << (arc / 2)][arc] = in.distance(in.depot, head(arc)) + in.tasks[arc / 2].cost;
    for (int s = 1; s <= full; ++s)
        for (int arc = 0; arc < 2 * n; ++arc) {
            if (walk[s][arc] == inf) continue;
            for (int next = 0; next < 2 * n; ++next) {
                if (s & (1 << (next / 2))) continue;
                double& w = walk[s | (1 << (next / 2))][next];
                w = std::min(w, walk[s][arc] + in.distance(tail(arc), head(next)) + in.tasks[next / 2].cost);
            }
        }
    std::vector<double> route(static_cast<std::size_t>(full + 1), inf);
    for (int s = 1; s <= full; ++s) {
        double load = 0, cost = inf;
        for (int t = 0; t < n; ++t)
            if (s & (1 << t)) load += in.tasks[t].demand;
        for (int arc = 0; arc < 2 * n; ++arc) cost = std::min(cost, walk[s][arc] + in.distance(tail(arc), in.depot));
        if (load <= in.capacity && cost <= in.max_route_cost) route[s] = cost;
    }
    std::vector<double> best(static_cast<std::size_t>(full + 1), inf);
    best[0] = 0;
    for (int s = 1; s <= full; ++s) {
        const int low = s & -s;  // the route holding the lowest task: each partition counted once
        for (int r = s; r > 0; r = (r - 1) & s)
            if ((r & low) && route[r] < inf && best[s ^ r] < inf) best[s] = std::min(best[s], route[r] + best[s ^ r]);
    }
    return best[full];
}

// Walks the solution again: every task once, each route's cost and load, the limits. Returns the total cost.
double check_solution(const CarpInstance& in, const CarpSolution& s)
{
    std::vector<int> served(in.tasks.size(), 0);
    double total = 0;
    for (const CarpRoute& r : s.routes) {
        EXPECT_FALSE(r.tasks.empty());
        double cost = 0, load = 0;
        int at = in.depot;
        for (const ServedTask& st : r.tasks) {
            const CarpTask& t = in.tasks.at(static_cast<std::size_t>(st.task));
            ++served[static_cast<std::size_t>(st.task)];
            cost += in.distance(at, st.forward ? t.a : t.b) + t.cost;
            at = st.forward ? t.b : t.a;
            load += t.demand;
        }
        cost += in.distance(at, in.depot);
        EXPECT_NEAR(r.cost, cost, 1e-9 * std::max(1.0, cost));
        EXPECT_NEAR(r.load, load, 1e-9);
        const CarpRoute again = evaluate_route(in, r.tasks);
        EXPECT_NEAR(again.cost, cost, 1e-9 * std::max(1.0, cost));
        EXPECT_NEAR(again.load, load, 1e-9);
        EXPECT_LE(load, in.capacity + 1e-9);
        EXPECT_LE(cost, in.max_route_cost + 1e-9);
        total += cost;
    }
    for (int count : served) EXPECT_EQ(count, 1);
    EXPECT_NEAR(s.cost, total, 1e-9 * std::max(1.0, total));
    EXPECT_TRUE(s.feasible);
    return total;
}

CarpOptions quick(int threads = 1, double effort = 0.2)
{
    CarpOptions o;
    o.threads = threads;
    o.effort = effort;
    o.time_limit_s = 60;
    return o;
}

TEST(Carp, EqualsTheExactOptimumOnSmallInstances)
{
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        const CarpInstance in = random_instance(seed, 6 + static_cast<int>(seed % 3), 4 + static_cast<int>(seed % 4));
        const CarpSolution s = solve_carp(in, quick());
        EXPECT_NEAR(check_solution(in, s), exact_optimum(in), 1e-9) << "seed " << seed;
    }
}

TEST(Carp, EqualsTheExactOptimumWithARouteLengthLimit)
{
    for (std::uint64_t seed = 100; seed < 130; ++seed) {
        CarpInstance in = random_instance(seed, 7, 5 + static_cast<int>(seed % 3));
        in.capacity = inf;
        // The limit: between the longest single-task route and the whole job in one route, so it binds.
        double longest = 0;
        for (int t = 0; t < static_cast<int>(in.tasks.size()); ++t)
            longest = std::max(longest, evaluate_route(in, {ServedTask{t, true}}).cost);
        in.max_route_cost = longest + 0.35 * (exact_optimum(in) - longest);
        const double optimum = exact_optimum(in);
        const CarpSolution s = solve_carp(in, quick());
        EXPECT_NEAR(check_solution(in, s), optimum, 1e-9) << "seed " << seed;
        for (const CarpRoute& r : s.routes) EXPECT_LE(r.cost, in.max_route_cost + 1e-9);
    }
}

TEST(Carp, BothLimitsAtOnceOnALargerInstance)
{
    CarpInstance in = random_instance(7, 30, 60);
    in.max_route_cost = 120;
    const CarpSolution s = solve_carp(in, quick(2));
    check_solution(in, s);
    EXPECT_GT(s.routes.size(), 1U);
}

TEST(Carp, EvaluateRouteWalksTheGivenDirections)
{
    CarpInstance in = random_instance(3, 8, 3);
    const CarpRoute r = evaluate_route(in, {{0, true}, {1, false}, {2, true}});
    const auto& t = in.tasks;
    const double expected = in.distance(0, t[0].a) + t[0].cost + in.distance(t[0].b, t[1].b) + t[1].cost +
                            in.distance(t[1].a, t[2].a) + t[2].cost + in.distance(t[2].b, 0);
    EXPECT_NEAR(r.cost, expected, 1e-12);
    EXPECT_NEAR(r.load, t[0].demand + t[1].demand + t[2].demand, 1e-12);
    EXPECT_EQ(evaluate_route(in, {}).cost, 0);
}

TEST(Carp, SameInstanceAndOptionsGiveTheSameRoutes)
{
    const CarpInstance in = random_instance(11, 40, 70);
    const CarpSolution a = solve_carp(in, quick(2));
    const CarpSolution b = solve_carp(in, quick(2));
    ASSERT_EQ(a.routes.size(), b.routes.size());
    EXPECT_EQ(a.cost, b.cost);
    for (std::size_t r = 0; r < a.routes.size(); ++r) {
        ASSERT_EQ(a.routes[r].tasks.size(), b.routes[r].tasks.size());
        for (std::size_t k = 0; k < a.routes[r].tasks.size(); ++k) {
            EXPECT_EQ(a.routes[r].tasks[k].task, b.routes[r].tasks[k].task);
            EXPECT_EQ(a.routes[r].tasks[k].forward, b.routes[r].tasks[k].forward);
        }
    }
    EXPECT_FALSE(a.stopped_by_time);
}

TEST(Carp, RefusesATaskThatFitsNoRoute)
{
    CarpInstance in = random_instance(5, 8, 5);
    in.tasks[2].demand = in.capacity + 1;
    EXPECT_THROW((void)solve_carp(in, quick()), std::invalid_argument);
    in = random_instance(5, 8, 5);
    in.max_route_cost = evaluate_route(in, {ServedTask{1, true}}).cost - 0.5;
    EXPECT_THROW((void)solve_carp(in, quick()), std::invalid_argument);
}

TEST(Carp, NoTasksNoRoutes)
{
    CarpInstance in = random_instance(5, 8, 0);
    in.capacity = 10;
    const CarpSolution s = solve_carp(in, quick());
    EXPECT_TRUE(s.routes.empty());
    EXPECT_EQ(s.cost, 0);
}

TEST(Carp, ACancellingCallbackStopsEveryThread)
{
    const CarpInstance in = random_instance(9, 30, 50);
    Progress cancel;
    cancel.fn = [](double, const char*, void*) { return 0; };
    EXPECT_THROW((void)solve_carp(in, quick(2), cancel), geo::Error);
}

// A benchmark file as the bench driver reads it: Floyd–Warshall distances over all vertices, depot 0, the edges with
// demand as tasks.
CarpInstance from_file(const test::CarpFile& file)
{
    const int n = file.vertices;
    std::vector<double> d(static_cast<std::size_t>(n) * n, inf);
    auto at = [&](int i, int j) -> double& { return d[static_cast<std::size_t>(i) * n + j]; };
    for (int v = 0; v < n; ++v) at(v, v) = 0;
    for (const auto& e : file.edges) at(e.from, e.to) = at(e.to, e.from) = std::min(at(e.from, e.to), e.cost);
    for (int k = 0; k < n; ++k)
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) at(i, j) = std::min(at(i, j), at(i, k) + at(k, j));
    CarpInstance in;
    in.distance = DistanceMatrix(n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) in.distance.set(i, j, at(i, j));
    in.capacity = file.capacity;
    for (const auto& e : file.edges)
        if (e.demand > 0) in.tasks.push_back({e.from, e.to, e.cost, e.demand});
    return in;
}

TEST(Carp, WithinOnePercentOfTheBestKnownOnBenchmarkFiles)
{
    for (const char* name : {"gdb1", "gdb8", "gdb19", "kshs3", "val1A"}) {
        const auto file = test::read_carp_file(test::reference_dir() / "postman/carp_instances" / (std::string(name) + ".dat"));
        const CarpInstance in = from_file(file);
        const CarpSolution s = solve_carp(in, quick(2, 0.3));
        const double cost = check_solution(in, s);
        EXPECT_LE(cost, file.upper_bound * 1.01) << name;
        EXPECT_GE(cost, file.lower_bound - 1e-9) << name << ": below the published lower bound, a bug";
    }
}

}  // namespace
}  // namespace geo::route
