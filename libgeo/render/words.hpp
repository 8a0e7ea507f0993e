#pragma once
// Every word geowalk prints on maps and report pages, in English and Chinese (`--lang en|zh`). Data keeps its own
// text (village names stay as the files spell them).
#include <optional>
#include <string_view>

namespace geo::render {

enum class Lang { en, zh };

// "en", "zh" (also "zh-CN", "cn", "chinese", "english"); nullopt otherwise.
std::optional<Lang> parse_lang(std::string_view text);

struct Words {
    std::string_view en, zh;
    [[nodiscard]] constexpr std::string_view operator()(Lang lang) const { return lang == Lang::zh ? zh : en; }
};

namespace words {
inline constexpr Words map_overview{"Town overview", "全镇总览"};
inline constexpr Words map_coverage{"Walk coverage and dead corners", "巡查覆盖与死角"};
inline constexpr Words map_hotspots{"Problem hotspots and rebounds", "问题热点与反弹"};
inline constexpr Words map_blind_spots{"Blind spots", "巡查盲区"};
inline constexpr Words map_village{"Walk coverage", "巡查覆盖"};
inline constexpr Words legend{"Legend", "图例"};
inline constexpr Words period{"Period", "时段"};
inline constexpr Words no_dates{"no dates recorded", "无日期记录"};
inline constexpr Words north{"N", "北"};
inline constexpr Words density{"Problem density (kernel)", "问题密度（核密度）"};
inline constexpr Words density_low{"low", "低"};
inline constexpr Words density_high{"high", "高"};
inline constexpr Words walk_distance{"Distance to the nearest walk", "距最近巡查轨迹"};
inline constexpr Words beyond{"beyond", "超过"};
inline constexpr Words within{"within", "以内"};
inline constexpr Words data_note{"Data", "数据"};
inline constexpr Words made_with{"made with geowalk", "geowalk 制图"};
inline constexpr Words coordinates{"Coordinates", "坐标系"};
}  // namespace words

// The legend heading of an output layer ("uncovered" -> "Dead corners" / "死角"); the layer name itself when unknown.
Words layer_title(std::string_view layer);

}  // namespace geo::render
