// The split of a giant tour into routes, and the bookkeeping of an individual around it.
#include "libgeo/route/carp_individual.hpp"

#include <array>
#include <cmath>
#include <limits>

namespace geo::route::detail {

void Individual::evaluate(const Problem& problem, const Penalties& penalties)
{
    std::erase_if(routes, [](const std::vector<int>& r) { return r.empty(); });
    const int n = problem.task_count();
    giant.clear();
    successor.assign(static_cast<std::size_t>(n), -1);
    predecessor.assign(static_cast<std::size_t>(n), -1);
    cost = load_excess = length_excess = 0;
    feasible = true;
    for (const auto& route : routes) {
        double load = 0;
        for (std::size_t k = 0; k < route.size(); ++k) {
            const int t = task_of(route[k]);
            giant.push_back(t);
            load += problem.demand(t);
            if (k > 0) predecessor[t] = task_of(route[k - 1]);
            if (k + 1 < route.size()) successor[t] = task_of(route[k + 1]);
        }
        const double c = route_cost(problem, route);
        cost += c;
        load_excess += problem.load_excess(load);
        length_excess += problem.length_excess(c);
        feasible = feasible && problem.within_limits(c, load);
    }
    penalised = penalised_with(penalties);
}

double broken_pairs_distance(const Individual& a, const Individual& b)
{
    const std::size_t n = a.successor.size();
    if (n == 0) return 0;
    int broken = 0;
    for (std::size_t t = 0; t < n; ++t) {
        // Direction-free: a's successor is kept if it is either neighbour in b.
        const int s = a.successor[t];
        if (s != b.successor[t] && s != b.predecessor[t]) ++broken;
        // A route start in a that is no route end in b.
        if (a.predecessor[t] == -1 && b.predecessor[t] != -1 && b.successor[t] != -1) ++broken;
    }
    return static_cast<double>(broken) / static_cast<double>(n);
}

std::vector<std::vector<int>> split_giant_tour(const Problem& problem, const std::vector<int>& giant,
                                               const Penalties& penalties)
{
    const int n = static_cast<int>(giant.size());
    const int depot = problem.depot();
    const double inf = std::numeric_limits<double>::infinity();
    const double load_cut = std::isfinite(problem.capacity()) ? 1.5 * problem.capacity() : inf;
    const double length_cut = std::isfinite(problem.max_length()) ? 1.5 * problem.max_length() : inf;
    // potential[j]: the best penalised cost of the first j tasks; cut_at[j]: where the last route of it starts.
    std::vector<double> potential(static_cast<std::size_t>(n + 1), inf);
    std::vector<int> cut_at(static_cast<std::size_t>(n + 1), 0);
    potential[0] = 0;
    for (int i = 0; i < n; ++i) {
        if (!std::isfinite(potential[i])) continue;
        double load = 0;
        std::array<double, 2> best{};  // route i..j so far, ending with task j walked forward / backward
        for (int j = i; j < n; ++j) {
            const int t = giant[j];
            load += problem.demand(t);
            std::array<double, 2> next{};
            for (int o = 0; o < 2; ++o) {
                const int arc = 2 * t + o;
                if (j == i) {
                    next[o] = problem.d(depot, problem.head(arc));
                } else {
                    const int p = giant[j - 1];
                    next[o] = std::min(best[0] + problem.d(problem.tail(2 * p), problem.head(arc)),
                                       best[1] + problem.d(problem.tail(2 * p + 1), problem.head(arc)));
                }
                next[o] += problem.cost(t);
            }
            best = next;
            const double cost = std::min(best[0] + problem.d(problem.tail(2 * t), depot),
                                         best[1] + problem.d(problem.tail(2 * t + 1), depot));
            const double value = potential[i] + problem.penalised(cost, load, penalties);
            if (value < potential[j + 1]) {
                potential[j + 1] = value;
                cut_at[j + 1] = i;
            }
            // A longer route only gets worse past these (costs and loads only grow along it).
            if (j > i && (load > load_cut || std::min(best[0], best[1]) > length_cut)) break;
        }
    }
    std::vector<std::vector<int>> routes;
    for (int j = n; j > 0; j = cut_at[j]) {
        std::vector<int> route;
        for (int k = cut_at[j]; k < j; ++k) route.push_back(2 * giant[k]);
        orient_route(problem, route);
        routes.push_back(std::move(route));
    }
    std::reverse(routes.begin(), routes.end());
    return routes;
}

}  // namespace geo::route::detail
