#pragma once
// One thread's search of the CARP solver: a hybrid genetic search in the manner of Vidal's HGS-CARP. Two
// subpopulations (feasible, infeasible), parents by binary tournament on biased fitness (cost rank plus diversity
// rank), OX crossover of giant tours, split, local search, repair of infeasible children, survivors chosen by biased
// fitness, penalties adapted to keep about a fifth of the children feasible. Internal to the CARP solver.
#include "libgeo/route/carp_individual.hpp"
#include "libgeo/route/carp_local_search.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace geo::route::detail {

struct GeneticSettings {
    int population = 25;         // μ: the size a subpopulation is trimmed back to
    int generation = 40;         // λ: how far it grows before the trim
    int elite = 4;               // the best kept whatever their diversity
    int close = 5;               // neighbours the diversity contribution averages over
    int initial = 100;           // random giant tours educated to start from (4μ at full effort)
    long max_no_improvement = 0; // the deterministic stop: children without a new best
    double time_limit_s = 30;    // safety cap only
};

struct GeneticResult {
    std::optional<Individual> best;  // the best feasible solution found, if any
    bool stopped_by_time = false;
};

class GeneticSearch {
public:
    // `keep_going(fraction_done)` is called every few iterations; it returns false to stop (another thread failed) and
    // may throw (cancellation), which the search lets through.
    GeneticSearch(const Problem& problem, const GeneticSettings& settings, std::uint64_t seed,
                  std::function<bool(double)> keep_going);

    GeneticResult run();

private:
    struct SubPopulation {
        std::vector<std::unique_ptr<Individual>> members;
        std::vector<std::vector<double>> distance;  // broken-pairs distances between members
        std::vector<double> fitness;                // biased fitness, lower is better
    };

    void insert(const Individual& individual);
    void add(SubPopulation& sub, const Individual& individual);
    void remove(SubPopulation& sub, std::size_t index);
    void update_fitness(SubPopulation& sub) const;
    void trim(SubPopulation& sub);
    [[nodiscard]] const Individual& tournament();
    [[nodiscard]] std::vector<int> crossover(const std::vector<int>& a, const std::vector<int>& b);
    void adapt_penalties();
    void educate(Individual& child);

    const Problem& m_problem;
    GeneticSettings m_settings;
    Rng m_rng;
    std::function<bool(double)> m_keep_going;
    LocalSearch m_local_search;
    Penalties m_penalties;
    SubPopulation m_feasible;
    SubPopulation m_infeasible;
    std::optional<Individual> m_best;
    long m_no_improvement = 0;
    std::vector<char> m_recent_load_ok;
    std::vector<char> m_recent_length_ok;
};

}  // namespace geo::route::detail
