#include "plan_report.hpp"

#include "text_table.hpp"

#include "libgeo/core/number_text.hpp"

#include <sstream>

namespace geowalk {

namespace {

std::string km(double metres) { return geo::fixed_text(metres / 1000.0, 2); }

// A county's thousands of team-days do not belong on a terminal: the first ones, then where the rest are.
constexpr std::size_t terminal_team_days = 40;

}  // namespace

std::string plan_report(const geo::Campaign& campaign, const geo::route::PlanResult& plan)
{
    std::ostringstream out;
    const auto& g = plan.graph;
    out << "Walk plan (" << plan.options.required_pieces().text() << "): " << plan.pieces.size()
        << " pieces to walk, " << km(plan.required_m) << " km; walk graph " << g.nodes.size() << " nodes, "
        << g.edges.size() << " edges, " << g.components << " connected pieces, " << g.dangling_ends << " dead ends, "
        << g.snaps.size() << " line ends snapped\n";
    // A depot off the network starts from the nearest node: say how far that is when it is more than a few steps.
    for (const auto& d : plan.depots)
        if (d.snap_m > 100)
            out << "Depot " << d.name << " is " << geo::fixed_text(d.snap_m, 0)
                << " m from the network; its routes start and end at the nearest point of it\n";
    if (plan.pieces.empty()) {
        out << "Nothing to walk: every required piece is covered. No routes written.\n";
        return out.str();
    }
    geowalk::TextTable table({"team", "day", "from", "km", "inspect km", "between km", "hours", "villages"});
    for (std::size_t i = 0; i < plan.routes.size() && i < terminal_team_days; ++i) {
        const auto& r = plan.routes[i];
        std::string villages;
        for (int v : r.villages) villages += (villages.empty() ? "" : ", ") + campaign.villages.at(static_cast<std::size_t>(v)).name;
        table.add({std::to_string(r.team), std::to_string(r.day),
                   plan.depots.at(static_cast<std::size_t>(r.depot)).name, km(r.total_m) + (r.over_limit ? " (over the day limit)" : ""),
                   km(r.required_m), km(r.deadhead_m), geo::fixed_text(r.hours, 1), villages});
    }
    out << table.render();
    if (plan.routes.size() > terminal_team_days)
        out << "… and " << plan.routes.size() - terminal_team_days
            << " more team-days: every one is in the routes layer of geowalk.gpkg and in gpx/\n";
    out << "In all " << km(plan.total_m) << " km in " << plan.routes.size() << " team-days (" << km(plan.required_m)
        << " km to inspect, " << km(plan.deadhead_m) << " km in between); no plan can be shorter than "
        << km(plan.lower_bound_m) << " km" << (plan.optimal ? " (this one is optimal)" : "") << ".\n";
    if (plan.greedy_m > 0)
        out << "Walking always to the nearest piece left would take " << km(plan.greedy_m) << " km; this plan is "
            << geo::fixed_text(100.0 * plan.total_m / plan.greedy_m, 1) << " % of that.\n";
    if (plan.stopped_by_time)
        out << "warning: the route search reached --time-limit before its own end; a longer limit may shorten the plan\n";
    if (!plan.unreachable.empty()) {
        double metres = 0;
        for (const auto& u : plan.unreachable) metres += plan.pieces.at(static_cast<std::size_t>(u.piece)).length_m;
        out << "warning: " << plan.unreachable.size() << " pieces (" << km(metres)
            << " km) cannot be reached from their depot and are not planned (layer plan_unreachable); first: "
            << plan.unreachable.front().reason << "\n";
    }
    return out.str();
}

}  // namespace geowalk
