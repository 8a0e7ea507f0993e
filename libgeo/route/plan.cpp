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

// Shortest walking distances among the depot and the pieces' ends: one Dijkstra per end, stopped once every other
// end is settled (no all-pairs matrix over the network), on the run's threads.
void fill_distances(const WalkGraph& g, DepotProblem& p, int threads)
{
    const int n = static_cast<int>(p.nodes.size());
    p.distance = DistanceMatrix(n);
    detail::parallel_chunks(static_cast<std::size_t>(n), 8, threads, [&](std::size_t first, std::size_t last) {
        for (std::size_t i = first; i < last; ++i) {
            const auto tree = shortest_paths(g.arcs, p.nodes[i], {.targets = p.nodes});
            for (int j = 0; j < n; ++j) p.distance.set(static_cast<int>(i), j, tree.distance[static_cast<std::size_t>(p.nodes[static_cast<std::size_t>(j)])]);
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

void append_path(const WalkGraph& g, int from, int to, std::vector<RouteLeg>& legs)
{
    if (from == to) return;
    const int targets[] = {to};
    const auto tree = shortest_paths(g.arcs, from, {.targets = targets});
    int node = from;
    for (int e : tree.path_to(g.arcs, to)) {
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
PlanRoute route_of(const WalkGraph& g, const PlanResult& r, int depot, const std::vector<std::pair<int, bool>>& served)
{
    PlanRoute route;
    route.depot = depot;
    int at = r.depots[static_cast<std::size_t>(depot)].node;
    for (const auto& [piece_index, forward] : served) {
        const auto& piece = r.pieces[static_cast<std::size_t>(piece_index)];
        append_path(g, at, forward ? piece.from_node : piece.to_node, route.legs);
        append_piece(g, piece, forward, route.legs);
        at = forward ? piece.to_node : piece.from_node;
        route.pieces.push_back(piece_index);
    }
    append_path(g, at, r.depots[static_cast<std::size_t>(depot)].node, route.legs);
    add_totals(g, route, r.options.walk_kmh);
    return route;
}

// One walker without a day limit: the closed postman walk over the depot's pieces.
PlanRoute postman_route(const WalkGraph& g, PlanResult& r, const DepotProblem& p, double& lower_bound)
{
    std::vector<char> required(g.edges.size(), 0);
    std::map<int, int> piece_of_edge;
    for (int pi : p.pieces)
        for (int e : r.pieces[static_cast<std::size_t>(pi)].edges) {
            required[static_cast<std::size_t>(e)] = 1;
            piece_of_edge[e] = pi;
        }
    const PostmanTour tour = rural_postman(g.arcs, required, r.depots[static_cast<std::size_t>(p.depot)].node);
    lower_bound += tour.lower_bound;
    r.optimal = r.optimal && tour.optimal;
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
std::vector<PlanRoute> team_day_routes(const WalkGraph& g, PlanResult& r, DepotProblem& p, double& lower_bound,
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
            PlanRoute route = route_of(g, r, p.depot, {{pi, forward}});
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
        lower_bound += rural_postman(g.arcs, required, r.depots[static_cast<std::size_t>(p.depot)].node).lower_bound;
    }
    if (instance.tasks.empty()) return routes;
    instance.distance = p.distance;
    const CarpSolution solution =
        solve_carp(instance, {.time_limit_s = o.time_limit_s, .threads = o.threads, .seed = o.seed}, progress);
    r.stopped_by_time = r.stopped_by_time || solution.stopped_by_time;
    for (const auto& cr : solution.routes) {
        std::vector<std::pair<int, bool>> served;
        for (const auto& t : cr.tasks) served.emplace_back(task_piece[static_cast<std::size_t>(t.task)], t.forward);
        routes.push_back(route_of(g, r, p.depot, served));
    }
    return routes;
}

// Nearest distance from a piece to any network edge of the depot's connected piece of the graph.
double gap_to_component(const WalkGraph& g, const RequiredPiece& piece, int component)
{
    double best = std::numeric_limits<double>::infinity();
    for (const auto& e : g.edges) {
        if (g.component[static_cast<std::size_t>(e.a)] != component) continue;
        for (int pe : piece.edges) best = std::min(best, bg::distance(e.geometry, g.edges[static_cast<std::size_t>(pe)].geometry));
    }
    return best;
}

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
            const double gap = gap_to_component(g, piece, component);
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
    progress(0.1, "shortest paths between the pieces");
    for (auto& p : problems)
        if (!p.pieces.empty()) fill_distances(g, p, options.threads);

    for (std::size_t d = 0; d < problems.size(); ++d) {
        auto& p = problems[d];
        if (p.pieces.empty()) continue;
        SubProgress part{progress.fn, progress.data, 0.15 + 0.8 * static_cast<double>(d) / static_cast<double>(problems.size()),
                         0.15 + 0.8 * static_cast<double>(d + 1) / static_cast<double>(problems.size())};
        if (one_walker) {
            r.routes.push_back(postman_route(g, r, p, r.lower_bound_m));
        } else {
            auto routes = team_day_routes(g, r, p, r.lower_bound_m, {SubProgress::callback, &part, progress.task});
            for (auto& route : routes) r.routes.push_back(std::move(route));
        }
        r.greedy_m += greedy_length(p.distance, r, p.pieces, p.index_of);
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
