#include "libgeo/register_export/day_forms.hpp"

#include "libgeo/core/error.hpp"

#include <cctype>

namespace geo::reg {

namespace {

// The register keeps local times as ISO 8601 with their offset ("2017-02-20T09:58:00+08:00"): the local date and
// time are the text before the offset, so no time zone arithmetic is needed (or wanted: the form shows the time the
// inspector saw).
std::string local_date(const std::string& iso) { return iso.size() >= 10 ? iso.substr(0, 10) : iso; }

std::string local_minute(const std::string& iso)
{
    if (iso.size() < 16 || iso[10] != 'T') return local_date(iso);
    return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

bool is_day(const std::string& text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) return false;
    return true;
}

}  // namespace

RegisterRow register_row(const StoredIssue& issue)
{
    const Record& r = issue.record;
    RegisterRow row;
    row.issue_id = r.id;
    row.found_at = local_minute(r.get(Field::found_at));
    row.found_by = r.get(Field::found_by);
    row.village = r.get(Field::village);
    row.category = r.get(Field::category);
    row.problem_type = r.get(Field::problem);
    row.description = r.get(Field::description);
    if (!r.get(Field::lon).empty() && !r.get(Field::lat).empty())
        row.location = r.get(Field::lon) + ", " + r.get(Field::lat);
    row.responsible_unit = r.get(Field::unit);
    row.responsible_person = r.get(Field::person);
    row.deadline = local_date(r.get(Field::deadline));
    row.status = std::string(code(r.status()));
    row.measures = r.get(Field::measures);
    row.acceptance_note = r.get(Field::acceptance_note);
    row.lookback_due = local_date(issue.lookback_due);
    return row;
}

DayForms day_forms(const std::map<std::string, StoredIssue>& issues, const std::vector<Village>& villages,
                   const std::string& day)
{
    if (!is_day(day)) throw UsageError("--day " + day + " is not a date", {}, "write the day as YYYY-MM-DD, e.g. 2017-02-20");
    DayForms out;
    std::map<std::string, std::size_t> by_name;
    for (const Village& v : villages) {
        by_name.emplace(v.name, out.villages.size());
        out.villages.push_back({v.name, std::to_string(v.id), day, {}, {}});
    }
    // std::map: the issues come in the order of their ids, so each form lists them so.
    for (const auto& [id, issue] : issues) {
        const auto village = by_name.find(issue.record.get(Field::village));
        if (village == by_name.end()) {
            ++out.outside_villages;
            continue;
        }
        VillageRegister& forms = out.villages[village->second];
        const std::string found = local_date(issue.record.get(Field::found_at));
        if (!found.empty() && found > day) continue;  // found after the day: on neither form yet
        RegisterRow row = register_row(issue);
        if (found == day) forms.rows_of_day.push_back(row);
        forms.rows_cumulative.push_back(std::move(row));
    }
    return out;
}

}  // namespace geo::reg
