#include "libgeo/leaders/issue_state.hpp"

#include <algorithm>
#include <cmath>

namespace geo::leaders {

std::optional<double> last_record(const Campaign& campaign)
{
    std::optional<double> last;
    auto see = [&](double t) {
        if (std::isfinite(t)) last = last ? std::max(*last, t) : t;
    };
    for (const Track& t : campaign.tracks)
        for (const Fix& f : t.fixes) see(f.time);
    for (const Issue& i : campaign.issues)
        for (const auto& t : {i.found, i.rectified, i.accepted})
            if (t) see(*t);
    return last;
}

bool is_rectified(const Issue& issue)
{
    return issue.rectified.has_value() || issue.status == Status::rectified || issue.status == Status::accepted;
}

bool is_accepted(const Issue& issue) { return issue.accepted.has_value() || issue.status == Status::accepted; }

bool is_overdue(const Issue& issue, std::optional<double> as_of)
{
    return as_of && issue.deadline && *issue.deadline < *as_of && !is_rectified(issue);
}

}  // namespace geo::leaders
