#include "libgeo/route/carp_local_search.hpp"

#include <algorithm>
#include <numeric>

namespace geo::route::detail {

namespace {
// A move must gain more than rounding noise, or two equal-cost moves could undo each other forever.
constexpr double improvement_epsilon = 1e-7;
}  // namespace

LocalSearch::LocalSearch(const Problem& problem) : m_problem(problem) {}

int LocalSearch::end_node(const Route& r, int k) const
{
    return k < 0 ? m_problem.depot() : m_problem.tail(r.arcs[k]);
}

int LocalSearch::start_node(const Route& r, int k) const
{
    return k >= static_cast<int>(r.arcs.size()) ? m_problem.depot() : m_problem.head(r.arcs[k]);
}

double LocalSearch::pen(double cost, double load) const { return m_problem.penalised(cost, load, m_penalties); }

double LocalSearch::through(int from, int t, int to, int& arc) const
{
    const double forward = m_problem.d(from, m_problem.head(2 * t)) + m_problem.d(m_problem.tail(2 * t), to);
    const double backward =
        m_problem.d(from, m_problem.head(2 * t + 1)) + m_problem.d(m_problem.tail(2 * t + 1), to);
    arc = backward < forward ? 2 * t + 1 : 2 * t;
    return std::min(forward, backward) + m_problem.cost(t);
}

void LocalSearch::update(int r)
{
    Route& route = m_routes[r];
    orient_route(m_problem, route.arcs);
    const int n = static_cast<int>(route.arcs.size());
    route.prefix.resize(static_cast<std::size_t>(n));
    route.suffix.resize(static_cast<std::size_t>(n));
    route.load_prefix.resize(static_cast<std::size_t>(n));
    double cost = 0, load = 0;
    int at = m_problem.depot();
    for (int k = 0; k < n; ++k) {
        const int arc = route.arcs[k];
        cost += m_problem.d(at, m_problem.head(arc)) + m_problem.cost(task_of(arc));
        load += m_problem.demand(task_of(arc));
        route.prefix[k] = cost;
        route.load_prefix[k] = load;
        at = m_problem.tail(arc);
        m_route_of[task_of(arc)] = r;
        m_position_of[task_of(arc)] = k;
    }
    route.cost = n == 0 ? 0.0 : cost + m_problem.d(at, m_problem.depot());
    route.load = load;
    double back = 0;
    at = m_problem.depot();
    for (int k = n - 1; k >= 0; --k) {
        const int arc = route.arcs[k];
        back += m_problem.cost(task_of(arc)) + m_problem.d(m_problem.tail(arc), at);
        route.suffix[k] = back;
        at = m_problem.head(arc);
    }
    route.modified = ++m_clock;
}

void LocalSearch::ensure_empty_route()
{
    for (const Route& r : m_routes)
        if (r.arcs.empty()) return;
    m_routes.emplace_back();
    update(static_cast<int>(m_routes.size()) - 1);
}

void LocalSearch::run(Individual& individual, const Penalties& penalties, Rng& rng)
{
    m_penalties = penalties;
    const int n = m_problem.task_count();
    m_route_of.assign(static_cast<std::size_t>(n), -1);
    m_position_of.assign(static_cast<std::size_t>(n), -1);
    m_last_tested.assign(static_cast<std::size_t>(n), -1);
    m_routes.clear();
    for (const auto& arcs : individual.routes) {
        m_routes.emplace_back();
        m_routes.back().arcs = arcs;
        update(static_cast<int>(m_routes.size()) - 1);
    }
    ensure_empty_route();

    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    rng.shuffle(order);
    bool improved = true;
    for (int loop = 0; improved; ++loop) {
        improved = false;
        for (int u : order) {
            // Skip the pairs whose routes have not changed since u was last tested with them: they cannot have
            // gained a move (Vidal's HGS bookkeeping).
            const long last = m_last_tested[u];
            m_last_tested[u] = m_clock;
            for (int v : m_problem.neighbours(u)) {
                if (loop > 0 && m_routes[m_route_of[u]].modified <= last && m_routes[m_route_of[v]].modified <= last)
                    continue;
                if (try_pair(u, v)) improved = true;
            }
            if (to_empty_route(u)) improved = true;
        }
    }

    individual.routes.clear();
    for (const Route& r : m_routes)
        if (!r.arcs.empty()) individual.routes.push_back(r.arcs);
    individual.evaluate(m_problem, penalties);
}

bool LocalSearch::try_pair(int u, int v)
{
    if (m_route_of[u] == m_route_of[v]) return intra(u, v);
    const int rv = m_route_of[v];
    if (relocate(u, rv, m_position_of[v])) return true;
    if (relocate(u, m_route_of[v], m_position_of[v] - 1)) return true;
    if (relocate(v, m_route_of[u], m_position_of[u])) return true;
    if (swap(u, v)) return true;
    const int ru = m_route_of[u], i = m_position_of[u], j = m_position_of[v];
    if (two_opt_star(ru, i, rv, j - 1, false)) return true;  // … u, v …
    if (two_opt_star(rv, j, ru, i - 1, false)) return true;  // … v, u …
    if (two_opt_star(ru, i, rv, j, true)) return true;       // … u, v reversed …
    return two_opt_star(ru, i - 1, rv, j - 1, true);         // … u reversed, v …
}

bool LocalSearch::relocate(int u, int rv, int after)
{
    const int ru = m_route_of[u], i = m_position_of[u];
    Route& r1 = m_routes[ru];
    Route& r2 = m_routes[rv];
    const int arc = r1.arcs[i];
    const int before_u = end_node(r1, i - 1), after_u = start_node(r1, i + 1);
    const double cost1 = r1.arcs.size() == 1
                             ? 0.0
                             : r1.cost + m_problem.d(before_u, after_u) - m_problem.d(before_u, m_problem.head(arc)) -
                                   m_problem.cost(u) - m_problem.d(m_problem.tail(arc), after_u);
    const int from = end_node(r2, after), to = start_node(r2, after + 1);
    int new_arc = arc;
    const double cost2 = r2.cost + through(from, u, to, new_arc) - m_problem.d(from, to);
    const double demand = m_problem.demand(u);
    const double gain = pen(r1.cost, r1.load) + pen(r2.cost, r2.load) - pen(cost1, r1.load - demand) -
                        pen(cost2, r2.load + demand);
    if (gain <= improvement_epsilon) return false;
    r1.arcs.erase(r1.arcs.begin() + i);
    r2.arcs.insert(r2.arcs.begin() + (after + 1), new_arc);
    update(ru);
    update(rv);
    ensure_empty_route();
    return true;
}

bool LocalSearch::swap(int u, int v)
{
    const int ru = m_route_of[u], rv = m_route_of[v], i = m_position_of[u], j = m_position_of[v];
    Route& r1 = m_routes[ru];
    Route& r2 = m_routes[rv];
    const int au = r1.arcs[i], av = r2.arcs[j];
    const int b1 = end_node(r1, i - 1), a1 = start_node(r1, i + 1);
    const int b2 = end_node(r2, j - 1), a2 = start_node(r2, j + 1);
    int new_v = av, new_u = au;
    const double cost1 = r1.cost - m_problem.d(b1, m_problem.head(au)) - m_problem.cost(u) -
                         m_problem.d(m_problem.tail(au), a1) + through(b1, v, a1, new_v);
    const double cost2 = r2.cost - m_problem.d(b2, m_problem.head(av)) - m_problem.cost(v) -
                         m_problem.d(m_problem.tail(av), a2) + through(b2, u, a2, new_u);
    const double shift = m_problem.demand(v) - m_problem.demand(u);
    const double gain =
        pen(r1.cost, r1.load) + pen(r2.cost, r2.load) - pen(cost1, r1.load + shift) - pen(cost2, r2.load - shift);
    if (gain <= improvement_epsilon) return false;
    r1.arcs[i] = new_v;
    r2.arcs[j] = new_u;
    update(ru);
    update(rv);
    return true;
}

// Route 1 = A1 B1 cut after position a, route 2 = A2 B2 cut after b. Plain: A1 B2 and A2 B1. Reversed (undirected
// routes can be walked backwards at the same cost): A1 + reverse(A2) and reverse(B1) + B2. O(1) with the sums.
bool LocalSearch::two_opt_star(int r1i, int a, int r2i, int b, bool reversed)
{
    Route& r1 = m_routes[r1i];
    Route& r2 = m_routes[r2i];
    const int n1 = static_cast<int>(r1.arcs.size()), n2 = static_cast<int>(r2.arcs.size());
    if (a < -1 || b < -1 || a >= n1 || b >= n2) return false;
    const double load_a1 = load_prefix(r1, a), load_a2 = load_prefix(r2, b);
    const double load_b1 = r1.load - load_a1, load_b2 = r2.load - load_a2;
    double cost1 = 0, cost2 = 0, load1 = 0, load2 = 0;
    if (!reversed) {
        cost1 = prefix(r1, a) + m_problem.d(end_node(r1, a), start_node(r2, b + 1)) + suffix(r2, b + 1);
        cost2 = prefix(r2, b) + m_problem.d(end_node(r2, b), start_node(r1, a + 1)) + suffix(r1, a + 1);
        load1 = load_a1 + load_b2;
        load2 = load_a2 + load_b1;
    } else {
        cost1 = prefix(r1, a) + m_problem.d(end_node(r1, a), end_node(r2, b)) + prefix(r2, b);
        cost2 = suffix(r1, a + 1) + m_problem.d(start_node(r1, a + 1), start_node(r2, b + 1)) + suffix(r2, b + 1);
        load1 = load_a1 + load_a2;
        load2 = load_b1 + load_b2;
    }
    const double gain = pen(r1.cost, r1.load) + pen(r2.cost, r2.load) - pen(cost1, load1) - pen(cost2, load2);
    if (gain <= improvement_epsilon) return false;
    std::vector<int> new1(r1.arcs.begin(), r1.arcs.begin() + (a + 1));
    std::vector<int> new2;
    if (!reversed) {
        new1.insert(new1.end(), r2.arcs.begin() + (b + 1), r2.arcs.end());
        new2.assign(r2.arcs.begin(), r2.arcs.begin() + (b + 1));
        new2.insert(new2.end(), r1.arcs.begin() + (a + 1), r1.arcs.end());
    } else {
        for (int k = b; k >= 0; --k) new1.push_back(r2.arcs[k] ^ 1);
        for (int k = n1 - 1; k > a; --k) new2.push_back(r1.arcs[k] ^ 1);
        new2.insert(new2.end(), r2.arcs.begin() + (b + 1), r2.arcs.end());
    }
    r1.arcs = std::move(new1);
    r2.arcs = std::move(new2);
    update(r1i);
    update(r2i);
    ensure_empty_route();
    return true;
}

bool LocalSearch::try_sequence(int r, const std::vector<int>& arcs)
{
    Route& route = m_routes[r];
    const double cost = oriented_cost(m_problem, arcs);
    if (pen(route.cost, route.load) - pen(cost, route.load) <= improvement_epsilon) return false;
    route.arcs = arcs;
    update(r);
    return true;
}

// Within one route every candidate order is re-oriented by the DP, so a reversed stretch (2-opt) also gets each
// task's best direction: O(route length) per move, which the granular lists keep rare enough.
bool LocalSearch::intra(int u, int v)
{
    const int r = m_route_of[u];
    m_scratch = m_routes[r].arcs;  // a copy: try_sequence replaces the route's own
    const std::vector<int>& arcs = m_scratch;
    const int n = static_cast<int>(arcs.size());
    const int i = m_position_of[u], j = m_position_of[v];
    std::vector<int>& candidate = m_candidate;
    // Or-opt: u and up to two of its successors moved just after v, or just before it.
    for (int length = 1; length <= 3 && i + length <= n; ++length) {
        if (j >= i && j < i + length) break;
        for (int place = 0; place < 2; ++place) {
            candidate.clear();
            for (int k = 0; k < n; ++k) {
                if (k >= i && k < i + length) continue;
                if (place == 1 && k == j) candidate.insert(candidate.end(), arcs.begin() + i, arcs.begin() + i + length);
                candidate.push_back(arcs[k]);
                if (place == 0 && k == j) candidate.insert(candidate.end(), arcs.begin() + i, arcs.begin() + i + length);
            }
            if (try_sequence(r, candidate)) return true;
        }
    }
    // Swap.
    candidate = arcs;
    std::swap(candidate[i], candidate[j]);
    if (try_sequence(r, candidate)) return true;
    // 2-opt: reverse a stretch so that u and v become neighbours.
    const int lo = std::min(i, j), hi = std::max(i, j);
    if (hi - lo >= 2) {
        candidate = arcs;
        std::reverse(candidate.begin() + lo + 1, candidate.begin() + hi + 1);
        if (try_sequence(r, candidate)) return true;
        candidate = arcs;
        std::reverse(candidate.begin() + lo, candidate.begin() + hi);
        if (try_sequence(r, candidate)) return true;
    }
    return false;
}

// Only worth it while a route is over a limit: a task alone costs at least what it costs inside a route.
bool LocalSearch::to_empty_route(int u)
{
    const int ru = m_route_of[u];
    const Route& r1 = m_routes[ru];
    if (r1.arcs.size() < 2 || m_problem.within_limits(r1.cost, r1.load)) return false;
    for (int r = 0; r < static_cast<int>(m_routes.size()); ++r)
        if (m_routes[r].arcs.empty()) return relocate(u, r, -1);
    return false;
}

}  // namespace geo::route::detail
