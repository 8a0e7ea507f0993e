#include "libgeo/route/walk_graph.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <unordered_map>

namespace geo::route {

namespace {

namespace bgi = boost::geometry::index;

// Positions equal to the millimetre are one place: coordinates from one file repeat exactly, and a vertex shared by
// two lines may differ in the last bits after reprojection.
struct PlaceKey {
    long long x = 0, y = 0;
    bool operator==(const PlaceKey&) const = default;
};
struct PlaceHash {
    std::size_t operator()(const PlaceKey& k) const
    {
        return std::hash<long long>()(k.x) * 1000003u ^ std::hash<long long>()(k.y);
    }
};
PlaceKey key_of(const Point& p) { return {std::llround(p.x() * 1000.0), std::llround(p.y() * 1000.0)}; }

double distance(const Point& p, const Point& q) { return std::hypot(p.x() - q.x(), p.y() - q.y()); }

// A stretch's vertices with their distance along it, plus points inserted at crossings.
struct Vertex {
    Point at;
    double along = 0;
};

std::vector<Vertex> vertices_of(const LineString& line)
{
    std::vector<Vertex> out;
    double along = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (i > 0) along += distance(line[i - 1], line[i]);
        out.push_back({line[i], along});
    }
    return out;
}

// Where segment p1-p2 properly crosses q1-q2 (not at an end of either), as parameters along each.
std::optional<std::pair<double, double>> crossing(const Point& p1, const Point& p2, const Point& q1, const Point& q2)
{
    const double rx = p2.x() - p1.x(), ry = p2.y() - p1.y();
    const double sx = q2.x() - q1.x(), sy = q2.y() - q1.y();
    const double denom = rx * sy - ry * sx;
    if (std::abs(denom) < 1e-12) return std::nullopt;
    const double qpx = q1.x() - p1.x(), qpy = q1.y() - p1.y();
    const double t = (qpx * sy - qpy * sx) / denom;
    const double u = (qpx * ry - qpy * rx) / denom;
    constexpr double eps = 1e-9;
    if (t <= eps || t >= 1 - eps || u <= eps || u >= 1 - eps) return std::nullopt;
    return std::pair{t, u};
}

using Insertions = std::map<std::pair<std::size_t, std::size_t>, std::vector<Vertex>>;  // (stretch, segment) -> new

// Inserts new vertices after their segments' first vertex; from the back, so earlier segment numbers stay valid.
void insert_vertices(std::vector<std::vector<Vertex>>& stretches, const Insertions& added)
{
    std::for_each(added.rbegin(), added.rend(), [&](const auto& entry) {
        const auto& [at, new_vertices] = entry;
        auto& verts = stretches[at.first];
        auto points = new_vertices;
        std::sort(points.begin(), points.end(), [](const Vertex& x, const Vertex& y) { return x.along < y.along; });
        verts.insert(verts.begin() + static_cast<std::ptrdiff_t>(at.second) + 1, points.begin(), points.end());
    });
}

// Adds a vertex at every proper crossing of two stretches' segments (node_crossings); returns how many crossings.
int insert_crossings(std::vector<std::vector<Vertex>>& stretches)
{
    using Box2 = Box;
    using Entry = std::pair<Box2, std::pair<std::size_t, std::size_t>>;  // segment box, (stretch, first vertex)
    std::vector<Entry> entries;
    for (std::size_t s = 0; s < stretches.size(); ++s)
        for (std::size_t i = 0; i + 1 < stretches[s].size(); ++i) {
            Box2 box;
            bg::envelope(bg::model::segment<Point>(stretches[s][i].at, stretches[s][i + 1].at), box);
            entries.push_back({box, {s, i}});
        }
    const bgi::rtree<Entry, bgi::rstar<16>> tree(entries.begin(), entries.end());
    Insertions added;
    int count = 0;
    for (const auto& [box, id] : entries) {
        const auto [s, i] = id;
        const Point& p1 = stretches[s][i].at;
        const Point& p2 = stretches[s][i + 1].at;
        for (auto it = tree.qbegin(bgi::intersects(box)); it != tree.qend(); ++it) {
            const auto [s2, j] = it->second;
            if (std::pair{s2, j} <= std::pair{s, i}) continue;  // each pair once
            if (s2 == s && (j == i + 1 || i == j + 1)) continue;
            const Point& q1 = stretches[s2][j].at;
            const Point& q2 = stretches[s2][j + 1].at;
            const auto hit = crossing(p1, p2, q1, q2);
            if (!hit) continue;
            const Point at(p1.x() + hit->first * (p2.x() - p1.x()), p1.y() + hit->first * (p2.y() - p1.y()));
            added[{s, i}].push_back({at, stretches[s][i].along + hit->first * distance(p1, p2)});
            added[{s2, j}].push_back({at, stretches[s2][j].along + hit->second * distance(q1, q2)});
            ++count;
        }
    }
    insert_vertices(stretches, added);
    return count;
}

// Union-find over place keys, for ends snapped onto another line's vertex.
class Places {
public:
    int id(const PlaceKey& key)
    {
        const auto [it, added] = m_ids.try_emplace(key, static_cast<int>(m_parent.size()));
        if (added) m_parent.push_back(it->second);
        return find(it->second);
    }
    int find(int x)
    {
        while (m_parent[static_cast<std::size_t>(x)] != x) x = m_parent[static_cast<std::size_t>(x)] = m_parent[static_cast<std::size_t>(m_parent[static_cast<std::size_t>(x)])];
        return x;
    }
    void join(int child, int root) { m_parent[static_cast<std::size_t>(find(child))] = find(root); }

private:
    std::unordered_map<PlaceKey, int, PlaceHash> m_ids;
    std::vector<int> m_parent;
};

using PlaceCounts = std::unordered_map<PlaceKey, int, PlaceHash>;

PlaceCounts count_uses(const std::vector<std::vector<Vertex>>& stretches)
{
    PlaceCounts uses;
    for (const auto& verts : stretches)
        for (const auto& v : verts) ++uses[key_of(v.at)];
    return uses;
}

struct Join {
    Point end;
    Point onto;
    double distance_m = 0;
    std::size_t stretch = 0;
};

// Each line end that no other line shares joins the nearest point of another line within snap_m: that line's vertex,
// or a vertex inserted into its segment (a T-junction digitised without a node). `uses` counts the vertices at each
// place before the joins.
std::vector<Join> snap_ends(std::vector<std::vector<Vertex>>& stretches,
                            const PlaceCounts& uses, double snap_m)
{
    using Segment = bg::model::segment<Point>;
    using Entry = std::pair<Segment, std::pair<std::size_t, std::size_t>>;  // segment, (stretch, first vertex)
    std::vector<Entry> entries;
    for (std::size_t s = 0; s < stretches.size(); ++s)
        for (std::size_t i = 0; i + 1 < stretches[s].size(); ++i)
            entries.push_back({Segment(stretches[s][i].at, stretches[s][i + 1].at), {s, i}});
    const bgi::rtree<Entry, bgi::rstar<16>> tree(entries.begin(), entries.end());
    std::vector<Join> joins;
    Insertions added;
    for (std::size_t s = 0; s < stretches.size(); ++s) {
        if (stretches[s].size() < 2) continue;
        for (const Point end : {stretches[s].front().at, stretches[s].back().at}) {
            if (uses.at(key_of(end)) > 1) continue;
            const Entry* best = nullptr;
            double best_d = snap_m, best_t = 0;
            for (auto it = tree.qbegin(bgi::nearest(end, 8)); it != tree.qend(); ++it) {
                if (it->second.first == s) continue;
                const Point& p = it->first.first;
                const Point& q = it->first.second;
                const double dx = q.x() - p.x(), dy = q.y() - p.y();
                const double len2 = dx * dx + dy * dy;
                const double t = len2 > 0 ? std::clamp(((end.x() - p.x()) * dx + (end.y() - p.y()) * dy) / len2, 0.0, 1.0) : 0.0;
                const double d = distance(end, Point(p.x() + t * dx, p.y() + t * dy));
                if (d <= best_d) best_d = d, best = &*it, best_t = t;
            }
            if (!best) continue;
            const auto [s2, i] = best->second;
            const Vertex& v0 = stretches[s2][i];
            const Vertex& v1 = stretches[s2][i + 1];
            const double seg = distance(v0.at, v1.at);
            Point onto(v0.at.x() + best_t * (v1.at.x() - v0.at.x()), v0.at.y() + best_t * (v1.at.y() - v0.at.y()));
            // Within a millimetre of the segment's own vertex: join that vertex.
            if (best_t * seg < 1e-3) onto = v0.at;
            else if ((1 - best_t) * seg < 1e-3) onto = v1.at;
            else added[{s2, i}].push_back({onto, v0.along + best_t * seg});
            joins.push_back({end, onto, best_d, s});
        }
    }
    insert_vertices(stretches, added);
    return joins;
}

// What the graph is built from: the coverage's stretches (pieces covered or not), then the access paths (one piece,
// never required).
struct Source {
    LineString geometry;
    std::vector<coverage::LinePiece> pieces;
    int stretch = -1;
    int line = -1;
    bool access = false;
    Category category = Category::village_road;
    int village = -1;
};

std::vector<Source> sources_of(const Campaign& campaign, const coverage::CoverageResult& coverage)
{
    std::vector<Source> out;
    out.reserve(coverage.lines.size() + campaign.access.size());
    for (std::size_t s = 0; s < coverage.lines.size(); ++s) {
        const auto& lc = coverage.lines[s];
        out.push_back({lc.geometry, lc.pieces, static_cast<int>(s), lc.line, false, lc.category, lc.village});
    }
    for (std::size_t a = 0; a < campaign.access.size(); ++a) {
        const auto& line = campaign.access[a].line;
        const double length = bg::length(line);
        if (length <= 0) continue;
        out.push_back({line, {{0, length, true, {}, no_time, no_time}}, -1, static_cast<int>(a), true,
                       campaign.access[a].category, -1});
    }
    return out;
}

// Each area site's outline as a loop starting at its vertex nearest the network, joined to the nearest node by a
// straight connector (a yard or a school wall is reached across open ground, not along a line of the network).
void add_site_loops(const Campaign& campaign, const coverage::CoverageResult& coverage, WalkGraph& g)
{
    if (g.nodes.empty()) return;
    std::vector<std::pair<Point, int>> entries;
    entries.reserve(g.nodes.size());
    for (int i = 0; i < static_cast<int>(g.nodes.size()); ++i) entries.emplace_back(g.nodes[static_cast<std::size_t>(i)], i);
    const bgi::rtree<std::pair<Point, int>, bgi::rstar<16>> tree(entries.begin(), entries.end());
    for (const auto& sc : coverage.sites) {
        const Site& site = campaign.sites.at(static_cast<std::size_t>(sc.site));
        if (site.point || site.area.empty()) continue;
        const Polygon* largest = &site.area.front();
        for (const auto& p : site.area)
            if (bg::area(p) > bg::area(*largest)) largest = &p;
        std::vector<Point> ring(largest->outer().begin(), largest->outer().end());
        if (ring.size() < 4) continue;
        ring.pop_back();  // closed: the first vertex again
        // The outline vertex nearest to any node, and that node.
        std::size_t best_vertex = 0;
        int best_node = -1;
        double best_d = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < ring.size(); ++i)
            for (auto it = tree.qbegin(bgi::nearest(ring[i], 1)); it != tree.qend(); ++it) {
                const double d = distance(ring[i], it->first);
                if (d < best_d) best_d = d, best_vertex = i, best_node = it->second;
            }
        std::rotate(ring.begin(), ring.begin() + static_cast<std::ptrdiff_t>(best_vertex), ring.end());
        ring.push_back(ring.front());
        int loop_node = best_node;
        const int site_index = sc.site;
        if (best_d > 1e-3) {
            loop_node = static_cast<int>(g.nodes.size());
            g.nodes.push_back(ring.front());
            WalkEdge connector;
            connector.a = best_node;
            connector.b = loop_node;
            connector.geometry = {g.nodes[static_cast<std::size_t>(best_node)], ring.front()};
            connector.length_m = best_d;
            connector.site = site_index;
            connector.connector = true;
            connector.category = site.category;
            connector.village = sc.village;
            connector.covered = true;
            g.edges.push_back(std::move(connector));
        }
        WalkEdge outline;
        outline.a = outline.b = loop_node;
        outline.geometry = LineString(ring.begin(), ring.end());
        outline.length_m = bg::length(outline.geometry);
        outline.to_m = outline.length_m;
        outline.site = site_index;
        outline.category = site.category;
        outline.village = sc.village;
        outline.covered = sc.visited;
        outline.last_walked = sc.last_visit;
        if (outline.length_m > 0) g.edges.push_back(std::move(outline));
    }
}

