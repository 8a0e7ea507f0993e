#include "libgeo/route/plan.hpp"

#include "libgeo/core/parallel.hpp"
#include "libgeo/route/carp.hpp"
#include "libgeo/route/depots.hpp"
#include "libgeo/route/greedy.hpp"
#include "libgeo/route/instructions.hpp"
#include "libgeo/route/postman.hpp"
#include "libgeo/route/required.hpp"
#include "libgeo/route/shortest_paths.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>

namespace geo::route {

namespace {

namespace bgi = boost::geometry::index;

// The pieces one depot plans, with the distances between their ends and the depot.
struct DepotProblem {
    int depot = 0;
    std::vector<int> pieces;            // indices into PlanResult::pieces
    std::vector<int> nodes;             // walk-graph node of each matrix index; 0 is the depot
    std::map<int, int> index_of;        // walk-graph node -> matrix index
    DistanceMatrix distance;
};

int matrix_index(DepotProblem& p, int node)
{
    const auto [it, added] = p.index_of.try_emplace(node, static_cast<int>(p.nodes.size()));
    if (added) p.nodes.push_back(node);
    return it->second;
}

// Depots whose route searches get the full budget; more depots share that much search (see analyse()).
constexpr double full_searches = 12;

// What one depot's planning gives back, merged into the plan in depot order (so the totals do not depend on which
// thread planned which depot).
struct DepotPlan {
    std::vector<PlanRoute> routes;
    double lower_bound = 0, greedy = 0;
    bool optimal = true, stopped_by_time = false;
};

// Shortest walking distances among the depot and the pieces' ends: one Dijkstra per end, stopped once every other
// end is settled (no all-pairs matrix over the network), on `threads` threads.
void fill_distances(const WalkGraph& g, DepotProblem& p, int threads)
{
    const int n = static_cast<int>(p.nodes.size());
    p.distance = DistanceMatrix(n);
    detail::parallel_chunks(static_cast<std::size_t>(n), 8, threads, [&](std::size_t first, std::size_t last) {
        ShortestPathSearch search(g.arcs);
        for (std::size_t i = first; i < last; ++i) {
            search.run(p.nodes[i], {.targets = p.nodes});
            for (int j = 0; j < n; ++j) p.distance.set(static_cast<int>(i), j, search.distance(p.nodes[static_cast<std::size_t>(j)]));
        }
    }, [](double) { return true; });
}

// The walk edges of a piece served from `start` (one of its ends), in walking order.
void append_piece(const WalkGraph& g, const RequiredPiece& piece, bool forward, std::vector<RouteLeg>& legs)
{
    std::vector<RouteLeg> out;
    int node = forward ? piece.from_node : piece.to_node;
    auto step = [&](int e) {
        const auto& edge = g.edges[static_cast<std::size_t>(e)];
        const bool f = edge.a == node;
        out.push_back({e, f, true});
        node = f ? edge.b : edge.a;
    };
    if (forward) for (int e : piece.edges) step(e);
    else std::for_each(piece.edges.rbegin(), piece.edges.rend(), step);
    legs.insert(legs.end(), out.begin(), out.end());
}

void append_path(const WalkGraph& g, ShortestPathSearch& search, int from, int to, std::vector<RouteLeg>& legs)
{
    if (from == to) return;
    const int targets[] = {to};
    search.run(from, {.targets = targets});
    int node = from;
    for (int e : search.path_to(to)) {
        const auto& edge = g.edges[static_cast<std::size_t>(e)];
        const bool f = edge.a == node;
        legs.push_back({e, f, false});
        node = f ? edge.b : edge.a;
    }
}

void add_totals(const WalkGraph& g, PlanRoute& route, double walk_kmh)
{
    route.total_m = route.required_m = 0;
    std::vector<int> villages;
    for (const auto& leg : route.legs) {
        const auto& e = g.edges[static_cast<std::size_t>(leg.edge)];
        route.total_m += e.length_m;
        if (leg.serves) route.required_m += e.length_m;
        if (e.village >= 0) villages.push_back(e.village);
    }
    route.deadhead_m = route.total_m - route.required_m;
    route.hours = route.total_m / 1000.0 / walk_kmh;
    std::sort(villages.begin(), villages.end());
    villages.erase(std::unique(villages.begin(), villages.end()), villages.end());
    route.villages = std::move(villages);
}

// A route of served pieces (piece index, forward) from the depot back to it.
PlanRoute route_of(const WalkGraph& g, ShortestPathSearch& search, const PlanResult& r, int depot,
                   const std::vector<std::pair<int, bool>>& served)
{
    PlanRoute route;
    route.depot = depot;
    int at = r.depots[static_cast<std::size_t>(depot)].node;
    for (const auto& [piece_index, forward] : served) {
        const auto& piece = r.pieces[static_cast<std::size_t>(piece_index)];
        append_path(g, search, at, forward ? piece.from_node : piece.to_node, route.legs);
        append_piece(g, piece, forward, route.legs);
        at = forward ? piece.to_node : piece.from_node;
        route.pieces.push_back(piece_index);
    }
    append_path(g, search, at, r.depots[static_cast<std::size_t>(depot)].node, route.legs);
    add_totals(g, route, r.options.walk_kmh);
    return route;
}

// One walker without a day limit: the closed postman walk over the depot's pieces.
PlanRoute postman_route(const WalkGraph& g, const PlanResult& r, const DepotProblem& p, DepotPlan& out)
{
    std::vector<char> required(g.edges.size(), 0);
    std::map<int, int> piece_of_edge;
    for (int pi : p.pieces)
        for (int e : r.pieces[static_cast<std::size_t>(pi)].edges) {
            required[static_cast<std::size_t>(e)] = 1;
            piece_of_edge[e] = pi;
        }
    const PostmanTour tour = rural_postman(g.arcs, required, r.depots[static_cast<std::size_t>(p.depot)].node);
    out.lower_bound += tour.lower_bound;
    out.optimal = tour.optimal;
    PlanRoute route;
    route.depot = p.depot;
    for (const auto& s : tour.steps) {
        route.legs.push_back({s.edge, s.forward, s.serves});
        if (s.serves) {
            const int pi = piece_of_edge[s.edge];
            if (route.pieces.empty() || route.pieces.back() != pi) route.pieces.push_back(pi);
        }
    }
    // A piece can be served in parts when the walk comes back to it; list each once, in the order first served.
    std::vector<int> seen;
    std::erase_if(route.pieces, [&](int pi) {
        if (std::find(seen.begin(), seen.end(), pi) != seen.end()) return true;
        seen.push_back(pi);
        return false;
    });
    add_totals(g, route, r.options.walk_kmh);
    return route;
}

// Routes within the day limit: pieces that cannot fit a day of their own first, then the route search.
std::vector<PlanRoute> team_day_routes(const WalkGraph& g, ShortestPathSearch& search, const PlanResult& r,
                                       const DepotProblem& p, DepotPlan& out, int threads, double effort,
                                       Progress progress)
{
    const PlanOptions& o = r.options;
    const double limit = o.max_km > 0 ? o.max_km * 1000.0 : std::numeric_limits<double>::infinity();
    const double capacity = o.max_required_km > 0 ? o.max_required_km * 1000.0 : std::numeric_limits<double>::infinity();
    std::vector<PlanRoute> routes;
    CarpInstance instance;
    instance.depot = 0;
    instance.capacity = capacity;
    instance.max_route_cost = limit;
    std::vector<int> task_piece;
    for (int pi : p.pieces) {
        const auto& piece = r.pieces[static_cast<std::size_t>(pi)];
        const int a = p.index_of.at(piece.from_node), b = p.index_of.at(piece.to_node);
        const double alone = std::min(p.distance(0, a) + p.distance(b, 0), p.distance(0, b) + p.distance(a, 0)) + piece.length_m;
        if (alone > limit || piece.length_m > capacity) {
            // Its own day, walked the shorter way round, flagged.
            const bool forward = p.distance(0, a) + p.distance(b, 0) <= p.distance(0, b) + p.distance(a, 0);
            PlanRoute route = route_of(g, search, r, p.depot, {{pi, forward}});
            route.over_limit = true;
            routes.push_back(std::move(route));
            continue;
        }
        instance.tasks.push_back({a, b, piece.length_m, piece.length_m});
        task_piece.push_back(pi);
    }
    // The union of a depot's routes is one closed walk over its pieces, so one walker's bound holds for them all.
    {
        std::vector<char> required(g.edges.size(), 0);
        for (int pi : p.pieces)
            for (int e : r.pieces[static_cast<std::size_t>(pi)].edges) required[static_cast<std::size_t>(e)] = 1;
        out.lower_bound += rural_postman(g.arcs, required, r.depots[static_cast<std::size_t>(p.depot)].node).lower_bound;
    }
    if (instance.tasks.empty()) return routes;
    instance.distance = p.distance;
    const CarpSolution solution =
        solve_carp(instance, {.time_limit_s = o.time_limit_s, .threads = threads, .seed = o.seed, .effort = effort}, progress);
    out.stopped_by_time = solution.stopped_by_time;
    for (const auto& cr : solution.routes) {
        std::vector<std::pair<int, bool>> served;
        for (const auto& t : cr.tasks) served.emplace_back(task_piece[static_cast<std::size_t>(t.task)], t.forward);
        routes.push_back(route_of(g, search, r, p.depot, served));
    }
    return routes;
}

// The walk edges by bounding box, for the nearest network a cut-off piece could be joined to.
class EdgeIndex {
public:
    explicit EdgeIndex(const WalkGraph& g) : m_graph(g)
    {
        std::vector<std::pair<Box, int>> boxes;
        boxes.reserve(g.edges.size());
        for (std::size_t e = 0; e < g.edges.size(); ++e)
            boxes.emplace_back(bg::return_envelope<Box>(g.edges[e].geometry), static_cast<int>(e));
        m_tree = Tree(boxes.begin(), boxes.end());
    }

