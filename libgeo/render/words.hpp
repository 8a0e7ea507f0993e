#pragma once
// Every word geowalk prints on maps and report pages, in English and Chinese (`--lang en|zh`). Data keeps its own
// text (village names stay as the files spell them).
#include <optional>
#include <string>
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
inline constexpr Words map_hotspots_rate{"Problem hotspots per walked km", "每巡查公里问题热点"};
inline constexpr Words map_blind_spots{"Blind spots", "巡查盲区"};
inline constexpr Words map_plan{"Next walks: routes by team and day", "下一轮巡查：分组分天路线"};
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
// The report (report.pdf)
inline constexpr Words report_title{"Inspection campaign report", "巡查工作报告"};
inline constexpr Words report_headline{"Headline figures", "主要指标"};
inline constexpr Words report_maps{"Maps", "专题地图"};
inline constexpr Words village_maps_left_out{
    "Not every village's coverage map is printed here: by default villages get maps of their own only in a town of "
    "few villages. geowalk render DIR --village-maps NAMES draws those you name (names or codes, "
    "comma-separated) into maps/, --village-maps all every one; geowalk report DIR with the same flag prints them.",
    "本报告未附全部村庄的覆盖图：默认仅在村庄不多时逐村出图。geowalk render DIR --village-maps 村名 可按村名或编号"
    "（逗号分隔）出图到 maps 文件夹，--village-maps all 出全部村图；geowalk report DIR 加同一参数可将其附入报告。"};
inline constexpr Words report_matrix{"The ten walks by village", "十走覆盖率（分村）"};
inline constexpr Words report_dead_corners{"Longest dead corners", "主要巡查死角"};
inline constexpr Words report_hotspots{"Problem hotspots", "问题热点"};
inline constexpr Words continued{"continued", "续"};
inline constexpr Words page{"Page", "第"};
inline constexpr Words page_of{"of", "页，共"};
inline constexpr Words page_end{"", "页"};
inline constexpr Words as_of{"as of", "截至"};
inline constexpr Words last_record{"the last record of the campaign", "活动最后一条记录"};
inline constexpr Words network_covered{"Network walked", "路网覆盖率"};
inline constexpr Words of_km{"of", "总长"};
inline constexpr Words sites_visited{"Sites visited", "点位到访"};
inline constexpr Words dead_corners{"Dead corners", "巡查死角"};
inline constexpr Words blind_area{"Blind area", "巡查盲区面积"};
inline constexpr Words issues_found{"Issues found", "发现问题"};
inline constexpr Words rectified{"Rectified", "已整改"};
inline constexpr Words accepted{"Accepted", "验收合格"};
inline constexpr Words overdue{"Overdue", "逾期未整改"};
inline constexpr Words rebounds{"Rebounds", "问题反弹"};
// Page 1's figures with what they count or are a share of; {R}, {D}, {P}, {A}, {N}, {M} are filled in by
// report_pages.cpp (with_values). The two rebound figures are named apart: they answer different questions.
inline constexpr Words found_again{"Found again within {R} m", "验收后 {R} 米内再发现"};
inline constexpr Words found_again_note{"≥ {D} days after acceptance", "验收 {D} 天及以后"};
inline constexpr Words marked_rebounded{"Marked rebounded", "台账登记为反弹"};
inline constexpr Words marked_rebounded_note{"in the register (status rebounded)", "整改台账状态为“反弹”"};
inline constexpr Words sites_share_note{"{P} of the sites", "{P} 的点位已到访"};
inline constexpr Words blind_share_note{"{P} of {A} km² to walk", "占应巡面积 {A} km² 的 {P}"};
inline constexpr Words note_blind{
    "Blind area: land to walk (within {R} m of a route or site) farther than {B} m from every track.",
    "巡查盲区：应巡范围（路线和点位 {R} 米以内）中距所有轨迹超过 {B} 米的土地。"};
inline constexpr Words note_blind_all{"Blind area: village land farther than {B} m from every track.",
                                      "巡查盲区：村域中距所有轨迹超过 {B} 米的土地。"};
