#include "libgeo/hotspot/issue_filter.hpp"

#include "libgeo/core/datetime.hpp"

namespace geo::hotspot {

bool IssueFilter::accepts(const Issue& issue) const
{
    if (!categories.empty() && !categories.count(issue.category)) return false;
    if (!problems.empty() && !problems.count(std::string(trim(issue.problem)))) return false;
    if (!statuses.empty() && !statuses.count(issue.status)) return false;
    if (from || to) {
        if (!issue.found) return false;
        if (from && *issue.found < *from) return false;
        if (to && *issue.found >= *to) return false;
    }
    return true;
}

std::string IssueFilter::describe(int utc_offset_minutes) const
{
    if (empty()) return "all issues";
    std::string out;
    const auto add = [&out](const std::string& part) { out += (out.empty() ? "" : "; ") + part; };
    const auto join = [](const auto& items, auto name) {
        std::string s;
        for (const auto& i : items) s += (s.empty() ? "" : ", ") + std::string(name(i));
        return s;
    };
    if (!categories.empty()) add("category " + join(categories, [](Category c) { return code(c); }));
    if (!problems.empty()) add("problem " + join(problems, [](const std::string& p) { return p; }));
    if (!statuses.empty()) add("status " + join(statuses, [](Status s) { return code(s); }));
    if (from) add("found from " + format_local_date(*from, utc_offset_minutes));
    if (to) add("found before " + format_local_date(*to, utc_offset_minutes));
    return out;
}

std::vector<std::size_t> filtered_issues(const Campaign& c, const IssueFilter& filter)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < c.issues.size(); ++i)
        if (filter.accepts(c.issues[i])) out.push_back(i);
    return out;
}

}  // namespace geo::hotspot
