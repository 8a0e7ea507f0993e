#pragma once
// density.tif as a picture the web map lays over the ground: warped by GDAL to Web Mercator (the map's own
// projection, so the picture's rows and columns stay straight on screen), coloured by gdaldem color-relief with
// the QGIS project's ramp (clear at 0 to dark red at the maximum) and written as a PNG with alpha.
#include "libgeo/qgis/raster_styles.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace geo::web {

struct Overlay {
    std::string file;                             // relative to web/: "density.png"
    double west = 0, south = 0, east = 0, north = 0;  // the picture's corners, degrees (EPSG:4326)
    int width = 0, height = 0;
};

// Writes web_dir/density.png from `density_tif` coloured by `ramp`; the picture is at most `max_side` pixels on its
// longer side (a county's grid would otherwise be hundreds of MB). Throws geo::OutputError naming the file.
Overlay write_density_overlay(const std::filesystem::path& density_tif, const std::vector<qgis::RampItem>& ramp,
                              const std::filesystem::path& web_dir, int max_side = 2048);

}  // namespace geo::web
