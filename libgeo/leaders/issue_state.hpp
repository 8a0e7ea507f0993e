#pragma once
// When an issue counts as rectified, accepted or overdue, and the instant "overdue" is judged at. One definition
// for every table of what a leader asks next, the same as the report's headline figures (render/report_data.cpp
// reads them back from the issues layer with the same rules, so the per-person overdue counts add up to the
// headline "Overdue").
#include "libgeo/core/campaign.hpp"

#include <optional>

namespace geo::leaders {

// The campaign's last record: the latest walked fix, or issue found, rectified or accepted time (summary.json's
// campaign.period.last_record). It is the reference instant for "overdue", not the time of the run: the same data
// must give the same figures whenever it is run, and the last record is as far as the campaign's data knows.
// nullopt when nothing carries a time.
std::optional<double> last_record(const Campaign& campaign);

// A rectification date recorded, or the status rectified or accepted.
bool is_rectified(const Issue& issue);
// An acceptance date recorded, or the status accepted.
bool is_accepted(const Issue& issue);
// The deadline lies before `as_of` and the issue is not rectified. A date-only deadline is local midnight at the
// start of that day (core/datetime.hpp), so it is passed once the last record is later than that midnight.
bool is_overdue(const Issue& issue, std::optional<double> as_of);

}  // namespace geo::leaders
