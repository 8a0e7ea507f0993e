#include "libgeo/leaders/weeks.hpp"

#include "libgeo/core/datetime.hpp"
#include "libgeo/leaders/issue_state.hpp"

#include <charconv>
#include <cmath>
#include <map>

namespace geo::leaders {

namespace {

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

// The Monday of a local day's week; 1970-01-01 (day 0) was a Thursday.
std::int64_t monday_of(std::int64_t day) { return day - (day + 3 - floor_div(day + 3, 7) * 7); }

std::string date_of_day(std::int64_t day) { return format_local_date(static_cast<double>(day) * 86400.0, 0); }

}  // namespace

std::int64_t local_day(double utc_seconds, int utc_offset_minutes)
{
    const std::int64_t ms = std::llround(utc_seconds * 1000.0) + std::int64_t{utc_offset_minutes} * 60'000;
    return floor_div(ms, 86'400'000);
}

IsoWeek iso_week_of_day(std::int64_t day)
{
    // The week belongs to the year of its Thursday; its number counts weeks from that year's first Thursday.
    const std::int64_t thursday = monday_of(day) + 3;
    const std::string date = date_of_day(thursday);  // "YYYY-MM-DD"
    int year = 0;
    std::from_chars(date.data(), date.data() + date.find('-', 1), year);
    const auto jan1 = static_cast<std::int64_t>(utc_seconds(year, 1, 1, 0, 0, 0, 0) / 86400.0);
    return {year, static_cast<int>((thursday - jan1) / 7 + 1)};
}

std::string week_label(IsoWeek week)
{
    std::string out = std::to_string(week.year) + "-W";
    if (week.week < 10) out += '0';
    return out + std::to_string(week.week);
}

std::vector<WeekFigures> week_figures(const Campaign& c)
{
    std::map<std::int64_t, WeekFigures> weeks;  // by the local day of the week's Monday
    WeekFigures undated;
    bool any_undated = false;
    auto week_at = [&](double t) -> WeekFigures& { return weeks[monday_of(local_day(t, c.utc_offset_minutes))]; };

    for (const Track& t : c.tracks)
        for (std::size_t i = 1; i < t.fixes.size(); ++i) {
            const double length = bg::distance(t.fixes[i - 1].position, t.fixes[i].position);
            const double time = t.fixes[i - 1].time;
            if (std::isfinite(time)) {
                week_at(time).walked_m += length;
            } else {
                undated.walked_m += length;
                any_undated = true;
            }
        }
    for (const Issue& issue : c.issues) {
        auto count = [&](const std::optional<double>& when, bool happened, long long WeekFigures::*field) {
            if (!happened) return;
            if (when && std::isfinite(*when)) {
                ++(week_at(*when).*field);
            } else {
                ++(undated.*field);
                any_undated = true;
            }
        };
        count(issue.found, true, &WeekFigures::found);
        count(issue.rectified, is_rectified(issue), &WeekFigures::rectified);
        count(issue.accepted, is_accepted(issue), &WeekFigures::accepted);
    }

    std::vector<WeekFigures> out;
    if (!weeks.empty())
        for (std::int64_t monday = weeks.begin()->first; monday <= weeks.rbegin()->first; monday += 7) {
            const auto it = weeks.find(monday);
            WeekFigures w = it != weeks.end() ? it->second : WeekFigures{};
            w.week = iso_week_of_day(monday);
            w.monday = date_of_day(monday);
            out.push_back(w);
        }
    if (any_undated) out.push_back(undated);
    return out;
}

}  // namespace geo::leaders
