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
    std::string analysis;  // which analysis wrote it (contract.hpp analysis::), the inputs for input layers
};

// One analysis whose outputs the folder holds.
struct AnalysisEntry {
    std::string name;        // analysis::coverage, analysis::hotspots
    std::string written_at;  // when its outputs were written, UTC, ISO 8601
    std::string inputs;      // inputs_fingerprint() of the campaign it ran on
    bool carried = false;    // kept from the folder's earlier run by a step that did not run it
    bool stale = false;      // carried, and the inputs have changed since it ran
};

// An output kept although it no longer matches the rest (maps/ after a step run with --no-maps).
struct StaleOutput {
    std::string path;    // relative to the folder: "maps", "report.pdf"
    std::string reason;  // for people
    std::string remedy;  // the command that brings it up to date
};

// An output a run chose not to write (a GeoJSON copy above the size limits, the village maps of a county).
struct SkippedOutput {
    std::string path;    // relative to the folder: "geojson/hotspot_cells.geojson", "maps/village_*"
    std::string reason;  // for people
    std::string remedy;  // how to get it
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
    std::string inputs;                  // inputs_fingerprint() of this run's campaign
    std::vector<AnalysisEntry> analyses;  // those whose outputs the folder holds, run now or carried
    std::vector<StaleOutput> stale;       // outputs kept that do not match the rest
    std::vector<SkippedOutput> skipped;   // outputs left out on purpose, and how to get them

    [[nodiscard]] const ManifestLayer* layer(std::string_view name) const;
    [[nodiscard]] const AnalysisEntry* analysis(std::string_view name) const;
};

// A manifest with the campaign's title, CRS, extent and inputs fingerprint; the writers add layers, rasters and
// figures.
Manifest manifest_of(const Campaign& campaign);

// A digest of what the analyses read from the campaign (CRS, geometries, categories, names, times, statuses; not
// the attributes carried along for people): equal digests mean that an analysis run on one would give what it gives
// on the other, with the same options. 16 hex digits (FNV-1a, 64 bits).
std::string inputs_fingerprint(const Campaign& campaign);

// Now, UTC, ISO 8601 to the second: AnalysisEntry::written_at.
std::string utc_now_text();

Json to_json(const Manifest& manifest);
// manifest.json's and summary.json's `skipped`: [{path, reason, remedy}].
Json skipped_json(const std::vector<SkippedOutput>& skipped);
// Throws geo::InputError naming `file` for a manifest of another version or a missing or mistyped member.
Manifest manifest_from_json(const Json& json, const std::filesystem::path& file);
// dir/manifest.json; throws geo::InputError naming it when it is missing or malformed, with what to do.
Manifest read_manifest(const std::filesystem::path& dir);
void write_manifest(const std::filesystem::path& file, const Manifest& manifest);

}  // namespace geo::output
