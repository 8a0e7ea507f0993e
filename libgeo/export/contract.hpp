#pragma once
// The output contract in one place: the names of the files a run writes and of the layers of geowalk.gpkg, which
// the writers, the QGIS project, the maps, the report and the tests all use (README "Outputs" documents them).
// Char arrays rather than string_views: they become std::string and std::string_view alike where GDAL and the
// style catalogue want them.
#include <array>
#include <string_view>

namespace geo::output {

namespace file {
inline constexpr char gpkg[] = "geowalk.gpkg";
inline constexpr char summary[] = "summary.json";
inline constexpr char manifest[] = "manifest.json";
inline constexpr char walk_distance[] = "walk_distance.tif";
inline constexpr char density[] = "density.tif";
inline constexpr char qgis_project[] = "geowalk.qgs";
inline constexpr char report[] = "report.pdf";
inline constexpr char maps[] = "maps";        // a folder
inline constexpr char geojson[] = "geojson";  // a folder
inline constexpr char gpx[] = "gpx";          // a folder: team-T-day-D.gpx per team-day of the plan
}  // namespace file

// The analyses a run can hold; each owns the layers it wrote (ManifestLayer::analysis), its raster and its sections
// of summary.json. A step that runs some of them keeps the others' outputs from the folder's earlier run.
namespace analysis {
inline constexpr char inputs[] = "inputs";  // the input layers and rejects: rewritten by every step
inline constexpr char coverage[] = "coverage";
inline constexpr char hotspots[] = "hotspots";
inline constexpr char plan[] = "plan";
}  // namespace analysis

namespace layer {
// The inputs as loaded, and what was not.
inline constexpr char villages[] = "villages";
inline constexpr char network[] = "network";
inline constexpr char sites[] = "sites";
inline constexpr char tracks[] = "tracks";
inline constexpr char issues[] = "issues";
inline constexpr char rejects[] = "rejects";
// Coverage.
inline constexpr char network_coverage[] = "network_coverage";
inline constexpr char uncovered[] = "uncovered";
inline constexpr char site_coverage[] = "site_coverage";
inline constexpr char village_coverage[] = "village_coverage";
inline constexpr char village_matrix[] = "village_matrix";
inline constexpr char blind_areas[] = "blind_areas";
// Hotspots.
inline constexpr char hotspot_cells[] = "hotspot_cells";
inline constexpr char hotspot_zones[] = "hotspot_zones";  // neighbouring hot cells merged, named and ranked
inline constexpr char emerging_hotspots[] = "emerging_hotspots";
inline constexpr char rebounds[] = "rebounds";
inline constexpr char gi_features[] = "gi_features";
// The walk plan.
inline constexpr char routes[] = "routes";                      // one line per team-day, depot back to depot
inline constexpr char route_stops[] = "route_stops";            // turn points with instructions
inline constexpr char plan_required[] = "plan_required";        // each piece that must be walked, and its team-day
inline constexpr char plan_unreachable[] = "plan_unreachable";  // pieces no path reaches, with the reason

// The layers of geowalk.gpkg that have a geometry column: those that can get a GeoJSON copy (--geojson LAYERS).
// rejects has one only when some rejected features could be placed; it is refused by name all the same, since its
// geometry_wkt in the source's CRS belongs in the GeoPackage.
inline constexpr std::array<std::string_view, 20> map_layers{
    villages,     network,       sites,           tracks,          issues,           network_coverage, uncovered,
    site_coverage, village_coverage, village_matrix, blind_areas,   hotspot_cells,    hotspot_zones,
    emerging_hotspots, rebounds,     gi_features,     routes,          route_stops,      plan_required,
    plan_unreachable};
}  // namespace layer

}  // namespace geo::output