inline constexpr Words sites_visited_cell{"{N} / {M} visited ({P})", "{N} / {M} 处已到访（{P}）"};
inline constexpr Words outline_cell{"outline {P}", "外圈 {P}"};
inline constexpr Words share_col{"Share", "比例"};
inline constexpr Words coverage_by_walk{"Coverage by walk type", "分类巡查覆盖"};
inline constexpr Words walk{"Walk", "巡查类别"};
inline constexpr Words extent{"Extent", "总量"};
inline constexpr Words walked{"Walked", "已巡查"};
inline constexpr Words covered_pct{"Covered", "覆盖率"};
inline constexpr Words km{"km", "公里"};
inline constexpr Words metres{"m", "米"};
inline constexpr Words sites_unit{"sites", "处"};
inline constexpr Words visited_unit{"visited", "处已到访"};
inline constexpr Words issues_by_status{"Issues by status", "问题整改状态"};
inline constexpr Words status{"Status", "状态"};
inline constexpr Words count{"Count", "数量"};
inline constexpr Words share{"Share", "占比"};
inline constexpr Words all_issues{"All issues", "合计"};
inline constexpr Words village{"Village", "村"};
inline constexpr Words whole_town{"Whole town", "全镇"};
inline constexpr Words area_walked{"Area walked", "面积覆盖"};
inline constexpr Words no_route{"no such route or site", "无此类路线或点位"};
inline constexpr Words not_computed{"not computed in this run", "本次未计算"};
inline constexpr Words none_found{"none", "无"};
inline constexpr Words rank{"Rank", "序号"};
inline constexpr Words length_m{"Length (m)", "长度（米）"};
inline constexpr Words to_walk_m{"To nearest walk (m)", "距巡查轨迹（米）"};
inline constexpr Words longitude{"Longitude", "经度"};
inline constexpr Words latitude{"Latitude", "纬度"};
inline constexpr Words issues_count{"Issues", "问题数"};
inline constexpr Words per_km{"Issues per km walked", "每公里巡查问题数"};
inline constexpr Words gi_z{"Gi* z", "Gi* z 值"};
inline constexpr Words confidence{"Confidence", "置信度"};
inline constexpr Words note_issues{
    "Rectified: a rectification date or status recorded (accepted issues included). Overdue: deadline passed and "
    "no rectification recorded by the last record of the campaign.",
    "已整改：有整改时间或整改状态（含已验收）。逾期未整改：截至活动最后一条记录已过整改期限且未整改。"};
inline constexpr Words note_walks{
    "Line walks: share of the route length within sight of a track. Site walks: sites visited (a track within "
    "sight) of all sites, and apart from it the outline share: the mean share of each site's outline walked (a "
    "point site counts 0 or 100 %).",
    "线状巡查：路线长度中在轨迹视距内的比例。点位巡查：已到访点位数/点位总数（轨迹到达视距内），另列外圈比例：各点位外圈被走到的"
    "平均比例（点状点位计 0 或 100%）。"};
inline constexpr Words note_matrix{"Cells: share covered. Area walked: village land within reach of a track.",
                                   "单元格：覆盖率。面积覆盖：村域中距轨迹在范围内的面积比例。"};
inline constexpr Words note_dead_corners{
    "Uncovered stretches of route, longest first; the position is the middle of the stretch (WGS 84).",
    "未覆盖的路段，按长度排序；坐标为路段中点（WGS 84）。"};
inline constexpr Words note_hotspots{
    "Each row is one place: neighbouring cells (sharing an edge or a corner) with more problems than chance would "
    "give, merged into a zone and named by the village holding most of it and the nearest named road or river. "
    "Ranked by problems found; zones without problems are left out. Confidence: the highest of its cells. The "
    "position is a point inside the zone (WGS 84). How it is computed: see the method notes at the end.",
    "每行是一个地点：问题多于随机的相邻网格（共边或共角）合并为一个区域，以占其面积最大的村和最近的有名称道路或河渠命名。"
    "按发现问题数排序；无问题的区域不列出。置信度取其网格中的最高值。坐标为区域内一点（WGS 84）。计算方法见报告末尾的方法说明。"};
inline constexpr Words hotspots_skipped{"Hotspot cells were not computed", "未计算热点网格"};
inline constexpr Words near{"Near", "附近"};
inline constexpr Words zone_size{"Size", "范围"};
inline constexpr Words cells_word{"cells", "格"};
inline constexpr Words report_method{"Method notes", "方法说明"};
}  // namespace words

// A CRS name as PROJ gives it, in `lang`: "CGCS2000 / 3-degree Gauss-Kruger CM 114E" becomes
// "CGCS2000 / 3度带高斯-克吕格投影 中央经线 114°E", "WGS 84 / UTM zone 50N" "WGS 84 / UTM 投影 第 50N 带"; names of
// other forms are kept as they are (they are proper names, as village names are).
std::string crs_name_text(std::string_view name, Lang lang);

// The legend heading of an output layer ("uncovered" -> "Dead corners" / "死角"); the layer name itself when unknown.
Words layer_title(std::string_view layer);

}  // namespace geo::render
