#include "libgeo/export/register_figures.hpp"

#include "libgeo/core/datetime.hpp"

#include <algorithm>
#include <cmath>

namespace geo::output {

std::optional<double> last_record(const Campaign& c)
{
    std::optional<double> last;
    const auto see = [&last](double t) {
        if (std::isfinite(t)) last = last ? std::max(*last, t) : t;
    };
    for (const auto& t : c.tracks)
        for (const auto& f : t.fixes) see(f.time);
    for (const auto& i : c.issues)
        for (const auto& t : {i.found, i.rectified, i.accepted})
            if (t) see(*t);
    return last;
}

bool is_rectified(const Issue& issue)
{
    return issue.rectified.has_value() || issue.status == Status::rectified || issue.status == Status::accepted;
}

bool is_accepted(const Issue& issue) { return issue.accepted.has_value() || issue.status == Status::accepted; }

bool is_overdue(const Issue& issue, double as_of)
{
    return issue.deadline && *issue.deadline < as_of && !is_rectified(issue);
}

Json register_section(const Campaign& c)
{
    const auto as_of = last_record(c);
    Json by_status = Json::object();
    long long rebounded = 0;
    for (const auto& s : all_statuses()) {
        const auto n = std::count_if(c.issues.begin(), c.issues.end(), [&s](const Issue& i) { return i.status == s.status; });
        by_status[std::string(s.code)] = n;
        if (s.status == Status::rebounded) rebounded = n;
    }
    long long rectified = 0, accepted = 0, overdue = 0;
    for (const auto& i : c.issues) {
        rectified += is_rectified(i) ? 1 : 0;
        accepted += is_accepted(i) ? 1 : 0;
        overdue += as_of && is_overdue(i, *as_of) ? 1 : 0;
    }
    return {{"total", c.issues.size()},
            {"by_status", by_status},
            {"rectified", rectified},
            {"accepted", accepted},
            {"overdue", overdue},
            // Under the name the report gives it, apart from hotspots.rebounds.found_again (a different figure).
            {"marked_rebounded", rebounded},
            {"as_of", as_of ? Json(format_local_time(*as_of, c.utc_offset_minutes)) : Json()}};
}

}  // namespace geo::output
