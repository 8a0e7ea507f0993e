#pragma once
// The register's headline figures (summary.json `register`): issues by status, rectified, accepted and overdue as
// of the campaign's last record. Computed here once, from the loaded campaign; the report and anyone else read them
// from the summary (or the run manifest), never count the issues layer again with a definition of their own.
#include "libgeo/core/campaign.hpp"
#include "libgeo/export/summary.hpp"

#include <optional>
#include <string>
#include <vector>

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

// What the register figures need beyond the campaign: its phases ([[phase]], UTC seconds, `to` exclusive) and
// the look-back interval ([register] lookback_days).
struct RegisterFigureOptions {
    struct Phase {
        std::string name;
        double from = 0, to = 0;
    };
    std::vector<Phase> phases;
    double lookback_days = 30;
};

// {total, by_status {code: n, every status}, rectified, accepted, overdue, marked_rebounded (by_status.rebounded: the
// issues the register marks 反弹), as_of (local time of the last record, or null; overdue is then 0),
//  by_village [{village, total, by_status, overdue}] (every village, in input order),
//  by_unit [{unit, total, by_status, overdue}] (the responsible unit: the issue's `unit` or 责任单位 attribute, else
//  its responsible person's; "" when neither), median_days {found_to_rectified, rectified_to_accepted} (null when no
//  issue has both times), phases [{name, from, to (local dates, `to` the last day), deadlines_in_phase,
//  rectified_by_deadline, overdue}], lookback {due (accepted, look-back date reached by as_of, not looked back at),
//  done (a look-back recorded: lookback_at)}}.
Json register_section(const Campaign& campaign, const RegisterFigureOptions& options = {});

}  // namespace geo::output