void number_components(WalkGraph& g)
{
    const auto n = static_cast<std::size_t>(g.arcs.node_count());
    g.component.assign(n, -1);
    g.components = 0;
    std::vector<int> stack;
    for (std::size_t start = 0; start < n; ++start) {
        if (g.component[start] >= 0) continue;
        g.component[start] = g.components;
        stack.push_back(static_cast<int>(start));
        while (!stack.empty()) {
            const int node = stack.back();
            stack.pop_back();
            for (int e : g.arcs.incident(node)) {
                const int next = g.arcs.edge(e).other(node);
                if (g.component[static_cast<std::size_t>(next)] < 0) {
                    g.component[static_cast<std::size_t>(next)] = g.components;
                    stack.push_back(next);
                }
            }
        }
        ++g.components;
    }
    g.dangling_ends = 0;
    for (std::size_t node = 0; node < n; ++node)
        if (g.arcs.incident(static_cast<int>(node)).size() == 1) ++g.dangling_ends;
}

}  // namespace

WalkGraph build_walk_graph(const Campaign& campaign, const coverage::CoverageResult& coverage,
                           const WalkGraphOptions& options)
{
    WalkGraph g;
    const std::vector<Source> sources = sources_of(campaign, coverage);
    std::vector<std::vector<Vertex>> stretches;
    stretches.reserve(sources.size());
    for (const auto& source : sources) stretches.push_back(vertices_of(source.geometry));
    if (options.node_crossings) g.crossings_noded = insert_crossings(stretches);

    const std::vector<Join> joins = snap_ends(stretches, count_uses(stretches), options.snap_m);
    // How many stretch vertices sit at each place: a place two stretches share (or one stretch twice) is a junction.
    auto uses = count_uses(stretches);
    Places places;
    for (const auto& join : joins) {
        if (key_of(join.end) == key_of(join.onto)) continue;  // an end on another line: the vertex made there joins it
        ++uses[key_of(join.onto)];
        ++uses[key_of(join.end)];
        places.join(places.id(key_of(join.end)), places.id(key_of(join.onto)));
        const Source& moved = sources[join.stretch];
        g.snaps.push_back({join.end, join.onto, join.distance_m, moved.line, moved.access});
    }

    std::unordered_map<int, int> node_of_place;  // place root -> node
    auto node_at = [&](const Point& p) {
        const int root = places.id(key_of(p));
        const auto [it, added] = node_of_place.try_emplace(root, static_cast<int>(g.nodes.size()));
        if (added) g.nodes.push_back(p);
        return it->second;
    };
    auto new_node = [&](const Point& p) {
        g.nodes.push_back(p);
        return static_cast<int>(g.nodes.size()) - 1;
    };
    for (std::size_t s = 0; s < stretches.size(); ++s) {
        const auto& verts = stretches[s];
        const Source& lc = sources[s];
        if (verts.size() < 2 || lc.pieces.empty()) continue;
        std::size_t piece = 0;
        LineString current{verts.front().at};
        int from_node = node_at(verts.front().at);
        double from_along = 0;
        auto close_edge = [&](int to_node, double to_along) {
            const auto& p = lc.pieces[piece];
            WalkEdge e;
            e.a = from_node;
            e.b = to_node;
            e.geometry = current;
            e.stretch = lc.stretch;
            e.line = lc.line;
            e.access = lc.access;
            e.from_m = from_along;
            e.to_m = to_along;
            e.category = lc.category;
            e.village = lc.village;
            e.covered = p.covered;
            e.last_walked = p.last;
            // A snapped end: the edge reaches the node it joined.
            if (distance(e.geometry.front(), g.nodes[static_cast<std::size_t>(from_node)]) > 0)
                e.geometry.insert(e.geometry.begin(), g.nodes[static_cast<std::size_t>(from_node)]);
            if (distance(e.geometry.back(), g.nodes[static_cast<std::size_t>(to_node)]) > 0)
                e.geometry.push_back(g.nodes[static_cast<std::size_t>(to_node)]);
            e.length_m = bg::length(e.geometry);
            if (e.length_m > 0) g.edges.push_back(std::move(e));
        };
        for (std::size_t i = 1; i < verts.size(); ++i) {
            const Vertex& prev = verts[i - 1];
            const Vertex& v = verts[i];
            // Piece boundaries inside this segment become nodes of their own.
            while (piece + 1 < lc.pieces.size() && lc.pieces[piece].to < v.along - 1e-6) {
                const double at = lc.pieces[piece].to;
                const double t = v.along > prev.along ? (at - prev.along) / (v.along - prev.along) : 0;
                const Point p(prev.at.x() + t * (v.at.x() - prev.at.x()), prev.at.y() + t * (v.at.y() - prev.at.y()));
                current.push_back(p);
                const int boundary = new_node(p);
                close_edge(boundary, at);
                current = LineString{p};
                from_node = boundary;
                from_along = at;
                ++piece;
            }
            current.push_back(v.at);
            const bool last = i + 1 == verts.size();
            const bool at_boundary = piece + 1 < lc.pieces.size() && std::abs(lc.pieces[piece].to - v.along) <= 1e-6;
            if (last || at_boundary || uses[key_of(v.at)] > 1) {
                const int to_node = node_at(v.at);
                close_edge(to_node, v.along);
                current = LineString{v.at};
                from_node = to_node;
                from_along = v.along;
                if (at_boundary) ++piece;
            }
        }
    }
    add_site_loops(campaign, coverage, g);
    g.arcs = ArcGraph(static_cast<int>(g.nodes.size()));
    for (const auto& e : g.edges) g.arcs.add_edge(e.a, e.b, e.length_m);
    g.arcs.freeze();
    number_components(g);
    return g;
}

}  // namespace geo::route
