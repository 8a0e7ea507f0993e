#include "libgeo/route/required.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo::route {

namespace {

// The campaign's last record: the latest track fix or issue time (NaN when nothing has a time).
double last_record(const Campaign& c)
{
    double last = -std::numeric_limits<double>::infinity();
    for (const auto& t : c.tracks)
        for (const auto& f : t.fixes)
            if (!std::isnan(f.time)) last = std::max(last, f.time);
    for (const auto& i : c.issues)
        if (i.found) last = std::max(last, *i.found);
    return std::isfinite(last) ? last : no_time;
}

// Groups edges connected through nodes where every member shares `same` into sets (union-find over edges).
template <class Same>
std::vector<std::vector<int>> connected_sets(const WalkGraph& g, const std::vector<int>& edges, Same same)
{
    std::vector<int> parent(g.edges.size(), -1);
    for (int e : edges) parent[static_cast<std::size_t>(e)] = e;
    auto find = [&](int x) {
        while (parent[static_cast<std::size_t>(x)] != x) x = parent[static_cast<std::size_t>(x)];
        return x;
    };
    for (int e : edges)
        for (int node : {g.edges[static_cast<std::size_t>(e)].a, g.edges[static_cast<std::size_t>(e)].b})
            for (int other : g.arcs.incident(node))
                if (other != e && parent[static_cast<std::size_t>(other)] >= 0 && same(e, other)) {
                    const int ra = find(e), rb = find(other);
                    if (ra != rb) parent[static_cast<std::size_t>(std::max(ra, rb))] = std::min(ra, rb);
                }
    std::vector<std::vector<int>> sets;
    std::vector<int> index(g.edges.size(), -1);
    for (int e : edges) {
        const int r = find(e);
        if (index[static_cast<std::size_t>(r)] < 0) {
            index[static_cast<std::size_t>(r)] = static_cast<int>(sets.size());
            sets.emplace_back();
        }
        sets[static_cast<std::size_t>(index[static_cast<std::size_t>(r)])].push_back(e);
    }
    return sets;
}

// Cuts a set of required edges into chains: a chain runs through nodes where exactly two of the set's edges meet and
// no other edge does, so every chain end is a junction, a dead end or the end of what is required.
std::vector<std::vector<std::pair<int, bool>>> chains_of(const WalkGraph& g, const std::vector<char>& in_set,
                                                         const std::vector<int>& edges)
{
    auto through = [&](int node) {  // a chain may pass this node
        const auto inc = g.arcs.incident(node);
        if (inc.size() != 2) return false;
        return in_set[static_cast<std::size_t>(inc[0])] && in_set[static_cast<std::size_t>(inc[1])] && inc[0] != inc[1];
    };
    std::vector<char> used(g.edges.size(), 0);
    std::vector<std::vector<std::pair<int, bool>>> chains;
    auto walk_from = [&](int start_edge, int start_node) {
        std::vector<std::pair<int, bool>> chain;
        int e = start_edge, node = start_node;
        while (true) {
            used[static_cast<std::size_t>(e)] = 1;
            const auto& edge = g.edges[static_cast<std::size_t>(e)];
            const bool forward = edge.a == node;
            chain.emplace_back(e, forward);
            node = forward ? edge.b : edge.a;
            if (!through(node)) break;
            const auto inc = g.arcs.incident(node);
            const int next = inc[0] == e ? inc[1] : inc[0];
            if (used[static_cast<std::size_t>(next)]) break;
            e = next;
        }
        return chain;
    };
    for (int e : edges) {  // chains that start at a junction or an end
        if (used[static_cast<std::size_t>(e)]) continue;
        const auto& edge = g.edges[static_cast<std::size_t>(e)];
        if (!through(edge.a)) chains.push_back(walk_from(e, edge.a));
        else if (!through(edge.b)) chains.push_back(walk_from(e, edge.b));
    }
    for (int e : edges)  // what is left are closed loops
        if (!used[static_cast<std::size_t>(e)]) chains.push_back(walk_from(e, g.edges[static_cast<std::size_t>(e)].a));
    return chains;
}

}  // namespace

