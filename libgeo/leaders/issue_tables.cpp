#include "libgeo/leaders/issue_tables.hpp"

#include "libgeo/leaders/issue_state.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace geo::leaders {

std::vector<ProblemRow> problems_by_village(const Campaign& c, std::optional<double> as_of)
{
    // Outside every village (-1) sorts after the villages.
    auto village_key = [&](int v) { return v < 0 ? static_cast<int>(c.villages.size()) : v; };
    std::map<std::tuple<int, int, std::string>, ProblemRow> rows;
    for (const Issue& i : c.issues) {
        std::string problem(trim(i.problem));
        ProblemRow& row = rows[{village_key(i.village), static_cast<int>(i.category), problem}];
        row.village = i.village < 0 ? -1 : i.village;
        row.category = i.category;
        row.problem = std::move(problem);
        ++row.issues;
        row.open += is_rectified(i) ? 0 : 1;
        row.overdue += is_overdue(i, as_of) ? 1 : 0;
    }
    std::vector<ProblemRow> out;
    out.reserve(rows.size());
    for (auto& [key, row] : rows) out.push_back(std::move(row));
    std::stable_sort(out.begin(), out.end(), [&](const ProblemRow& a, const ProblemRow& b) {
        return std::tuple(village_key(a.village), static_cast<int>(a.category), -a.issues) <
               std::tuple(village_key(b.village), static_cast<int>(b.category), -b.issues);
    });
    return out;
}

std::vector<ResponsibleRow> overdue_by_responsible(const Campaign& c, std::optional<double> as_of)
{
    std::map<std::string, ResponsibleRow> rows;
    for (const Issue& i : c.issues) {
        const std::string_view name = trim(i.responsible);
        const std::string key(name.empty() ? no_responsible : name);
        ResponsibleRow& row = rows[key];
        row.responsible = key;
        ++row.issues;
        row.open += is_rectified(i) ? 0 : 1;
        if (is_overdue(i, as_of)) {
            ++row.overdue;
            row.most_days_overdue = std::max(row.most_days_overdue, (*as_of - *i.deadline) / 86400.0);
        }
    }
    std::vector<ResponsibleRow> out;
    out.reserve(rows.size());
    for (auto& [key, row] : rows) out.push_back(std::move(row));
    std::stable_sort(out.begin(), out.end(), [](const ResponsibleRow& a, const ResponsibleRow& b) {
        return std::tuple(-a.overdue, -a.open) < std::tuple(-b.overdue, -b.open);
    });
    return out;
}

}  // namespace geo::leaders
