#pragma once
// One solution of the genetic search: its routes (arcs in walking order), the giant tour they concatenate to, its
// cost and excesses, and the task adjacency the diversity measure compares. Internal to the CARP solver.
#include "libgeo/route/carp_problem.hpp"

#include <vector>

namespace geo::route::detail {

struct Individual {
    std::vector<std::vector<int>> routes;  // arcs; no empty routes once evaluated
    std::vector<int> giant;                // tasks, the routes one after the other
    double cost = 0;
    double load_excess = 0;    // summed over routes
    double length_excess = 0;  // summed over routes
    double penalised = 0;
    bool feasible = false;
    // Task neighbours in the solution, -1 for the depot: what the broken-pairs distance compares.
    std::vector<int> successor;
    std::vector<int> predecessor;

    // Drops empty routes and recomputes everything above from `routes`.
    void evaluate(const Problem& problem, const Penalties& penalties);
    // The penalised cost under other weights (survivor ranking after the penalties change).
    [[nodiscard]] double penalised_with(const Penalties& penalties) const
    {
        return cost + penalties.capacity * load_excess + penalties.length * length_excess;
    }
};

// Broken-pairs distance (Prins; Vidal's HGS): the share of tasks whose neighbours in `a` are not their neighbours in
// `b`, direction-free, in [0, 1].
[[nodiscard]] double broken_pairs_distance(const Individual& a, const Individual& b);

// Ulusoy's split: cuts a giant tour of tasks into routes minimising the total penalised cost, each task's direction
// chosen inside the split by a DP over its two orientations. Routes are cut at 1.5 × capacity and 1.5 × the length
// limit (an excess the penalties could not make worth it), which keeps the split near-linear.
[[nodiscard]] std::vector<std::vector<int>> split_giant_tour(const Problem& problem, const std::vector<int>& giant,
                                                             const Penalties& penalties);

}  // namespace geo::route::detail
