#pragma once
// geowalk.qgs: a QGIS project (the XML that QGIS 3.22 and later reads) with every output layer, grouped, in a
// sensible drawing order, each styled like its default in layer_styles, in the campaign's local CRS and opened
// on the town. Paths in it are relative, so the output folder can be moved or zipped as a whole.
#include "libgeo/qgis/default_styles.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace geo::qgis {

struct ProjectVector {
    std::string name;  // the GeoPackage table
    qgis::GeometryKind kind = qgis::GeometryKind::polygon;
    std::vector<std::string> fields;  // its attribute fields: an extra style (qgis::extra_styles) becomes a layer
};

struct WalkDistanceRaster {
    std::string file = "walk_distance.tif";  // relative to the project
    double sight_m = 30, village_m = 100, blind_m = 200;  // S, W, B
};

struct DensityRaster {
    std::string file = "density.tif";
    double max_value = 0;  // 0: read the maximum from the file next to the project
};

using output::Extent;

struct QgisProjectSpec {
    std::string title = "geowalk";
    std::string gpkg = "geowalk.gpkg";  // relative to the project
    std::vector<ProjectVector> vectors;
    std::optional<WalkDistanceRaster> walk_distance;
    std::optional<DensityRaster> density;
    std::string crs_wkt;     // the campaign's local CRS (LocalCrs::wkt)
    std::string crs_authid;  // "EPSG:4547" when it has one (LocalCrs::id)
    std::string crs_name;
    Extent extent;           // the town, in the local CRS
    std::string lang = "en";
};

// Writes the project; throws geo::OutputError when the file cannot be written.
void write_qgis_project(const std::filesystem::path& qgs, const QgisProjectSpec& spec);

// The project document itself, for tests.
std::string qgis_project_xml(const QgisProjectSpec& spec, const std::filesystem::path& project_dir = {});

}  // namespace geo::qgis
