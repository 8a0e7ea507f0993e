#pragma once
// RFC 7946 GeoJSON copies of the run's vector layers (geojson/<layer>.geojson), for web maps and people without a
// GIS: WGS 84 longitude/latitude reprojected by PROJ through OGR, 7 decimals (about 1 cm), exterior rings
// counter-clockwise and holes clockwise, no "crs" member. Written by GDAL's GeoJSON driver from the finished
// GeoPackage, so the copies hold exactly what geowalk.gpkg holds.
#include <filesystem>
#include <string>
#include <vector>

namespace geo::output {

// Writes <dir>/<layer>.geojson (dir is created) for every layer of `gpkg` that has a geometry column, in the
// GeoPackage's order, with every feature and field; a feature without geometry gets "geometry": null. Tables
// without geometry (rejects, whose geometry_wkt is in its source's CRS and may be exactly what could not be
// placed; layer_styles) are left out: they are not map layers. Returns the file names written, relative to `dir`.
// Throws geo::OutputError naming the file (and the feature) when a layer has no CRS, a geometry cannot be
// transformed, or GDAL fails; the partial file is removed. Layers are written on up to `threads` threads, one file
// per thread at a time (the files do not depend on it).
std::vector<std::string> write_geojson_layers(const std::filesystem::path& gpkg, const std::filesystem::path& dir,
                                              int threads = 1);

}  // namespace geo::output
