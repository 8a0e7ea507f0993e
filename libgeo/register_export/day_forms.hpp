#pragma once
// A day's forms from the register's current state: for each village the transfer list of the day (问题交办清单: the
// issues found that local day) and the cumulative register (问题台账: every issue found up to the end of that day,
// and those without a date of finding), in the order of their ids. Every village of the campaign gets its forms,
// with or without issues: each is signed every day.
#include "libgeo/core/campaign.hpp"
#include "libgeo/register/store.hpp"
#include "libgeo/register/transfer_list.hpp"

#include <map>
#include <string>
#include <vector>

namespace geo::reg {

struct DayForms {
    std::vector<VillageRegister> villages;  // in the campaign's village order
    int outside_villages = 0;               // issues whose village is none of the campaign's (register check says which)
};

// `day`: YYYY-MM-DD, local to the register's times (they carry their UTC offset).
DayForms day_forms(const std::map<std::string, StoredIssue>& issues, const std::vector<Village>& villages,
                   const std::string& day);

// The form's row of one issue: dates as local "YYYY-MM-DD HH:MM" (found) or "YYYY-MM-DD" (deadline, look-back).
RegisterRow register_row(const StoredIssue& issue);

}  // namespace geo::reg
