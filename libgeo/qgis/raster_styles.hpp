#pragma once
// The raster renderers of geowalk's two grids as QGIS 3.22 writes them inside a project's <maplayer><pipe>:
// walk distance as discrete steps at the coverage thresholds, issue density as a continuous ramp that is clear
// where the density is zero, so the map beneath stays readable.
#include "libgeo/qgis/xml.hpp"

#include <string>

namespace geo::qgis {

// Steps: within sight S (seen), within W (walked village land), within B, beyond B (blind).
XmlElement walk_distance_pipe(double sight_m, double village_m, double blind_m, const std::string& lang);

// A ramp from transparent at 0 to dark red at max_value (the grid's maximum; 1 when unknown).
XmlElement density_pipe(double max_value, const std::string& lang);

}  // namespace geo::qgis
