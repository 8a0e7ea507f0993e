#pragma once
// The walk plan on the terminal: one row per team-day, the totals against the bound and the greedy baseline, and
// what could not be planned.
#include "libgeo/core/campaign.hpp"
#include "libgeo/route/plan.hpp"

#include <string>

namespace geowalk {

std::string plan_report(const geo::Campaign& campaign, const geo::route::PlanResult& plan);

}  // namespace geowalk
