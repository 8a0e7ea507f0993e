#include "libgeo/route/required.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace geo::route {

namespace {

namespace bgi = boost::geometry::index;

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

// The point halfway along a line.
Point middle_of(const LineString& line)
{
    double half = bg::length(line) / 2;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const double d = bg::distance(line[i - 1], line[i]);
        if (d >= half && d > 0) {
            const double t = half / d;
            return {line[i - 1].x() + t * (line[i].x() - line[i - 1].x()), line[i - 1].y() + t * (line[i].y() - line[i - 1].y())};
        }
        half -= d;
    }
    return line.back();
}

// The Gi* cells of bin >= BIN, to ask whether a point lies in one (an edge is in a hot cell when its middle is).
class HotCellIndex {
public:
    HotCellIndex(const hotspot::HotspotCells& cells, int min_bin)
    {
        const std::vector<Polygon> polygons = hotspot::cell_polygons(cells.binning);
        std::vector<std::pair<Box, std::size_t>> entries;
        for (std::size_t i = 0; i < polygons.size(); ++i) {
            if (cells.gi.bin[i] < min_bin) continue;
            Box box;
            bg::envelope(polygons[i], box);
            entries.emplace_back(box, m_cells.size());
            m_cells.push_back(polygons[i]);
        }
        m_tree = Tree(entries.begin(), entries.end());
    }
    [[nodiscard]] bool contains(const Point& p) const
    {
        for (auto it = m_tree.qbegin(bgi::intersects(p)); it != m_tree.qend(); ++it)
            if (bg::covered_by(p, m_cells[it->second])) return true;
        return false;
    }

private:
    using Tree = bgi::rtree<std::pair<Box, std::size_t>, bgi::rstar<16>>;
    std::vector<Polygon> m_cells;
    Tree m_tree;
};

// The coverage's dead corners, to ask whether an uncovered edge lies on one: its middle point within a millimetre
// of a dead corner of the same village and walk (an edge is one uncovered piece, so it lies on one wholly or not).
class DeadCornerIndex {
public:
    explicit DeadCornerIndex(const std::vector<coverage::DeadCorner>& corners) : m_corners(corners)
    {
        std::vector<std::pair<Box, std::size_t>> entries;
        for (std::size_t i = 0; i < corners.size(); ++i) {
            Box box;
            bg::envelope(corners[i].geometry, box);
            entries.emplace_back(box, i);
        }
        m_tree = Tree(entries.begin(), entries.end());
    }
    [[nodiscard]] bool contains(const WalkEdge& edge) const
    {
        const Point middle = middle_of(edge.geometry);
        const Box probe(Point(middle.x() - 1e-3, middle.y() - 1e-3), Point(middle.x() + 1e-3, middle.y() + 1e-3));
        for (auto it = m_tree.qbegin(bgi::intersects(probe)); it != m_tree.qend(); ++it) {
            const auto& corner = m_corners[it->second];
            if (corner.village == edge.village && corner.category == edge.category &&
                bg::distance(middle, corner.geometry) <= 1e-3)
                return true;
        }
        return false;
    }

private:
    using Tree = bgi::rtree<std::pair<Box, std::size_t>, bgi::rstar<16>>;
    const std::vector<coverage::DeadCorner>& m_corners;
    Tree m_tree;
};

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

std::vector<RequiredPiece> required_pieces(const Campaign& campaign, const coverage::CoverageResult& coverage,
                                           const hotspot::HotspotResult* hotspots, const WalkGraph& g,
                                           const PlanOptions& options)
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
    std::optional<HotCellIndex> hot;
    if (required.kind == RequiredKind::hotspot) {
        if (!hotspots || !hotspots->cells)
            throw UsageError("--required " + required.text() + " needs the hotspot step's Gi* cells, and " +
                                 (hotspots ? "it made none: " + hotspots->cells_skipped : std::string("none were made")),
                             {}, "run `geowalk run` (or give the campaign enough issues for Gi*), or choose another --required");
        hot.emplace(*hotspots->cells, required.hot_bin);
    }
    std::vector<std::string> reason(g.edges.size());
    std::vector<int> chosen;
    for (std::size_t i = 0; i < g.edges.size(); ++i) {
        const WalkEdge& e = g.edges[i];
        if (e.access || e.connector || !wanted_category(e.category) || !wanted_village(e.village)) continue;
        const std::string missed = e.site >= 0 ? "site" : "uncovered";  // a site's outline, or a stretch of line
        switch (required.kind) {
        case RequiredKind::all: reason[i] = "all"; break;
        case RequiredKind::hotspot:
            if (e.site < 0 && hot->contains(middle_of(e.geometry))) reason[i] = "hotspot";
            break;
        case RequiredKind::uncovered:
        case RequiredKind::uncovered_all:
            if (!e.covered) reason[i] = missed;
            break;
        case RequiredKind::stale:
            if (!e.covered) reason[i] = missed;
            // Walked, but not since the cut-off (a walk without times cannot show it is recent).
            else if (std::isnan(e.last_walked) || (!std::isnan(stale_before) && e.last_walked < stale_before))
                reason[i] = "stale";
            break;
        }
        if (!reason[i].empty()) chosen.push_back(static_cast<int>(i));
    }
    if (required.kind == RequiredKind::uncovered) {
        // A stretch of line is required when it lies on a dead corner; sites not walked round always are.
        const DeadCornerIndex dead(coverage.dead_corners);
        std::erase_if(chosen, [&](int e) {
            const WalkEdge& edge = g.edges[static_cast<std::size_t>(e)];
            return edge.site < 0 && !dead.contains(edge);
        });
    }
    std::vector<char> in_set(g.edges.size(), 0);
    for (int e : chosen) in_set[static_cast<std::size_t>(e)] = 1;
    std::vector<RequiredPiece> pieces;
    for (const auto& chain : chains_of(g, in_set, chosen)) {
        RequiredPiece piece;
        for (const auto& [e, forward] : chain) {
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
