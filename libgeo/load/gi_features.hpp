#pragma once
// Reading the features of the Gi* feature mode (`geowalk hotspots --gi-features FILE --gi-field FIELD --band M`):
// any GDAL vector layer of points or polygons with a numeric field, e.g. per-village rates, or published test data.
#include "libgeo/hotspot/analysis.hpp"

#include <filesystem>
#include <string>

namespace geo::load {

// One point per feature (polygons and lines by their centroid) in the layer's own CRS when it is projected (so
// published planar data keep their distances), else in the campaign's local CRS (`local_crs_wkt`). Throws
// geo::InputError naming the file and feature for a feature without geometry or a field value that is not a
// number, and for a missing field or layer.
hotspot::GiFeatures read_gi_features(const std::filesystem::path& file, const std::string& layer,
                                     const std::string& field, const std::string& local_crs_wkt);

}  // namespace geo::load
