#include "libgeo/render/words.hpp"

#include "libgeo/export/contract.hpp"
#include "libgeo/core/categories.hpp"

#include <array>
#include <string>
#include <utility>

namespace geo::render {

std::optional<Lang> parse_lang(std::string_view text)
{
    std::string t(trim(text));
    for (auto& ch : t) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    if (t == "en" || t == "english" || t == "en-us" || t == "en-gb") return Lang::en;
    if (t == "zh" || t == "zh-cn" || t == "zh-hans" || t == "cn" || t == "chinese" || t == "中文") return Lang::zh;
    return std::nullopt;
}

Words layer_title(std::string_view layer)
{
    static constexpr std::array<std::pair<std::string_view, Words>, 15> titles{{
        {output::layer::villages, {"Villages", "村界"}},
        {output::layer::network, {"Routes to walk", "巡查路线"}},
        {output::layer::sites, {"Sites", "场所"}},
        {output::layer::tracks, {"Walks (GPS tracks)", "巡查轨迹"}},
        {output::layer::issues, {"Problems found", "发现的问题"}},
        {output::layer::network_coverage, {"Route coverage", "路线覆盖"}},
        {output::layer::uncovered, {"Dead corners", "死角"}},
        {output::layer::site_coverage, {"Sites walked round", "场所巡查"}},
        {output::layer::village_coverage, {"Village coverage", "村庄覆盖"}},
        {output::layer::blind_areas, {"Blind areas", "盲区"}},
        {output::layer::hotspot_cells, {"Problems compared with chance (Gi*)", "问题与随机相比（Gi*）"}},
        {"hotspot_cells_rate", {"Problems per km walked compared with chance (Gi*)", "每巡查公里问题与随机相比（Gi*）"}},
        {output::layer::hotspot_zones, {"Hotspot zones", "热点区域"}},
        {output::layer::emerging_hotspots, {"Emerging hot spots", "新兴热点"}},
        {output::layer::rebounds, {"Rebounds", "反弹"}},
    }};
    for (const auto& [name, words] : titles)
        if (name == layer) return words;
    return {layer, layer};
}

}  // namespace geo::render
