#include "coverage_table.hpp"

#include "text_table.hpp"

#include "libgeo/core/number_text.hpp"


namespace geowalk {

namespace {

std::string percent(double ratio) { return geo::fixed_text(100.0 * ratio, 0); }

// Short column heads: the Chinese labels are long, the codes are what files use.
const char* short_head(geo::Category c)
{
    switch (c) {
    case geo::Category::highway_shoulder: return "路肩(国省)";
    case geo::Category::village_road: return "村道";
    case geo::Category::house_surroundings: return "房前屋后";
    case geo::Category::river_ditch: return "河渠沟";
    case geo::Category::field_ridge: return "田埂";
    case geo::Category::farm_wasteland_edge: return "养殖荒地";
    case geo::Category::residential_yard: return "住宅院落";
    case geo::Category::school_clinic: return "学校卫生院";
    case geo::Category::mine_perimeter: return "矿山";
    case geo::Category::construction_site: return "工地";
    }
    return "?";
}

// A county's thousand villages do not belong on a terminal: the first ones, then where the rest are.
constexpr std::size_t terminal_villages = 40;

}  // namespace

std::string coverage_matrix(const geo::Campaign& c, const geo::coverage::CoverageResult& r)
{
    std::vector<std::string> header{"village 村"};
    for (const auto& cat : geo::all_categories()) header.push_back(short_head(cat.category));
    header.push_back("area 面积%");
    TextTable table(header);
    std::array<geo::coverage::WalkFigures, geo::category_count> totals{};
    for (std::size_t v = 0; v < c.villages.size(); ++v) {
        const auto& vc = r.villages[v];
        std::vector<std::string> row{c.villages[v].name};
        for (std::size_t k = 0; k < vc.cells.size(); ++k) {
            const auto& cell = vc.cells[k];
            row.push_back(cell.empty() ? "-" : percent(cell.ratio()));
            totals[k].length_m += cell.length_m;
            totals[k].covered_m += cell.covered_m;
            totals[k].sites += cell.sites;
            totals[k].visited += cell.visited;
            totals[k].site_ratio_sum += cell.site_ratio_sum;
        }
        row.push_back(vc.area_m2 > 0 ? percent(vc.walked_area_m2 / vc.area_m2) : "-");
        if (v < terminal_villages) table.add(row);
    }
    if (c.villages.size() > terminal_villages)
        table.add({"… " + std::to_string(c.villages.size() - terminal_villages) + " more"});
    std::vector<std::string> total_row{"all 全镇"};
    for (const auto& cell : totals) total_row.push_back(cell.empty() ? "-" : percent(cell.ratio()));
    double area = 0, walked = 0;
    for (const auto& vc : r.villages) {
        area += vc.area_m2;
        walked += vc.walked_area_m2;
    }
    total_row.push_back(area > 0 ? percent(walked / area) : "-");
    table.add(total_row);

    double dead = 0;
    for (const auto& d : r.dead_corners) dead += d.length_m;
    const double blind = r.blind_area_m2(), required = r.required_area_m2();
    const std::string land = r.options.reach_m() > 0
                                 ? "within " + geo::fixed_text(r.options.reach_m(), 0) + " m of routes and sites"
                                 : "all village land";
    int visited = 0;
    for (const auto& s : r.sites) visited += s.visited ? 1 : 0;
    using geo::fixed_text;
    const double covered_percent = r.network_length() > 0 ? 100.0 * r.network_covered() / r.network_length() : 0.0;
    const std::string line = "\nNetwork: " + fixed_text(r.network_covered() / 1000.0, 1) + " of " +
                             fixed_text(r.network_length() / 1000.0, 1) + " km covered (" + fixed_text(covered_percent, 1) +
                             "%). Dead corners: " + std::to_string(r.dead_corners.size()) + " stretches, " +
                             fixed_text(dead / 1000.0, 1) + " km (>= " + fixed_text(r.options.min_dead_corner_m, 0) +
                             " m). Sites visited: " + std::to_string(visited) + " of " + std::to_string(r.sites.size()) +
                             ". Blind area (land to walk, " + land + ", > " + fixed_text(r.options.blind_beyond_m, 0) +
                             " m from any walk): " + fixed_text(blind / 1e6, 2) + " km2, " +
                             (r.blind_share() ? fixed_text(100.0 * *r.blind_share(), 1) : std::string("-")) + "% of " +
                             fixed_text(required / 1e6, 2) + " km2 to walk.\n";
    const std::string rest = c.villages.size() > terminal_villages
                                 ? "Every village's row: the village_matrix layer of geowalk.gpkg and summary.json "
                                   "(coverage.by_village).\n"
                                 : "";
    return "Ten-walk coverage matrix (percent of each walk covered within sight; sites: mean share of outline walked):\n" +
           table.render() + line + rest;
}

}  // namespace geowalk
