#include "libgeo/core/categories.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace geo {

namespace {

constexpr std::array<CategoryInfo, category_count> k_categories{{
    {Category::highway_shoulder, "highway_shoulder", "provincial highways and named roads, shoulders", "国省道走路肩",
     GeometryWalked::lines},
    {Category::village_road, "village_road", "village roads, shoulders", "村道走路肩", GeometryWalked::lines},
    {Category::house_surroundings, "house_surroundings", "front and back of houses, outer circle", "房前屋后走外圈",
     GeometryWalked::sites},
    {Category::river_ditch, "river_ditch", "rivers and ditches, both banks", "河渠沟道走两边", GeometryWalked::lines},
    {Category::field_ridge, "field_ridge", "farmland forest network, field ridges", "农田林网走田埂",
     GeometryWalked::lines},
    {Category::farm_wasteland_edge, "farm_wasteland_edge",
     "livestock farms, facility agriculture, wasteland, edges", "养殖场设施农业荒滩荒地走边沿", GeometryWalked::sites},
    {Category::residential_yard, "residential_yard", "residential quarters, yards", "小康住宅区走院落",
     GeometryWalked::sites},
    {Category::school_clinic, "school_clinic", "schools and clinics, four sides", "学校卫生院走四周",
     GeometryWalked::sites},
    {Category::mine_perimeter, "mine_perimeter", "mining enterprises, surroundings", "矿山企业走周边",
     GeometryWalked::sites},
    {Category::construction_site, "construction_site", "construction sites, the site", "建筑工地走现场",
     GeometryWalked::sites},
}};

constexpr std::array<StatusInfo, status_count> k_statuses{{
    {Status::found, "found", "found", "发现"},
    {Status::assigned, "assigned", "assigned", "交办"},
    {Status::rectifying, "rectifying", "rectifying", "整改中"},
    {Status::rectified, "rectified", "rectified", "已整改"},
    {Status::accepted, "accepted", "accepted", "验收合格"},
    {Status::rebounded, "rebounded", "rebounded", "反弹"},
}};

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

std::string_view trim(std::string_view text)
{
    // Ideographic space U+3000 is E3 80 80 in UTF-8; spreadsheets from Chinese offices often contain it.
    constexpr std::string_view ideographic_space = "\xE3\x80\x80";
    bool changed = true;
    while (changed && !text.empty()) {
        changed = false;
        if (std::isspace(static_cast<unsigned char>(text.front()))) { text.remove_prefix(1); changed = true; }
        else if (text.starts_with(ideographic_space)) { text.remove_prefix(3); changed = true; }
        if (text.empty()) break;
        if (std::isspace(static_cast<unsigned char>(text.back()))) { text.remove_suffix(1); changed = true; }
        else if (text.ends_with(ideographic_space)) { text.remove_suffix(3); changed = true; }
    }
    return text;
}

const std::array<CategoryInfo, category_count>& all_categories() { return k_categories; }
const CategoryInfo& info(Category c) { return k_categories[static_cast<std::size_t>(c)]; }
std::string_view code(Category c) { return info(c).code; }

std::optional<Category> parse_category(std::string_view text)
{
    text = trim(text);
    for (const auto& c : k_categories)
        if (equals_ignoring_ascii_case(text, c.code) || equals_ignoring_ascii_case(text, c.label_en) ||
            text == c.label_zh)
            return c.category;
    return std::nullopt;
}

const std::array<StatusInfo, status_count>& all_statuses() { return k_statuses; }
const StatusInfo& info(Status s) { return k_statuses[static_cast<std::size_t>(s)]; }
std::string_view code(Status s) { return info(s).code; }

std::optional<Status> parse_status(std::string_view text)
{
    text = trim(text);
    for (const auto& s : k_statuses)
        if (equals_ignoring_ascii_case(text, s.code) || text == s.label_zh) return s.status;
    return std::nullopt;
}

}  // namespace geo
