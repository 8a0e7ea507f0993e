#pragma once
// What the register's daily exports print, as plain data: one village's transfer list of a day (问题交办清单: the
// issues found or assigned that day) and its register up to that day (问题台账: every issue of the village). The
// register store fills these from its current state; the writers (libgeo/register_export/) only format them, so
// neither side knows the other's types. Everything is text as the register holds it: dates as local date(-time)
// text, the walk and the status as their codes (core/categories.hpp), which the writers turn into labels.
#include <string>
#include <vector>

namespace geo::reg {

struct RegisterRow {
    std::string issue_id;
    std::string found_at;      // local date-time text, e.g. "2017-02-20 09:58"
    std::string found_by;
    std::string village;
    std::string category;      // walk code (highway_shoulder, …); a label or empty is printed as given
    std::string problem_type;
    std::string description;
    std::string location;      // "lon, lat" in WGS 84 degrees, as text
    std::string responsible_unit;
    std::string responsible_person;
    std::string deadline;      // local date text
    std::string status;        // status code (found, assigned, …, withdrawn)
    std::string measures;      // measures taken
    std::string acceptance_note;
    std::string lookback_due;  // local date text
};

struct VillageRegister {
    std::string village;
    std::string village_code;
    std::string day;                            // YYYY-MM-DD
    std::vector<RegisterRow> rows_of_day;       // 问题交办清单
    std::vector<RegisterRow> rows_cumulative;   // 问题台账
};

}  // namespace geo::reg
