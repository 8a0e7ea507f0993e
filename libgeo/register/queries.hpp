#pragma once
// Questions asked of the register's current state: which issues are overdue, which are due for a look-back, which
// belong to a village or a status (`geowalk register list`, the summary's figures).
#include "libgeo/register/store.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace geo::reg {

// The deadline passed before `as_of` (UTC seconds) and the issue is neither rectified, accepted nor withdrawn.
bool is_overdue(const Record& record, double as_of, int utc_offset_minutes);
// Rectified at some time: status rectified or accepted, or a rectification time recorded (rebounded is not).
bool is_rectified(const Record& record);
// Accepted, not looked back at yet, and its look-back date (lookback_due) is on or before the local day of `as_of`.
bool is_lookback_due(const StoredIssue& issue, double as_of, int utc_offset_minutes);
// A time field as UTC seconds; nullopt when empty or unreadable.
std::optional<double> time_of(const Record& record, Field field, int utc_offset_minutes);

struct ListFilter {
    std::string village;            // empty: every village
    std::optional<Status> status;
    bool overdue = false;
    bool due_lookback = false;
    double as_of = 0;               // UTC seconds: "now" for overdue and look-back
};

// The issues that pass the filter, by id.
std::vector<const StoredIssue*> select(const std::map<std::string, StoredIssue>& issues, const ListFilter& filter,
                                       int utc_offset_minutes);

}  // namespace geo::reg
