#include "libgeo/route/instructions.hpp"

#include "libgeo/core/number_text.hpp"

#include <array>
#include <cmath>
#include <numbers>

namespace geo::route {

namespace {

struct Compass {
    std::string_view en, zh;
};
// Counter-clockwise from east, as atan2 counts.
constexpr std::array<Compass, 8> compass{{{"east", "东"}, {"northeast", "东北"}, {"north", "北"}, {"northwest", "西北"},
                                          {"west", "西"}, {"southwest", "西南"}, {"south", "南"}, {"southeast", "东南"}}};

const Compass& heading(const Point& from, const Point& to)
{
    const double angle = std::atan2(to.y() - from.y(), to.x() - from.x());
    const auto sector = static_cast<long>(std::lround(angle / (std::numbers::pi / 4)));
    return compass[static_cast<std::size_t>((sector % 8 + 8) % 8)];
}

std::string km_text(double metres) { return fixed_text(metres / 1000.0, 1); }

struct Stretch {
    std::string name_en, name_zh;
    bool serves = false;
    Point from, to;
    double length_m = 0;
    double start_m = 0;
};

}  // namespace

std::string line_name(const NetworkLine& line)
{
    for (const char* field : {"name", "NAME", "Name", "名称", "路名", "河名", "渠名"})
        if (const AttributeValue* v = find(line.attributes, field)) {
            std::string text = to_text(*v);
            if (!text.empty()) return text;
        }
    return {};
}

std::vector<RouteStop> turn_instructions(const Campaign& campaign, const WalkGraph& g, const Depot& depot,
                                         const PlanRoute& route)
{
    std::vector<Stretch> stretches;
    double along = 0;
    for (const auto& leg : route.legs) {
        const WalkEdge& e = g.edges[static_cast<std::size_t>(leg.edge)];
        std::string name_en, name_zh;
        if (e.site >= 0) {
            const std::string& site = campaign.sites[static_cast<std::size_t>(e.site)].name;
            name_en = e.connector ? "the way to " + site : "the outline of " + site;
            name_zh = e.connector ? "通往" + site + "的小路" : site + "外围";
        } else {
            const NetworkLine& line = (e.access ? campaign.access : campaign.network)[static_cast<std::size_t>(e.line)];
            const std::string name = line_name(line);
            name_en = name.empty() ? "the " + std::string(info(e.category).label_en) : name;
            name_zh = name.empty() ? std::string(info(e.category).label_zh) : name;
        }
        const Point from = leg.forward ? e.geometry.front() : e.geometry.back();
        const Point to = leg.forward ? e.geometry.back() : e.geometry.front();
        if (!stretches.empty() && stretches.back().name_zh == name_zh && stretches.back().serves == leg.serves) {
            stretches.back().to = to;
            stretches.back().length_m += e.length_m;
        } else {
            stretches.push_back({std::move(name_en), std::move(name_zh), leg.serves, from, to, e.length_m, along});
        }
        along += e.length_m;
    }
    std::vector<RouteStop> stops;
    const Point home = g.nodes[static_cast<std::size_t>(depot.node)];
    stops.push_back({1, home, "从" + depot.name + "出发", "start at " + depot.name, 0});
    for (const auto& s : stretches) {
        const Compass& c = heading(s.from, s.to);
        const std::string km = km_text(s.length_m);
        stops.push_back({static_cast<int>(stops.size()) + 1, s.from,
                         "沿" + s.name_zh + "向" + std::string(c.zh) + "走 " + km + " 公里，" + (s.serves ? "巡查" : "前往"),
                         "follow " + s.name_en + " " + std::string(c.en) + " " + km + " km, " +
                             (s.serves ? "inspect" : "walk on"),
                         s.start_m});
    }
    stops.push_back({static_cast<int>(stops.size()) + 1, home, "回到" + depot.name + "，共 " + km_text(route.total_m) + " 公里",
                     "back at " + depot.name + ", " + km_text(route.total_m) + " km in all", route.total_m});
    return stops;
}

}  // namespace geo::route
