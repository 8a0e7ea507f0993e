#pragma once
// The local search of the CARP solver: relocate, swap and 2-opt* (both variants: an undirected route can be joined
// to another's head reversed) between routes, and relocate / or-opt / swap / 2-opt within a route, over granular
// neighbour lists, on the penalised cost. A moved task tries both directions; a changed route has all its
// directions re-chosen by the orientation DP. Internal to the CARP solver.
#include "libgeo/route/carp_individual.hpp"

#include <vector>

namespace geo::route::detail {

class LocalSearch {
public:
    explicit LocalSearch(const Problem& problem);

    // Improves the individual's routes until no move improves the penalised cost, then re-evaluates it.
    void run(Individual& individual, const Penalties& penalties, Rng& rng);

private:
    struct Route {
        std::vector<int> arcs;
        std::vector<double> prefix;       // depot → end of arc k
        std::vector<double> suffix;       // start of arc k → depot
        std::vector<double> load_prefix;  // demand of arcs 0..k
        double cost = 0;
        double load = 0;
        long modified = 0;  // clock of the last change
    };

    // Positions k in [-1, size]: -1 and size stand for the depot at either end.
    [[nodiscard]] int end_node(const Route& r, int k) const;    // where the walk stands after arc k
    [[nodiscard]] int start_node(const Route& r, int k) const;  // where arc k starts
    [[nodiscard]] static double prefix(const Route& r, int k) { return k < 0 ? 0.0 : r.prefix[k]; }
    [[nodiscard]] static double suffix(const Route& r, int k)
    {
        return k >= static_cast<int>(r.arcs.size()) ? 0.0 : r.suffix[k];
    }
    [[nodiscard]] static double load_prefix(const Route& r, int k) { return k < 0 ? 0.0 : r.load_prefix[k]; }
    [[nodiscard]] double pen(double cost, double load) const;
    // The cheapest way to walk task t from node `from` to node `to` (its cost included), and the arc that does it.
    [[nodiscard]] double through(int from, int t, int to, int& arc) const;

    bool try_pair(int u, int v);
    bool relocate(int u, int rv, int after);
    bool swap(int u, int v);
    bool two_opt_star(int r1, int a, int r2, int b, bool reversed);
    bool intra(int u, int v);
    bool to_empty_route(int u);
    bool try_sequence(int r, const std::vector<int>& arcs);  // replaces route r by `arcs` if that is better

    void update(int r);  // re-orients route r, recomputes its sums and the positions of its tasks
    void ensure_empty_route();

    const Problem& m_problem;
    Penalties m_penalties;
    std::vector<Route> m_routes;
    std::vector<int> m_route_of;
    std::vector<int> m_position_of;
    std::vector<long> m_last_tested;
    std::vector<int> m_scratch;    // the route an intra-route move starts from
    std::vector<int> m_candidate;  // the order it tries
    long m_clock = 0;
};

}  // namespace geo::route::detail
