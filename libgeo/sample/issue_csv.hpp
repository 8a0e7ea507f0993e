#pragma once
// The columns of issues.csv as a township register has them, and the text of each row: dates in the spellings
// clerks use, coordinates in GCJ-02 as phone apps report them, and the deliberately broken rows spelled out.
#include "libgeo/crs/gcj02.hpp"
#include "libgeo/sample/issues.hpp"

#include <array>
#include <string>
#include <string_view>

namespace geo::sample {

inline constexpr std::array<std::string_view, 12> k_issue_columns{
    "编号",     "类别",     "问题类型", "发现时间", "状态", "责任人",
    "整改期限", "整改时间", "验收时间", "经度",     "纬度", "备注"};

using IssueRow = std::array<std::string, k_issue_columns.size()>;

// gcj02 is the issue's location already converted to GCJ-02 degrees.
IssueRow issue_row(const Issue& issue, crs::LonLat gcj02);

// Fixed notation with 7 decimals (about 1 cm), locale independent.
std::string format_degrees(double degrees);

}  // namespace geo::sample
