#include "libgeo/route/depots.hpp"

#include "libgeo/crs/local_crs.hpp"

#include <boost/geometry/algorithms/centroid.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <charconv>
#include <cmath>
#include <limits>

namespace geo::route {

namespace {

namespace bgi = boost::geometry::index;

// Names of a village committee's office: a site so named is its village's depot.
bool is_committee(std::string_view name)
{
    for (std::string_view word : {"村委", "委员会", "村部", "committee", "Committee"})
        if (name.find(word) != std::string_view::npos) return true;
    return false;
}

Point site_point(const Site& s)
{
    if (s.point) return *s.point;
    Point c;
    bg::centroid(s.area, c);
    return c;
}

// Snaps to the nearest node, among those `allowed` says may be used (all when empty).
class NodeFinder {
public:
    explicit NodeFinder(const WalkGraph& g) : m_graph(g)
    {
        std::vector<std::pair<Point, int>> entries;
        entries.reserve(g.nodes.size());
        for (int i = 0; i < static_cast<int>(g.nodes.size()); ++i) entries.emplace_back(g.nodes[static_cast<std::size_t>(i)], i);
        m_tree = Tree(entries.begin(), entries.end());
    }
    // Nearest node, preferring one on an edge of `village` when given (a village's depot serves its own roads).
    [[nodiscard]] std::pair<int, double> nearest(const Point& p, int village = -1) const
    {
        int best = -1;
        double best_d = std::numeric_limits<double>::infinity();
        for (auto it = m_tree.qbegin(bgi::nearest(p, village < 0 ? 1 : 64)); it != m_tree.qend(); ++it) {
            if (village >= 0 && !touches_village(it->second, village)) continue;
            const double d = bg::distance(p, it->first);
            if (d < best_d) best_d = d, best = it->second;
        }
        if (best < 0 && village >= 0) return nearest(p);
        return {best, best_d};
    }

private:
    [[nodiscard]] bool touches_village(int node, int village) const
    {
        for (int e : m_graph.arcs.incident(node))
            if (m_graph.edges[static_cast<std::size_t>(e)].village == village) return true;
        return false;
    }
    using Tree = bgi::rtree<std::pair<Point, int>, bgi::rstar<16>>;
    const WalkGraph& m_graph;
    Tree m_tree;
};

std::optional<Point> parse_point(std::string_view text)
{
    const auto comma = text.find(',');
    if (comma == std::string_view::npos) return std::nullopt;
    double x = 0, y = 0;
    const std::string_view xs = trim(text.substr(0, comma)), ys = trim(text.substr(comma + 1));
    const auto rx = std::from_chars(xs.data(), xs.data() + xs.size(), x);
    const auto ry = std::from_chars(ys.data(), ys.data() + ys.size(), y);
    if (rx.ec != std::errc() || ry.ec != std::errc() || rx.ptr != xs.data() + xs.size() || ry.ptr != ys.data() + ys.size())
        return std::nullopt;
    return Point(x, y);
}

Depot snapped(const NodeFinder& finder, std::string name, const Point& at, int village = -1)
{
    const auto [node, d] = finder.nearest(at, village);
    return {std::move(name), at, node, d, village};
}

}  // namespace

std::vector<Depot> resolve_depots(const Campaign& c, const WalkGraph& g, const PlanOptions& o)
{
    std::vector<Depot> depots;
    if (g.nodes.empty()) return depots;
    const NodeFinder finder(g);
    if (o.depot == "village") {
        std::vector<char> has_network(c.villages.size(), 0);
        for (const auto& e : g.edges)
            if (e.village >= 0) has_network[static_cast<std::size_t>(e.village)] = 1;
        for (std::size_t v = 0; v < c.villages.size(); ++v) {
            if (!has_network[v]) continue;
            const Village& village = c.villages[v];
            const Site* committee = nullptr;
            for (const auto& s : c.sites)
                if (is_committee(s.name) && bg::within(site_point(s), village.area)) {
                    committee = &s;
                    break;
                }
            Point at;
            if (committee) at = site_point(*committee);
            else bg::centroid(village.area, at);
            depots.push_back(snapped(finder, committee ? committee->name : village.name, at, static_cast<int>(v)));
        }
        return depots;
    }
    if (o.depot.starts_with("site:")) {
        const std::string name(trim(std::string_view(o.depot).substr(5)));
        for (const auto& s : c.sites)
            if (s.name == name) return {snapped(finder, s.name, site_point(s))};
        std::string known;
        for (const auto& s : c.sites)
            if (!s.name.empty() && known.find(s.name) == std::string::npos) known += (known.empty() ? "" : ", ") + s.name;
        throw InputError("depot site \"" + name + "\" is not among the campaign's sites", {},
                         known.empty() ? "the campaign has no named sites: give the depot as X,Y"
                                       : "sites there are: " + known);
    }
    auto point = parse_point(o.depot);
    if (!point)
        throw UsageError("[plan] depot / --depot: \"" + o.depot + "\" is not a depot", {},
                         "use village, site:NAME, or X,Y (campaign CRS; lon,lat with --depot-wgs84)");
    if (o.depot_wgs84) {
        double x = point->x(), y = point->y();
        if (!crs::Transformer("EPSG:4326", c.crs.wkt).transform(x, y))
            throw UsageError("--depot " + o.depot + " is not a longitude,latitude PROJ can place", {},
                             "give longitude first, then latitude, in degrees");
        point = Point(x, y);
    }
    return {snapped(finder, o.depot, *point)};
}

}  // namespace geo::route
