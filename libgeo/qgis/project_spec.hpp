#pragma once
// Fills a QgisProjectSpec from the files of an output folder, so the project always lists exactly what was
// written: the GeoPackage's layers, the CRS and extent of its villages layer, the rasters present and the
// coverage thresholds recorded in them (and in summary.json for S).
#include "libgeo/qgis/qgis_project.hpp"

#include <filesystem>
#include <string>

namespace geo::qgis {

// The vector layers of a GeoPackage as project entries (layer_styles left out).
std::vector<ProjectVector> project_vectors(const std::filesystem::path& gpkg);

// The extent of one layer of a GeoPackage (the town: "villages"); throws geo::OutputError when it has none.
Extent layer_extent(const std::filesystem::path& gpkg, const std::string& layer);

// dir holds geowalk.gpkg and any of walk_distance.tif, density.tif and summary.json.
QgisProjectSpec project_spec_from_outputs(const std::filesystem::path& dir, const std::string& lang = "en");

}  // namespace geo::qgis
