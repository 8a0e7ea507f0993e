#pragma once
// Which issues a hotspot analysis counts: by walk category, problem type, status and a window of found dates.
#include "libgeo/core/campaign.hpp"

#include <optional>
#include <set>
#include <string>

namespace geo::hotspot {

struct IssueFilter {
    std::set<Category> categories;  // empty = all
    std::set<std::string> problems; // exact problem texts (trimmed); empty = all
    std::set<Status> statuses;      // empty = all
    std::optional<double> from;     // found at or after, seconds since 1970 UTC
    std::optional<double> to;       // found before

    // An issue without a found date passes only when no time window is set: it cannot be placed in one.
    [[nodiscard]] bool accepts(const Issue& issue) const;
    [[nodiscard]] bool empty() const
    {
        return categories.empty() && problems.empty() && statuses.empty() && !from && !to;
    }
    // "category in {…}, found from … to …" for band metadata and the report; "all issues" when empty.
    [[nodiscard]] std::string describe(int utc_offset_minutes) const;
};

// The indices of the accepted issues, in campaign order.
std::vector<std::size_t> filtered_issues(const Campaign& campaign, const IssueFilter& filter);

}  // namespace geo::hotspot
