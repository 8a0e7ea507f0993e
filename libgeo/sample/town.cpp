#include "libgeo/sample/town.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/sample/random.hpp"

#include <array>
#include <cmath>
#include <limits>

namespace geo::sample {

namespace {

struct VillageName {
    std::string_view name;
    std::string_view name_en;
    std::string_view cadre;
};

// Real village names of Ganjun town; the officials are invented.
constexpr std::array<VillageName, 12> k_villages{{
    {"毛家寺村", "Maojiasi", "罗春梅"},
    {"西洞村", "Xidong", "陈国栋"},
    {"中沟村", "Zhonggou", "张玉兰"},
    {"巴吉滩村", "Bajitan", "李发财"},
    {"工联村", "Gonglian", "郭振华"},
    {"高家庄村", "Gaojiazhuang", "赵志刚"},
    {"甘浚村", "Ganjun", "马建国"},
    {"星光村", "Xingguang", "王永红"},
    {"光明村", "Guangming", "刘秀珍"},
    {"速展村", "Suzhan", "杨德明"},
    {"晨光村", "Chenguang", "何文斌"},
    {"东五村", "Dongwu", "孙桂英"},
}};

// The town is about 12 km east-west by 12.5 km north-south.
constexpr double k_half_width = 6000.0;
constexpr double k_half_height = 6250.0;

Polygon make_outline(Random& random)
{
    // Walk round a rectangle, six points a side, each pushed in or out: a township boundary drawn along fields
    // and ditches is ragged but not deeply concave, so the main roads cross it once.
    const std::array<Point, 5> corners{{{-k_half_width, -k_half_height},
                                         {k_half_width, -k_half_height},
                                         {k_half_width, k_half_height},
                                         {-k_half_width, k_half_height},
                                         {-k_half_width, -k_half_height}}};
    Ring ring;
    for (std::size_t side = 0; side < 4; ++side) {
        const Point a = corners[side], b = corners[side + 1];
        const double len = distance(a, b);
        const Point outward{(b.y - a.y) / len, -(b.x - a.x) / len};
        for (int k = 0; k < 6; ++k) {
            const double t = (k + (k == 0 ? 0.15 : random.uniform(-0.25, 0.25))) / 6.0;
            const double push = random.uniform(-320.0, 320.0);
            ring.push_back({a.x + t * (b.x - a.x) + push * outward.x, a.y + t * (b.y - a.y) + push * outward.y});
        }
    }
    ring.push_back(ring.front());
    return Polygon{ring, {}};
}

void make_villages(const GeosContext& ctx, Town& town, const TileSpec& spec, Random& random)
{
    // Seeds on a jittered 4 x 3 grid, so every village gets a fair share of the town.
    std::vector<Point> seeds;
    const double cell_w = 2 * k_half_width / 4, cell_h = 2 * k_half_height / 3;
    for (int row = 0; row < 3; ++row)
        for (int col = 0; col < 4; ++col)
            seeds.push_back({-k_half_width + (col + 0.5 + random.uniform(-0.22, 0.22)) * cell_w,
                             k_half_height - (row + 0.5 + random.uniform(-0.22, 0.22)) * cell_h});

    GeomPtr outline = to_geos(ctx, town.outline);
    GeomPtr points = to_geos_points(ctx, seeds);
    GeomPtr cells = own(ctx, GEOSVoronoiDiagram_r(ctx, points.get(), outline.get(), 0.0, 0), "Voronoi diagram");

    // GEOS 3.11 returns the cells in its own order: match each to the seed it contains.
    std::vector<MultiPolygon> areas(seeds.size());
    const int n = GEOSGetNumGeometries_r(ctx, cells.get());
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* cell = GEOSGetGeometryN_r(ctx, cells.get(), i);
        const MultiPolygon cell_polygons = polygons_from_geos(ctx, cell);
        for (std::size_t s = 0; s < seeds.size(); ++s) {
            if (cell_polygons.empty() || !contains(cell_polygons.front().outer, seeds[s])) continue;
            GeomPtr clipped = own(ctx, GEOSIntersection_r(ctx, cell, outline.get()), "village clip");
            areas[s] = polygons_from_geos(ctx, clipped.get());
        }
    }
    for (std::size_t s = 0; s < seeds.size(); ++s) {
        if (areas[s].empty()) throw Error("sample town: Voronoi cell missing for village " + std::to_string(s));
        char code[32];
        std::snprintf(code, sizeof code, "%03zu", s + 1);
        town.villages.push_back({std::string(k_villages[s].name), std::string(k_villages[s].name_en),
                                 "620702" + spec.township_code + code, std::string(k_villages[s].cadre), seeds[s],
                                 std::move(areas[s])});
    }
}

void choose_unwalked(Town& town, Random& random)
{
    // 毛家寺村, the north-west village, is the one the teams almost never reach.
    town.quiet_village = 0;
    // The dead corner sits just inside a boundary point on the far side of the town.
    const Ring& ring = town.outline.outer;
    const Point edge = ring[ring.size() / 2 + static_cast<std::size_t>(random.uniform_int(0, 4))];
    const double len = std::hypot(edge.x, edge.y);
    town.dead_corner = {edge.x * (1 - 1400.0 / len), edge.y * (1 - 1400.0 / len)};
    town.dead_corner_radius = 1100.0;
}

void apply_suffix(Town& town, const std::string& suffix)
{
    if (suffix.empty()) return;
    for (auto& v : town.villages) {
        v.name += suffix;
        v.name_en += suffix;
    }
    for (auto& r : town.roads) r.name += suffix;
    for (auto& w : town.waters) w.name += suffix;
    for (auto& r : town.ridges) r.name += suffix;
    for (auto& s : town.sites) s.name += suffix;
}

}  // namespace

std::string_view code(RoadClass c)
{
    constexpr std::array<std::string_view, 4> codes{"highway", "named_road", "village_road", "field_road"};
    return codes[static_cast<std::size_t>(c)];
}

std::string_view code(WaterKind k) { return k == WaterKind::river ? "river" : "ditch"; }

std::string_view code(SiteKind k)
{
    constexpr std::array<std::string_view, 8> codes{"settlement", "residential", "school", "clinic",
                                                    "mine",       "construction", "farm",  "wasteland"};
    return codes[static_cast<std::size_t>(k)];
}

std::size_t village_at(const Town& town, Point p)
{
    std::size_t best = 0;
    double best_d = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < town.villages.size(); ++i) {
        const double d = distance(p, town.villages[i].centre);
        if (d < best_d) {
            best_d = d;
            best = i;
        }
    }
    return best;
}

Town generate_town(const GeosContext& ctx, const TileSpec& spec)
{
    // One stream per step: changing how ridges are drawn must not move the villages.
    auto stream = [&](std::uint64_t n) { return Random(derive_seed(spec.seed, n)); };
    Town town;
    town.tile = spec.tile;
    Random outline_random = stream(1);
    town.outline = make_outline(outline_random);
    Random village_random = stream(2);
    make_villages(ctx, town, spec, village_random);
    Random road_random = stream(3);
    add_main_roads(ctx, town, road_random);
    add_village_roads(ctx, town, road_random);
    Random water_random = stream(4);
    add_waters(ctx, town, water_random);
    Random site_random = stream(5);
    add_sites(town, site_random);
    Random ridge_random = stream(6);
    add_ridges(ctx, town, ridge_random);
    Random corner_random = stream(7);
    choose_unwalked(town, corner_random);
    apply_suffix(town, spec.suffix);
    return town;
}

}  // namespace geo::sample
