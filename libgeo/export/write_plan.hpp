#pragma once
// The walk plan's outputs: the routes, route_stops, plan_required and plan_unreachable layers, one GPX file per
// team-day for phones (gpx/team-T-day-D.gpx, WGS 84, written by GDAL's GPX driver), and summary.json's `plan`.
#include "libgeo/export/summary.hpp"
#include "libgeo/export/vector_writer.hpp"
#include "libgeo/route/plan.hpp"

#include <filesystem>

namespace geo::output {

void write_plan_layers(VectorFile& file, const Campaign& campaign, const route::PlanResult& plan);
// Writes the GPX files into `folder` (created); returns their names.
std::vector<std::string> write_plan_gpx(const std::filesystem::path& folder, const Campaign& campaign,
                                        const route::PlanResult& plan);
Json plan_section(const Campaign& campaign, const route::PlanResult& plan);

// "team-2-day-3.gpx"
[[nodiscard]] std::string gpx_name(const route::PlanRoute& route);

}  // namespace geo::output
