#pragma once
// The CARP instance as the search sees it: tasks as two "arcs" (one per walking direction), distances looked up
// node to node, granular neighbour lists, and the penalised cost of a route. Internal to the CARP solver.
#include "libgeo/route/carp.hpp"

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace geo::route::detail {

// Arc 2t walks task t from a to b, arc 2t + 1 from b to a: one int carries the task and its direction, and
// flipping a direction is `arc ^ 1`.
[[nodiscard]] inline int arc_of(int task, bool forward) { return 2 * task + (forward ? 0 : 1); }
[[nodiscard]] inline int task_of(int arc) { return arc >> 1; }
[[nodiscard]] inline bool is_forward(int arc) { return (arc & 1) == 0; }

// Weights of the capacity and route-length excess in the penalised cost; adapted by the genetic search.
struct Penalties {
    double capacity = 1;
    double length = 1;
};

// A fixed engine with our own mapping to a range: std::uniform_int_distribution is implementation-defined, and the
// same seed must give the same routes whatever standard library the solver is built with.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}
    // Uniform enough for the search (the modulo bias is below 1e-17 for the small n used here).
    [[nodiscard]] int below(int n) { return static_cast<int>(m_engine() % static_cast<std::uint64_t>(n)); }
    template <class T>
    void shuffle(std::vector<T>& values)
    {
        for (int i = static_cast<int>(values.size()) - 1; i > 0; --i) std::swap(values[i], values[below(i + 1)]);
    }

private:
    std::mt19937_64 m_engine;
};

class Problem {
public:
    Problem(const CarpInstance& instance, int neighbour_count);

    [[nodiscard]] int task_count() const { return static_cast<int>(m_cost.size()); }
    [[nodiscard]] int depot() const { return m_depot; }
    [[nodiscard]] double d(int from_node, int to_node) const { return m_distance(from_node, to_node); }
    [[nodiscard]] int head(int arc) const { return m_head[arc]; }  // where walking the arc starts
    [[nodiscard]] int tail(int arc) const { return m_head[arc ^ 1]; }  // where it ends
    [[nodiscard]] double cost(int task) const { return m_cost[task]; }
    [[nodiscard]] double demand(int task) const { return m_demand[task]; }
    [[nodiscard]] double capacity() const { return m_capacity; }
    [[nodiscard]] double max_length() const { return m_max_length; }
    [[nodiscard]] const std::vector<int>& neighbours(int task) const { return m_neighbours[task]; }

    [[nodiscard]] double load_excess(double load) const { return std::max(0.0, load - m_capacity); }
    [[nodiscard]] double length_excess(double cost) const { return std::max(0.0, cost - m_max_length); }
    [[nodiscard]] double penalised(double cost, double load, const Penalties& p) const
    {
        return cost + p.capacity * load_excess(load) + p.length * length_excess(cost);
    }
    // Within limits up to rounding: costs are sums of doubles taken in different orders by different moves.
    [[nodiscard]] bool within_limits(double cost, double load) const
    {
        return load <= m_capacity + m_tolerance_load && cost <= m_max_length + m_tolerance_length;
    }

private:
    const DistanceMatrix& m_distance;
    int m_depot = 0;
    std::vector<int> m_head;
    std::vector<double> m_cost;
    std::vector<double> m_demand;
    double m_capacity = 0;
    double m_max_length = 0;
    double m_tolerance_load = 0;
    double m_tolerance_length = 0;
    std::vector<std::vector<int>> m_neighbours;
};

// Orients the tasks of one route optimally for their order (a two-state DP: the best cost to the end of task k
// walked either way) and returns the route's cost. `arcs` keeps its task order; only the directions change.
double orient_route(const Problem& problem, std::vector<int>& arcs);

// The cost orient_route would reach, without changing anything or allocating: what the intra-route moves price
// their candidate orders with.
[[nodiscard]] double oriented_cost(const Problem& problem, const std::vector<int>& arcs);

// A route's cost with the directions as given.
[[nodiscard]] double route_cost(const Problem& problem, const std::vector<int>& arcs);

}  // namespace geo::route::detail
