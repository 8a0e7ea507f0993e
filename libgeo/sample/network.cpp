// Roads, rivers and ditches of the sample town. Every line that ends on another line ends on one of its vertices
// (insert_vertex), so the network is connected exactly, without snapping tolerances, in any CRS it is written in.
#include "libgeo/core/error.hpp"
#include "libgeo/sample/random.hpp"
#include "libgeo/sample/town.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace geo::sample {

namespace {

// Clips a line that crosses the whole town to the outline; a ragged outline can cut off a sliver, keep the main part.
Polyline clip_to_outline(const GeosContext& ctx, const Town& town, const Polyline& line)
{
    GeomPtr outline = to_geos(ctx, town.outline);
    GeomPtr geom = to_geos(ctx, line);
    GeomPtr inside = own(ctx, GEOSIntersection_r(ctx, geom.get(), outline.get()), "clip to outline");
    GeomPtr merged = own(ctx, GEOSLineMerge_r(ctx, inside.get()), "line merge");
    Polyline best;
    for (Polyline& part : lines_from_geos(ctx, merged.get()))
        if (length(part) > length(best)) best = std::move(part);
    if (best.size() < 2) throw Error("sample town: a main line missed the outline");
    return best;
}

// Cuts a line that starts inside the town at its last vertex before it leaves, keeping the start exact.
Polyline truncate_inside(const Town& town, Polyline line)
{
    for (std::size_t i = 1; i < line.size(); ++i)
        if (!contains(town.outline.outer, line[i])) {
            line.resize(i);
            break;
        }
    return line;
}

Point unit(double angle) { return {std::cos(angle), std::sin(angle)}; }
Point offset(Point p, Point dir, double d) { return {p.x + d * dir.x, p.y + d * dir.y}; }

// A point on one of the town's roads, by index: roads are added while targets are held, so no pointers.
struct Target {
    std::size_t road = 0;
    Projection at;
};

// The nearest point on the first `count` roads of the town.
Target nearest(const Town& town, std::size_t count, Point p)
{
    Target best;
    best.at.distance = std::numeric_limits<double>::infinity();
    for (std::size_t r = 0; r < count; ++r) {
        Projection at = project(town.roads[r].line, p);
        if (at.distance < best.at.distance) best = {r, at};
    }
    return best;
}

void add_main_road(const GeosContext& ctx, Town& town, std::string name, RoadClass c, Point a, Point b,
                   double amplitude, Random& random)
{
    town.roads.push_back({std::move(name), c, clip_to_outline(ctx, town, wiggle(a, b, amplitude, 300.0, random))});
}

}  // namespace

void add_main_roads(const GeosContext& ctx, Town& town, Random& random)
{
    // S213 runs south-west to north-east; the named roads form a rough cross that it cuts, so the four are connected.
    const double hy = random.uniform(-1200.0, 1200.0);
    add_main_road(ctx, town, "S213省道", RoadClass::highway, {-9500.0, -7200.0 + hy}, {9500.0, 6800.0 + hy}, 500.0,
                  random);
    const double gy = random.uniform(-1600.0, -400.0);
    add_main_road(ctx, town, "甘浚路", RoadClass::named_road, {-9000.0, gy}, {9000.0, gy + random.uniform(-400, 400)},
                  150.0, random);
    const double sx = random.uniform(700.0, 2200.0);
    add_main_road(ctx, town, "星光路", RoadClass::named_road, {sx, -9000.0}, {sx + random.uniform(-500, 500), 9000.0},
                  150.0, random);
    const double xy = random.uniform(1800.0, 2800.0);
    add_main_road(ctx, town, "西洞路", RoadClass::named_road, {-9000.0, xy}, {3000.0, xy + random.uniform(-300, 300)},
                  120.0, random);
}

