#pragma once
// Turn instructions for phones and the printed team page: one stop wherever the walker changes line (a named road
// or river, or a walk kind when unnamed) or switches between inspecting and walking to the next piece, with a plain
// sentence in Chinese and English ("沿西沙河向东走 1.2 公里，巡查 / follow Xisha river east 1.2 km, inspect").
#include "libgeo/core/campaign.hpp"
#include "libgeo/route/plan.hpp"

namespace geo::route {

[[nodiscard]] std::vector<RouteStop> turn_instructions(const Campaign& campaign, const WalkGraph& graph,
                                                       const Depot& depot, const PlanRoute& route);

// The name of a network line for people: its name attribute (name, NAME, Name, 名称, 路名, 河名, 渠名), or empty.
[[nodiscard]] std::string line_name(const NetworkLine& line);

}  // namespace geo::route