std::vector<RequiredPiece> required_pieces(const Campaign& campaign, const WalkGraph& g, const PlanOptions& options,
                                           double min_piece_m)
{
    const Required required = options.required_pieces();
    const std::vector<Category> categories = options.category_filter();
    auto wanted_village = [&](int village) {
        if (options.villages.empty()) return true;
        if (village < 0) return false;
        const auto& name = campaign.villages[static_cast<std::size_t>(village)].name;
        return std::find(options.villages.begin(), options.villages.end(), name) != options.villages.end();
    };
    auto wanted_category = [&](Category c) {
        return categories.empty() || std::find(categories.begin(), categories.end(), c) != categories.end();
    };
    const double stale_before = required.kind == RequiredKind::stale && !std::isnan(last_record(campaign))
                                    ? last_record(campaign) - required.stale_days * 86400.0
                                    : no_time;
    std::vector<std::string> reason(g.edges.size());
    std::vector<int> chosen;
    for (std::size_t i = 0; i < g.edges.size(); ++i) {
        const WalkEdge& e = g.edges[i];
        if (!wanted_category(e.category) || !wanted_village(e.village)) continue;
        switch (required.kind) {
        case RequiredKind::all: reason[i] = "all"; break;
        case RequiredKind::uncovered:
        case RequiredKind::uncovered_all:
            if (!e.covered) reason[i] = "uncovered";
            break;
        case RequiredKind::stale:
            if (!e.covered) reason[i] = "uncovered";
            // Walked, but not since the cut-off (a walk without times cannot show it is recent).
            else if (std::isnan(e.last_walked) || (!std::isnan(stale_before) && e.last_walked < stale_before))
                reason[i] = "stale";
            break;
        }
        if (!reason[i].empty()) chosen.push_back(static_cast<int>(i));
    }
    if (required.kind == RequiredKind::uncovered) {
        // The dead corners' rule: uncovered stretches joined where they meet within one village and walk, kept when
        // at least min_piece_m long in all.
        const auto sets = connected_sets(g, chosen, [&](int x, int y) {
            const auto& ex = g.edges[static_cast<std::size_t>(x)];
            const auto& ey = g.edges[static_cast<std::size_t>(y)];
            return ex.village == ey.village && ex.category == ey.category;
        });
        chosen.clear();
        for (const auto& set : sets) {
            double length = 0;
            for (int e : set) length += g.edges[static_cast<std::size_t>(e)].length_m;
            if (length >= min_piece_m) chosen.insert(chosen.end(), set.begin(), set.end());
        }
        std::sort(chosen.begin(), chosen.end());
    }
    std::vector<char> in_set(g.edges.size(), 0);
    for (int e : chosen) in_set[static_cast<std::size_t>(e)] = 1;
    std::vector<RequiredPiece> pieces;
    for (const auto& chain : chains_of(g, in_set, chosen)) {
        RequiredPiece piece;
        for (std::size_t k = 0; k < chain.size(); ++k) {
            const auto [e, forward] = chain[k];
            const WalkEdge& edge = g.edges[static_cast<std::size_t>(e)];
            const bool starts_new = !piece.edges.empty() &&
                                    (edge.village != piece.village || edge.category != piece.category ||
                                     reason[static_cast<std::size_t>(e)] != piece.reason);
            if (starts_new) {
                pieces.push_back(std::move(piece));
                piece = RequiredPiece{};
            }
            if (piece.edges.empty()) {
                piece.from_node = forward ? edge.a : edge.b;
                piece.village = edge.village;
                piece.category = edge.category;
                piece.reason = reason[static_cast<std::size_t>(e)];
            }
            piece.edges.push_back(e);
            piece.to_node = forward ? edge.b : edge.a;
            piece.length_m += edge.length_m;
        }
        if (!piece.edges.empty()) pieces.push_back(std::move(piece));
    }
    return pieces;
}

}  // namespace geo::route
