#pragma once
// The report's pages for the walk plan: the team-days (team, day, depot, km walked, km to inspect, km in between,
// hours) from summary.json's `plan` section as the manifest holds it, then one page (or more) per team listing its
// turn instructions day by day from the route_stops layer, to print and hand to the team. Nothing when the run
// made no plan.
#include "libgeo/render/map_source.hpp"
#include "libgeo/render/report_leaders.hpp"

#include <cstddef>
#include <vector>

namespace geo::render::report {

// A town's plan prints every team-day and each team's turn instructions; a county's thousands of team-days would
// fill thousands of pages (4,413 for the 100× town), so above this many the report prints one row per team and
// leaves the days to the routes layer and the instructions to route_stops and gpx/.
inline constexpr std::size_t max_printed_team_days = 60;

std::vector<TitledTable> plan_tables(const MapSource& source, Lang lang, std::size_t max_team_days = max_printed_team_days);

}  // namespace geo::render::report
