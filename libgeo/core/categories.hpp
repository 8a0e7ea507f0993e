#pragma once
// The ten walk categories and the rectification statuses of ../DESIGN.md. Codes are stable identifiers in files,
// the API and outputs; labels (English and Chinese) are shown to people and also accepted when parsing.
#include <array>
#include <optional>
#include <string_view>

namespace geo {

enum class Category {
    highway_shoulder,
    village_road,
    house_surroundings,
    river_ditch,
    field_ridge,
    farm_wasteland_edge,
    residential_yard,
    school_clinic,
    mine_perimeter,
    construction_site,
};
inline constexpr int category_count = 10;

enum class GeometryWalked { lines, sites };

struct CategoryInfo {
    Category category;
    std::string_view code;
    std::string_view label_en;
    std::string_view label_zh;
    GeometryWalked walked;
};

const std::array<CategoryInfo, category_count>& all_categories();
const CategoryInfo& info(Category c);
std::string_view code(Category c);
// Accepts the code, the English or the Chinese label (case- and surrounding-space-insensitive).
std::optional<Category> parse_category(std::string_view text);

enum class Status { found, assigned, rectifying, rectified, accepted, rebounded };
inline constexpr int status_count = 6;

struct StatusInfo {
    Status status;
    std::string_view code;
    std::string_view label_en;
    std::string_view label_zh;
};

const std::array<StatusInfo, status_count>& all_statuses();
const StatusInfo& info(Status s);
std::string_view code(Status s);
std::optional<Status> parse_status(std::string_view text);

// Trims ASCII and full-width/ideographic spaces; shared by the parsers of user text.
std::string_view trim(std::string_view text);

}  // namespace geo
