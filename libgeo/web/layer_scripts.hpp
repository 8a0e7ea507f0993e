#pragma once
// The run's vector layers as plain scripts for the web page (web/layer_<name>.js): Chromium forbids fetch() on
// file://, but a <script> may load a file beside the page, so each layer is a GeoJSON object handed to a function
// the page defines. The GeoJSON is written by GDAL's GeoJSON driver (RFC 7946, EPSG:4326 through PROJ, like the
// geojson/ copies) with coordinates at 6 decimals (about 10 cm), enough for a screen and a third smaller.
#include <filesystem>
#include <string>
#include <vector>

class GDALDataset;

namespace geo::web {

struct LayerScript {
    std::string layer;  // the GeoPackage table
    std::string file;   // relative to web/: "layer_uncovered.js"
    long long features = 0;
    std::uintmax_t bytes = 0;
};

// Above this many features a layer keeps only the fields the page needs (its style's, its labels', and those the
// panels read), so that the sample's hotspot grid stays a few MB.
inline constexpr long long slim_above_features = 1500;

// The fields of `layer` the page reads besides the style's: the village panel, the week slider, popups.
std::vector<std::string> page_fields(const std::string& layer);

// Writes web_dir/layer_<layer>.js for `layer` of `source`, the GeoPackage at `gpkg` (open: opening it and setting
// up its transformation took most of the time of a small layer), keeping `fields` only when `slim` (all fields
// otherwise). Throws geo::OutputError naming the GeoPackage and the layer when GDAL fails.
LayerScript write_layer_script(GDALDataset& source, const std::filesystem::path& gpkg, const std::string& layer,
                               const std::vector<std::string>& fields, bool slim,
                               const std::filesystem::path& web_dir);

}  // namespace geo::web