void add_village_roads(const GeosContext& ctx, Town& town, Random& random)
{
    std::vector<Point> centres;
    for (const Village& v : town.villages) centres.push_back(v.centre);
    auto nearest_village = [&](Point p) { return village_at(town, p); };

    // Village roads follow the Delaunay edges between centres (the short ones: hull edges cut across the fields).
    GeomPtr points = to_geos_points(ctx, centres);
    GeomPtr edges = own(ctx, GEOSDelaunayTriangulation_r(ctx, points.get(), 0.0, 1), "Delaunay triangulation");
    for (const Polyline& edge : lines_from_geos(ctx, edges.get())) {
        const std::size_t a = nearest_village(edge.front()), b = nearest_village(edge.back());
        const double len = distance(centres[a], centres[b]);
        if (len > 5200.0) continue;
        town.roads.push_back({town.villages[a].name + "至" + town.villages[b].name + "村道", RoadClass::village_road,
                              wiggle(centres[a], centres[b], std::min(160.0, 0.05 * len), 250.0, random)});
    }

    // Every village near a main road gets a link road ending on a vertex of it; the closest village always does.
    constexpr std::size_t main_roads = 4;
    std::vector<std::pair<std::size_t, Target>> links;
    std::size_t closest = 0;
    for (std::size_t v = 0; v < centres.size(); ++v) {
        links.emplace_back(v, nearest(town, main_roads, centres[v]));
        if (links[v].second.at.distance < links[closest].second.at.distance) closest = v;
    }
    for (auto& [v, target] : links) {
        if (target.at.distance < 1.0 || (target.at.distance > 1800.0 && v != closest)) continue;
        // Projections onto one road stay valid while vertices are inserted elsewhere on it: the segment index may
        // shift, so project again.
        const Target fresh = nearest(town, main_roads, centres[v]);
        const Point end = insert_vertex(town.roads[fresh.road].line, fresh.at);
        town.roads.push_back({town.villages[v].name + "连接道", RoadClass::village_road,
                              wiggle(centres[v], end, std::min(60.0, 0.05 * target.at.distance), 200.0, random)});
    }

    // Field roads (机耕路) run out from each village into its fields; those that come close to another road join it.
    constexpr std::array<std::string_view, 3> numbers{"一", "二", "三"};
    for (std::size_t v = 0; v < centres.size(); ++v) {
        const int spokes = random.uniform_int(2, 3);
        for (int s = 0; s < spokes; ++s) {
            const double angle = random.uniform(0.0, 2.0 * std::numbers::pi);
            const double len = random.uniform(1200.0, 2200.0);
            Polyline line = truncate_inside(
                town, wiggle(centres[v], offset(centres[v], unit(angle), len), 40.0, 200.0, random));
            if (length(line) < 400.0) continue;
            const Target target = nearest(town, town.roads.size(), line.back());
            if (target.at.distance < 250.0 && target.at.distance > 1.0)
                line.push_back(insert_vertex(town.roads[target.road].line, target.at));
            town.roads.push_back({town.villages[v].name + "机耕路" + std::string(numbers[static_cast<std::size_t>(s)]),
                                  RoadClass::field_road, std::move(line)});
        }
    }
}

void add_waters(const GeosContext& ctx, Town& town, Random& random)
{
    // A branch of the Hei He meanders west to east across the north of the town.
    const double y0 = random.uniform(3900.0, 4700.0), y1 = random.uniform(3900.0, 4700.0);
    const double phase1 = random.uniform(0.0, 6.3), phase2 = random.uniform(0.0, 6.3);
    Polyline river;
    for (double x = -9500.0; x <= 9500.0; x += 100.0) {
        const double t = (x + 9500.0) / 19000.0;
        river.push_back({x, y0 + t * (y1 - y0) + 450.0 * std::sin(2 * std::numbers::pi * x / 3200.0 + phase1) +
                                120.0 * std::sin(2 * std::numbers::pi * x / 1100.0 + phase2)});
    }
    town.waters.push_back({"黑河", WaterKind::river, clip_to_outline(ctx, town, river)});

    // Main canals (干渠) leave the river southwards; branch canals (支渠) leave the main canals sideways.
    constexpr std::array<std::string_view, 3> main_names{"西干", "甘浚", "东干"};
    constexpr std::array<std::string_view, 10> numbers{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    for (std::size_t m = 0; m < main_names.size(); ++m) {
        Polyline& river_line = town.waters.front().line;
        const double along = length(river_line) * (0.2 + 0.3 * static_cast<double>(m) + random.uniform(-0.06, 0.06));
        const Point start = insert_vertex(river_line, project(river_line, point_along(river_line, along)));
        const double angle = -std::numbers::pi / 2 + random.uniform(-0.35, 0.35);
        Polyline line = wiggle(start, offset(start, unit(angle), random.uniform(5000.0, 8000.0)), 90.0, 250.0, random);
        town.waters.push_back({std::string(main_names[m]) + "干渠", WaterKind::ditch, truncate_inside(town, line)});
    }
    const int branches = random.uniform_int(6, 10);
    std::array<int, 3> counts{};
    for (int b = 0; b < branches; ++b) {
        const std::size_t m = 1 + random.index(3);
        Polyline& canal = town.waters[m].line;
        const double along = length(canal) * random.uniform(0.25, 0.85);
        const Point start = insert_vertex(canal, project(canal, point_along(canal, along)));
        const Point dir = direction_along(canal, along);
        const double side = random.chance(0.5) ? 1.0 : -1.0;
        const double angle = std::atan2(side * dir.x, -side * dir.y) + random.uniform(-0.25, 0.25);
        Polyline line = wiggle(start, offset(start, unit(angle), random.uniform(1500.0, 3000.0)), 50.0, 200.0, random);
        line = truncate_inside(town, line);
        if (length(line) < 300.0) continue;
        const auto n = static_cast<std::size_t>(counts[m - 1]++);
        town.waters.push_back({std::string(main_names[m - 1]) + std::string(numbers[n]) + "支渠", WaterKind::ditch,
                               std::move(line)});
    }
}

}  // namespace geo::sample
