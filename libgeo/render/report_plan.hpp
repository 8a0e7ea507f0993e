#pragma once
// The report's pages for the walk plan: the team-days (team, day, depot, km walked, km to inspect, km in between,
// hours) from summary.json's `plan` section as the manifest holds it, then one page (or more) per team listing its
// turn instructions day by day from the route_stops layer, to print and hand to the team. Nothing when the run
// made no plan.
#include "libgeo/render/map_source.hpp"
#include "libgeo/render/report_leaders.hpp"

#include <vector>

namespace geo::render::report {

std::vector<TitledTable> plan_tables(const MapSource& source, Lang lang);

}  // namespace geo::render::report
