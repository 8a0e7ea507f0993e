#include "libgeo/route/carp_problem.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <numeric>

namespace geo::route::detail {

Problem::Problem(const CarpInstance& instance, int neighbour_count)
    : m_distance(instance.distance), m_depot(instance.depot), m_capacity(instance.capacity),
      m_max_length(instance.max_route_cost)
{
    const int n = static_cast<int>(instance.tasks.size());
    m_head.resize(2 * static_cast<std::size_t>(n));
    m_cost.resize(static_cast<std::size_t>(n));
    m_demand.resize(static_cast<std::size_t>(n));
    for (int t = 0; t < n; ++t) {
        const CarpTask& task = instance.tasks[static_cast<std::size_t>(t)];
        m_head[arc_of(t, true)] = task.a;
        m_head[arc_of(t, false)] = task.b;
        m_cost[t] = task.cost;
        m_demand[t] = task.demand;
    }
    // Relative tolerances: a route exactly at the limit must count as feasible whatever order its sum was taken in.
    m_tolerance_load = std::isfinite(m_capacity) ? 1e-9 * std::max(1.0, std::abs(m_capacity)) : 0.0;
    m_tolerance_length = std::isfinite(m_max_length) ? 1e-9 * std::max(1.0, std::abs(m_max_length)) : 0.0;

    // Granular neighbours: the tasks whose nearest ends are closest. Moves only join a task to one of these, which
    // keeps a local search pass near-linear without losing the moves that matter (Toth & Vigo's granularity).
    const int k = std::min(neighbour_count, n - 1);
    m_neighbours.resize(static_cast<std::size_t>(n));
    std::vector<std::pair<double, int>> by_distance;
    for (int t = 0; t < n; ++t) {
        by_distance.clear();
        for (int s = 0; s < n; ++s) {
            if (s == t) continue;
            double best = std::numeric_limits<double>::infinity();
            const auto ti = 2 * static_cast<std::size_t>(t), si = 2 * static_cast<std::size_t>(s);
            for (int x : {m_head[ti], m_head[ti + 1]})
                for (int y : {m_head[si], m_head[si + 1]}) best = std::min({best, d(x, y), d(y, x)});
            by_distance.emplace_back(best, s);
        }
        // Ties by task number, so the lists (and the whole search) do not depend on the sort's implementation.
        std::vector<std::pair<double, int>> nearest(std::min(static_cast<std::size_t>(k), by_distance.size()));
        std::partial_sort_copy(by_distance.begin(), by_distance.end(), nearest.begin(), nearest.end());
        for (const auto& [distance, task] : nearest) m_neighbours[t].push_back(task);
    }
}

double orient_route(const Problem& problem, std::vector<int>& arcs)
{
    if (arcs.empty()) return 0;
    const int depot = problem.depot();
    const std::size_t n = arcs.size();
    // best[k][o]: cheapest walk from the depot to the end of task k walked in direction o (0 forward);
    // from[k][o]: the direction of task k - 1 it came through.
    std::vector<std::array<double, 2>> best(n);
    std::vector<std::array<unsigned char, 2>> from(n);
    for (int o = 0; o < 2; ++o) {
        const int arc = 2 * task_of(arcs[0]) + o;
        best[0][o] = problem.d(depot, problem.head(arc)) + problem.cost(task_of(arc));
    }
    for (std::size_t k = 1; k < n; ++k) {
        const int t = task_of(arcs[k]), p = task_of(arcs[k - 1]);
        for (int o = 0; o < 2; ++o) {
            const int arc = 2 * t + o;
            const double via0 = best[k - 1][0] + problem.d(problem.tail(2 * p), problem.head(arc));
            const double via1 = best[k - 1][1] + problem.d(problem.tail(2 * p + 1), problem.head(arc));
            from[k][o] = via1 < via0 ? 1 : 0;
            best[k][o] = std::min(via0, via1) + problem.cost(t);
        }
    }
    const int last = task_of(arcs[n - 1]);
    const double end0 = best[n - 1][0] + problem.d(problem.tail(2 * last), depot);
    const double end1 = best[n - 1][1] + problem.d(problem.tail(2 * last + 1), depot);
    int o = end1 < end0 ? 1 : 0;
    for (std::size_t k = n; k-- > 0;) {
        arcs[k] = 2 * task_of(arcs[k]) + o;
        if (k > 0) o = from[k][o];
    }
    return std::min(end0, end1);
}

double oriented_cost(const Problem& problem, const std::vector<int>& arcs)
{
    if (arcs.empty()) return 0;
    const int depot = problem.depot();
    int t = task_of(arcs[0]);
    double forward = problem.d(depot, problem.head(2 * t)) + problem.cost(t);
    double backward = problem.d(depot, problem.head(2 * t + 1)) + problem.cost(t);
    for (std::size_t k = 1; k < arcs.size(); ++k) {
        const int p = t;
        t = task_of(arcs[k]);
        const int end0 = problem.tail(2 * p), end1 = problem.tail(2 * p + 1);
        const int start0 = problem.head(2 * t), start1 = problem.head(2 * t + 1);
        const double f = std::min(forward + problem.d(end0, start0), backward + problem.d(end1, start0));
        const double b = std::min(forward + problem.d(end0, start1), backward + problem.d(end1, start1));
        forward = f + problem.cost(t);
        backward = b + problem.cost(t);
    }
    return std::min(forward + problem.d(problem.tail(2 * t), depot), backward + problem.d(problem.tail(2 * t + 1), depot));
}

double route_cost(const Problem& problem, const std::vector<int>& arcs)
{
    if (arcs.empty()) return 0;
    double cost = 0;
    int at = problem.depot();
    for (int arc : arcs) {
        cost += problem.d(at, problem.head(arc)) + problem.cost(task_of(arc));
        at = problem.tail(arc);
    }
    return cost + problem.d(at, problem.depot());
}

}  // namespace geo::route::detail
