#pragma once
// A QgisProjectSpec from a run's manifest, so the project lists exactly what the run wrote: the GeoPackage's layers
// with their geometry kinds and fields, the CRS and extent of the villages, the rasters and their thresholds.
#include "libgeo/export/manifest.hpp"
#include "libgeo/qgis/qgis_project.hpp"

#include <string>

namespace geo::qgis {

// lang: "en" or "zh", for legends and group names.
QgisProjectSpec project_spec(const output::Manifest& manifest, const std::string& lang = "en");

}  // namespace geo::qgis
