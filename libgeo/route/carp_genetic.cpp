#include "libgeo/route/carp_genetic.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace geo::route::detail {

namespace {
constexpr double new_best_epsilon = 1e-7;
constexpr double penalty_floor = 0.1;
constexpr double penalty_ceiling = 1e5;
constexpr double target_feasible = 0.2;
constexpr int penalty_window = 50;  // children between penalty updates
}  // namespace

GeneticSearch::GeneticSearch(const Problem& problem, const GeneticSettings& settings, std::uint64_t seed,
                             std::function<bool(double)> keep_going)
    : m_problem(problem), m_settings(settings), m_rng(seed), m_keep_going(std::move(keep_going)),
      m_local_search(problem)
{
    // Start the capacity weight at "a unit of excess demand costs about one long deadhead" (HGS's choice), so the
    // first children are neither all infeasible nor penalty-blind.
    double max_distance = 0, max_demand = 0;
    for (int t = 0; t < problem.task_count(); ++t) {
        max_demand = std::max(max_demand, problem.demand(t));
        for (int s = 0; s < problem.task_count(); ++s)
            max_distance = std::max(max_distance, problem.d(problem.head(2 * t), problem.head(2 * s)));
    }
    m_penalties.capacity = max_demand > 0 ? std::clamp(max_distance / max_demand, penalty_floor, 1000.0) : 1.0;
    m_penalties.length = 1.0;
}

void GeneticSearch::add(SubPopulation& sub, const Individual& individual)
{
    auto member = std::make_unique<Individual>(individual);
    std::vector<double> row;
    row.reserve(sub.members.size() + 1);
    for (std::size_t k = 0; k < sub.members.size(); ++k) {
        const double d = broken_pairs_distance(*member, *sub.members[k]);
        row.push_back(d);
        sub.distance[k].push_back(d);
    }
    row.push_back(0);
    sub.distance.push_back(std::move(row));
    sub.members.push_back(std::move(member));
}

void GeneticSearch::remove(SubPopulation& sub, std::size_t index)
{
    sub.members.erase(sub.members.begin() + static_cast<std::ptrdiff_t>(index));
    sub.distance.erase(sub.distance.begin() + static_cast<std::ptrdiff_t>(index));
    for (auto& row : sub.distance) row.erase(row.begin() + static_cast<std::ptrdiff_t>(index));
}

// Biased fitness = cost rank + (1 - elite / size) × diversity rank, both as fractions: good and different
// individuals survive, so the population does not collapse onto one basin (Vidal et al. 2012).
void GeneticSearch::update_fitness(SubPopulation& sub) const
{
    const std::size_t n = sub.members.size();
    sub.fitness.assign(n, 0);
    if (n <= 1) return;
    std::vector<double> diversity(n, 0);
    std::vector<double> row;
    for (std::size_t i = 0; i < n; ++i) {
        row = sub.distance[i];
        row.erase(row.begin() + static_cast<std::ptrdiff_t>(i));
        const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(m_settings.close), row.size());
        std::partial_sort(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(k), row.end());
        diversity[i] = std::accumulate(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(k), 0.0) /
                       static_cast<double>(k);
    }
    std::vector<std::size_t> by_cost(n), by_diversity(n);
    std::iota(by_cost.begin(), by_cost.end(), 0);
    std::iota(by_diversity.begin(), by_diversity.end(), 0);
    std::stable_sort(by_cost.begin(), by_cost.end(), [&](std::size_t a, std::size_t b) {
        return sub.members[a]->penalised < sub.members[b]->penalised;
    });
    std::stable_sort(by_diversity.begin(), by_diversity.end(),
                     [&](std::size_t a, std::size_t b) { return diversity[a] > diversity[b]; });
    const double scale = 1.0 / static_cast<double>(n - 1);
    const double weight = 1.0 - std::min(1.0, static_cast<double>(m_settings.elite) / static_cast<double>(n));
    for (std::size_t r = 0; r < n; ++r) {
        sub.fitness[by_cost[r]] += static_cast<double>(r) * scale;
        sub.fitness[by_diversity[r]] += weight * static_cast<double>(r) * scale;
    }
}

// Back to μ members, removing clones first and then the worst biased fitness.
void GeneticSearch::trim(SubPopulation& sub)
{
    while (sub.members.size() > static_cast<std::size_t>(m_settings.population)) {
        update_fitness(sub);
        std::size_t worst = 0;
        bool worst_is_clone = false;
        for (std::size_t i = 0; i < sub.members.size(); ++i) {
            bool clone = false;
            for (std::size_t j = 0; j < sub.members.size() && !clone; ++j)
                clone = j != i && sub.distance[i][j] < 1e-9;
            if ((clone && !worst_is_clone) || (clone == worst_is_clone && sub.fitness[i] > sub.fitness[worst])) {
                worst = i;
                worst_is_clone = clone;
            }
        }
        remove(sub, worst);
    }
}

void GeneticSearch::insert(const Individual& individual)
{
    SubPopulation& sub = individual.feasible ? m_feasible : m_infeasible;
    add(sub, individual);
    if (sub.members.size() >= static_cast<std::size_t>(m_settings.population) + static_cast<std::size_t>(m_settings.generation)) trim(sub);
    if (individual.feasible && (!m_best || individual.cost < m_best->cost - new_best_epsilon)) {
        m_best = individual;
        m_no_improvement = 0;
    }
}