    // Nearest distance from a piece to any edge of `component`: the edges whose boxes lie within a radius of the
    // piece's box, the radius growing fourfold until an edge of the component lies within it (every edge nearer
    // than the radius is then among those looked at).
    [[nodiscard]] double gap(const RequiredPiece& piece, int component) const
    {
        Box around;
        bg::assign_inverse(around);
        for (int pe : piece.edges) bg::expand(around, bg::return_envelope<Box>(m_graph.edges[static_cast<std::size_t>(pe)].geometry));
        const auto all = m_tree.bounds();
        const double span = std::max(bg::get<bg::max_corner, 0>(all) - bg::get<bg::min_corner, 0>(all),
                                     bg::get<bg::max_corner, 1>(all) - bg::get<bg::min_corner, 1>(all));
        std::vector<std::pair<Box, int>> near;
        for (double radius = 50;; radius *= 4) {
            const Box grown({around.min_corner().x() - radius, around.min_corner().y() - radius},
                            {around.max_corner().x() + radius, around.max_corner().y() + radius});
            near.clear();
            m_tree.query(bgi::intersects(grown), std::back_inserter(near));
            double best = std::numeric_limits<double>::infinity();
            for (const auto& [box, e] : near) {
                const auto& edge = m_graph.edges[static_cast<std::size_t>(e)];
                if (m_graph.component[static_cast<std::size_t>(edge.a)] != component) continue;
                for (int pe : piece.edges)
                    best = std::min(best, bg::distance(edge.geometry, m_graph.edges[static_cast<std::size_t>(pe)].geometry));
            }
            if (best <= radius || radius > 2 * span) return best;
        }
    }

private:
    using Tree = bgi::rtree<std::pair<Box, int>, bgi::rstar<16>>;
    const WalkGraph& m_graph;
    Tree m_tree;
};

// Team-days shared out among the teams: longest first, each to the team with the fewest kilometres so far; each
// team's days then in the order of their depots and pieces.
void assign_teams(std::vector<PlanRoute>& routes, int teams)
{
    std::vector<std::size_t> order(routes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return routes[x].total_m > routes[y].total_m; });
    std::vector<double> load(static_cast<std::size_t>(teams), 0.0);
    for (std::size_t i : order) {
        const auto t = static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
        routes[i].team = static_cast<int>(t) + 1;
        load[t] += routes[i].total_m;
    }
    std::stable_sort(routes.begin(), routes.end(), [](const PlanRoute& x, const PlanRoute& y) {
        return std::tie(x.team, x.depot) < std::tie(y.team, y.depot);
    });
    std::vector<int> day(static_cast<std::size_t>(teams) + 1, 0);
    for (auto& route : routes) route.day = ++day[static_cast<std::size_t>(route.team)];
}

}  // namespace

