#pragma once
// RFC 7946 GeoJSON copies of the run's vector layers (geojson/<layer>.geojson), for web maps and people without a
// GIS: WGS 84 longitude/latitude reprojected by PROJ through OGR, 7 decimals (about 1 cm), exterior rings
// counter-clockwise and holes clockwise, no "crs" member. Written by GDAL's GeoJSON driver from the finished
// GeoPackage, so the copies hold exactly what geowalk.gpkg holds.
#include <filesystem>
#include <string>
#include <vector>

class OGRLayer;

namespace geo::output {

// Which layers get a copy. By default those within the limits: a copy of a county's hotspot cells (a gigabyte)
// opens in no browser or text editor, and the GeoPackage holds every layer anyway, with a spatial index.
struct GeojsonChoice {
    enum class Mode { within_limits, all, none, listed } mode = Mode::within_limits;
    std::vector<std::string> layers;  // listed: layer names of the GeoPackage
    // A layer above either limit is left out (within_limits only): its feature count, or its estimated size.
    long long max_features = 200'000;
    double max_mb = 100;  // 1 MB = 1,000,000 bytes
};

// A layer that got no copy, and why.
struct GeojsonLeftOut {
    std::string layer;
    long long features = 0;
    double estimated_mb = 0;  // the copy's estimated size
    std::string reason;       // for people: "243,000 features, more than 200,000"
    bool in_gpkg = true;      // false: listed, but this run has no such layer
};

struct GeojsonCopies {
    std::vector<std::string> written;  // file names, relative to the folder
    std::vector<GeojsonLeftOut> left_out;
};

// Estimated size in MB of `layer`'s GeoJSON copy: the text of its first features (coordinates at 7 decimals,
// attributes as JSON), up to `sample` of them, times its feature count; reading them takes milliseconds where
// writing a large copy takes minutes. Exact for layers of at most `sample` features up to the rounding of the
// coordinate text (an estimate within about 10 %).
double estimated_geojson_mb(OGRLayer& layer, int sample = 2000);

// Writes <dir>/<layer>.geojson (dir is created unless nothing is written) for every layer of `gpkg` that has a
// geometry column and that `choice` selects, in the GeoPackage's order, with every feature and field; a feature
// without geometry gets "geometry": null. Tables without geometry (rejects, whose geometry_wkt is in its source's
// CRS and may be exactly what could not be placed; layer_styles) are left out: they are not map layers. Returns the
// file names written, relative to `dir`, and the geometry layers left out by the limits.
// Throws geo::UsageError naming the listed layers the GeoPackage does not have (with the names it has).
// Throws geo::OutputError naming the file (and the feature) when a layer has no CRS, a geometry cannot be
// transformed, or GDAL fails; the partial file is removed. Layers are written on up to `threads` threads, one file
// per thread at a time (the files do not depend on it).
GeojsonCopies write_geojson_layers(const std::filesystem::path& gpkg, const std::filesystem::path& dir,
                                   int threads = 1, const GeojsonChoice& choice = {});

}  // namespace geo::output