const Individual& GeneticSearch::tournament()
{
    const int nf = static_cast<int>(m_feasible.members.size());
    const int total = nf + static_cast<int>(m_infeasible.members.size());
    auto pick = [&]() -> std::pair<const Individual*, double> {
        const int k = m_rng.below(total);
        if (k < nf) return {m_feasible.members[k].get(), m_feasible.fitness[k]};
        return {m_infeasible.members[k - nf].get(), m_infeasible.fitness[k - nf]};
    };
    const auto a = pick();
    const auto b = pick();
    return b.second < a.second ? *b.first : *a.first;
}

// OX: a stretch of the first parent kept in place, the rest filled in the second parent's order from its end on.
std::vector<int> GeneticSearch::crossover(const std::vector<int>& a, const std::vector<int>& b)
{
    const int n = static_cast<int>(a.size());
    std::vector<int> child(static_cast<std::size_t>(n), -1);
    std::vector<char> used(static_cast<std::size_t>(n), 0);
    const int start = m_rng.below(n);
    int end = m_rng.below(n);
    while (n > 1 && end == start) end = m_rng.below(n);
    int k = start;
    for (; k != end; k = (k + 1) % n) {
        child[k] = a[k];
        used[a[k]] = 1;
    }
    child[k] = a[k];
    used[a[k]] = 1;
    int at = (end + 1) % n;
    for (int s = 0; s < n; ++s) {
        const int t = b[(end + 1 + s) % n];
        if (used[t]) continue;
        child[at] = t;
        at = (at + 1) % n;
    }
    return child;
}

void GeneticSearch::adapt_penalties()
{
    auto share = [](const std::vector<char>& recent) {
        return static_cast<double>(std::count(recent.begin(), recent.end(), 1)) / static_cast<double>(recent.size());
    };
    auto adjust = [](double& penalty, double feasible_share) {
        if (feasible_share < target_feasible - 0.05) penalty = std::min(penalty_ceiling, penalty * 1.2);
        if (feasible_share > target_feasible + 0.05) penalty = std::max(penalty_floor, penalty * 0.85);
    };
    adjust(m_penalties.capacity, share(m_recent_load_ok));
    if (std::isfinite(m_problem.max_length())) adjust(m_penalties.length, share(m_recent_length_ok));
    m_recent_load_ok.clear();
    m_recent_length_ok.clear();
    for (auto& member : m_infeasible.members) member->penalised = member->penalised_with(m_penalties);
}

// Local search, then (every other time) a repair of an infeasible child under ten times the penalties.
void GeneticSearch::educate(Individual& child)
{
    m_local_search.run(child, m_penalties, m_rng);
    m_recent_load_ok.push_back(child.load_excess <= 0 ? 1 : 0);
    m_recent_length_ok.push_back(child.length_excess <= 0 ? 1 : 0);
    insert(child);
    if (!child.feasible && m_rng.below(2) == 0) {
        // Ten times the penalties, then a hundred (HGS's repair).
        for (double factor : {10.0, 100.0}) {
            Penalties strict = m_penalties;
            strict.capacity *= factor;
            strict.length *= factor;
            m_local_search.run(child, strict, m_rng);
            if (child.feasible) {
                child.penalised = child.penalised_with(m_penalties);
                insert(child);
                break;
            }
        }
    }
}

GeneticResult GeneticSearch::run()
{
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    auto out_of_time = [&]() {
        return std::chrono::duration<double>(Clock::now() - started).count() > m_settings.time_limit_s;
    };
    GeneticResult result;
    const int n = m_problem.task_count();
    std::vector<int> giant(static_cast<std::size_t>(n));
    std::iota(giant.begin(), giant.end(), 0);
    for (int k = 0; k < m_settings.initial; ++k) {
        m_rng.shuffle(giant);
        Individual child;
        child.routes = split_giant_tour(m_problem, giant, m_penalties);
        child.evaluate(m_problem, m_penalties);
        educate(child);
        if (out_of_time()) {
            result.stopped_by_time = true;
            break;
        }
        if (!m_keep_going(0.0)) break;
    }
    m_no_improvement = 0;
    for (long iteration = 1; !result.stopped_by_time && m_no_improvement < m_settings.max_no_improvement;
         ++iteration) {
        update_fitness(m_feasible);
        update_fitness(m_infeasible);
        const Individual& a = tournament();
        const Individual& b = tournament();
        Individual child;
        child.routes = split_giant_tour(m_problem, crossover(a.giant, b.giant), m_penalties);
        child.evaluate(m_problem, m_penalties);
        educate(child);
        // The budget counts from the first feasible solution: a tight limit can take the penalties a few windows to
        // reach; twenty budgets without any is the (deterministic) give-up.
        if (m_best || iteration > 20 * m_settings.max_no_improvement) ++m_no_improvement;
        if (iteration % penalty_window == 0) adapt_penalties();
        if (iteration % 20 == 0) {
            if (out_of_time()) result.stopped_by_time = true;
            const double done = static_cast<double>(m_no_improvement) /
                                static_cast<double>(std::max(1L, m_settings.max_no_improvement));
            if (!m_keep_going(done)) break;
        }
    }
    result.best = std::move(m_best);
    return result;
}

}  // namespace geo::route::detail
