#include "libgeo/sample/walk_graph.hpp"

#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace geo::sample {

namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using BoxPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using Box = bg::model::box<BoxPoint>;

struct Segment {
    std::size_t line;
    std::size_t index;  // segment [index, index + 1] of the line
};

// A point where a line must be cut: on segment `index` at parameter t, exactly at `point`.
struct Cut {
    std::size_t index;
    double t;
    Point point;
};

auto key(Point p) { return std::pair{p.x, p.y}; }

// Where segments a-b and c-d cross, as parameters along each; false when parallel or apart.
bool crossing(Point a, Point b, Point c, Point d, double& t, double& u)
{
    const double rx = b.x - a.x, ry = b.y - a.y, sx = d.x - c.x, sy = d.y - c.y;
    const double denom = rx * sy - ry * sx;
    if (denom == 0.0) return false;
    t = ((c.x - a.x) * sy - (c.y - a.y) * sx) / denom;
    u = ((c.x - a.x) * ry - (c.y - a.y) * rx) / denom;
    return t >= 0.0 && t <= 1.0 && u >= 0.0 && u <= 1.0;
}

}  // namespace

WalkGraph build_walk_graph(const Town& town)
{
    std::vector<const Polyline*> lines;
    std::vector<LineKind> kinds;
    for (const Road& r : town.roads) {
        lines.push_back(&r.line);
        kinds.push_back(static_cast<LineKind>(static_cast<int>(r.road_class)));
    }
    for (const Water& w : town.waters) {
        lines.push_back(&w.line);
        kinds.push_back(w.kind == WaterKind::river ? LineKind::river : LineKind::ditch);
    }
    for (const Ridge& r : town.ridges) {
        lines.push_back(&r.line);
        kinds.push_back(LineKind::ridge);
    }

    // Index every segment, then test only the pairs whose boxes meet.
    std::vector<Segment> segments;
    std::vector<std::pair<Box, std::size_t>> boxes;
    for (std::size_t l = 0; l < lines.size(); ++l)
        for (std::size_t i = 0; i + 1 < lines[l]->size(); ++i) {
            const Point a = (*lines[l])[i], b = (*lines[l])[i + 1];
            boxes.emplace_back(Box{{std::min(a.x, b.x), std::min(a.y, b.y)}, {std::max(a.x, b.x), std::max(a.y, b.y)}},
                               segments.size());
            segments.push_back({l, i});
        }
    const bgi::rtree<std::pair<Box, std::size_t>, bgi::quadratic<16>> tree(boxes.begin(), boxes.end());

    std::vector<std::vector<Cut>> cuts(lines.size());
    std::vector<std::pair<Box, std::size_t>> hits;
    for (const auto& [box, s] : boxes) {
        hits.clear();
        tree.query(bgi::intersects(box), std::back_inserter(hits));
        const Segment& first = segments[s];
        const Point a = (*lines[first.line])[first.index], b = (*lines[first.line])[first.index + 1];
        for (const auto& hit : hits) {
            const Segment& second = segments[hit.second];
            if (hit.second <= s || second.line == first.line) continue;
            const Point c = (*lines[second.line])[second.index], d = (*lines[second.line])[second.index + 1];
            // Lines that meet at a shared vertex are joined already (insert_vertex made the vertex exact).
            if (a == c || a == d || b == c || b == d) continue;
            double t = 0.0, u = 0.0;
            if (!crossing(a, b, c, d, t, u)) continue;
            // One coordinate for both lines, preferring an existing vertex, so both pieces end on the same node.
            constexpr double eps = 1e-9;
            Point at{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
            if (t < eps) at = a;
            else if (t > 1 - eps) at = b;
            else if (u < eps) at = c;
            else if (u > 1 - eps) at = d;
            cuts[first.line].push_back({first.index, t, at});
            cuts[second.line].push_back({second.index, u, at});
        }
    }

    // Interior vertices where another line starts or ends are nodes too.
    std::set<std::pair<double, double>> ends;
    for (const Polyline* line : lines) {
        ends.insert(key(line->front()));
        ends.insert(key(line->back()));
    }

    WalkGraph graph;
    std::map<std::pair<double, double>, std::size_t> node_of;
    auto node = [&](Point p) {
        auto [it, fresh] = node_of.try_emplace(key(p), graph.nodes.size());
        if (fresh) graph.nodes.push_back(p);
        return it->second;
    };
    auto add_edge = [&](Polyline piece, LineKind kind) {
        const double len = length(piece);
        if (piece.size() < 2 || len <= 0.0) return;
        WalkEdge e;
        e.from = node(piece.front());
        e.to = node(piece.back());
        e.length = len;
        e.kind = kind;
        const Point mid = point_along(piece, len / 2);
        e.village = village_at(town, mid);
        e.blocked = distance(mid, town.dead_corner) < town.dead_corner_radius;
        e.line = std::move(piece);
        graph.edges.push_back(std::move(e));
    };

    for (std::size_t l = 0; l < lines.size(); ++l) {
        const Polyline& line = *lines[l];
        auto& line_cuts = cuts[l];
        for (std::size_t i = 1; i + 1 < line.size(); ++i)
            if (ends.count(key(line[i]))) line_cuts.push_back({i, 0.0, line[i]});
        std::sort(line_cuts.begin(), line_cuts.end(),
                  [](const Cut& x, const Cut& y) { return std::tie(x.index, x.t) < std::tie(y.index, y.t); });
        Polyline piece{line.front()};
        std::size_t next_cut = 0;
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
            for (; next_cut < line_cuts.size() && line_cuts[next_cut].index == i; ++next_cut) {
                const Point at = line_cuts[next_cut].point;
                if (!(piece.back() == at)) piece.push_back(at);
                add_edge(piece, kinds[l]);
                piece = {at};
            }
            if (!(piece.back() == line[i + 1])) piece.push_back(line[i + 1]);
        }
        add_edge(std::move(piece), kinds[l]);
    }

    graph.incident.resize(graph.nodes.size());
    for (std::size_t e = 0; e < graph.edges.size(); ++e) {
        graph.incident[graph.edges[e].from].push_back(e);
        if (graph.edges[e].to != graph.edges[e].from) graph.incident[graph.edges[e].to].push_back(e);
    }
    return graph;
}

}  // namespace geo::sample
