#include "libgeo/qgis/layer_names.hpp"

#include "libgeo/export/contract.hpp"

#include <array>
#include <utility>

namespace geo::qgis {

LayerName layer_name(std::string_view layer)
{
    static constexpr std::array<std::pair<std::string_view, LayerName>, 24> names{{
        {output::layer::villages, {"Villages", "村界"}},
        {output::layer::network, {"Routes to walk", "巡查路线"}},
        {output::layer::sites, {"Sites", "场所"}},
        {output::layer::tracks, {"Walks (GPS tracks)", "巡查轨迹"}},
        {output::layer::issues, {"Problems found", "发现的问题"}},
        {output::layer::rejects, {"Rejected input rows", "未采用的输入数据"}},
        {output::layer::network_coverage, {"Route coverage", "路线覆盖"}},
        {output::layer::uncovered, {"Dead corners", "死角"}},
        {output::layer::site_coverage, {"Sites walked round", "场所巡查"}},
        {output::layer::village_coverage, {"Village coverage", "村庄覆盖"}},
        {output::layer::village_matrix, {"Village coverage by walk", "分村十走覆盖"}},
        {output::layer::blind_areas, {"Blind areas", "盲区"}},
        {output::layer::hotspot_cells, {"Problems compared with chance (Gi*)", "问题与随机相比（Gi*）"}},
        {"hotspot_cells_rate", {"Problems per km walked compared with chance (Gi*)", "每巡查公里问题与随机相比（Gi*）"}},
        {output::layer::hotspot_zones, {"Hotspot zones", "热点区域"}},
        {output::layer::emerging_hotspots, {"Emerging hot spots", "新兴热点"}},
        {output::layer::rebounds, {"Rebounds", "反弹"}},
        {output::layer::gi_features, {"Gi* input features", "Gi* 输入要素"}},
        {output::layer::routes, {"Walk plan (team-days)", "巡查计划（分组分天）"}},
        {output::layer::route_stops, {"Turn points", "转向点"}},
        {output::layer::plan_required, {"To walk next", "待巡查路段"}},
        {output::layer::plan_unreachable, {"Cannot be reached", "无法到达的路段"}},
        {"walk_distance", {"Distance to the nearest walk", "距最近巡查轨迹"}},
        {"density", {"Problem density (kernel)", "问题密度（核密度）"}},
    }};
    for (const auto& [name, words] : names)
        if (name == layer) return words;
    return {layer, layer};
}

std::string layer_display_name(std::string_view layer, const std::string& lang)
{
    return std::string(lang == "zh" ? layer_name(layer).zh : layer);
}

}  // namespace geo::qgis
