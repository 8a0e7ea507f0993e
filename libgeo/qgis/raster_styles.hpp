#pragma once
// The raster renderers of geowalk's two grids as QGIS 3.22 writes them inside a project's <maplayer><pipe>:
// walk distance as discrete steps at the coverage thresholds, issue density as a continuous ramp that is clear
// where the density is zero, so the map beneath stays readable.
#include "libgeo/qgis/symbology.hpp"
#include "libgeo/qgis/xml.hpp"

#include <string>
#include <vector>

namespace geo::qgis {

// One stop of a colour ramp: the QGIS project and the printed maps draw the rasters from the same stops.
struct RampItem {
    double value;
    Rgba colour;
    std::string label;
};

// Discrete: a pixel takes the first item whose value is at least the pixel's; the last item's value is infinity.
std::vector<RampItem> walk_distance_steps(double sight_m, double village_m, double blind_m, const std::string& lang);

// Interpolated from clear at 0 to dark red at max_value (1 when unknown or not positive).
std::vector<RampItem> density_stops(double max_value, const std::string& lang);

// Steps: within sight S (seen), within W (walked village land), within B, beyond B (blind).
XmlElement walk_distance_pipe(double sight_m, double village_m, double blind_m, const std::string& lang);

// A ramp from transparent at 0 to dark red at max_value (the grid's maximum; 1 when unknown).
XmlElement density_pipe(double max_value, const std::string& lang);

}  // namespace geo::qgis
