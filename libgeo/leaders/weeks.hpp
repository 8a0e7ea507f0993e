#pragma once
// Per week: km walked, issues found, rectified and accepted.
//
// A week is an ISO 8601 week (Monday to Sunday; week 1 holds the year's first Thursday) in the campaign's local
// time (Campaign::utc_offset_minutes): a walk at 07:00 Monday Beijing time is Sunday 23:00 UTC, and planners count
// it in the new week. Walking is counted segment by segment in the week of the segment's first fix, so a walk past
// midnight into Monday splits between the weeks where it was walked. Issues count in the week of their found,
// rectified and accepted dates.
//
// What carries no date goes to one undated row, so that every total adds up: the length of segments whose first
// fix has no time, issues without a found date, and issues rectified or accepted (issue_state.hpp) without the
// date of it.
#include "libgeo/core/campaign.hpp"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace geo::leaders {

struct IsoWeek {
    int year = 0;  // the ISO week-numbering year (2021-01-03 is in 2020-W53)
    int week = 0;  // 1..53
    auto operator<=>(const IsoWeek&) const = default;
};

// Local days since 1970-01-01 of an instant, rounded to the millisecond first like format_local_date.
std::int64_t local_day(double utc_seconds, int utc_offset_minutes);
// The ISO week of a local day.
IsoWeek iso_week_of_day(std::int64_t day);
inline IsoWeek iso_week(double utc_seconds, int utc_offset_minutes)
{
    return iso_week_of_day(local_day(utc_seconds, utc_offset_minutes));
}
// "2017-W08"
std::string week_label(IsoWeek week);

struct WeekFigures {
    std::optional<IsoWeek> week;  // nullopt: the undated row
    std::string monday;           // local date of the week's Monday, "2017-02-20"; empty in the undated row
    double walked_m = 0;
    long long found = 0, rectified = 0, accepted = 0;
};

// Every week from the first to the last dated record (weeks without any included, so a quiet week shows), in
// order, then the undated row when anything lacks a date. Empty when the campaign has nothing to count.
std::vector<WeekFigures> week_figures(const Campaign& campaign);

}  // namespace geo::leaders
