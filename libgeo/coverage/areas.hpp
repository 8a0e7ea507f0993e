#pragma once
// Area figures of the villages: how much of each lies within W of a walk, and the blind areas farther than B from
// every walk, read off the exact distance-to-walk raster (raster/distance_transform.hpp) by contouring it at W and B
// (raster/contour.hpp says how exact that is) and clipping the bands to each village polygon with GEOS.
//
// Why not GEOS buffers of the tracks: repeated walks of the same road give nearly coincident offset curves that cross
// each other at every GPS wobble, and GEOS must node all of them; at one fix every 4 s the buffers of one sample
// town took 70 s and 1.4 GB, superlinear in track length, while the raster is linear. Tests compare both.
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/raster/grid.hpp"

namespace geo::coverage {

// The pixel of the distance raster the areas are read from when no walk-distance raster is asked for.
inline constexpr double default_area_pixel_m = 10.0;

struct AreaOptions {
    double village_m = 100.0;  // W
    double blind_m = 200.0;    // B
    double reach_m = 0.0;      // R; 0 = all village land may be blind
    int threads = 2;
};

struct AreaFigures {
    std::vector<double> walked_m2;     // per village: land within W of a walk
    std::vector<double> required_m2;   // per village: land within R of the network or a site (all of it when R = 0)
    std::vector<BlindArea> blind;      // largest first; ties keep village order
    std::vector<BlindArea> not_required;  // village land beyond R: nobody was asked to walk it; largest first
};

// The mask the distance raster for the areas must be valid in: the villages grown by two pixels, so every pixel
// whose square meets a village, and its neighbours, have values and the contoured bands reach every boundary.
MultiPolygon area_mask(const Campaign& campaign, const raster::Grid& grid);

// `distance` is the distance raster over a grid covering the villages, valid at least inside area_mask; null when
// nothing was walked (then no land is walked and all of it is blind).
AreaFigures area_figures(const Campaign& campaign, const raster::Raster* distance, const AreaOptions& options);

}  // namespace geo::coverage
