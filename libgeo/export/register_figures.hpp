#pragma once
// The register's headline figures (summary.json `register`): issues by status, rectified, accepted and overdue as
// of the campaign's last record. Computed here once, from the loaded campaign; the report and anyone else read them
// from the summary (or the run manifest), never count the issues layer again with a definition of their own.
#include "libgeo/core/campaign.hpp"
#include "libgeo/export/summary.hpp"

#include <optional>

namespace geo::output {

// The instant of the campaign's last record: the latest walked fix, issue found, rectified or accepted (the
// `campaign.period.last_record` of the summary); none without times.
[[nodiscard]] std::optional<double> last_record(const Campaign& campaign);

// A rectification date or a status at or past rectified (accepted included; rebounded is not: the fix failed).
[[nodiscard]] bool is_rectified(const Issue& issue);
// An acceptance date or the accepted status.
[[nodiscard]] bool is_accepted(const Issue& issue);
// The deadline passed before `as_of` and no rectification recorded.
[[nodiscard]] bool is_overdue(const Issue& issue, double as_of);

// {total, by_status {code: n, every status}, rectified, accepted, overdue, marked_rebounded (by_status.rebounded: the
// issues the register marks 反弹), as_of (local time of the last record, or null; overdue is then 0)}.
Json register_section(const Campaign& campaign);

}  // namespace geo::output
