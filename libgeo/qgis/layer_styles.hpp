#pragma once
// Default QGIS styles inside a GeoPackage: the layer_styles table that QGIS itself writes when a user saves a
// style "in the database", one row per layer with useAsDefault set, so that QGIS draws every layer styled the
// moment it is added, with no project and no .qml files beside the data.
#include "libgeo/qgis/default_styles.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace geo::qgis {

struct GpkgLayerInfo {
    std::string name;
    qgis::GeometryKind kind = qgis::GeometryKind::none;
    std::string geometry_column;  // "" for a table without geometry
    long long features = 0;
    std::vector<std::string> fields;  // attribute field names, in the table's order
};

// The data layers of a finished GeoPackage (layer_styles itself left out), in the file's order.
std::vector<GpkgLayerInfo> gpkg_layers(const std::filesystem::path& gpkg);

// Adds (or replaces) one default style per layer present in the file, QML for QGIS 3.22+ and SLD, with legend
// labels in `lang` ("en" or "zh"), and the further named styles qgis::extra_styles offers for it (not default).
// Call after the GeoPackage is closed; throws geo::OutputError on failure.
void write_layer_styles(const std::filesystem::path& gpkg, const std::string& lang = "en");

}  // namespace geo::qgis