LineString PlanRoute::geometry(const WalkGraph& graph) const
{
    LineString out;
    for (const auto& leg : legs) {
        const auto& line = graph.edges[static_cast<std::size_t>(leg.edge)].geometry;
        auto add = [&](const Point& p) {
            if (out.empty() || bg::distance(out.back(), p) > 0) out.push_back(p);
        };
        if (leg.forward) for (const auto& p : line) add(p);
        else std::for_each(line.rbegin(), line.rend(), add);
    }
    return out;
}

int PlanResult::teams_used() const
{
    int most = 0;
    for (const auto& route : routes) most = std::max(most, route.team);
    return most;
}

PlanResult analyse(const Campaign& campaign, const coverage::CoverageResult& coverage, const PlanOptions& options,
                   Progress progress, const hotspot::HotspotResult* hotspots)
{
    options.validate();
    PlanResult r;
    r.options = options;
    progress(0.0, "building the walk graph");
    r.graph = build_walk_graph(campaign, coverage, {options.snap_m, options.node_crossings});
    const WalkGraph& g = r.graph;
    r.pieces = required_pieces(campaign, coverage, hotspots, g, options);
    r.depots = resolve_depots(campaign, g, options);
    const bool one_walker = options.max_km == 0 && options.max_required_km == 0;
    r.method = one_walker ? "postman" : "routes";
    r.optimal = one_walker;

    // Each piece to its depot: its village's with depot = village, else the one depot; unreachable when the depot
    // lies on another connected piece of the network.
    std::vector<DepotProblem> problems(r.depots.size());
    std::optional<EdgeIndex> edge_index;  // built for the first piece cut off from its depot
    for (std::size_t d = 0; d < r.depots.size(); ++d) {
        problems[d].depot = static_cast<int>(d);
        matrix_index(problems[d], r.depots[d].node);
    }
    for (std::size_t pi = 0; pi < r.pieces.size(); ++pi) {
        auto& piece = r.pieces[pi];
        int depot = -1;
        if (options.depot == "village") {
            for (std::size_t d = 0; d < r.depots.size(); ++d)
                if (r.depots[d].village == piece.village) depot = static_cast<int>(d);
        } else if (!r.depots.empty()) {
            depot = 0;
        }
        if (depot < 0) {
            r.unreachable.push_back({static_cast<int>(pi), "no depot: the piece lies outside every village",
                                     std::numeric_limits<double>::infinity()});
            continue;
        }
        const int component = g.component[static_cast<std::size_t>(r.depots[static_cast<std::size_t>(depot)].node)];
        if (g.component[static_cast<std::size_t>(piece.from_node)] != component) {
            if (!edge_index) edge_index.emplace(g);
            const double gap = edge_index->gap(piece, component);
            r.unreachable.push_back({static_cast<int>(pi),
                                     "no path from the depot " + r.depots[static_cast<std::size_t>(depot)].name +
                                         "; the nearest network it reaches is " + std::to_string(std::lround(gap)) +
                                         " m away",
                                     gap});
            continue;
        }
        piece.depot = depot;
        auto& p = problems[static_cast<std::size_t>(depot)];
        p.pieces.push_back(static_cast<int>(pi));
        matrix_index(p, piece.from_node);
        matrix_index(p, piece.to_node);
    }
    // Depots are planned side by side, one per thread, when there are several (a county's villages: the plan then
    // does not depend on the thread count); a single depot gets every thread for its distances and route search.
    std::vector<std::size_t> busy;
    for (std::size_t d = 0; d < problems.size(); ++d)
        if (!problems[d].pieces.empty()) busy.push_back(d);
    const bool one_depot = busy.size() == 1;
    const int inner_threads = one_depot ? options.threads : 1;
    // A county's thousand village depots share the search a town's dozen get in full: each depot's search budget is
    // cut to 12 / depots of a full one (never below 5 %), still a fixed budget, so the plan stays the same run to run.
    const double effort = std::clamp(full_searches / static_cast<double>(busy.size()), 0.05, 1.0);
    std::vector<DepotPlan> plans(problems.size());
    auto plan_depot = [&](std::size_t d, const Progress& inner) {
        auto& p = problems[d];
        fill_distances(g, p, inner_threads);
        DepotPlan& out = plans[d];
        if (one_walker) {
            out.routes.push_back(postman_route(g, r, p, out));
        } else {
            ShortestPathSearch search(g.arcs);
            out.routes = team_day_routes(g, search, r, p, out, inner_threads, effort, inner);
        }
        out.greedy = greedy_length(p.distance, r, p.pieces, p.index_of);
    };
    progress(0.1, "planning routes");
    if (one_depot) {
        SubProgress part{progress.fn, progress.data, 0.1, 0.95};
        plan_depot(busy[0], {SubProgress::callback, &part, progress.task});
    } else {
        detail::parallel_chunks(
            busy.size(), 1, options.threads,
            [&](std::size_t first, std::size_t last) {
                for (std::size_t i = first; i < last; ++i) plan_depot(busy[i], {});
            },
            [&](double done) {
                progress(0.1 + 0.85 * done, "planning routes");
                return true;
            });
    }
    for (auto& plan : plans) {
        r.lower_bound_m += plan.lower_bound;
        r.greedy_m += plan.greedy;
        r.optimal = r.optimal && plan.optimal;
        r.stopped_by_time = r.stopped_by_time || plan.stopped_by_time;
        for (auto& route : plan.routes) r.routes.push_back(std::move(route));
    }
    assign_teams(r.routes, options.teams);
    for (std::size_t ri = 0; ri < r.routes.size(); ++ri) {
        auto& route = r.routes[ri];
        for (int pi : route.pieces) r.pieces[static_cast<std::size_t>(pi)].route = static_cast<int>(ri);
        route.stops = turn_instructions(campaign, g, r.depots[static_cast<std::size_t>(route.depot)], route);
        r.total_m += route.total_m;
        r.required_m += route.required_m;
    }
    r.deadhead_m = r.total_m - r.required_m;
    if (r.routes.empty()) r.optimal = false;
    progress(1.0, "plan done");
    return r;
}

}  // namespace geo::route
