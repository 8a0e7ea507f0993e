#include "libgeo/export/register_figures.hpp"

#include "libgeo/core/datetime.hpp"

#include <algorithm>
#include <cmath>
#include <map>

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

namespace {

std::string attribute(const Issue& issue, std::initializer_list<const char*> names)
{
    for (const char* n : names)
        if (const AttributeValue* v = find(issue.attributes, n)) {
            std::string t = to_text(*v);
            if (!t.empty()) return t;
        }
    return {};
}

Json status_counts(const std::vector<const Issue*>& issues)
{
    Json out = Json::object();
    for (const auto& s : all_statuses())
        out[std::string(s.code)] = std::count_if(issues.begin(), issues.end(), [&s](const Issue* i) { return i->status == s.status; });
    return out;
}

long long overdue_count(const std::vector<const Issue*>& issues, const std::optional<double>& as_of)
{
    if (!as_of) return 0;
    return std::count_if(issues.begin(), issues.end(), [&as_of](const Issue* i) { return is_overdue(*i, *as_of); });
}

// The median of whole and fractional days, null without values (the lower and upper middle averaged).
Json median_days(std::vector<double> days)
{
    if (days.empty()) return Json();
    std::sort(days.begin(), days.end());
    const std::size_t n = days.size();
    const double m = n % 2 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2;
    return std::round(m * 1000) / 1000;
}

Json groups(const std::vector<std::pair<std::string, std::vector<const Issue*>>>& by, const char* key,
            const std::optional<double>& as_of)
{
    Json out = Json::array();
    for (const auto& [name, issues] : by)
        out.push_back({{key, name}, {"total", issues.size()}, {"by_status", status_counts(issues)},
                       {"overdue", overdue_count(issues, as_of)}});
    return out;
}

}  // namespace

Json register_section(const Campaign& c, const RegisterFigureOptions& options)
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
    std::vector<std::pair<std::string, std::vector<const Issue*>>> by_village;
    for (const auto& v : c.villages) by_village.emplace_back(v.name, std::vector<const Issue*>{});
    std::map<std::string, std::vector<const Issue*>> by_unit;
    std::vector<double> found_to_rectified, rectified_to_accepted;
    long long lookback_due = 0, lookback_done = 0;
    for (const auto& i : c.issues) {
        if (i.village >= 0 && static_cast<std::size_t>(i.village) < by_village.size())
            by_village[static_cast<std::size_t>(i.village)].second.push_back(&i);
        std::string unit = attribute(i, {"unit", "责任单位"});
        by_unit[unit.empty() ? i.responsible : unit].push_back(&i);
        if (i.found && i.rectified) found_to_rectified.push_back((*i.rectified - *i.found) / 86400.0);
        if (i.rectified && i.accepted) rectified_to_accepted.push_back((*i.accepted - *i.rectified) / 86400.0);
        if (!attribute(i, {"lookback_at", "回头看时间"}).empty()) ++lookback_done;
        else if (as_of && i.status == Status::accepted && i.accepted && *i.accepted + options.lookback_days * 86400.0 <= *as_of)
            ++lookback_due;
    }
    Json phases = Json::array();
    for (const auto& p : options.phases) {
        long long deadlines = 0, by_deadline = 0, late = 0;
        for (const auto& i : c.issues) {
            if (!i.deadline || *i.deadline < p.from || *i.deadline >= p.to) continue;
            ++deadlines;
            // A date-only deadline is midnight at its start: rectified any time that day is in time.
            by_deadline += i.rectified && *i.rectified < *i.deadline + 86400.0 ? 1 : 0;
            late += as_of && is_overdue(i, *as_of) ? 1 : 0;
        }
        phases.push_back({{"name", p.name},
                          {"from", format_local_date(p.from, c.utc_offset_minutes)},
                          {"to", format_local_date(p.to - 1.0, c.utc_offset_minutes)},
                          {"deadlines_in_phase", deadlines},
                          {"rectified_by_deadline", by_deadline},
                          {"overdue", late}});
    }
    return {{"total", c.issues.size()},
            {"by_status", by_status},
            {"rectified", rectified},
            {"accepted", accepted},
            {"overdue", overdue},
            // Under the name the report gives it, apart from hotspots.rebounds.found_again (a different figure).
            {"marked_rebounded", rebounded},
            {"as_of", as_of ? Json(format_local_time(*as_of, c.utc_offset_minutes)) : Json()},
            {"by_village", groups(by_village, "village", as_of)},
            {"by_unit", groups({by_unit.begin(), by_unit.end()}, "unit", as_of)},
            {"median_days", {{"found_to_rectified", median_days(found_to_rectified)},
                             {"rectified_to_accepted", median_days(rectified_to_accepted)}}},
            {"phases", phases},
            {"lookback", {{"due", lookback_due}, {"done", lookback_done}}}};
}

}  // namespace geo::output
