// Sites of the sample town: settlements, residential quarters, schools, clinics, mines, construction sites, farms
// and wasteland. Sites never overlap each other; each is kept inside the town outline.
#include "libgeo/sample/random.hpp"
#include "libgeo/sample/town.hpp"

#include <array>
#include <cmath>
#include <numbers>

namespace geo::sample {

namespace {

constexpr double two_pi = 2.0 * std::numbers::pi;

class Placer {
public:
    explicit Placer(Town& town) : m_town(town) {}

    // Adds the site when its boundary lies inside the town and its disc (centre, radius) clears every other site.
    bool place(std::string name, SiteKind kind, Point centre, double radius, Ring boundary)
    {
        for (const auto& [c, r] : m_taken)
            if (distance(c, centre) < r + radius) return false;
        const Ring& outline = m_town.outline.outer;
        if (!contains(outline, centre)) return false;
        for (const Point& p : boundary)
            if (!contains(outline, p)) return false;
        m_taken.emplace_back(centre, radius);
        m_town.sites.push_back({std::move(name), kind, centre, std::move(boundary)});
        return true;
    }

    [[nodiscard]] const std::string& village_name(Point p) const { return m_town.villages[village_at(m_town, p)].name; }

private:
    Town& m_town;
    std::vector<std::pair<Point, double>> m_taken;
};

Point around(Point centre, double min_d, double max_d, Random& random)
{
    const double angle = random.uniform(0.0, two_pi);
    const double d = random.uniform(min_d, max_d);
    return {centre.x + d * std::cos(angle), centre.y + d * std::sin(angle)};
}

// Retries a placement a bounded number of times: a crowded tile simply gets one site fewer.
template <typename Attempt>
void try_place(Attempt attempt)
{
    for (int i = 0; i < 40; ++i)
        if (attempt()) return;
}

void add_village_sites(Town& town, Placer& placer, Random& random)
{
    const std::size_t n = town.villages.size();
    for (const Village& v : town.villages) {
        const double r = random.uniform(260.0, 380.0);
        placer.place(v.name + "居民点", SiteKind::settlement, v.centre, 1.25 * r, blob(v.centre, r, 11, random));
    }
    // Residential quarters (小康住宅区) stand a little outside five of the villages.
    for (std::size_t k = 0, first = random.index(n); k < 5; ++k) {
        const Village& v = town.villages[(first + k * 5) % n];
        try_place([&] {
            const Point c = around(v.centre, 550.0, 800.0, random);
            return placer.place(v.name + "小康住宅区", SiteKind::residential, c, 140.0,
                                rectangle(c, 220.0, 160.0, random.uniform(0.0, std::numbers::pi)));
        });
    }
    // Schools: the town's central school, village primary schools, and one teaching point recorded as a point.
    // Villages are taken in a shuffled order so no two schools (or clinics) share a name; 6 is 甘浚村, the seat.
    std::vector<std::size_t> order = random.permutation(n);
    std::erase(order, std::size_t{6});
    const int schools = random.uniform_int(4, 6);
    for (int k = 0; k < schools; ++k) {
        const Village& v = town.villages[k == 0 ? 6 : order[static_cast<std::size_t>(k)]];
        const bool as_point = k == schools - 1;
        try_place([&] {
            const Point c = around(v.centre, 420.0, 650.0, random);
            const std::string name = k == 0 ? "甘浚镇中心学校" : v.name + (as_point ? "教学点" : "小学");
            return placer.place(name, SiteKind::school, c, as_point ? 30.0 : 95.0,
                                as_point ? Ring{} : rectangle(c, 150.0, 100.0, random.uniform(0.0, 3.14)));
        });
    }
    // Clinics: the town health centre as a polygon, village clinics (卫生室) as points.
    order = random.permutation(n);
    std::erase(order, std::size_t{6});
    const int clinics = random.uniform_int(3, 5);
    for (int k = 0; k < clinics; ++k) {
        const Village& v = town.villages[k == 0 ? 6 : order[static_cast<std::size_t>(k)]];
        try_place([&] {
            const Point c = around(v.centre, 380.0, 600.0, random);
            if (k == 0)
                return placer.place("甘浚镇卫生院", SiteKind::clinic, c, 70.0,
                                    rectangle(c, 100.0, 80.0, random.uniform(0.0, 3.14)));
            return placer.place(v.name + "卫生室", SiteKind::clinic, c, 30.0, Ring{});
        });
    }
}

void add_enterprise_sites(Town& town, Placer& placer, Random& random)
{
    // Mines and quarries sit at the edge of the town, on the gravel fans.
    constexpr std::array<std::string_view, 3> mines{"甘浚砂石料场", "巴吉滩砂砾石矿", "西洞采石场"};
    const int mine_count = random.uniform_int(2, 3);
    for (int k = 0; k < mine_count; ++k)
        try_place([&] {
            const Ring& ring = town.outline.outer;
            const Point edge = ring[random.index(ring.size() - 1)];
            const double len = std::hypot(edge.x, edge.y);
            const Point c{edge.x * (1 - 650.0 / len), edge.y * (1 - 650.0 / len)};
            const double r = random.uniform(260.0, 360.0);
            return placer.place(std::string(mines[static_cast<std::size_t>(k)]), SiteKind::mine, c, 1.25 * r,
                                blob(c, r, 9, random));
        });

    // Construction sites line the main roads.
    constexpr std::array<std::string_view, 5> works{"S213改扩建工程", "甘浚路排水工程", "安置房工地", "敬老院工地",
                                                    "文化广场工地"};
    const int work_count = random.uniform_int(3, 5);
    for (int k = 0; k < work_count; ++k)
        try_place([&] {
            const Polyline& road = town.roads[random.index(4)].line;
            const double along = length(road) * random.uniform(0.15, 0.85);
            const Point dir = direction_along(road, along), on = point_along(road, along);
            const double side = random.chance(0.5) ? 200.0 : -200.0;
            const Point c{on.x - side * dir.y, on.y + side * dir.x};
            const double w = random.uniform(150.0, 300.0), h = random.uniform(120.0, 200.0);
            std::string name(works[static_cast<std::size_t>(k)]);
            if (k >= 2) name = placer.village_name(c) + name;
            return placer.place(std::move(name), SiteKind::construction, c, 0.6 * std::hypot(w, h),
                                rectangle(c, w, h, std::atan2(dir.y, dir.x)));
        });

    // Livestock farms and facility agriculture out in the fields, and patches of wasteland (荒滩).
    constexpr std::array<std::string_view, 7> farms{"肉牛养殖场", "生猪养殖场", "奶牛养殖小区", "日光温室园区",
                                                    "蔬菜大棚基地", "蛋鸡养殖场", "肉羊养殖场"};
    const int farm_count = random.uniform_int(10, 15);
    for (int k = 0; k < farm_count; ++k) {
        const bool waste = k % 3 == 2;
        try_place([&] {
            const Point c{random.uniform(-5800.0, 5800.0), random.uniform(-6000.0, 6000.0)};
            if (distance(c, town.villages[village_at(town, c)].centre) < 700.0) return false;
            if (waste) {
                const double r = random.uniform(250.0, 420.0);
                return placer.place(placer.village_name(c) + "荒滩", SiteKind::wasteland, c, 1.25 * r,
                                    blob(c, r, 10, random));
            }
            const double w = random.uniform(150.0, 350.0), h = random.uniform(100.0, 250.0);
            // Drawn one per statement: the order of evaluation of function arguments is unspecified (GCC and clang
            // differ), so two draws in one call gave another town with each compiler. This is GCC's order, the one
            // data/sample/ was generated with.
            const double angle = random.uniform(-0.3, 0.3);
            const std::size_t farm = random.index(farms.size());
            return placer.place(placer.village_name(c) + std::string(farms[farm]), SiteKind::farm, c,
                                0.6 * std::hypot(w, h), rectangle(c, w, h, angle));
        });
    }
}

}  // namespace

void add_sites(Town& town, Random& random)
{
    Placer placer(town);
    add_village_sites(town, placer, random);
    add_enterprise_sites(town, placer, random);
}

}  // namespace geo::sample
