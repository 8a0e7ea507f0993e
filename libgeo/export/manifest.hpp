#pragma once
// The run manifest: what a run wrote, built while writing and kept in memory for the QGIS project, the maps and the
// report, then written as manifest.json for `geowalk render DIR` and `geowalk report DIR`. Typed and versioned, so
// a later step never guesses from the files or reads summary.json back.
#include "libgeo/core/options.hpp"
#include "libgeo/export/summary.hpp"

#include <ogr_core.h>

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace geo::output {

// What a layer's geometry column holds; QGIS symbols must match it (a point draws only with a marker symbol).
enum class GeometryKind { none, point, line, polygon, mixed };
inline constexpr std::array<options::Named<GeometryKind>, 5> geometry_kind_names{{{GeometryKind::none, "none"},
                                                                                  {GeometryKind::point, "point"},
                                                                                  {GeometryKind::line, "line"},
                                                                                  {GeometryKind::polygon, "polygon"},
                                                                                  {GeometryKind::mixed, "mixed"}}};
GeometryKind geometry_kind(OGRwkbGeometryType type);

struct Extent {
    double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
};

struct ManifestLayer {
    std::string name;  // in geowalk.gpkg
    GeometryKind kind = GeometryKind::none;
    std::vector<std::string> fields;  // attribute fields, in the table's order
    long long features = 0;
};

// walk_distance.tif and the distances its classes break at: S, W, B.
struct WalkDistanceEntry {
    std::string file = "walk_distance.tif";
    double sight_m = 30, village_m = 100, blind_m = 200;
};

struct DensityEntry {
    std::string file = "density.tif";
    double max_value = 0;
};

struct Manifest {
    static constexpr int version = 1;
    std::string title;                         // the campaign's name
    std::string crs_wkt, crs_name, crs_authid;  // the campaign's local CRS
    Extent extent;                             // of the villages, in that CRS
    std::vector<ManifestLayer> layers;         // of geowalk.gpkg, in writing order
    std::optional<WalkDistanceEntry> walk_distance;
    std::optional<DensityEntry> density;
    Json summary;  // the figures, as summary.json holds them (campaign, inputs, coverage, hotspots, options)

    [[nodiscard]] const ManifestLayer* layer(std::string_view name) const;
};

// A manifest with the campaign's title, CRS and extent; the writers add layers, rasters and figures.
Manifest manifest_of(const Campaign& campaign);

Json to_json(const Manifest& manifest);
// Throws geo::InputError naming `file` for a manifest of another version or a missing or mistyped member.
Manifest manifest_from_json(const Json& json, const std::filesystem::path& file);
// dir/manifest.json; throws geo::InputError naming it when it is missing or malformed, with what to do.
Manifest read_manifest(const std::filesystem::path& dir);
void write_manifest(const std::filesystem::path& file, const Manifest& manifest);

}  // namespace geo::output
