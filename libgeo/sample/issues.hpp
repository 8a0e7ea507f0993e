#pragma once
// The problem register of one tile: about 2,000 geotagged issues found along the walks, clustered where problems
// really gather (roads, ditches, farm edges), going through the rectification cycle, with a handful of rows broken on
// purpose so validation has something to reject.
#include "libgeo/core/categories.hpp"
#include "libgeo/sample/clock.hpp"
#include "libgeo/sample/town.hpp"

#include <optional>
#include <string>
#include <vector>

namespace geo::sample {

// How a deliberately bad row is broken; the writer spells each out (issue_csv.cpp).
enum class Defect {
    none,
    no_coordinates,    // empty 经度/纬度
    zero_zero,         // 0, 0: a phone that had no fix yet
    swapped,           // latitude in the longitude column
    garbled_number,    // a letter O typed for a zero
    unparseable_date,  // "上周三上午"
    impossible_date,   // 30 February
    duplicate_id,      // the id of another row
    outside,           // a point outside every village
    unknown_category,  // a category nobody defined
    unknown_status,    // a status outside the cycle
};

struct Issue {
    std::string id;
    Category category = Category::highway_shoulder;
    bool chinese_label = false;  // 类别 written as the Chinese label instead of the code
    std::string problem;         // 问题类型
    Seconds found = 0;
    DateStyle style = DateStyle::iso;  // how this row's dates are spelled
    Status status = Status::found;
    std::string responsible;
    Seconds deadline = 0;  // local midnight of the last day
    std::optional<Seconds> rectified;
    std::optional<Seconds> accepted;
    Point location;  // local metres
    std::string note;
    Defect defect = Defect::none;
};

struct IssueOptions {
    int count = 2000;
    // Ids are id_prefix + a four-digit number: "GJ-2017-0001".
    std::string id_prefix = "GJ-2017-";
};

// Sorted by found time; ids follow that order.
std::vector<Issue> generate_issues(const Town& town, std::uint64_t seed, const IssueOptions& options);

// The time the register was last updated; statuses describe the issues as of then.
Seconds register_cutoff();

}  // namespace geo::sample
