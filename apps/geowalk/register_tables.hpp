#pragma once
// The register on the terminal: the issue list, one issue's history, an import's outcome (aligned by display width,
// so Chinese columns line up).
#include "libgeo/register/apply.hpp"
#include "libgeo/register/store.hpp"

#include <map>
#include <string>
#include <vector>

namespace geowalk {

std::string issue_list_table(const std::vector<const geo::reg::StoredIssue*>& issues);
std::string history_table(const std::vector<geo::reg::HistoryRow>& rows);
// "issues_1.csv: 120 rows, 3 added, …" then every row not applied and every conflict kept for review.
std::string import_report(const std::string& file, const geo::reg::ApplySummary& summary,
                          const std::vector<geo::reg::RowProblem>& rejected);

}  // namespace geowalk
