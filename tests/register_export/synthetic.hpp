#pragma once
// Synthetic village registers for the export tests: Chinese names, and text that CSV and XLSX must carry whole
// (commas, quotes, line breaks, long descriptions).
#include "libgeo/register/transfer_list.hpp"

#include <string>
#include <vector>

namespace geo::test {

inline reg::RegisterRow synthetic_row(const std::string& village, const std::string& id, int n)
{
    reg::RegisterRow r;
    r.issue_id = id;
    r.found_at = "2017-02-20 09:" + std::string(n % 60 < 10 ? "0" : "") + std::to_string(n % 60);
    r.found_by = "巡查员" + std::to_string(n % 7);
    r.village = village;
    r.category = n % 2 ? "highway_shoulder" : "river_ditch";
    r.problem_type = "垃圾堆放";
    r.description = "路边垃圾" + std::to_string(n);
    r.location = "114.1234, 22.5678";
    r.responsible_unit = "环卫站";
    r.responsible_person = "张三";
    r.deadline = "2017-02-25";
    r.status = n % 3 ? "assigned" : "found";
    r.measures = "";
    r.acceptance_note = "";
    r.lookback_due = "";
    return r;
}

// A village with `day` rows of the day, `earlier` more in the register, ids "<prefix>-0001", …
inline reg::VillageRegister synthetic_village(const std::string& name, const std::string& code, const std::string& prefix,
                                              int day, int earlier)
{
    reg::VillageRegister v{name, code, "2017-02-20", {}, {}};
    for (int i = 0; i < earlier + day; ++i) {
        std::string id = std::to_string(i + 1);
        id = prefix + "-" + std::string(4 - std::min<std::size_t>(4, id.size()), '0') + id;
        reg::RegisterRow row = synthetic_row(name, id, i);
        v.rows_cumulative.push_back(row);
        if (i >= earlier) v.rows_of_day.push_back(row);
    }
    return v;
}

}  // namespace geo::test
