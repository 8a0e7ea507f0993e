// solve_carp: checks the instance, runs one genetic search per thread and keeps the best; evaluate_route.
#include "libgeo/route/carp.hpp"

#include "libgeo/route/carp_genetic.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

namespace geo::route {

namespace {

constexpr int neighbour_count = 12;

void validate(const CarpInstance& instance, const CarpOptions& options)
{
    const int size = instance.distance.size();
    auto node_ok = [&](int node) { return node >= 0 && node < size; };
    if (!node_ok(instance.depot)) throw std::invalid_argument("CARP: the depot is not a node of the distance matrix");
    for (int x = 0; x < size; ++x) {
        if (instance.distance(x, x) != 0)
            throw std::invalid_argument("CARP: the distance from node " + std::to_string(x) + " to itself is not 0");
        for (int y = 0; y < size; ++y)
            if (!(instance.distance(x, y) >= 0))
                throw std::invalid_argument("CARP: negative or NaN distance between nodes " + std::to_string(x) +
                                            " and " + std::to_string(y));
    }
    if (!(instance.capacity > 0) || !(instance.max_route_cost > 0))
        throw std::invalid_argument("CARP: capacity and max_route_cost must be positive");
    if (!(options.time_limit_s > 0)) throw std::invalid_argument("CARP: time_limit_s must be positive");
    if (!(options.effort > 0) || !std::isfinite(options.effort))
        throw std::invalid_argument("CARP: effort must be positive");
    for (std::size_t t = 0; t < instance.tasks.size(); ++t) {
        const CarpTask& task = instance.tasks[t];
        const std::string which = "CARP: task " + std::to_string(t);
        if (!node_ok(task.a) || !node_ok(task.b)) throw std::invalid_argument(which + " has an end outside the matrix");
        if (!(task.cost >= 0) || !std::isfinite(task.cost) || !(task.demand >= 0) || !std::isfinite(task.demand))
            throw std::invalid_argument(which + " has a negative or non-finite cost or demand");
        // Alone in a route: the caller must have set apart what no route can serve.
        const auto alone = evaluate_route(instance, {ServedTask{static_cast<int>(t), true}});
        if (!std::isfinite(alone.cost))
            throw std::invalid_argument(which + " cannot be reached from the depot");
        if (task.demand > instance.capacity * (1 + 1e-9))
            throw std::invalid_argument(which + " needs more than a route's capacity");
        if (alone.cost > instance.max_route_cost * (1 + 1e-9))
            throw std::invalid_argument(which + " does not fit max_route_cost even alone in a route");
    }
}

// The deterministic budget: children without a new best before a thread stops. Grows with the instance, as the
// neighbourhoods take longer to settle; sized so gdb/val finish in a few seconds and egl within a minute.
long no_improvement_budget(int tasks, double effort)
{
    return std::max(1L, std::lround(effort * static_cast<double>(std::clamp(10L * tasks, 500L, 1200L))));
}

CarpSolution to_solution(const CarpInstance& instance, const std::vector<std::vector<int>>& routes)
{
    CarpSolution solution;
    for (const auto& arcs : routes) {
        std::vector<ServedTask> served;
        served.reserve(arcs.size());
        for (int arc : arcs) served.push_back({detail::task_of(arc), detail::is_forward(arc)});
        solution.routes.push_back(evaluate_route(instance, std::move(served)));
        solution.cost += solution.routes.back().cost;
    }
    return solution;
}

}  // namespace

CarpRoute evaluate_route(const CarpInstance& instance, std::vector<ServedTask> tasks)
{
    CarpRoute route;
    route.tasks = std::move(tasks);
    if (route.tasks.empty()) return route;
    int at = instance.depot;
    for (const ServedTask& s : route.tasks) {
        const CarpTask& task = instance.tasks.at(static_cast<std::size_t>(s.task));
        const int from = s.forward ? task.a : task.b;
        route.cost += instance.distance(at, from) + task.cost;
        route.load += task.demand;
        at = s.forward ? task.b : task.a;
    }
    route.cost += instance.distance(at, instance.depot);
    return route;
}

CarpSolution solve_carp(const CarpInstance& instance, const CarpOptions& options, Progress progress)
{
    const auto started = std::chrono::steady_clock::now();
    validate(instance, options);
    const int n = static_cast<int>(instance.tasks.size());
    if (n == 0) return {};
    const detail::Problem problem(instance, neighbour_count);

    detail::GeneticSettings settings;
    settings.max_no_improvement = no_improvement_budget(n, options.effort);
    // Less effort starts from fewer tours too (never below ten); at full effort or more, from 4μ.
    settings.initial = static_cast<int>(std::max(10L, std::lround(4.0 * settings.population * std::min(1.0, options.effort))));
    settings.time_limit_s = options.time_limit_s;

    const int threads = std::max(1, options.threads);
    std::vector<detail::GeneticResult> results(static_cast<std::size_t>(threads));
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(threads));
    std::atomic<bool> failed{false};
    {
        std::vector<std::jthread> workers;
        workers.reserve(static_cast<std::size_t>(threads));
        for (int i = 0; i < threads; ++i) {
            workers.emplace_back([&, i] {
                try {
                    // Only the first thread reports, so the callback is never called concurrently; a failure anywhere
                    // (a cancelling callback included) stops the others at their next check.
                    double reported = 0;
                    auto keep_going = [&](double done) {
                        if (i == 0) {
                            reported = std::max(reported, std::min(done, 1.0));
                            progress(reported, "planning routes");
                        }
                        return !failed.load();
                    };
                    detail::GeneticSearch search(problem, settings, options.seed + static_cast<std::uint64_t>(i),
                                                 keep_going);
                    results[static_cast<std::size_t>(i)] = search.run();
                } catch (...) {
                    errors[static_cast<std::size_t>(i)] = std::current_exception();
                    failed = true;
                }
            });
        }
    }  // the jthreads join here
    for (const auto& error : errors)
        if (error) std::rethrow_exception(error);

    // The best feasible result wins, ties to the lower thread; a search that found nothing feasible (only possible
    // when cut by the time cap) falls back to one route per task, which validate() made sure is feasible.
    const detail::Individual* best = nullptr;
    bool stopped_by_time = false;
    for (const auto& r : results) {
        stopped_by_time = stopped_by_time || r.stopped_by_time;
        if (r.best && (!best || r.best->cost < best->cost)) best = &*r.best;
    }
    std::vector<std::vector<int>> routes;
    if (best) {
        routes = best->routes;
    } else {
        for (int t = 0; t < n; ++t) routes.push_back({detail::arc_of(t, true)});
    }
    CarpSolution solution = to_solution(instance, routes);
    solution.feasible = std::all_of(solution.routes.begin(), solution.routes.end(), [&](const CarpRoute& r) {
        return problem.within_limits(r.cost, r.load);
    });
    solution.stopped_by_time = stopped_by_time;
    solution.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    progress(1.0, "planning routes");
    return solution;
}

}  // namespace geo::route
