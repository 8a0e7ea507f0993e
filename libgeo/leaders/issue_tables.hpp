#pragma once
// Problems by village x walk category x problem type, and overdue issues by responsible person. "Open" and
// "overdue" follow issue_state.hpp, judged at the campaign's last record.
#include "libgeo/core/campaign.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geo::leaders {

// The group of issues whose register names nobody responsible.
inline constexpr std::string_view no_responsible = "(none)";

struct ProblemRow {
    int village = -1;  // index into Campaign::villages; -1 outside every village
    Category category = Category::village_road;
    std::string problem;  // as recorded (trimmed); empty when the register gives none
    long long issues = 0, open = 0, overdue = 0;
};

// Villages in the campaign's order (outside last), categories in code order, then most issues first (ties by
// problem text).
std::vector<ProblemRow> problems_by_village(const Campaign& campaign, std::optional<double> as_of);

struct ResponsibleRow {
    std::string responsible;  // trimmed; no_responsible for an empty field
    long long issues = 0, open = 0, overdue = 0;
    double most_days_overdue = 0;  // the longest time past a deadline among the overdue issues, in days
};

// Every responsible person with issues, most overdue first (then most open, then by name).
std::vector<ResponsibleRow> overdue_by_responsible(const Campaign& campaign, std::optional<double> as_of);

}  // namespace geo::leaders
