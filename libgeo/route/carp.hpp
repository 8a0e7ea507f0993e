#pragma once
// k walkers with a day limit: the capacitated / distance-constrained arc routing problem. Each route leaves the depot,
// serves some required edges ("tasks", each in the direction that suits it) and returns; a route's served demand is
// at most `capacity` and its whole length (served + walked in between) at most `max_route_cost`.
//
// A memetic search: giant tours of tasks cut optimally into routes (Ulusoy's split, each task's direction chosen by
// the split), local search (relocate, swap, 2-opt*, intra-route moves with optimal directions) over granular
// neighbour lists, infeasible solutions penalised, one independent search per thread with its own fixed seed. The
// search stops on a deterministic budget, so the same instance and options give the same routes on every run; the
// time limit is a safety cap only (and `stopped_by_time` says when it cut the search short).
#include "libgeo/core/progress.hpp"

#include <cstdint>
#include <limits>
#include <vector>

namespace geo::route {

// Shortest walking distances between the instance's nodes (a small, dense, symmetric matrix: the nodes are the
// tasks' ends and the depot, not the whole network).
class DistanceMatrix {
public:
    DistanceMatrix() = default;
    explicit DistanceMatrix(int size) : m_size(size), m_values(static_cast<std::size_t>(size) * size, 0.0) {}
    [[nodiscard]] int size() const { return m_size; }
    [[nodiscard]] double operator()(int from, int to) const { return m_values[index(from, to)]; }
    void set(int from, int to, double value) { m_values[index(from, to)] = value; }

private:
    [[nodiscard]] std::size_t index(int from, int to) const
    {
        return static_cast<std::size_t>(from) * static_cast<std::size_t>(m_size) + static_cast<std::size_t>(to);
    }
    int m_size = 0;
    std::vector<double> m_values;
};

struct CarpTask {
    int a = 0;          // ends, as node numbers of the distance matrix
    int b = 0;
    double cost = 0;    // walking it once
    double demand = 0;  // what it uses of a route's capacity
};

struct CarpInstance {
    int depot = 0;
    std::vector<CarpTask> tasks;
    DistanceMatrix distance;
    double capacity = std::numeric_limits<double>::infinity();        // served demand per route
    double max_route_cost = std::numeric_limits<double>::infinity();  // whole route length
};

struct CarpOptions {
    double time_limit_s = 30;
    int threads = 2;
    std::uint64_t seed = 1;
    // Scales the deterministic budget (children without a new best before a search stops): 0.1 for a quick plan,
    // more than 1 for a slower, slightly better one. The same effort gives the same routes.
    double effort = 1.0;
};

struct ServedTask {
    int task = 0;
    bool forward = true;  // walked from a to b
};

struct CarpRoute {
    std::vector<ServedTask> tasks;  // in walking order, from the depot back to it
    double cost = 0;                // depot → … → depot, served and between
    double load = 0;
};

struct CarpSolution {
    std::vector<CarpRoute> routes;
    double cost = 0;
    bool feasible = true;           // every route within capacity and max_route_cost
    bool stopped_by_time = false;
    double seconds = 0;
};

// Every task must fit a route of its own (depot → task → depot within both limits); the caller sets apart those
// that do not. Throws std::invalid_argument otherwise. `progress` is called from the first search thread only
// (never concurrently); an exception it throws (a cancel) stops every thread and comes out of solve_carp.
[[nodiscard]] CarpSolution solve_carp(const CarpInstance& instance, const CarpOptions& options, Progress progress = {});

// A route's cost and load recomputed from scratch (the oracle the tests and the benchmark check solutions with).
[[nodiscard]] CarpRoute evaluate_route(const CarpInstance& instance, std::vector<ServedTask> tasks);

}  // namespace geo::route
